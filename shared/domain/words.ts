/**
 * Counting and listing in words, in one place for every screen, the roadmap and the export:
 * "1 person", "3 people", "Ada, Ben and 2 more".
 */

/** "1 card", "2 cards"; pass `many` for irregular plurals ("person", "people"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "A", "A and B", "A, B and C"; past `max` names, "A, B, C and 2 more". */
export function listNames(names: readonly string[], max = Infinity): string {
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
