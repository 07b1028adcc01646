/**
 * Plain data types of a workshop board, as read out of the Y.Doc by
 * `readBoard` (shared/doc/meta-doc.ts). No zod here: the phone bundle imports these.
 */
import type { DimensionPlaybook, Phase, Stage } from './canvas.ts';
import type { OrganisationKind } from './organisation.ts';

export type { DimensionPlaybook, Phase, Stage };

/** A group of answers at neighbouring stages: `count` people said `from`..`to`. */
export interface Camp {
  from: number;
  to: number;
  count: number;
}

export interface DimensionDef {
  key: string;
  name: string;
  left: string;
  right: string;
  /** Exactly five, one per stage. */
  descriptors: string[];
  prompts: string[];
  enabler: boolean;
}

export interface Horizon {
  /** Stable id, e.g. "now". */
  id: string;
  label: string;
  fromMonth: number;
  toMonth: number;
  /**
   * Set only on the two horizons the roadmap adds itself (shared/roadmap/horizons.ts):
   * `opening`, the "First 30 days" block of meetings, and `waiting`, the list of what did not fit.
   */
  kind?: 'opening' | 'waiting';
}

export interface Settings {
  votesPerPerson: number;
  /** Cards and markers are shown without names. */
  anonymous: boolean;
  /** Others' cards and markers stay hidden in a phase until the facilitator reveals it. */
  privateUntilReveal: boolean;
  /** Distributions stay hidden until at least this many people have answered. */
  minAnswers: number;
  horizons: Horizon[];
  /** At most this many initiatives in one horizon ("minimal disruption"). */
  initiativeCap: number;
  /** Participants may edit roadmap fields. */
  roadmapEditable: boolean;
  /**
   * Who the organisation serves, as a plural noun phrase ("customers", "citizens",
   * "donors and volunteers"): every generated roadmap sentence says it this way.
   */
  serves: string;
  /**
   * The kind of organisation (shared/domain/organisation.ts): the roadmap's verbs and
   * business goals follow from it. Absent on boards stored before it existed: read as "other".
   */
  organisationKind?: OrganisationKind;
  /**
   * From the Export phase on, each phone may download the roadmap and the report (the room's
   * copy: what the projector shows, nothing more). On by default; the server enforces it.
   */
  participantCopies: boolean;
  /**
   * The day the plan starts, yyyy-mm-dd ("we start after the busy season"); absent or null:
   * the day the roadmap is generated, the workshop's day. Dated horizons count from it.
   */
  planStart?: string | null;
}

export interface TimerState {
  status: 'idle' | 'running' | 'paused';
  /** Server epoch ms at which a running timer reaches zero. */
  endsAt: number | null;
  /** Remaining ms when paused or idle. */
  remainingMs: number;
}

export type RevealState = Record<'map' | 'assess' | 'prioritise', boolean>;

export interface Participant {
  id: string;
  name: string;
  joinedAt: number;
  removed?: boolean;
}

export type CardKind = 'practice' | 'barrier';

/** A card as stored: the author is the key's prefix, not a field a client could forge. */
export interface CardValue {
  kind: CardKind;
  text: string;
  /** Dimension key; barriers may be general (null). */
  dimension: string | null;
  /** 1..5 for practice cards; null for barriers. */
  stage: number | null;
  createdAt: number;
  /**
   * Barriers only: the id of the first horizon the work it holds back can start in
   * ("the agency contract runs to March"). Absent on cards written before it existed.
   */
  notBefore?: string | null;
  /**
   * Barriers only: the months it blocks new work in, `yyyy-mm/yyyy-mm`, or `/yyyy-mm` for
   * "not before" the month after (shared/domain/months.ts). Absent on cards written before it existed.
   */
  hold?: string | null;
}

export interface Card extends CardValue {
  /** Map key: `${authorId}/${id}`. */
  key: string;
  id: string;
  authorId: string;
}

export interface MarkerValue {
  current: number | null;
  target: number | null;
}

export interface Marker extends MarkerValue {
  participantId: string;
  dimension: string;
}

/** What a vote is spent on: `dim:<key>` or `card:<cardKey>`. */
export type VoteTarget = `dim:${string}` | `card:${string}`;

export interface Vote {
  participantId: string;
  target: VoteTarget;
  count: number;
}

/**
 * One line of the migration roadmap. Flat: every field is a string, a number or
 * a list of strings, so the room can store and edit it field by field.
 */
export interface Initiative {
  /** Stable across regenerations: `${dimension}:align`, `${dimension}:move`, `${dimension}:move-2`. */
  id: string;
  dimension: string;
  /** `align`: agree where we stand (a meeting). `move`: change the organisation by one step. */
  kind: 'align' | 'move';
  title: string;
  /** The stage this step starts from; 0 (`STAGE_NOT_AGREED`) while the room has not agreed where it stands. */
  fromStage: number;
  toStage: number;
  /** A gap too big for one step is split: this is step `step` of `steps` (1 of 1 otherwise). */
  step: number;
  steps: number;
  horizon: string;
  /** Plain-language reasons this initiative sits where it does, quoting the team's cards. */
  why: string[];
  firstStep: string;
  owner: string;
  /** The facilitator confirmed `owner` (a volunteer, or a name they put there): the export says "(confirmed)". Absent: not confirmed. */
  ownerConfirmed?: boolean;
  benchmark: string;
  /**
   * The business goal the room set for it in the Roadmap phase, in its own words ("fewer repeat
   * calls about bins"). Absent or empty: the export proposes one from the kind of organisation, said as a proposal.
   */
  goal?: string;
  /** Names of people who wrote cards on the dimension or voted for it most; empty in anonymous workshops. */
  suggestedOwners: string[];
  /** A relationship benchmark suggested for this step, until the room sets its own. */
  suggestedBenchmark: string;
  /** Keys of practice cards that describe today on this dimension. */
  cards: string[];
  /** Keys of barrier cards raised against it. */
  barriers: string[];
  /** Keys of the barriers whose "not before" decided when it can start. */
  heldBy: string[];
  /**
   * Months after the plan's start it starts in, when a barrier's time window moved it past the
   * start of its horizon; absent otherwise (it starts with its horizon).
   */
  startMonth?: number;
  priority: number;
  /** Fields people edited; regeneration keeps them. */
  edited: EditableField[];
}

export type EditableField = 'title' | 'owner' | 'goal' | 'benchmark' | 'firstStep' | 'horizon' | 'order';

export interface DimensionSummary {
  dimension: string;
  name: string;
  /** The room's middle answer today; null with no answers, and when the room is split into two camps. */
  current: number | null;
  /** The middle of the targets; null with no answers. */
  target: number | null;
  /**
   * Stages to go: target - current. Where the room disagrees, measured from the
   * lower edge of the middle half of the answers. 0 when there is nothing to close.
   */
  gap: number;
  /** How many stages the middle half of today's answers covers (0..4). */
  spread: number;
  /** The middle half of today's answers runs from `low` to `high`; null with no answers. */
  low: number | null;
  high: number | null;
  /** People who placed a marker for today. */
  answers: number;
  /** Today's answers per stage, index 0 = stage 1. */
  counts: number[];
  /** Two camps at a distance (lower first), or empty. */
  camps: Camp[];
  votes: number;
  cards: number;
  barriers: number;
  /** The room does not share a view of where it stands: `summarise(counts).wide`. */
  disagreement: boolean;
}

/** Something the team should know before acting on the plan: a gap in the data, a split, a target to question. */
export interface Caution {
  kind:
    | 'incomplete'
    | 'few-answers'
    | 'split'
    | 'split-target'
    | 'no-votes'
    | 'few-votes'
    | 'low-target'
    | 'card-far'
    | 'short-horizons'
    | 'held'
    | 'whole-plan'
    | 'thin-mandate'
    | 'care'
    /** A re-run: an earlier initiative stalled and what held it is still there. */
    | 'stalled';
  /** Keys of the dimensions it is about; empty when it concerns the whole plan. */
  dimensions: string[];
  text: string;
}

export interface Roadmap {
  /** In order: the opening block (when there is one), the facilitator's horizons, the waiting list (when needed). */
  horizons: Horizon[];
  /** In order: by horizon, then position within it. */
  initiatives: Initiative[];
  summaries: DimensionSummary[];
  /** "Before you act": empty when the data gives no reason for caution. Absent on roadmaps stored before it existed. */
  cautions?: Caution[];
  /** The day the plan counts its months from, yyyy-mm-dd. Absent on roadmaps stored before it existed: the export's day. */
  start?: string;
  /**
   * How many initiatives the first horizon has room for, when a general barrier about time or
   * people leaves it one fewer than the plan's cap; absent otherwise (and on roadmaps stored before).
   */
  firstRoom?: number;
}

export interface BoardState {
  title: string;
  organisation: string;
  phase: Phase;
  settings: Settings;
  timer: TimerState;
  revealed: RevealState;
  locked: boolean;
  dimensions: DimensionDef[];
  participants: Participant[];
  cards: Card[];
  markers: Marker[];
  votes: Vote[];
  roadmap: Roadmap | null;
  /** The workshop's stage names; the default ones when absent (boards stored before). */
  stages?: Stage[];
  /** The model's first steps and benchmarks by dimension key; absent: the default canvas's, by key. */
  playbooks?: Record<string, DimensionPlaybook> | null;
  /** A re-run: what it remembers of the earlier workshop. */
  baseline?: Baseline | null;
  /** A re-run: what the room says became of each earlier initiative, by its id. */
  earlier?: Record<string, EarlierMark>;
}

// ------------------------------------------------------------------ a re-run

/** What the room says became of an earlier initiative. */
export type EarlierStatus = 'done' | 'under-way' | 'stalled' | 'dropped';

export interface EarlierMark {
  status: EarlierStatus | null;
  /** The room says its benchmark was met (true), was not (false), or has not said (null). */
  benchmarkMet: boolean | null;
}

/** One initiative of the earlier roadmap, as a re-run remembers it. */
export interface EarlierInitiative extends Pick<Initiative, 'id' | 'dimension' | 'kind' | 'title' | 'fromStage' | 'toStage'> {
  /** The label of the horizon it was planned in ("Now"). */
  horizon: string;
  owner: string;
  /** The benchmark the room set, or the one suggested when it set none. */
  benchmark: string;
  /** Texts of the barriers raised against it then. */
  barriers: string[];
}

/** How the room answered on one dimension then: people per stage, never who. */
export interface BaselineDimension {
  key: string;
  name: string;
  /** Index 0 = stage 1. */
  current: number[];
  target: number[];
  answers: number;
}

/**
 * What a re-run remembers of the earlier workshop: aggregates and the earlier plan, never a name,
 * a participant id or one person's answers, so nothing links people across the two sessions.
 */
export interface Baseline {
  title: string;
  organisation: string;
  /** The earlier workshop's day, yyyy-mm-dd. */
  date: string;
  dimensions: BaselineDimension[];
  initiatives: EarlierInitiative[];
  /** Barriers raised then; `dimension` null for the whole plan. */
  barriers: Array<{ text: string; dimension: string | null }>;
}

/** An earlier initiative as the room sees it, with what it says became of it. */
export interface EarlierInitiativeView extends EarlierMark {
  id: string;
  dimension: string;
  title: string;
  horizon: string;
  fromStage: number;
  toStage: number;
  benchmark: string;
}

/** What a screen receives of a re-run's baseline (shared/doc/room-doc.ts). */
export interface BaselineView {
  title: string;
  organisation: string;
  date: string;
  /** Dimension names then, by key (one may have been renamed or dropped since). */
  names: Record<string, string>;
  /** How the room answered then, by dimension key: once Assess is revealed, and only with enough answers then. */
  then: Record<string, Histogram>;
  initiatives: EarlierInitiativeView[];
}

// ------------------------------------------------------------------ what a screen receives
// The full BoardState above never leaves the server. Each connection gets the room as the
// privacy table allows (server/rooms/projection.ts), read back by shared/doc/room-doc.ts.

/** A card as the room sees it once revealed, or as the console sees it before. */
export interface PublicCardValue {
  kind: CardKind;
  text: string;
  dimension: string | null;
  stage: number | null;
  /** A barrier's "not before": the id of the first horizon the work it holds back may start in; null otherwise. */
  notBefore: string | null;
  /** A barrier's time window (shared/domain/months.ts); null otherwise. */
  hold: string | null;
  /** The author's name: a revealed card in a named workshop only; otherwise null. */
  author: string | null;
  /** Display order: when it was written (named), or a random rank (anonymous), so order tells nothing. */
  order: number;
}

export interface PublicCard extends PublicCardValue {
  /** A public id, not derived from anyone's participant id. Votes and the roadmap refer to it. */
  id: string;
  /** Not revealed to the room yet: only the console (and the author's own phone) sees it. */
  hidden: boolean;
  /** Written by the phone showing it. */
  mine: boolean;
  /** The id in the author's own document (own cards only), to edit or delete it. */
  localId: string | null;
  /** Own cards only: the facilitator set it aside, so nobody else sees it. */
  aside?: true;
}

/** How many people put their current and target marker on each stage (index 0 = stage 1). */
export interface Histogram {
  current: number[];
  target: number[];
  answers: number;
}

/** Counts the room may always see: never who, only how many. */
export interface RoomStats {
  participants: number;
  practiceCards: number;
  barrierCards: number;
  /** Of those, not yet revealed to the room. */
  hiddenPractice: number;
  hiddenBarriers: number;
  peopleWithCards: number;
  /** People who answered at least one dimension. */
  peopleAnswered: number;
  peopleVoted: number;
  /** Answers per dimension (a person with a current or a target marker on it). */
  answers: Record<string, number>;
}

/** A person as a screen shows them. Participants and the projector see names in named workshops only. */
export interface PersonView {
  /** The participant id on the console (to remove someone); an opaque id elsewhere. */
  id: string;
  name: string;
  joinedAt: number;
  removed: boolean;
  /** Dimensions answered and cards written: on the console, in named workshops only. */
  answered: number | null;
  cards: number | null;
}

/** What a participant's own phone holds of them. */
export interface MyState {
  participantId: string;
  markers: Record<string, MarkerValue>;
  /** Own votes by target; what is left of each pool is `votesLeft` (client/lib/model.ts), by the rule in shared/rules/votes.ts. */
  votes: Record<string, number>;
  /** Own barriers' "not before" horizon, by the card's id in this phone's document (the room's copy does not carry it). */
  notBefore: Record<string, string>;
  /** Initiatives this person said "I'll take this" for. */
  offers: string[];
}

/** The board as one screen may see it: the same shape on the phone, the projector and the console. */
export interface RoomBoard {
  title: string;
  organisation: string;
  phase: Phase;
  settings: Settings;
  timer: TimerState;
  revealed: RevealState;
  locked: boolean;
  /** Closed to new people by the facilitator. */
  joinsClosed: boolean;
  dimensions: DimensionDef[];
  /** Revealed cards, plus this phone's own and (console) the ones not revealed yet. */
  cards: PublicCard[];
  stats: RoomStats;
  /** Distributions the room may see (enough answers, phase open), by dimension key. */
  dists: Record<string, Histogram>;
  /** Vote totals by target, once the room may see them; else null. */
  votes: Record<string, number> | null;
  people: PersonView[];
  roadmap: Roadmap | null;
  me: MyState | null;
  /** The workshop's five stage names, left to right. */
  stages: Stage[];
  /** A re-run's baseline, as this screen may see it; null for a first run. */
  baseline: BaselineView | null;
  /** The facilitator put "What moved" on the projector. */
  whatMoved: boolean;
}

/** Someone who volunteered to own an initiative, as the console lists them. */
export interface Volunteer {
  participantId: string;
  name: string;
}

/** One dimension of a workshop model as its template file holds it (shared/schema/template-file.ts checks the file). */
export interface TemplateDimension extends DimensionDef {
  /** What the roadmap suggests for this dimension; without it, steps are written from the descriptors. */
  playbook?: { align: string; firstSteps: Array<{ text: string; cues: string[] }>; benchmarks: string[]; needs?: string[] } | undefined;
}

/**
 * A workshop model as a file, as the server reads it (cleaned text, every field present). The
 * zod schema in shared/schema/template-file.ts is held to this type at compile time, both ways.
 */
export interface WorkshopTemplate {
  $schema?: string | undefined;
  format: 'social-shift/template';
  version: 1;
  name: string;
  description: string;
  stages: Array<{ level: number; name: string; summary: string; short: string }>;
  dimensions: TemplateDimension[];
  horizons: Horizon[];
  settings: Omit<Settings, 'horizons' | 'participantCopies'>;
}
