/**
 * Facilitator actions, votes and roadmap edits: validated here and written into
 * the doc by the server, so their rules (who may, the vote budget, the lock)
 * hold whatever a client sends. Pure over (doc, command, actor, clock): no socket.
 */
import * as Y from 'yjs';
import { AppError } from '../../shared/errors.ts';
import { PARTICIPANT_COMMANDS, SettingsSchema, type Command } from '../../shared/protocol.ts';
import {
  HIDDEN,
  IDLE_TIMER,
  maps,
  ownedKey,
  readBoard,
  readDimensions,
  readLocked,
  readRevealed,
  readSettings,
  readTimer,
  votesUsed,
} from '../../shared/board.ts';
import { applyInitiativeEdit, generateRoadmap, mergeRoadmap, moveInitiative } from '../../shared/roadmap.ts';
import type { Roadmap, TimerState } from '../../shared/types.ts';
import { buildDimensions } from './template.ts';

export interface Actor {
  role: 'facilitator' | 'participant' | 'viewer';
  participantId: string | null;
}

export interface CommandResult {
  data?: unknown;
  /** Whether the doc changed (so the caller waits until it is stored). */
  changed: boolean;
  /** A participant to disconnect. */
  kick?: string;
}

export function authorise(command: Command, actor: Actor, doc: Y.Doc): void {
  if (actor.role === 'viewer') throw new AppError('FORBIDDEN', 'The projector view is read-only.');
  if (actor.role !== 'facilitator') {
    if (!PARTICIPANT_COMMANDS.has(command.type)) throw new AppError('NOT_FACILITATOR');
    if (readLocked(doc)) throw new AppError('BOARD_LOCKED');
    const me = actor.participantId ? maps(doc).participants.get(actor.participantId) : undefined;
    if (!me || me.removed) throw new AppError('REMOVED');
  }
}

export function executeCommand(doc: Y.Doc, command: Command, actor: Actor, now: number): CommandResult {
  authorise(command, actor, doc);
  const m = maps(doc);
  let result: CommandResult = { changed: true };
  doc.transact(() => {
    result = run(doc, m, command, actor, now) ?? { changed: true };
  });
  return result;
}

function run(doc: Y.Doc, m: ReturnType<typeof maps>, command: Command, actor: Actor, now: number): CommandResult | void {
  switch (command.type) {
    case 'phase:set':
      m.meta.set('phase', command.phase);
      return;
    case 'settings:update': {
      const next = { ...readSettings(doc), ...command.settings };
      const parsed = SettingsSchema.safeParse(next);
      if (!parsed.success) throw new AppError('INVALID_VALUE', 'Those settings are not valid.');
      const ids = new Set(next.horizons.map((h) => h.id));
      if (ids.size !== next.horizons.length) throw new AppError('INVALID_VALUE', 'Two horizons share an id.');
      if (next.horizons.some((h) => h.toMonth <= h.fromMonth)) throw new AppError('INVALID_VALUE', 'A horizon must end after it starts.');
      m.meta.set('settings', parsed.data);
      return;
    }
    case 'timer:start':
      setTimer(m, { status: 'running', endsAt: now + command.durationMs, remainingMs: command.durationMs });
      return;
    case 'timer:pause': {
      const t = readTimer(doc);
      if (t.status !== 'running' || t.endsAt === null) return { changed: false };
      setTimer(m, { status: 'paused', endsAt: null, remainingMs: Math.max(0, t.endsAt - now) });
      return;
    }
    case 'timer:resume': {
      const t = readTimer(doc);
      if (t.status !== 'paused') return { changed: false };
      setTimer(m, { status: 'running', endsAt: now + t.remainingMs, remainingMs: t.remainingMs });
      return;
    }
    case 'timer:add': {
      const t = readTimer(doc);
      if (t.status === 'running' && t.endsAt !== null) {
        const endsAt = Math.max(now, t.endsAt + command.ms);
        setTimer(m, { status: 'running', endsAt, remainingMs: endsAt - now });
      } else {
        setTimer(m, { status: 'paused', endsAt: null, remainingMs: Math.max(0, t.remainingMs + command.ms) });
      }
      return;
    }
    case 'timer:reset':
      setTimer(m, IDLE_TIMER);
      return;
    case 'reveal:set':
      m.meta.set('revealed', { ...HIDDEN, ...readRevealed(doc), [command.phase]: command.revealed });
      return;
    case 'lock:set':
      m.meta.set('locked', command.locked);
      return;
    case 'template:set':
      m.meta.set('dimensions', buildDimensions(command.dimensions));
      return;
    case 'participant:remove': {
      const p = m.participants.get(command.participantId);
      if (!p) throw new AppError('NOT_FOUND', 'No participant with that id.');
      if (!p.removed) m.participants.set(p.id, { ...p, removed: true });
      return { changed: true, kick: p.id };
    }
    case 'card:move': {
      const card = m.cards.get(command.cardKey);
      if (!card) throw new AppError('NOT_FOUND', 'No card with that key.');
      if (card.kind !== 'practice') throw new AppError('INVALID_VALUE', 'Only practice cards sit in a cell.');
      if (!readDimensions(doc).some((d) => d.key === command.dimension)) throw new AppError('INVALID_VALUE', 'No such dimension.');
      if (card.dimension === command.dimension && card.stage === command.stage) return { changed: false };
      m.cards.set(command.cardKey, { ...card, dimension: command.dimension, stage: command.stage });
      return;
    }
    case 'vote:set': {
      if (!actor.participantId) throw new AppError('FORBIDDEN', 'Only participants vote.');
      const target = command.target;
      if (target.startsWith('dim:')) {
        if (!readDimensions(doc).some((d) => `dim:${d.key}` === target)) throw new AppError('INVALID_VALUE', 'No such dimension.');
      } else if (!m.cards.has(target.slice('card:'.length))) {
        throw new AppError('INVALID_VALUE', 'No such card.');
      }
      const key = ownedKey(actor.participantId, target);
      const current = m.votes.get(key) ?? 0;
      const budget = readSettings(doc).votesPerPerson;
      const after = votesUsed(doc, actor.participantId) - current + command.count;
      if (command.count > current && after > budget) throw new AppError('VOTE_BUDGET', `You have ${Math.max(0, budget - (after - command.count))} votes left.`);
      if (command.count === current) return { changed: false, data: { used: after, budget } };
      if (command.count === 0) m.votes.delete(key);
      else m.votes.set(key, command.count);
      return { changed: true, data: { used: after, budget } };
    }
    case 'roadmap:generate': {
      const board = readBoard(doc);
      const { roadmap, replaced } = mergeRoadmap(board.roadmap, generateRoadmap(board));
      if (!command.apply) return { changed: false, data: { changes: replaced, roadmap } };
      m.roadmap.set('current', roadmap);
      return { changed: true, data: { changes: replaced } };
    }
    case 'roadmap:edit':
    case 'roadmap:move': {
      if (actor.role !== 'facilitator' && !readSettings(doc).roadmapEditable) throw new AppError('ROADMAP_LOCKED');
      const current = m.roadmap.get('current') as Roadmap | undefined;
      if (!current) throw new AppError('NOT_FOUND', 'There is no roadmap yet.');
      const next =
        command.type === 'roadmap:edit'
          ? applyInitiativeEdit(current, command.initiativeId, command.patch)
          : moveInitiative(current, command.initiativeId, command.horizon, command.index);
      m.roadmap.set('current', next);
      return;
    }
  }
}

function setTimer(m: ReturnType<typeof maps>, timer: TimerState): void {
  m.meta.set('timer', timer);
}
