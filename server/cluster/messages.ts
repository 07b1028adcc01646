/**
 * The messages nodes send each other over the bus (bus.ts), one shape per `t`, checked as they
 * arrive from Redis: past `readMessage` the router and the RPC read typed fields, and a message
 * of any other shape (another version, a stray publish on our channel) is refused there.
 *
 * `args` and `value` are JSON packed by `pack` (bytes as base64); whoever reads them unpacks them.
 */
import { z } from 'zod';
import type { Role } from '../../shared/wire/documents.ts';

const ROLES = ['participant', 'facilitator', 'viewer'] as const satisfies readonly Role[];

const node = z.string();
const sid = z.string();
const sids = z.array(z.string());
const args = z.array(z.unknown());
/** A refusal, as an AppError's code and words. */
const refusal = z.object({ code: z.string(), message: z.string() });

/** Who a forwarded socket is, as the handshake on its own node found. */
const who = { code: z.string(), role: z.enum(ROLES), participantId: z.string().nullable(), name: z.string().nullable() };

const MessageSchema = z.discriminatedUnion('t', [
  // Edge node to owner: a socket to serve here, its events, its end.
  z.object({ t: z.literal('open'), from: node, sid, ...who }),
  // `ack` is set when the phone asked for an answer.
  z.object({ t: z.literal('ev'), from: node, sid, event: z.string(), args, ack: z.number().int().optional() }),
  z.object({ t: z.literal('leave'), from: node, sid }),
  // Owner to edge node: the answer to `open`, then what reaches its sockets.
  z.object({ t: z.literal('opened'), sid, error: refusal.nullable() }),
  z.object({ t: z.literal('emit'), sids, event: z.string(), args }),
  z.object({ t: z.literal('ack'), sid, id: z.number().int(), args }),
  // Closed for good: the edge node disconnects the phone.
  z.object({ t: z.literal('close'), sids }),
  // Not served here (any more): the edge node closes the transport and the phone reconnects.
  z.object({ t: z.literal('drop'), sids }),
  // A workshop method run on the room's owner (rpc.ts).
  z.object({ t: z.literal('call'), from: node, id: z.number().int(), method: z.string(), args }),
  z.object({
    t: z.literal('result'),
    id: z.number().int(),
    value: z.unknown().optional(),
    moved: z.literal(true).optional(),
    error: refusal.optional(),
  }),
  // To every node.
  z.object({ t: z.literal('deleted'), code: z.string() }),
]);

export type Message = z.infer<typeof MessageSchema>;
export type MessageOf<T extends Message['t']> = Extract<Message, { t: T }>;
export type Who = Pick<MessageOf<'open'>, 'code' | 'role' | 'participantId' | 'name'>;
/** What an owner sends to the sockets a node forwards. */
export type ToSocket = MessageOf<'emit' | 'ack' | 'close' | 'drop'>;

/** The message in `text`; throws (JSON or shape) when it is not one. */
export function readMessage(text: string): Message {
  return MessageSchema.parse(JSON.parse(text));
}
