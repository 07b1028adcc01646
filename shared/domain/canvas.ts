/**
 * What every workshop shares, whatever its model: five stages (columns) on the
 * journey from "an organisation that uses social media" to "a social
 * organisation", the phases of a session, and the shapes of a dimension's
 * roadmap suggestions. Pure data, small enough for the phone.
 *
 * The model itself (dimensions, their descriptors, prompts, first steps and
 * benchmarks, stage names, horizons, settings) is a file:
 * shared/templates/social-organisation.json, read through
 * shared/domain/workshop-model.ts and validated by shared/schema/template-file.ts. The phone never
 * loads it: a workshop's dimensions and stages reach it in the room document.
 */

export const STAGE_COUNT = 5;

/** Targets are set for 12 to 18 months out; the default horizons run to the end of that window. */
export const TARGET_MONTHS = 18;

/** One suggested step out of a stage. */
export interface RoadmapStep {
  /** What to do, in the imperative. `{serves}` stands for who the organisation serves ("customers"), `{act}` for what they do with it ("buy from us"; shared/domain/organisation.ts). */
  readonly text: string;
  /**
   * Word beginnings that show a practice card is about this step ("sign", "approv"):
   * the roadmap then starts the step from the team's own card.
   */
  readonly cues: readonly string[];
}

/** What the roadmap suggests for a dimension. `{serves}` as in `RoadmapStep.text`. */
export interface DimensionPlaybook {
  /** A first step for when the room must first agree where it stands: an hour's conversation. */
  readonly align: string;
  /** `firstSteps[s - 1]`: the step out of stage s (1..4); four of them. */
  readonly firstSteps: readonly RoadmapStep[];
  /** `benchmarks[s - 2]`: how we will know we reached stage s (2..5); four of them. Relationships, not campaign returns. */
  readonly benchmarks: readonly string[];
  /**
   * Keys of the dimensions whose work must start before this one's (a reply standard needs the
   * sign-offs cut first). Absent: all the enabling dimensions, for a dimension that is not one itself.
   */
  readonly needs?: readonly string[];
}

export interface Stage {
  /** 1 (left edge) .. 5 (right edge). */
  readonly level: number;
  readonly name: string;
  readonly summary: string;
  /** A few words for a legend: what the stage means in practice. */
  readonly short: string;
}

/**
 * The stage names of the default model, for screens and for workshops stored before stages
 * were part of a workshop's model. A unit test holds them equal to the default template's.
 */
export const STAGES: readonly Stage[] = [
  { level: 1, name: 'Absent', summary: 'Not in the game yet, or only on paper.', short: 'not there yet' },
  {
    level: 2,
    name: 'Broadcasting',
    summary: 'A few specialists or an agency push one-way messages; social channels are used like a billboard.',
    short: 'one-way messages',
  },
  {
    level: 3,
    name: 'Experimenting',
    summary: 'Pockets of real conversation, pilots and task forces; change happens piecemeal.',
    short: 'pilots',
  },
  {
    level: 4,
    name: 'Engaging',
    summary: 'Sustained two-way presence across functions, leaders involved, results measured beyond the campaign.',
    short: 'sustained two-way conversation',
  },
  {
    level: 5,
    name: 'Social organisation',
    summary: 'Networked: conversation and participation are how the business runs, in real time, with its users.',
    short: 'conversation is how we work',
  },
];

/** `Initiative.fromStage` while the room has not agreed where it stands. */
export const STAGE_NOT_AGREED = 0;

/** Phases of a session, in order. */
export const PHASES = ['lobby', 'map', 'assess', 'prioritise', 'roadmap', 'export'] as const;
export type Phase = (typeof PHASES)[number];

/** Whether `phase` is `than` or comes after it in the session. */
export const phaseAtLeast = (phase: Phase, than: Phase): boolean => PHASES.indexOf(phase) >= PHASES.indexOf(than);

/** Suggested barrier texts, from the objections the article names. */
export const BARRIER_SUGGESTIONS: readonly string[] = [
  'No time',
  'Too busy with day-to-day',
  'Cannot see the operational benefit',
  'We do not trust staff to speak for us',
  'The agency owns our voice',
  'Too many sign-offs',
  'No budget for it',
];

/**
 * A workshop's five stages: its own when `stages` holds five, else the default ones (a
 * workshop stored before stages were part of its model, a board without them).
 */
export function workshopStages(stages: unknown): readonly Stage[] {
  return Array.isArray(stages) && stages.length === STAGE_COUNT ? (stages as Stage[]) : STAGES;
}

/** Says a stage's name, by level (1..5). */
export type StageNamer = (level: number) => string;

/**
 * The one way to name a stage: by the workshop's own stages (`board.stages`), which a
 * facilitator may have renamed in the template ("Silent", "Listening", or in another
 * language). Out-of-range levels read "Stage n".
 */
export function stageNamer(stages: readonly Stage[] | null | undefined): StageNamer {
  const list = workshopStages(stages);
  return (level) => list[level - 1]?.name ?? `Stage ${level}`;
}

/** Makes a key from a dimension name a facilitator typed: stable, url-safe, unique among `taken`. */
export function dimensionKey(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'dimension';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}
