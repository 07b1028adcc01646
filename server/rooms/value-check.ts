/**
 * The values a phone writes into its own document (a card, a marker), checked by
 * hand on the hot path: every edit of a card passes here. They accept exactly what
 * `CardValueSchema` / `MarkerValueSchema` (shared/schema/protocol.ts) accept with the text
 * already clean, and nothing else; the schemas stay the edge's word, and name the
 * refusal when these say no (validate-update.ts). A property test holds the two
 * together on generated values, hostile ones included
 * (tests/unit/value-check.property.test.ts).
 */
import { STAGE_COUNT } from '../../shared/domain/canvas.ts';
import { DIMENSION_KEY, HORIZON_ID } from '../../shared/domain/limits.ts';
import { LIMITS } from '../../shared/domain/limits.ts';
import { cleanText } from '../../shared/domain/text.ts';
import { readHold } from '../../shared/domain/months.ts';

const DIMENSION = DIMENSION_KEY;
const HORIZON = HORIZON_ID;
/** The largest createdAt the schema takes (the end of ECMAScript time). */
const TIME_MAX = 8_640_000_000_000_000;

/** A stage of the canvas, 1..STAGE_COUNT: what a card's stage and a marker's current and target hold. */
export const isStage = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= STAGE_COUNT;
const stageOrNull = (v: unknown): boolean => v === null || isStage(v);

/** Own keys of `value` are all in `allowed` (a strict object: anything else is refused). */
function onlyKeys(value: object, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(value)) if (!allowed.has(key)) return false;
  return true;
}

const CARD_KEYS: ReadonlySet<string> = new Set(['kind', 'text', 'dimension', 'stage', 'createdAt', 'notBefore', 'hold']);
const MARKER_KEYS: ReadonlySet<string> = new Set(['current', 'target']);

/**
 * True when `value` (a plain object) is a card the schema accepts and its text is already clean
 * (cleaning would not change it, and it is not empty).
 */
export function isCleanCard(value: Record<string, unknown>): boolean {
  if (!onlyKeys(value, CARD_KEYS)) return false;
  const { kind, text, dimension, stage, createdAt, notBefore, hold } = value;
  if (kind !== 'practice' && kind !== 'barrier') return false;
  if (typeof text !== 'string' || text.length === 0 || text.length > LIMITS.cardTextMax || cleanText(text) !== text) return false;
  if (dimension !== null && !(typeof dimension === 'string' && DIMENSION.test(dimension))) return false;
  if (!stageOrNull(stage)) return false;
  if (typeof createdAt !== 'number' || !Number.isSafeInteger(createdAt) || createdAt < 0 || createdAt > TIME_MAX) return false;
  if (notBefore !== undefined && notBefore !== null && !(typeof notBefore === 'string' && HORIZON.test(notBefore))) return false;
  if (hold !== undefined && hold !== null && readHold(hold) === null) return false;
  // A practice card has a dimension and a stage; a barrier has no stage, and only a barrier holds work back.
  if (kind === 'practice') return dimension !== null && stage !== null && notBefore == null && hold == null;
  return stage === null;
}

/** True when `value` (a plain object) is a marker the schema accepts. */
export function isMarker(value: Record<string, unknown>): boolean {
  return onlyKeys(value, MARKER_KEYS) && stageOrNull(value.current) && stageOrNull(value.target);
}
