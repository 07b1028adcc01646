/**
 * The facilitator console's state: its live board, which tab it shows, whether
 * it is presenting (showing only what the projector shows), and the actions it
 * sends. The view (views/Facilitator.svelte) stays presentational.
 */
import { PHASES, phaseAtLeast, type Phase } from '../../shared/domain/canvas.ts';
import { PHASE_INFO } from '../../shared/domain/phase-info.ts';
import { PROTOCOL_VERSION } from '../../shared/domain/limits.ts';
import type { Command, CommandType } from '../../shared/schema/protocol.ts';
import type { Settings } from '../../shared/domain/types.ts';
import { isHidden, type PrivatePart } from '../../shared/rules/visibility.ts';
import { downloadExport } from './console-api.ts';
import { LiveBoard } from './live.svelte.ts';
import { answerTally, moveRevealSentence, phaseState } from './console-model.ts';
import { roomView } from './room.ts';
import { readAside, readVolunteers } from '../../shared/doc/console-doc.ts';

export class ConsoleState {
  readonly live: LiveBoard;
  tab = $state<'board' | 'roadmap'>('board');
  busy = $state(false);
  downloadMsg = $state<string | null>(null);
  /** The facilitator's own choice; null until they touch the switch. */
  presentingChoice = $state<boolean | null>(null);

  readonly board = $derived.by(() => this.live.board);
  /** Presenting matters only when something is private or anonymous. */
  readonly canPresent = $derived(!!this.board && (this.board.settings.privateUntilReveal || this.board.settings.anonymous));
  /**
   * Presenting: the console shows what the projector shows, so a console on the big screen
   * never anchors the room. On by default whenever the workshop keeps answers private until
   * the reveal; the facilitator can switch it off to look at everything on their own screen.
   */
  readonly presenting = $derived(this.canPresent && (this.presentingChoice ?? !!this.board?.settings.privateUntilReveal));
  readonly room = $derived(this.board ? roomView(this.board, this.presenting) : null);
  readonly assessing = $derived(!!this.board && phaseAtLeast(this.board.phase, 'assess'));
  readonly present = $derived(this.board?.stats.participants ?? 0);
  readonly minAnswersMet = $derived(!!this.room && this.room.dists.size > 0);
  readonly hiddenNow = $derived(
    !!this.room &&
      (this.room.hiddenPractice > 0 || this.room.hiddenBarriers > 0 || (this.board?.phase === 'assess' && isHidden(this.board, 'assess'))),
  );
  /** Answers as people × dimensions, and the dimensions short of them. */
  readonly answers = $derived(this.board ? answerTally(this.board) : null);
  /** Cards set aside, and who volunteered for which initiative: the console document's own parts, read when the board is. */
  readonly aside = $derived.by(() => (this.board && this.live.conn.console ? readAside(this.live.conn.console) : []));
  readonly volunteers = $derived.by(() => (this.board && this.live.conn.console ? readVolunteers(this.live.conn.console) : {}));
  /** Each phase's entries: hidden from the room, revealed, or never private (null). */
  readonly phaseStates = $derived(
    Object.fromEntries(PHASES.map((p) => [p, this.board ? phaseState(this.board, p) : null])) as Record<
      Phase,
      'hidden' | 'revealed' | null
    >,
  );
  /** What moving to each phase would open to everyone, said before the facilitator moves; null: nothing. */
  readonly moveReveals = $derived(
    Object.fromEntries(PHASES.map((p) => [p, this.board ? moveRevealSentence(this.board, p, PHASE_INFO[p].title) : null])) as Record<
      Phase,
      string | null
    >,
  );
  /** The part of the session the current phase can reveal. */
  readonly revealPart = $derived<PrivatePart | null>(
    this.board && (this.board.phase === 'map' || this.board.phase === 'assess' || this.board.phase === 'prioritise')
      ? this.board.phase
      : null,
  );

  constructor(
    readonly code: string,
    readonly key: string,
  ) {
    this.live = new LiveBoard({ auth: { v: PROTOCOL_VERSION, role: 'facilitator', code, key } });
  }

  async send<T extends CommandType>(cmd: Extract<Command, { type: T }>) {
    this.busy = true;
    const ack = await this.live.command(cmd);
    this.busy = false;
    return ack;
  }

  setPhase(phase: Phase): void {
    void this.send({ type: 'phase:set', phase });
    this.tab = phaseAtLeast(phase, 'roadmap') ? 'roadmap' : 'board';
  }

  updateSettings(settings: Partial<Settings>) {
    return this.send({ type: 'settings:update', settings });
  }

  remove(participantId: string) {
    return this.send({ type: 'participant:remove', participantId });
  }

  async download(): Promise<void> {
    this.downloadMsg = null;
    try {
      this.downloadMsg = `Saved ${await downloadExport(this.code, this.key)}`;
    } catch (e) {
      this.downloadMsg = (e as Error).message;
    }
  }

  destroy(): void {
    this.live.destroy();
  }
}
