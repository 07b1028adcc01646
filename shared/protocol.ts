/**
 * The contract between client and server, declared once: HTTP bodies, the
 * Socket.IO handshake, every event with its payload and ack, and the
 * facilitator/participant commands. Both sides import from here.
 *
 * Real-time sync uses y-protocols messages as binary payloads:
 * - `sync`: a y-protocols sync message (step 1, step 2 or update). Client to
 *   server messages carry an ack: `{ ok: true }` once the change is validated
 *   and stored, or `{ ok: false, error }`, after which the client resyncs.
 * - `awareness`: a y-protocols awareness update (presence).
 */
import { z } from 'zod';
import { PHASES } from './canvas.ts';
import { LIMITS, PROTOCOL_VERSION, normaliseRoomCode } from './limits.ts';
import type { ErrorCode } from './errors.ts';

export { PROTOCOL_VERSION, LIMITS };

const trimmed = (max: number) => z.string().trim().max(max);
const nonEmpty = (max: number) => z.string().trim().min(1).max(max);
const stage = z.number().int().min(1).max(5);
const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const dimensionKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

export const RoomCodeSchema = z.string().transform((s, ctx) => {
  const code = normaliseRoomCode(s);
  if (!code) {
    ctx.addIssue({ code: 'custom', message: 'not a room code' });
    return z.NEVER;
  }
  return code;
});

// ---------------------------------------------------------------- board values

export const HorizonSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,20}$/),
  label: nonEmpty(40),
  fromMonth: z.number().int().min(0).max(120),
  toMonth: z.number().int().min(1).max(120),
});

export const SettingsSchema = z.object({
  votesPerPerson: z.number().int().min(0).max(LIMITS.votesPerPersonMax),
  anonymous: z.boolean(),
  privateUntilReveal: z.boolean(),
  minAnswers: z.number().int().min(1).max(50),
  horizons: z.array(HorizonSchema).min(1).max(LIMITS.horizonsMax),
  initiativeCap: z.number().int().min(1).max(20),
  roadmapEditable: z.boolean(),
});
export const SettingsPatchSchema = SettingsSchema.partial().strict();

/** A dimension as a facilitator defines it: only the name is required; defaults fill the rest. */
export const DimensionInputSchema = z.object({
  key: dimensionKey.optional(),
  name: nonEmpty(LIMITS.dimensionNameMax),
  left: trimmed(LIMITS.descriptorMax).optional(),
  right: trimmed(LIMITS.descriptorMax).optional(),
  descriptors: z.array(trimmed(LIMITS.descriptorMax)).length(5).optional(),
  prompts: z.array(nonEmpty(LIMITS.promptMax)).max(4).optional(),
  enabler: z.boolean().optional(),
});
export type DimensionInput = z.infer<typeof DimensionInputSchema>;

export const CardValueSchema = z
  .object({
    kind: z.enum(['practice', 'barrier']),
    text: nonEmpty(LIMITS.cardTextMax),
    dimension: dimensionKey.nullable(),
    stage: stage.nullable(),
    createdAt: z.number().int().min(0).max(8_640_000_000_000_000),
  })
  .strict()
  .refine((c) => (c.kind === 'practice' ? c.dimension !== null && c.stage !== null : c.stage === null), {
    message: 'a practice card needs a dimension and a stage; a barrier has no stage',
  });

export const MarkerValueSchema = z.object({ current: stage.nullable(), target: stage.nullable() }).strict();

export const VoteTargetSchema = z.string().regex(/^(dim:[a-z0-9][a-z0-9-]{0,39}|card:[A-Za-z0-9_-]{1,40}\/[A-Za-z0-9_-]{1,40})$/);

// ---------------------------------------------------------------- HTTP bodies

export const CreateWorkshopBody = z
  .object({
    title: nonEmpty(LIMITS.titleMax),
    organisation: trimmed(LIMITS.organisationMax).optional(),
    dimensions: z.array(DimensionInputSchema).min(1).max(LIMITS.dimensionsMax).optional(),
    settings: SettingsPatchSchema.optional(),
  })
  .strict();
export type CreateWorkshopBody = z.infer<typeof CreateWorkshopBody>;

export interface CreateWorkshopReply {
  code: string;
  facilitatorKey: string;
  facilitatorUrl: string;
  joinUrl: string;
  boardUrl: string;
}

export interface WorkshopInfoReply {
  code: string;
  title: string;
  organisation: string;
  phase: (typeof PHASES)[number];
  participants: number;
}

export const JoinBody = z.object({ name: nonEmpty(LIMITS.nameMax) }).strict();
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
export type Role = HandshakeAuth['role'];

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
  z.object({ type: z.literal('timer:start'), durationMs: z.number().int().min(1_000).max(4 * 3_600_000) }).strict(),
  z.object({ type: z.literal('timer:pause') }).strict(),
  z.object({ type: z.literal('timer:resume') }).strict(),
  z.object({ type: z.literal('timer:add'), ms: z.number().int().min(-3_600_000).max(3_600_000) }).strict(),
  z.object({ type: z.literal('timer:reset') }).strict(),
  z.object({ type: z.literal('reveal:set'), phase: z.enum(['map', 'assess', 'prioritise']), revealed: z.boolean() }).strict(),
  z.object({ type: z.literal('lock:set'), locked: z.boolean() }).strict(),
  z.object({ type: z.literal('template:set'), dimensions: z.array(DimensionInputSchema).min(1).max(LIMITS.dimensionsMax) }).strict(),
  z.object({ type: z.literal('participant:remove'), participantId: id }).strict(),
  z.object({ type: z.literal('card:move'), cardKey: z.string().max(100), dimension: dimensionKey, stage }).strict(),
  z.object({ type: z.literal('roadmap:generate'), apply: z.boolean() }).strict(),
] as const;

const sharedCommands = [
  z.object({ type: z.literal('vote:set'), target: VoteTargetSchema, count: z.number().int().min(0).max(LIMITS.votesPerPersonMax) }).strict(),
  z
    .object({
      type: z.literal('roadmap:edit'),
      initiativeId: z.string().max(100),
      patch: z
        .object({
          title: nonEmpty(LIMITS.roadmapFieldMax),
          owner: trimmed(LIMITS.roadmapFieldMax),
          benchmark: trimmed(LIMITS.roadmapFieldMax),
          firstStep: trimmed(LIMITS.roadmapFieldMax),
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
export const PARTICIPANT_COMMANDS: ReadonlySet<CommandType> = new Set(['vote:set', 'roadmap:edit', 'roadmap:move']);

export type Ack<T = unknown> = { ok: true; data?: T } | { ok: false; error: { code: ErrorCode; message: string } };

// ---------------------------------------------------------------- events

export const EVENTS = {
  /** y-protocols sync message, both directions; client->server carries an Ack. */
  sync: 'sync',
  /** y-protocols awareness update, both directions. */
  awareness: 'awareness',
  /** A JSON command with an Ack. */
  command: 'command',
  /** Server->client after the handshake. */
  welcome: 'welcome',
  /** Server->client: a message was refused; the client should resync. */
  rejected: 'rejected',
  /** Server->client: you were removed or the workshop was deleted. */
  closed: 'closed',
} as const;

export interface RejectedPayload {
  code: ErrorCode;
  message: string;
}

export interface ClosedPayload {
  reason: 'removed' | 'deleted';
}

export interface ServerToClientEvents {
  sync: (message: Uint8Array) => void;
  awareness: (update: Uint8Array) => void;
  welcome: (payload: WelcomePayload) => void;
  rejected: (payload: RejectedPayload) => void;
  closed: (payload: ClosedPayload) => void;
}

export interface ClientToServerEvents {
  sync: (message: Uint8Array, ack?: (reply: Ack) => void) => void;
  awareness: (update: Uint8Array) => void;
  command: (command: Command, ack?: (reply: Ack) => void) => void;
}
