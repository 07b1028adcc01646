/**
 * What every workshop document with a `meta` map shares: the server's ledger
 * and the public room doc both keep the session's settings there. Defaults and
 * typed readers, used by both sides. The other parts of each document are laid
 * out in shared/doc/room-doc.ts, shared/doc/private-doc.ts and server/rooms/ledger.ts.
 *
 * `meta` keys: title, organisation, phase, settings, timer, revealed, locked, dimensions,
 * stages, whatMoved.
 */
import type * as Y from 'yjs';
import { PHASES, STAGES, TARGET_MONTHS, workshopStages, type Phase, type Stage } from '../domain/canvas.ts';
import type { DimensionDef, RevealState, Settings, TimerState } from '../domain/types.ts';

export const META = 'meta';

/**
 * Settings a document stored before a field existed reads with (and the phone's only copy of
 * them). A workshop starts from its model's settings (shared/domain/workshop-model.ts); a unit test
 * holds these equal to the default template's.
 */
export const DEFAULT_SETTINGS: Settings = {
  votesPerPerson: 5,
  anonymous: false,
  privateUntilReveal: true,
  minAnswers: 3,
  // To the end of the 12-to-18-month window people set their targets for (TARGET_MONTHS).
  horizons: [
    { id: 'now', label: 'Now', fromMonth: 0, toMonth: 3 },
    { id: 'next', label: 'Next', fromMonth: 3, toMonth: 6 },
    { id: 'later', label: 'Later', fromMonth: 6, toMonth: 12 },
    { id: 'year-two', label: 'Year two', fromMonth: 12, toMonth: TARGET_MONTHS },
  ],
  initiativeCap: 3,
  roadmapEditable: true,
  serves: 'customers',
  participantCopies: true,
};

/** Suggestions for `Settings.serves`; a facilitator may type their own. */
export const SERVES_SUGGESTIONS: readonly string[] = ['customers', 'citizens', 'members', 'supporters', 'patients', 'students'];

export const IDLE_TIMER: TimerState = { status: 'idle', endsAt: null, remainingMs: 0 };
export const HIDDEN: RevealState = { map: false, assess: false, prioritise: false };

export interface InitialBoard {
  title: string;
  organisation: string;
  dimensions: DimensionDef[];
  settings?: Partial<Settings>;
  /** The model's stage names; the default ones when absent. */
  stages?: readonly Stage[];
}

/** Writes a fresh board into an empty doc (server side, at creation). */
export function initBoard(doc: Y.Doc, init: InitialBoard): void {
  const meta = doc.getMap<unknown>(META);
  doc.transact(() => {
    meta.set('title', init.title);
    meta.set('organisation', init.organisation);
    meta.set('phase', 'lobby' satisfies Phase);
    meta.set('settings', { ...DEFAULT_SETTINGS, ...init.settings });
    meta.set('timer', IDLE_TIMER);
    meta.set('revealed', HIDDEN);
    meta.set('locked', false);
    meta.set('dimensions', init.dimensions);
    meta.set(
      'stages',
      (init.stages ?? STAGES).map((st) => ({ ...st })),
    );
  });
}

function metaValue<T>(doc: Y.Doc, key: string, fallback: T): T {
  const v = doc.getMap<unknown>(META).get(key);
  return v === undefined ? fallback : (v as T);
}

export function readPhase(doc: Y.Doc): Phase {
  const p = metaValue<string>(doc, 'phase', 'lobby');
  return (PHASES as readonly string[]).includes(p) ? (p as Phase) : 'lobby';
}
export const readSettings = (doc: Y.Doc): Settings => ({ ...DEFAULT_SETTINGS, ...metaValue<Partial<Settings>>(doc, 'settings', {}) });
export const readDimensions = (doc: Y.Doc): DimensionDef[] => metaValue<DimensionDef[]>(doc, 'dimensions', []);
export const readLocked = (doc: Y.Doc): boolean => metaValue<unknown>(doc, 'locked', false) === true;
/** The facilitator closed the workshop to new people (joins refused with JOINS_CLOSED). */
export const readJoinsClosed = (doc: Y.Doc): boolean => metaValue<unknown>(doc, 'joinsClosed', false) === true;
export const readRevealed = (doc: Y.Doc): RevealState => ({ ...HIDDEN, ...metaValue<Partial<RevealState>>(doc, 'revealed', {}) });
export const readTimer = (doc: Y.Doc): TimerState => metaValue<TimerState>(doc, 'timer', IDLE_TIMER);
/** The workshop's stage names; the default ones for a workshop stored before it had its own. */
export function readStages(doc: Y.Doc): Stage[] {
  return workshopStages(metaValue<unknown>(doc, 'stages', null)).map((st) => ({ ...st }));
}
/** The facilitator shows "What moved" on the projector (a re-run only). */
export const readWhatMoved = (doc: Y.Doc): boolean => metaValue<unknown>(doc, 'whatMoved', false) === true;

/** The meta fields as one object (what a projection copies from the ledger to the room). */
export function readMeta(doc: Y.Doc): Record<string, unknown> {
  return doc.getMap<unknown>(META).toJSON();
}
