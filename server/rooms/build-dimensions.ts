/**
 * Turns a facilitator's dimension list into full dimension definitions. A field left out comes
 * from the workshop's own dimension of that key (`current`: its template's descriptors, prompts
 * and poles), else from the default canvas's.
 */
import { dimensionKey } from '../../shared/domain/canvas.ts';
import type { DimensionInput } from '../../shared/schema/protocol.ts';
import type { DimensionDef, DimensionPlaybook } from '../../shared/domain/types.ts';
import { defaultDimensions, defaultPlaybook, playbookOf } from '../../shared/domain/workshop-model.ts';
import { AppError } from '../../shared/domain/errors.ts';

export function buildDimensions(inputs: readonly DimensionInput[] | undefined, current: readonly DimensionDef[] = []): DimensionDef[] {
  if (!inputs) return defaultDimensions();
  const defaults = [...current, ...defaultDimensions()];
  const taken = new Set<string>();
  return inputs.map((input) => {
    const base = input.key ? defaults.find((d) => d.key === input.key) : undefined;
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

/**
 * The playbooks for a dimension list the facilitator edited: each keeps the one it had, and a
 * default canvas key brings the default's, as its descriptors do.
 */
export function playbooksFor(
  dimensions: readonly DimensionDef[],
  had: Readonly<Record<string, DimensionPlaybook>>,
): Record<string, DimensionPlaybook> {
  const out: Record<string, DimensionPlaybook> = {};
  for (const d of dimensions) {
    const p = playbookOf(had, d.key) ?? defaultPlaybook(d.key);
    if (p) out[d.key] = p;
  }
  return out;
}
