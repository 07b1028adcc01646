/** Turns a facilitator's dimension list into full dimension definitions, filling gaps from the default canvas. */
import { DEFAULT_DIMENSIONS, dimensionKey } from '../../shared/canvas.ts';
import type { DimensionInput } from '../../shared/protocol.ts';
import type { DimensionDef } from '../../shared/types.ts';
import { defaultDimensions } from '../../shared/board.ts';
import { AppError } from '../../shared/errors.ts';

export function buildDimensions(inputs: readonly DimensionInput[] | undefined): DimensionDef[] {
  if (!inputs) return defaultDimensions();
  const taken = new Set<string>();
  return inputs.map((input) => {
    const base = input.key ? DEFAULT_DIMENSIONS.find((d) => d.key === input.key) : undefined;
    const key = input.key ?? dimensionKey(input.name, taken);
    if (taken.has(key)) throw new AppError('INVALID_VALUE', `Two dimensions share the key "${key}".`);
    taken.add(key);
    return {
      key,
      name: input.name,
      left: input.left ?? base?.left ?? '',
      right: input.right ?? base?.right ?? '',
      descriptors: input.descriptors ?? (base ? [...base.descriptors] : ['', '', '', '', '']),
      prompts: input.prompts ?? (base ? [...base.prompts] : []),
      enabler: input.enabler ?? base?.enabler ?? false,
    };
  });
}
