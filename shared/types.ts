/**
 * Plain data types of a workshop board, as read out of the Y.Doc by
 * `readBoard` (shared/board.ts). No zod here: the phone bundle imports these.
 */
import type { Phase } from './canvas.ts';

export type { Phase };

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

export interface Initiative {
  /** Stable across regenerations: `${dimension}:${kind}`. */
  id: string;
  dimension: string;
  kind: 'align' | 'move';
  title: string;
  fromStage: number;
  toStage: number;
  horizon: string;
  /** Plain-language reasons this initiative sits where it does. */
  why: string[];
  firstStep: string;
  owner: string;
  benchmark: string;
  /** Keys of practice cards that describe today on this dimension. */
  cards: string[];
  /** Keys of barrier cards raised against it. */
  barriers: string[];
  priority: number;
  /** Fields people edited; regeneration keeps them. */
  edited: EditableField[];
}

export type EditableField = 'title' | 'owner' | 'benchmark' | 'firstStep' | 'horizon' | 'order';

export interface DimensionSummary {
  dimension: string;
  name: string;
  /** Median of current markers, null with no answers. */
  current: number | null;
  target: number | null;
  gap: number;
  /** Interquartile spread of current markers (0..4). */
  spread: number;
  answers: number;
  votes: number;
  cards: number;
  barriers: number;
  disagreement: boolean;
}

export interface Roadmap {
  horizons: Horizon[];
  /** In order: by horizon, then position within it. */
  initiatives: Initiative[];
  summaries: DimensionSummary[];
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
}
