/**
 * The contract between client and server, declared once: HTTP bodies, the
 * Socket.IO handshake and its refusals, every event with its payload and ack,
 * and the commands with their typed replies. Both sides import from here.
 *
 * Real-time sync multiplexes several Yjs documents on one socket. A `sync`
 * frame is binary: one byte naming the document (`DOC_IDS`), then a
 * y-protocols sync message (step 1, step 2 or update). Which documents a
 * connection syncs depends on who it is (`DOCS_FOR`): everyone reads `room`,
 * a participant reads and writes `mine` (their own), a facilitator also reads
 * `console`. Only `mine` accepts changes from a client; each change is acked
 * `{ ok: true }` once validated and stored, or `{ ok: false, error }`, after
 * which the client resyncs that document.
 *
 * Both sides encode Socket.IO packets with shared/wire/sio-parser.ts (the `parser`
 * option of `new Server` and `io`): a `sync` event, and the ack `{ ok: true }`,
 * each travel as one binary WebSocket frame of one tag byte, the ack id as a
 * varuint, and the `sync` frame; everything else in Socket.IO's own layout.
 */
import { z } from 'zod';
import { sameType } from './same-type.ts';
import type { CardValue, Horizon, MarkerValue, Settings } from '../domain/types.ts';
import { PHASES, STAGE_COUNT } from '../domain/canvas.ts';
import { ORGANISATION_KINDS } from '../domain/organisation.ts';
import { CARD_ID, DIMENSION_KEY, HORIZON_ID, LIMITS, PROTOCOL_VERSION, normaliseRoomCode } from '../domain/limits.ts';
import { isVoteTarget } from '../rules/votes.ts';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import { cleanText } from '../domain/text.ts';
import { dayExists, readHold } from '../domain/months.ts';
import { EARLIER_STATUSES } from '../rules/baseline.ts';
import { DOC_IDS, DOC_NAMES, DOCS_FOR, FINAL_REFUSALS, docName, type DocName, type Role } from '../wire/documents.ts';
import type { Roadmap } from '../domain/types.ts';
import type { VotePool } from '../rules/votes.ts';
import type { RoadmapChange } from '../roadmap/index.ts';

export { PROTOCOL_VERSION, LIMITS };
export { DOC_IDS, DOC_NAMES, DOCS_FOR, FINAL_REFUSALS, docName, type DocName, type Role };

/** Text a person typed, cleaned of invisible characters and trimmed (shared/domain/text.ts), then measured. May be empty. */
export const text = (max: number) =>
  z
    .string()
    .overwrite((s) => cleanText(s))
    .max(max);
/** The same, refused as EMPTY_TEXT when nothing a reader could see is left. */
export const requiredText = (max: number) =>
  text(max).refine((s) => s.length > 0, {
    error: 'only blank or invisible characters: type something people can read',
    params: { code: 'EMPTY_TEXT' },
  });

/**
 * The refusal for a body, command or value that failed its schema: EMPTY_TEXT
 * when a text field had nothing visible in it, INVALID_BODY otherwise. The
 * message names the field (`name: ...`, `dimensions.2.name: ...`).
 */
export function schemaRefusal(error: z.ZodError, fallback: 'INVALID_BODY' | 'INVALID_VALUE' = 'INVALID_BODY'): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError(fallback);
  const message = `${issue.path.join('.') || 'body'}: ${issue.message}`;
  const named = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return new AppError(named === 'EMPTY_TEXT' || named === 'INVALID_MONTH' ? named : fallback, message);
}
const stage = z.number().int().min(1).max(STAGE_COUNT);
const id = z.string().regex(CARD_ID);
export const DimensionKeySchema = z.string().regex(DIMENSION_KEY);
const dimensionKey = DimensionKeySchema;

export const RoomCodeSchema = z.string().transform((s, ctx) => {
  const code = normaliseRoomCode(s);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: 'not a room code' });
    return z.NEVER;
  }
  return code;
});

// ---------------------------------------------------------------- board values

export const HorizonIdSchema = z.string().regex(HORIZON_ID);
const horizonId = HorizonIdSchema;

export const HorizonSchema = z.object({
  id: horizonId,
  label: requiredText(LIMITS.horizonLabelMax),
  fromMonth: z.number().int().min(0).max(120),
  toMonth: z.number().int().min(1).max(120),
});

/**
 * A barrier's time window (shared/domain/months.ts): `yyyy-mm/yyyy-mm`, or `/yyyy-mm` for "not
 * before" the month after. A bad month, or a window that ends before it starts, is INVALID_MONTH.
 */
export const HoldWindowSchema = z.string().refine((s) => readHold(s) !== null, {
  error: 'a window is yyyy-mm/yyyy-mm (months 01 to 12, the second not before the first), or /yyyy-mm for not before',
  params: { code: 'INVALID_MONTH' },
});
/** A day, yyyy-mm-dd, that exists. */
export const DaySchema = z.string().refine((s) => dayExists(s), {
  error: 'a day is yyyy-mm-dd, and that day exists',
  params: { code: 'INVALID_MONTH' },
});

export const SettingsSchema = z.object({
  votesPerPerson: z.number().int().min(0).max(LIMITS.votesPerPersonMax),
  anonymous: z.boolean(),
  privateUntilReveal: z.boolean(),
  minAnswers: z.number().int().min(1).max(50),
  horizons: z.array(HorizonSchema).min(1).max(LIMITS.horizonsMax),
  initiativeCap: z.number().int().min(1).max(20),
  roadmapEditable: z.boolean(),
  /** Who the organisation serves, as a plural noun phrase: "customers", "citizens", "donors and volunteers". */
  serves: requiredText(LIMITS.servesMax),
  /** The kind of organisation: the roadmap's verbs and proposed goals follow from it. */
  organisationKind: z.enum(ORGANISATION_KINDS).optional(),
  participantCopies: z.boolean(),
  /** The day the plan starts ("we start after the busy season"); null: the workshop's day. */
  planStart: DaySchema.nullable().optional(),
});
export const SettingsPatchSchema = SettingsSchema.partial().strict();

/** A dimension as a facilitator defines it: only the name is required; defaults fill the rest. */
export const DimensionInputSchema = z.object({
  key: dimensionKey.optional(),
  name: requiredText(LIMITS.dimensionNameMax),
  left: text(LIMITS.descriptorMax).optional(),
  right: text(LIMITS.descriptorMax).optional(),
  descriptors: z.array(text(LIMITS.descriptorMax)).length(STAGE_COUNT).optional(),
  prompts: z.array(requiredText(LIMITS.promptMax)).max(LIMITS.promptsMax).optional(),
  enabler: z.boolean().optional(),
});
export type DimensionInput = z.infer<typeof DimensionInputSchema>;

export const CardValueSchema = z
  .object({
    kind: z.enum(['practice', 'barrier']),
    text: requiredText(LIMITS.cardTextMax),
    dimension: dimensionKey.nullable(),
    stage: stage.nullable(),
    createdAt: z.number().int().min(0).max(8_640_000_000_000_000),
    /** Barriers only, optional (older cards lack it): the first horizon the work it holds back may start in. */
    notBefore: horizonId.nullable().optional(),
    /** Barriers only, optional: the months it blocks new work in. */
    hold: HoldWindowSchema.nullable().optional(),
  })
  .strict()
  .refine((c) => (c.kind === 'practice' ? c.dimension !== null && c.stage !== null : c.stage === null), {
    message: 'a practice card needs a dimension and a stage; a barrier has no stage',
  })
  .refine((c) => c.kind === 'barrier' || (c.notBefore == null && c.hold == null), { message: 'only a barrier can hold work back' });

export const MarkerValueSchema = z.object({ current: stage.nullable(), target: stage.nullable() }).strict();

/** `dim:<dimension key>` or `card:<public card id>`. */
export const VoteTargetSchema = z.string().refine(isVoteTarget, 'a vote target is dim:<dimension key> or card:<card id>');

// ---------------------------------------------------------------- HTTP bodies

/** An earlier workshop on this server, to run again: its code and its facilitator key. */
export const PreviousWorkshopSchema = z.object({ code: RoomCodeSchema, facilitatorKey: z.string().min(16).max(200) }).strict();

/**
 * `POST /api/workshops`. The model comes from `template` (a template file, shared/schema/template-file.ts),
 * else from `previous` (a re-run takes the earlier model), else from the default canvas with
 * `dimensions`; `settings` then adjusts it. `template` and `previous` are read by their own
 * parsers, so a bad one is refused as INVALID_TEMPLATE or INVALID_ARCHIVE with the path inside
 * the file.
 */
export const CreateWorkshopBody = z
  .object({
    title: requiredText(LIMITS.titleMax),
    organisation: text(LIMITS.organisationMax).optional(),
    dimensions: z.array(DimensionInputSchema).min(1).max(LIMITS.dimensionsMax).optional(),
    settings: SettingsPatchSchema.optional(),
    template: z.unknown().optional(),
    /** An archive (`format: "social-shift/archive"`), or `{ code, facilitatorKey }` of an earlier workshop here. */
    previous: z.unknown().optional(),
  })
  .strict()
  .refine((b) => b.template === undefined || b.dimensions === undefined, {
    message: 'give the dimensions either in the template or as "dimensions", not both',
    path: ['dimensions'],
  });
export type CreateWorkshopBody = z.infer<typeof CreateWorkshopBody>;

export interface CreateWorkshopReply {
  code: string;
  facilitatorKey: string;
  facilitatorUrl: string;
  joinUrl: string;
  /** The projector's link: its own read-only viewer key in the `#` fragment, never the facilitator key. */
  boardUrl: string;
}

/**
 * How far a workshop's links reach: `public-url` (PUBLIC_URL is set), `network`
 * (this machine's address on the local network) or `this-computer` (loopback
 * only: phones cannot open them, and the console says so).
 */
export type LinkReach = 'public-url' | 'network' | 'this-computer';

/** `GET /api/workshops/:code/links`: what the console shows and the QR code encodes. */
/**
 * `GET /api/workshops/:code/links`: where phones join, as the server chose it. With the
 * facilitator key (`Authorization: Bearer`), also the projector's link with its viewer key.
 */
export interface WorkshopLinksReply {
  origin: string;
  reach: LinkReach;
  joinUrl: string;
  /** The projector link, with its own read-only key in the fragment: for the facilitator only. */
  boardUrl?: string;
}

/**
 * `GET /api/workshops/:code/sharing` (facilitator key): the report link, if there is one, and
 * when the server deletes the workshop if nobody opens it again.
 */
export interface SharingReply {
  /** The read-only report link with its own key; null while there is none (never made, or revoked). */
  reportUrl: string | null;
  /** ISO time: RETENTION_DAYS after the last activity. */
  deletesAt: string;
  retentionDays: number;
}

export interface WorkshopInfoReply {
  code: string;
  title: string;
  organisation: string;
  phase: (typeof PHASES)[number];
  participants: number;
}

export const JoinBody = z.object({ name: requiredText(LIMITS.nameMax) }).strict();
export type JoinBody = z.infer<typeof JoinBody>;

export interface JoinReply {
  participantId: string;
  token: string;
  name: string;
}

// ---------------------------------------------------------------- Socket.IO handshake

export const HandshakeAuth = z.discriminatedUnion('role', [
  z.object({ v: z.literal(PROTOCOL_VERSION), role: z.literal('facilitator'), code: RoomCodeSchema, key: z.string().min(16).max(200) }),
  z.object({ v: z.literal(PROTOCOL_VERSION), role: z.literal('viewer'), code: RoomCodeSchema, key: z.string().min(16).max(200) }),
  z.object({ v: z.literal(PROTOCOL_VERSION), role: z.literal('participant'), code: RoomCodeSchema, token: z.string().min(16).max(200) }),
]);
export type HandshakeAuth = z.input<typeof HandshakeAuth>;
/** The handshake's roles are exactly the ones shared/wire/documents.ts names (a compile-time check). */
export type HandshakeRolesAgree = [HandshakeAuth['role']] extends [Role] ? ([Role] extends [HandshakeAuth['role']] ? true : never) : never;
true satisfies HandshakeRolesAgree;

/**
 * Why a handshake was refused, as `connect_error`'s `data`: the client shows the message in
 * words and stops retrying for the codes that cannot heal by themselves.
 */
export interface HandshakeRefusal {
  code: ErrorCode;
  message: string;
}

/** Sent by the server right after a connection is accepted. */
export interface WelcomePayload {
  role: Role;
  participantId: string | null;
  name: string | null;
  /** Server clock, so clients can show a timer that agrees with everyone's. */
  serverTime: number;
}

// ---------------------------------------------------------------- commands

const facilitatorCommands = [
  z.object({ type: z.literal('phase:set'), phase: z.enum(PHASES) }).strict(),
  z.object({ type: z.literal('settings:update'), settings: SettingsPatchSchema }).strict(),
  z
    .object({
      type: z.literal('timer:start'),
      durationMs: z
        .number()
        .int()
        .min(1_000)
        .max(4 * 3_600_000),
    })
    .strict(),
  z.object({ type: z.literal('timer:pause') }).strict(),
  z.object({ type: z.literal('timer:resume') }).strict(),
  z.object({ type: z.literal('timer:add'), ms: z.number().int().min(-3_600_000).max(3_600_000) }).strict(),
  z.object({ type: z.literal('timer:reset') }).strict(),
  z.object({ type: z.literal('reveal:set'), phase: z.enum(['map', 'assess', 'prioritise']), revealed: z.boolean() }).strict(),
  z.object({ type: z.literal('lock:set'), locked: z.boolean() }).strict(),
  z.object({ type: z.literal('template:set'), dimensions: z.array(DimensionInputSchema).min(1).max(LIMITS.dimensionsMax) }).strict(),
  z.object({ type: z.literal('participant:remove'), participantId: id }).strict(),
  /** Closes (or reopens) the workshop to new people; those in it stay. */
  z.object({ type: z.literal('joins:set'), open: z.boolean() }).strict(),
  /** Removes, in one action, everyone who joined in the last `withinMs` (a room filled with made-up names). */
  z.object({ type: z.literal('participants:remove-recent'), withinMs: z.number().int().min(10_000).max(86_400_000) }).strict(),
  z.object({ type: z.literal('card:move'), cardId: z.string().max(100), dimension: dimensionKey, stage }).strict(),
  /**
   * A barrier, tied by the facilitator: the dimension it holds back (null: the whole plan) and
   * the first horizon its work may start in (null: none). A field left out stays as it was.
   * The card is named by its public id, so nothing here links it to who wrote it.
   */
  z
    .object({
      type: z.literal('barrier:set'),
      cardId: z.string().max(100),
      dimension: dimensionKey.nullable().optional(),
      notBefore: horizonId.nullable().optional(),
      /** The months it blocks new work in (yyyy-mm/yyyy-mm, or /yyyy-mm: not before the month after); null: none. */
      hold: HoldWindowSchema.nullable().optional(),
    })
    .strict(),
  z.object({ type: z.literal('roadmap:generate'), apply: z.boolean() }).strict(),
  /** A new projector key: projector links given out before stop working. */
  z.object({ type: z.literal('viewer:rotate') }).strict(),
  /** A re-run: what the room says became of an earlier initiative (null: not said); a field left out stays as it was. */
  z
    .object({
      type: z.literal('earlier:mark'),
      initiativeId: z.string().max(100),
      status: z.enum(EARLIER_STATUSES).nullable().optional(),
      benchmarkMet: z.boolean().nullable().optional(),
    })
    .strict(),
  /**
   * Moderation: set a card aside (spam, a test string, an offensive line) or bring it back. A
   * card set aside stays in its author's own document; no other screen, roadmap or export
   * shows it, and votes on it stop counting. Named by its public id, as every card command is.
   */
  z.object({ type: z.literal('card:set-aside'), cardId: z.string().max(100), aside: z.boolean() }).strict(),
  /**
   * An initiative's owner, confirmed: the volunteer `participantId` (their name becomes the
   * owner), or without it the owner the roadmap already names. The export then says "(confirmed)".
   */
  z.object({ type: z.literal('owner:confirm'), initiativeId: z.string().max(100), participantId: id.optional() }).strict(),
  /** An initiative's owner cleared: no name, not confirmed (volunteers stay, to confirm another). */
  z.object({ type: z.literal('owner:clear'), initiativeId: z.string().max(100) }).strict(),
  /** A re-run: put "What moved" on the projector, or take it off. */
  z.object({ type: z.literal('what-moved:show'), show: z.boolean() }).strict(),
] as const;

const sharedCommands = [
  /** A phone, in the Roadmap phase: "I'll take this" (offer: true) or withdrawn; the facilitator confirms one. */
  z.object({ type: z.literal('owner:volunteer'), initiativeId: z.string().max(100), offer: z.boolean() }).strict(),
  z
    .object({ type: z.literal('vote:set'), target: VoteTargetSchema, count: z.number().int().min(0).max(LIMITS.votesPerPersonMax) })
    .strict(),
  z
    .object({
      type: z.literal('roadmap:edit'),
      initiativeId: z.string().max(100),
      patch: z
        .object({
          title: requiredText(LIMITS.roadmapFieldMax),
          owner: text(LIMITS.roadmapFieldMax),
          /** The business goal in the room's words; empty: the export proposes one again. */
          goal: text(LIMITS.roadmapFieldMax),
          benchmark: text(LIMITS.roadmapFieldMax),
          firstStep: text(LIMITS.roadmapFieldMax),
        })
        .partial()
        .strict(),
    })
    .strict(),
  z
    .object({
      type: z.literal('roadmap:move'),
      initiativeId: z.string().max(100),
      horizon: z.string().max(20),
      index: z.number().int().min(0).max(1_000),
    })
    .strict(),
] as const;

export const CommandSchema = z.discriminatedUnion('type', [...facilitatorCommands, ...sharedCommands]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];

/** Commands anyone in the room may send; all others are the facilitator's. */
export const PARTICIPANT_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  'vote:set',
  'roadmap:edit',
  'roadmap:move',
  'owner:volunteer',
]);

export type AckError = { code: ErrorCode; message: string };
export type Ack<T = undefined> = { ok: true; data?: T } | { ok: false; error: AckError };

/** What each command answers with, when it answers with data. */
export interface CommandReplies {
  /** What the voter has spent of the pool this target's votes come from (shared/rules/votes.ts), and that pool's budget. */
  'vote:set': { used: number; budget: number; pool: VotePool };
  'roadmap:generate': { changes: RoadmapChange[]; roadmap?: Roadmap };
  'viewer:rotate': { viewerKey: string };
  /** The ids of the people removed. */
  'participants:remove-recent': { removed: string[] };
}
export type CommandData<T extends CommandType> = T extends keyof CommandReplies ? CommandReplies[T] : undefined;
export type CommandAck<T extends CommandType> = Ack<CommandData<T>>;

// ---------------------------------------------------------------- events

/** Server to client: a change without an ack (or a frame that could not be read) was refused. */
export interface RejectedPayload {
  code: ErrorCode;
  message: string;
}

/** Server to client, before it disconnects: why this connection ends. */
export interface ClosedPayload {
  reason: 'removed' | 'deleted' | 'rotated';
}

/**
 * Who is online, as each recipient may know it: the console gets the participant ids with an
 * open connection (its people list names them); phones and the projector only a count.
 * Sent when it changes, at most once per room per event-loop turn.
 */
export type PresencePayload = { online: number; ids?: string[]; screens?: { consoles: number; projectors: number } };

export interface ServerToClientEvents {
  /** [document id byte][y-protocols sync message]. */
  sync: (frame: Uint8Array) => void;
  presence: (payload: PresencePayload) => void;
  welcome: (payload: WelcomePayload) => void;
  rejected: (payload: RejectedPayload) => void;
  closed: (payload: ClosedPayload) => void;
}

export interface ClientToServerEvents {
  /** [document id byte][y-protocols sync message]; changes to `mine` are acked once stored. */
  sync: (frame: Uint8Array, ack?: (reply: Ack) => void) => void;
  command: <T extends CommandType>(command: Extract<Command, { type: T }>, ack?: (reply: CommandAck<T>) => void) => void;
}

// The schemas above and the plain types in shared/domain/types.ts describe the same data.
sameType<z.output<typeof HorizonSchema>, Horizon>(true);
sameType<z.output<typeof SettingsSchema>, Settings>(true);
sameType<z.output<typeof CardValueSchema>, CardValue>(true);
sameType<z.output<typeof MarkerValueSchema>, MarkerValue>(true);
