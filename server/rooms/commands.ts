/**
 * Facilitator actions, votes and roadmap edits: validated here and written by
 * the server, so their rules (who may, the vote budget, the lock, when votes
 * count) hold whatever a client sends. Pure over (state, command, actor,
 * clock): no socket, no storage.
 */
import { AppError } from '../../shared/domain/errors.ts';
import { dayOf } from '../../shared/domain/months.ts';
import { PARTICIPANT_COMMANDS, SettingsSchema, type Command, type CommandData } from '../../shared/schema/protocol.ts';
import { HIDDEN, IDLE_TIMER, META, readDimensions, readRevealed, readSettings, readTimer } from '../../shared/doc/meta-doc.ts';
import { readRoadmap, writeRoadmap } from '../../shared/doc/roadmap-doc.ts';
import { applyInitiativeEdit, generateRoadmap, mergeRoadmap, moveInitiative } from '../../shared/roadmap/index.ts';
import type { TimerState } from '../../shared/domain/types.ts';
import { cardVisible, votingOpen } from '../../shared/rules/visibility.ts';
import { earlierMark } from '../../shared/rules/baseline.ts';
import { plural } from '../../shared/domain/words.ts';
import { parseTarget, poolBudget, poolOfCard, spentByPool, type VotePool } from '../../shared/rules/votes.ts';
import { ledgerMaps, ownedKey, readBaseline, readEarlier, readStoredModel, votesOf } from './ledger.ts';
import { setAside } from './set-aside.ts';
import { checkOwnerEdit, clearOwner, confirmOwner, volunteer } from './room-owners.ts';
import { serverWrite, type RoomState } from './room-state.ts';
import { buildDimensions, playbooksFor } from './build-dimensions.ts';

export interface Actor {
  role: 'facilitator' | 'participant' | 'viewer';
  participantId: string | null;
}

export interface CommandResult<T extends Command['type'] = Command['type']> {
  data?: CommandData<T>;
  /** Whether the state changed (so the caller waits until it is stored). */
  changed: boolean;
  /** Participants to disconnect. */
  kick?: readonly string[];
  /** The roadmap changed (the projection copies it field by field). */
  roadmap?: boolean;
}

export function authorise(command: Command, actor: Actor, state: RoomState): void {
  if (actor.role === 'viewer') throw new AppError('FORBIDDEN', 'The projector view is read-only.');
  if (actor.role !== 'facilitator') {
    if (!PARTICIPANT_COMMANDS.has(command.type)) throw new AppError('NOT_FACILITATOR');
    if (state.locked()) throw new AppError('BOARD_LOCKED');
    if (!state.present(actor.participantId)) throw new AppError('REMOVED');
  }
}

export function executeCommand(state: RoomState, command: Command, actor: Actor, now: number): CommandResult {
  authorise(command, actor, state);
  let result: CommandResult = { changed: true };
  state.ledger.transact(() => {
    result = run(state, command, actor, now) ?? { changed: true };
  });
  return result;
}

/** The pool a vote on this target comes from, if it is a target the room can see: a dimension of the canvas, or a revealed card. */
function votePool(state: RoomState, target: string): VotePool | null {
  const t = parseTarget(target);
  if (!t) return null;
  if (t.kind === 'dim') return state.dimensions().some((d) => d.key === t.key) ? 'change' : null;
  const card = state.card(t.id);
  return card && state.present(card.participantId) && !state.isAside(t.id) && cardVisible(state.ctx(), card.value.kind)
    ? poolOfCard(card.value.kind)
    : null;
}

function run(state: RoomState, command: Command, actor: Actor, now: number): CommandResult | void {
  const ledger = state.ledger;
  const meta = ledger.getMap<unknown>(META);
  const setTimer = (timer: TimerState) => meta.set('timer', timer);
  switch (command.type) {
    case 'phase:set':
      meta.set('phase', command.phase);
      return;
    case 'settings:update': {
      const next = { ...readSettings(ledger), ...command.settings };
      const parsed = SettingsSchema.safeParse(next);
      if (!parsed.success) throw new AppError('INVALID_VALUE', 'Those settings are not valid.');
      const ids = new Set(next.horizons.map((h) => h.id));
      if (ids.size !== next.horizons.length) throw new AppError('INVALID_VALUE', 'Two horizons share an id.');
      if (next.horizons.some((h) => h.toMonth <= h.fromMonth)) throw new AppError('INVALID_VALUE', 'A horizon must end after it starts.');
      meta.set('settings', parsed.data);
      return;
    }
    case 'timer:start':
      setTimer({ status: 'running', endsAt: now + command.durationMs, remainingMs: command.durationMs });
      return;
    case 'timer:pause': {
      const t = readTimer(ledger);
      if (t.status !== 'running' || t.endsAt === null) return { changed: false };
      setTimer({ status: 'paused', endsAt: null, remainingMs: Math.max(0, t.endsAt - now) });
      return;
    }
    case 'timer:resume': {
      const t = readTimer(ledger);
      if (t.status !== 'paused') return { changed: false };
      setTimer({ status: 'running', endsAt: now + t.remainingMs, remainingMs: t.remainingMs });
      return;
    }
    case 'timer:add': {
      const t = readTimer(ledger);
      if (t.status === 'running' && t.endsAt !== null) {
        const endsAt = Math.max(now, t.endsAt + command.ms);
        setTimer({ status: 'running', endsAt, remainingMs: endsAt - now });
      } else {
        setTimer({ status: 'paused', endsAt: null, remainingMs: Math.max(0, t.remainingMs + command.ms) });
      }
      return;
    }
    case 'timer:reset':
      setTimer(IDLE_TIMER);
      return;
    case 'reveal:set':
      meta.set('revealed', { ...HIDDEN, ...readRevealed(ledger), [command.phase]: command.revealed });
      return;
    case 'lock:set':
      meta.set('locked', command.locked);
      return;
    case 'template:set': {
      const dimensions = buildDimensions(command.dimensions, readDimensions(ledger));
      meta.set('dimensions', dimensions);
      // Each dimension keeps its first steps and benchmarks; a workshop from before models were files reads the defaults anyway.
      const stored = readStoredModel(ledger);
      if (stored.playbooks) ledgerMaps(ledger).model.set('playbooks', playbooksFor(dimensions, stored.playbooks));
      return;
    }
    case 'earlier:mark': {
      const baseline = readBaseline(ledger);
      if (!baseline) throw new AppError('NOT_FOUND', 'This workshop is not a re-run: there is no earlier roadmap.');
      if (!baseline.initiatives.some((i) => i.id === command.initiativeId))
        throw new AppError('UNKNOWN_ITEM', 'The earlier roadmap has no such initiative.');
      const before = earlierMark(readEarlier(ledger), command.initiativeId);
      const next = {
        status: command.status === undefined ? before.status : command.status,
        benchmarkMet: command.benchmarkMet === undefined ? before.benchmarkMet : command.benchmarkMet,
      };
      if (next.status === before.status && next.benchmarkMet === before.benchmarkMet) return { changed: false };
      ledgerMaps(ledger).earlier.set(command.initiativeId, next);
      return;
    }
    case 'what-moved:show':
      if (!readBaseline(ledger)) throw new AppError('NOT_FOUND', 'This workshop is not a re-run: there is nothing to compare with.');
      meta.set('whatMoved', command.show);
      return;
    case 'participant:remove': {
      const participants = ledgerMaps(ledger).participants;
      const p = participants.get(command.participantId);
      if (!p) throw new AppError('NOT_FOUND', 'No participant with that id.');
      if (!p.removed) participants.set(p.id, { ...p, removed: true });
      return { changed: true, kick: [p.id] };
    }
    case 'joins:set':
      meta.set('joinsClosed', !command.open);
      return;
    case 'participants:remove-recent': {
      const participants = ledgerMaps(ledger).participants;
      const removed: string[] = [];
      for (const p of participants.values()) {
        if (p.removed || p.joinedAt < now - command.withinMs) continue;
        participants.set(p.id, { ...p, removed: true });
        removed.push(p.id);
      }
      return { changed: removed.length > 0, kick: removed, data: { removed } };
    }
    case 'card:move': {
      const card = state.card(command.cardId);
      if (!card || !state.present(card.participantId)) throw new AppError('NOT_FOUND', 'No card with that id.');
      if (card.value.kind !== 'practice') throw new AppError('INVALID_VALUE', 'Only practice cards sit in a cell.');
      if (!state.dimensions().some((d) => d.key === command.dimension)) throw new AppError('INVALID_VALUE', 'No such dimension.');
      if (card.value.dimension === command.dimension && card.value.stage === command.stage) return { changed: false };
      serverWrite(state.privateDoc(card.participantId), (m) =>
        m.cards.set(card.cardId, { ...card.value, dimension: command.dimension, stage: command.stage }),
      );
      return;
    }
    case 'barrier:set': {
      const card = state.card(command.cardId);
      if (!card || !state.present(card.participantId)) throw new AppError('NOT_FOUND', 'No card with that id.');
      if (card.value.kind !== 'barrier') throw new AppError('INVALID_VALUE', 'Only a barrier holds work back: this is a practice card.');
      if (command.dimension != null && !state.dimensions().some((d) => d.key === command.dimension)) {
        throw new AppError('UNKNOWN_ITEM', 'The canvas has no such dimension.');
      }
      if (command.notBefore != null && !readSettings(ledger).horizons.some((h) => h.id === command.notBefore)) {
        throw new AppError('UNKNOWN_ITEM', 'The roadmap has no such horizon.');
      }
      const next = {
        ...card.value,
        dimension: command.dimension === undefined ? card.value.dimension : command.dimension,
        notBefore: command.notBefore === undefined ? (card.value.notBefore ?? null) : command.notBefore,
        hold: command.hold === undefined ? (card.value.hold ?? null) : command.hold,
      };
      const same =
        next.dimension === card.value.dimension &&
        next.notBefore === (card.value.notBefore ?? null) &&
        next.hold === (card.value.hold ?? null);
      if (same) return { changed: false };
      // Written into the author's own document, as a move is: the card stays theirs to edit or delete.
      serverWrite(state.privateDoc(card.participantId), (m) => m.cards.set(card.cardId, next));
      return;
    }
    case 'vote:set': {
      const pid = actor.participantId;
      if (!pid) throw new AppError('FORBIDDEN', 'Only participants vote.');
      if (!votingOpen(state.ctx())) throw new AppError('VOTING_CLOSED');
      const target = command.target;
      const pool = votePool(state, target);
      if (!pool) throw new AppError('INVALID_VALUE', 'You can vote only on a dimension or a card the room can see.');
      const mine = votesOf(ledger, pid);
      const current = mine.get(target) ?? 0;
      // Each pool has its own budget (shared/rules/votes.ts); only votes on targets still there count (a deleted card frees its votes).
      mine.delete(target);
      const spent = spentByPool(mine, (t) => votePool(state, t))[pool];
      const budget = poolBudget(readSettings(ledger), pool);
      const after = spent + command.count;
      if (command.count > current && after > budget) {
        const left = Math.max(0, budget - spent - current);
        throw new AppError('VOTE_BUDGET', `You have ${plural(left, pool === 'barriers' ? 'barrier vote' : 'vote')} left.`);
      }
      if (command.count === current) return { changed: false, data: { used: spent + current, budget, pool } };
      const key = ownedKey(pid, target);
      if (command.count === 0) ledgerMaps(ledger).votes.delete(key);
      else ledgerMaps(ledger).votes.set(key, command.count);
      // The voter's own phone keeps its votes (its own document); nobody else sees them apart from totals.
      serverWrite(state.privateDoc(pid), (m) => {
        if (command.count === 0) m.votes.delete(target);
        else m.votes.set(target, command.count);
      });
      return { changed: true, data: { used: after, budget, pool } };
    }
    case 'card:set-aside':
      return setAside(state, command.cardId, command.aside, now);
    case 'owner:volunteer':
      return volunteer(state, actor.participantId, command.initiativeId, command.offer, now);
    case 'owner:confirm':
      return confirmOwner(state, command.initiativeId, command.participantId);
    case 'owner:clear':
      return clearOwner(state, command.initiativeId);
    case 'roadmap:generate': {
      const board = state.fullBoard();
      // The plan starts on the day it is generated (the workshop's day) unless the facilitator set its start.
      const { roadmap, replaced } = mergeRoadmap(board.roadmap, generateRoadmap(board, dayOf(now)));
      if (!command.apply) return { changed: false, data: { changes: replaced, roadmap } };
      writeRoadmap(ledger, roadmap);
      return { changed: true, roadmap: true, data: { changes: replaced } };
    }
    case 'roadmap:edit':
    case 'roadmap:move': {
      if (actor.role !== 'facilitator' && !readSettings(ledger).roadmapEditable) throw new AppError('ROADMAP_LOCKED');
      const current = readRoadmap(ledger);
      if (!current) throw new AppError('NOT_FOUND', 'There is no roadmap yet.');
      if (command.type === 'roadmap:edit' && command.patch.owner !== undefined) checkOwnerEdit(state, actor, command.patch.owner);
      const next =
        command.type === 'roadmap:edit'
          ? applyInitiativeEdit(current, command.initiativeId, command.patch)
          : moveInitiative(current, command.initiativeId, command.horizon, command.index);
      writeRoadmap(ledger, next);
      return { changed: true, roadmap: true };
    }
    case 'viewer:rotate':
      // Handled by the workshop service (it holds the key); never reaches a room.
      throw new AppError('BAD_REQUEST');
  }
}
