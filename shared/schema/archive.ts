/**
 * The whole workshop as one JSON file (`GET .../archive.json`): its model as a
 * template, the cards, markers, votes and barriers, the roadmap with the
 * room's edits, a re-run's baseline and what the room said of the earlier
 * plan, and dates. `POST /api/workshops` takes one back as `previous` to run
 * the workshop again.
 *
 * It keeps the privacy promise of the export and the screens:
 * - never a key, a token, a participant id or a Yjs client id;
 * - markers and votes carry a respondent id: random, stable for a person
 *   within this workshop, so one person's answers can be read together, but
 *   never the id their cards carry and never a name, so no answer is tied to
 *   anyone (the facilitator never sees one person's markers in the room either);
 * - cards carry their author's person id and the people list names them in a
 *   named workshop only (as the export does); an anonymous workshop's archive
 *   has no names, no authors and no card times, and lists cards by their random id.
 */
import { z } from 'zod';
import { PHASES, STAGE_COUNT } from '../domain/canvas.ts';
import { LIMITS } from '../domain/limits.ts';
import { CardValueSchema, DimensionKeySchema, VoteTargetSchema } from './protocol.ts';
import { ARCHIVE_FORMAT, checkFileKind, fileRefusal, TemplateSchema, type WorkshopTemplate } from './template-file.ts';
import type { BoardState, EarlierMark, Roadmap } from '../domain/types.ts';
import { EARLIER_STATUSES } from '../rules/baseline.ts';

export { ARCHIVE_FORMAT };
export const ARCHIVE_VERSION = 1;

/** Text the server wrote or people typed, as stored: read back as it is (a re-run cleans what it shows). */
const str = (max: number) => z.string().max(max);
const longText = str(4_000);
/** A card's public id (random, url-safe). */
const cardId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
/** An initiative's id (`leadership:move`): it starts with a letter or digit, so it is never `__proto__`. */
const id = z.string().regex(/^[a-z0-9][a-z0-9:-]{0,99}$/);
const stageOrNone = z.number().int().min(0).max(STAGE_COUNT);
const count = z.number().int().min(0).max(1_000_000);
const counts = z.array(count).length(STAGE_COUNT);
const isoDate = z.iso.datetime();

const HorizonSchema = z
  .object({
    id: str(60),
    label: str(200),
    fromMonth: z.number().int().min(0).max(1_200),
    toMonth: z.number().int().min(0).max(1_200),
    kind: z.enum(['opening', 'waiting']).optional(),
  })
  .strict();

/** What an initiative is, in the roadmap and in a re-run's memory of it. */
const initiativeCore = {
  id,
  dimension: DimensionKeySchema,
  kind: z.enum(['align', 'move']),
  title: longText,
  fromStage: stageOrNone,
  toStage: stageOrNone,
};

const InitiativeSchema = z
  .object({
    ...initiativeCore,
    step: z.number().int().min(1).max(10),
    steps: z.number().int().min(1).max(10),
    horizon: str(60),
    why: z.array(longText).max(50),
    firstStep: longText,
    owner: longText,
    ownerConfirmed: z.boolean().optional(),
    benchmark: longText,
    goal: longText.optional(),
    suggestedOwners: z.array(str(200)).max(20).optional(),
    suggestedBenchmark: longText.optional(),
    cards: z.array(cardId).max(10_000),
    barriers: z.array(cardId).max(10_000),
    heldBy: z.array(cardId).max(10_000).optional(),
    /** Months after the plan's start it starts in, when a barrier's window moved it. */
    startMonth: z.number().int().min(0).max(1_200).optional(),
    priority: z.number().min(-1_000).max(1_000),
    edited: z.array(z.enum(['title', 'owner', 'goal', 'benchmark', 'firstStep', 'horizon', 'order'])).max(7),
  })
  .strict();

const SummarySchema = z
  .object({
    dimension: DimensionKeySchema,
    name: str(200),
    current: stageOrNone.nullable(),
    target: stageOrNone.nullable(),
    gap: z.number().int().min(0).max(STAGE_COUNT),
    spread: z.number().int().min(0).max(STAGE_COUNT),
    low: stageOrNone.nullable(),
    high: stageOrNone.nullable(),
    answers: count,
    counts,
    camps: z.array(z.object({ from: stageOrNone, to: stageOrNone, count }).strict()).max(2),
    votes: count,
    cards: count,
    barriers: count,
    disagreement: z.boolean(),
  })
  .strict();

const CautionSchema = z
  .object({
    kind: z.enum([
      'incomplete',
      'few-answers',
      'split',
      'split-target',
      'no-votes',
      'few-votes',
      'low-target',
      'card-far',
      'short-horizons',
      'held',
      'whole-plan',
      'stalled',
      'thin-mandate',
      'care',
    ]),
    dimensions: z.array(DimensionKeySchema).max(100),
    text: longText,
  })
  .strict();

const RoadmapSchema = z
  .object({
    horizons: z.array(HorizonSchema).max(20),
    initiatives: z.array(InitiativeSchema).max(500),
    summaries: z.array(SummarySchema).max(100),
    cautions: z.array(CautionSchema).max(100).optional(),
    /** The day the plan counts its months from; absent in archives written before it existed. */
    start: z.string().max(10).optional(),
    /** The first horizon's room under a capacity barrier; absent in archives written before it existed. */
    firstRoom: z.number().int().min(0).max(1_000).optional(),
  })
  .strict();

const BaselineSchema = z
  .object({
    title: str(LIMITS.titleMax),
    organisation: str(LIMITS.organisationMax),
    date: z.iso.date(),
    dimensions: z
      .array(z.object({ key: DimensionKeySchema, name: str(200), current: counts, target: counts, answers: count }).strict())
      .max(100),
    initiatives: z
      .array(
        z
          .object({
            ...initiativeCore,
            horizon: str(200),
            owner: longText,
            benchmark: longText,
            barriers: z.array(str(LIMITS.cardTextMax)).max(1_000),
          })
          .strict(),
      )
      .max(500),
    barriers: z.array(z.object({ text: str(LIMITS.cardTextMax), dimension: DimensionKeySchema.nullable() }).strict()).max(100_000),
  })
  .strict();

const personId = z.string().regex(/^p-[A-Za-z0-9_-]{1,40}$/);
const respondentId = z.string().regex(/^r-[A-Za-z0-9_-]{1,40}$/);

export const ArchiveSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(ARCHIVE_VERSION),
    exportedAt: isoDate,
    workshop: z
      .object({
        title: str(LIMITS.titleMax),
        organisation: str(LIMITS.organisationMax),
        createdAt: isoDate,
        phase: z.enum(PHASES),
        anonymous: z.boolean(),
      })
      .strict(),
    template: TemplateSchema,
    /** Named workshops only: who took part. */
    people: z.array(z.object({ id: personId, name: str(LIMITS.nameMax * 4), joinedAt: isoDate }).strict()).max(10_000),
    cards: z
      .array(
        z
          .object({
            id: cardId,
            kind: z.enum(['practice', 'barrier']),
            text: str(LIMITS.cardTextMax * 4),
            dimension: DimensionKeySchema.nullable(),
            stage: z.number().int().min(1).max(STAGE_COUNT).nullable(),
            notBefore: z.string().max(60).nullable(),
            /** A barrier's time window (shared/domain/months.ts); absent in archives written before it existed. */
            hold: z.string().max(20).nullable().optional(),
            /** When it was written; null in an anonymous workshop. */
            createdAt: isoDate.nullable(),
            /** The author's person id in a named workshop; null in an anonymous one. */
            author: personId.nullable(),
          })
          .strict(),
      )
      .max(1_000_000),
    markers: z
      .array(
        z
          .object({
            respondent: respondentId,
            dimension: DimensionKeySchema,
            current: z.number().int().min(1).max(STAGE_COUNT).nullable(),
            target: z.number().int().min(1).max(STAGE_COUNT).nullable(),
          })
          .strict(),
      )
      .max(1_000_000),
    votes: z
      .array(
        z
          .object({ respondent: respondentId, target: VoteTargetSchema, count: z.number().int().min(1).max(LIMITS.votesPerPersonMax) })
          .strict(),
      )
      .max(1_000_000),
    roadmap: RoadmapSchema.nullable(),
    baseline: BaselineSchema.nullable(),
    earlier: z.array(z.object({ id, status: z.enum(EARLIER_STATUSES).nullable(), benchmarkMet: z.boolean().nullable() }).strict()).max(500),
  })
  .strict();

export type Archive = z.output<typeof ArchiveSchema>;

/**
 * Reads an archive someone sent. Throws AppError INVALID_ARCHIVE with the path of the first
 * field that is wrong and why; an unknown `format` or `version` is refused in words first.
 */
export function parseArchive(value: unknown): Archive {
  checkFileKind(value, 'INVALID_ARCHIVE', ARCHIVE_FORMAT, ARCHIVE_VERSION);
  const result = ArchiveSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw fileRefusal('INVALID_ARCHIVE', issue.path, issue.message);
}

export interface ArchiveSource {
  /** The room's whole board (RoomState.fullBoard()). */
  board: BoardState;
  /** Its model as it stands. */
  template: WorkshopTemplate;
  /** The roadmap as stored, or as generated now when the room has none yet. */
  roadmap: Roadmap | null;
  createdAt: number;
  exportedAt: number;
  /** Stable, random-looking ids per participant (never derived visibly from their id): one for what they wrote, another for what they answered. */
  personId: (participantId: string) => string;
  respondentId: (participantId: string) => string;
}

const iso = (ms: number): string | null => {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : null;
};
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The archive of a board, as `archive.json` sends it. Pure; people who were removed are left out with what they wrote. */
export function toArchive(src: ArchiveSource): Archive {
  const { board } = src;
  const anonymous = board.settings.anonymous === true;
  const present = board.participants.filter((p) => p.removed !== true);
  const here = new Set(present.map((p) => p.id));
  const cards = board.cards
    .filter(
      (c) =>
        here.has(c.authorId) &&
        CardValueSchema.safeParse({
          kind: c.kind,
          text: c.text,
          dimension: c.dimension,
          stage: c.stage,
          createdAt: c.createdAt,
          notBefore: c.notBefore ?? null,
          hold: c.hold ?? null,
        }).success,
    )
    .map((c) => ({
      id: c.key,
      kind: c.kind,
      text: c.text,
      dimension: c.dimension,
      stage: c.stage,
      notBefore: c.notBefore ?? null,
      ...(c.kind === 'barrier' && c.hold ? { hold: c.hold } : {}),
      createdAt: anonymous ? null : iso(c.createdAt),
      author: anonymous ? null : src.personId(c.authorId),
    }));
  // Anonymous: the order says nothing either (cards by their random id, not by when or by whom).
  cards.sort((a, b) => (anonymous ? byString(a.id, b.id) : byString(a.createdAt ?? '', b.createdAt ?? '') || byString(a.id, b.id)));
  const dims = new Set(board.dimensions.map((d) => d.key));
  const markers = board.markers
    .filter((m) => here.has(m.participantId) && dims.has(m.dimension) && (m.current !== null || m.target !== null))
    .map((m) => ({ respondent: src.respondentId(m.participantId), dimension: m.dimension, current: m.current, target: m.target }))
    .sort((a, b) => byString(a.respondent, b.respondent) || byString(a.dimension, b.dimension));
  const votes = board.votes
    .filter((v) => here.has(v.participantId) && v.count > 0)
    .map((v) => ({ respondent: src.respondentId(v.participantId), target: v.target, count: v.count }))
    .sort((a, b) => byString(a.respondent, b.respondent) || byString(a.target, b.target));
  const marks: Record<string, EarlierMark> = board.earlier ?? {};
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: iso(src.exportedAt)!,
    workshop: {
      title: board.title,
      organisation: board.organisation,
      createdAt: iso(src.createdAt)!,
      phase: board.phase,
      anonymous,
    },
    template: src.template,
    people: anonymous ? [] : present.map((p) => ({ id: src.personId(p.id), name: p.name, joinedAt: iso(p.joinedAt) ?? iso(0)! })),
    cards,
    markers,
    votes,
    roadmap: src.roadmap,
    baseline: board.baseline ?? null,
    earlier: Object.keys(marks)
      .filter((k) => Object.hasOwn(marks, k))
      .sort()
      .map((k) => ({ id: k, status: marks[k]!.status ?? null, benchmarkMet: marks[k]!.benchmarkMet ?? null })),
  };
}
