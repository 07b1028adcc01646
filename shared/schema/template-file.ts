/**
 * The workshop model as a file: everything that defines a workshop before
 * anyone joins (stage names, dimensions with their poles, descriptors,
 * prompts, enabler flags, first steps and benchmarks, horizons, settings),
 * versioned (`format`, `version`). The default canvas ships as one
 * (shared/templates/social-organisation.json); `GET .../template.json` gives a
 * workshop's back; `POST /api/workshops` takes one as `template`.
 *
 * The zod schema here is the one truth: the JSON Schema people edit a template
 * with (shared/templates/template.schema.json) is generated from it by
 * scripts/template-schema.ts, and a unit test holds the committed file equal
 * to what the script writes. Server and tests only: the phone never loads zod.
 */
import { z } from 'zod';
import { STAGE_COUNT } from '../domain/canvas.ts';
import { AppError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import type { TemplateDimension, WorkshopTemplate } from '../domain/types.ts';
import { sameType } from './same-type.ts';
import { DimensionKeySchema, HorizonIdSchema, requiredText, SettingsSchema, text } from './protocol.ts';

export const TEMPLATE_FORMAT = 'social-shift/template';
export const TEMPLATE_VERSION = 1;
/** Named here so a template refused for being an archive can say what it is instead. */
export const ARCHIVE_FORMAT = 'social-shift/archive';

const StageSchema = z
  .object({
    level: z
      .number()
      .int()
      .min(1)
      .max(STAGE_COUNT)
      .describe('1 (the left edge, "uses social media") to 5 (the right edge, "social organisation"), in order.'),
    name: requiredText(LIMITS.stageNameMax),
    summary: text(LIMITS.descriptorMax).describe('What the stage means, in a sentence.'),
    short: text(LIMITS.stageShortMax).describe('A few words for a legend.'),
  })
  .strict();

const StepSchema = z
  .object({
    text: requiredText(LIMITS.roadmapFieldMax).describe(
      'What to do, in the imperative. {serves} stands for who the organisation serves; {act} for what they do with it (\"buy from us\", \"give to us or volunteer\"), from the kind of organisation. {card|words} stands for the team\'s practice card that fits the step, quoted, and for the words after the bar when no card fits; a step without it starts from the card ("Start with …"). [[… {barrier} …]] is said only when a barrier on the dimension stands in the way, quoted in place of {barrier}.',
    ),
    cues: z
      .array(requiredText(LIMITS.cueMax))
      .max(LIMITS.cuesMax)
      .describe(
        'Word beginnings ("sign", "approv") that show a practice card is about this step: the roadmap then starts the step from the team\'s own card.',
      ),
  })
  .strict();

const PlaybookSchema = z
  .object({
    align: requiredText(LIMITS.roadmapFieldMax).describe(
      "A first step for when the room must first agree where it stands: an hour's conversation.",
    ),
    firstSteps: z
      .array(StepSchema)
      .length(STAGE_COUNT - 1)
      .describe('Four steps: the way out of stage 1, 2, 3 and 4, in that order.'),
    benchmarks: z
      .array(requiredText(LIMITS.roadmapFieldMax))
      .length(STAGE_COUNT - 1)
      .describe(
        "Four benchmarks: how the organisation will know it reached stage 2, 3, 4 and 5, in that order, each measuring the first step at the same place. Relationships, not campaign returns. {serves} and {act} as in a step; a benchmark may end with {today|what to count}: how to take today's figure when no card the step starts from gives it.",
      ),
    needs: z
      .array(DimensionKeySchema)
      .max(LIMITS.dimensionsMax)
      .optional()
      .describe(
        "Keys of the dimensions whose work must start before this one's. Absent: the enabling dimensions, for one that is not an enabler itself.",
      ),
  })
  .strict();

const DimensionSchema = z
  .object({
    key: DimensionKeySchema.describe('Stable id: lower-case letters, digits and dashes. Votes, cards and re-runs refer to it.'),
    name: requiredText(LIMITS.dimensionNameMax),
    left: text(LIMITS.descriptorMax).describe('What the left edge ("uses social media") looks like on this dimension.'),
    right: text(LIMITS.descriptorMax).describe('What the right edge ("social organisation") looks like.'),
    descriptors: z
      .array(text(LIMITS.descriptorMax))
      .length(STAGE_COUNT)
      .describe('One line per stage: what it looks like here, from stage 1 to 5.'),
    prompts: z.array(requiredText(LIMITS.promptMax)).max(LIMITS.promptsMax).describe('Questions for the facilitator to ask the room.'),
    enabler: z.boolean().describe('Groundwork the others build on (leadership, people, ways of working): the roadmap starts it early.'),
    playbook: PlaybookSchema.optional().describe(
      'What the roadmap suggests for this dimension. Without it, steps are written from the descriptors.',
    ),
  })
  .strict();

const TemplateHorizonSchema = z
  .object({
    id: HorizonIdSchema,
    label: requiredText(LIMITS.horizonLabelMax),
    fromMonth: z.number().int().min(0).max(120),
    toMonth: z.number().int().min(1).max(120),
  })
  .strict();

// Whether phones get a copy is the session's choice, made in the room (Settings), not the model's.
const TemplateSettingsSchema = SettingsSchema.omit({ horizons: true, participantCopies: true }).strict();

export const TemplateSchema = z
  .object({
    $schema: z.string().max(2_000).optional().describe('Where an editor finds this schema; ignored by the server.'),
    format: z.literal(TEMPLATE_FORMAT),
    version: z.literal(TEMPLATE_VERSION),
    name: requiredText(LIMITS.templateNameMax).describe('What this model is called.'),
    description: text(LIMITS.templateDescriptionMax).default('').describe('What it is for, in a sentence or two.'),
    stages: z.array(StageSchema).length(STAGE_COUNT).describe('The five columns of the canvas, left to right.'),
    dimensions: z.array(DimensionSchema).min(1).max(LIMITS.dimensionsMax).describe('The rows of the canvas, in order.'),
    horizons: z
      .array(TemplateHorizonSchema)
      .min(1)
      .max(LIMITS.horizonsMax)
      .describe("When the roadmap's initiatives run, in months from the workshop."),
    settings: TemplateSettingsSchema,
  })
  .strict()
  .superRefine((t, ctx) => {
    t.stages.forEach((s, i) => {
      if (s.level !== i + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'level'],
          message: `stage ${i + 1} must have level ${i + 1}: stages run from 1 to ${STAGE_COUNT}, in order`,
        });
    });
    const keys = new Map<string, number>();
    t.dimensions.forEach((d, i) => {
      const first = keys.get(d.key);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions', i, 'key'],
          message: `"${d.key}" is already the key of dimension ${first}: keys must be unique`,
        });
      else keys.set(d.key, i);
    });
    const ids = new Map<string, number>();
    t.horizons.forEach((h, i) => {
      const first = ids.get(h.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['horizons', i, 'id'],
          message: `"${h.id}" is already the id of horizon ${first}: ids must be unique`,
        });
      else ids.set(h.id, i);
      if (h.toMonth <= h.fromMonth)
        ctx.addIssue({ code: 'custom', path: ['horizons', i, 'toMonth'], message: 'a horizon must end after it starts' });
    });
  });

export type { TemplateDimension, WorkshopTemplate };
// The schema and the hand-written type (which the zod-free layers use) describe the same file.
sameType<z.output<typeof TemplateSchema>, WorkshopTemplate>(true);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A refusal that names the field (a dotted path inside the file) and says why. */
export function fileRefusal(code: 'INVALID_TEMPLATE' | 'INVALID_ARCHIVE', path: readonly PropertyKey[], why: string): AppError {
  const at = path.map(String).join('.');
  return new AppError(code, `${at || (code === 'INVALID_TEMPLATE' ? 'template' : 'archive')}: ${why}`, at);
}

/**
 * Checks that `value` is a file of `format` at `version` before anything else, so that a file
 * from a newer server, or of another kind, is refused in words rather than as a list of fields.
 */
export function checkFileKind(
  value: unknown,
  code: 'INVALID_TEMPLATE' | 'INVALID_ARCHIVE',
  format: string,
  version: number,
): Record<string, unknown> {
  const kind = code === 'INVALID_TEMPLATE' ? 'workshop template' : 'workshop archive';
  if (!isObject(value)) throw fileRefusal(code, [], `a ${kind} is a JSON object`);
  if (value.format !== format) {
    if (code === 'INVALID_TEMPLATE' && value.format === ARCHIVE_FORMAT) {
      throw fileRefusal(
        code,
        ['format'],
        'this file is a workshop archive, not a template: to run that workshop again, send it as "previous"',
      );
    }
    throw fileRefusal(code, ['format'], `this is not a Social Shift ${kind}: its "format" must be "${format}"`);
  }
  const v = value.version;
  if (v !== version) {
    if (typeof v === 'number' && Number.isInteger(v) && v > version) {
      throw fileRefusal(
        code,
        ['version'],
        `this ${kind} is version ${v}, and this server reads version ${version} only, so it cannot tell what the newer file means: open it with a newer Social Shift`,
      );
    }
    throw fileRefusal(code, ['version'], `unknown version: this server reads ${kind}s of version ${version}`);
  }
  return value;
}

/**
 * Reads a template someone sent or uploaded. Throws AppError INVALID_TEMPLATE with the path of
 * the first field that is wrong (`dimensions.2.name`) and why; an unknown `format` or `version`
 * is refused in words first.
 */
export function parseTemplate(value: unknown): WorkshopTemplate {
  checkFileKind(value, 'INVALID_TEMPLATE', TEMPLATE_FORMAT, TEMPLATE_VERSION);
  const result = TemplateSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw fileRefusal('INVALID_TEMPLATE', issue.path, issue.message);
}
