/**
 * The names of the files a workshop is downloaded as (the roadmap, the report, the
 * canvas, the archive, the template), and the one reading of the day they carry.
 */
import { AppError } from '../../domain/errors.ts';

/** A day as yyyy-mm-dd reads: month 1..12, day 1..31. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads yyyy-mm-dd; throws AppError INVALID_VALUE for anything else, or a day the month does not have. */
export function parseDay(date: string): Day {
  const match = DATE.exec(date);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  const d = Number(match?.[3]);
  const valid = match && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!valid) throw new AppError('INVALID_VALUE', `"${date}" is not a date in the form yyyy-mm-dd.`);
  return { y, m, d };
}

/**
 * `<slugified-title>-<what>-<yyyy-mm-dd>.<ext>`: lower-case ASCII letters,
 * digits and dashes, accents folded, at most 60 characters of title; "workshop"
 * when nothing of the title survives (an emoji-only title, say). Throws
 * AppError INVALID_VALUE for a date that is not yyyy-mm-dd.
 */
export function fileNameFor(
  title: string,
  what: 'roadmap' | 'report' | 'canvas' | 'archive' | 'template',
  date: string,
  ext: 'md' | 'html' | 'csv' | 'json',
): string {
  parseDay(date);
  const slug =
    String(title ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'workshop';
  return `${slug}-${what}-${date}.${ext}`;
}

/** `<slugified-title>-roadmap-<yyyy-mm-dd>.md` (see `fileNameFor`). */
export const exportFileName = (title: string, date: string): string => fileNameFor(title, 'roadmap', date, 'md');
