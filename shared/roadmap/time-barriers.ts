/**
 * What a barrier on the whole plan is about, when it is about time: an election
 * period, a busy season, people's time, or a date the team is tied up until. A
 * small word list (English), not a reading of the text: what it does not
 * recognise stays a barrier like any other. Only the wording follows from it;
 * when work moves is the plan's calendar, not this. Pure.
 */
export type TimeBarrier = 'election' | 'season' | 'capacity' | 'until';

const ELECTION = /\b(pre-?election|elections?|purdah|polling|referendum)\b/i;
const SEASON = /\b(season|peak|christmas|summer holidays?|school holidays?|year[- ]end|quarter[- ]end|busy period)\b/i;
const CAPACITY =
  /\b(time|part[- ]time|stretched|capacity|workload|busy|short[- ]staffed|understaffed|overstretched|fully booked|nobody has|no one has|too few)\b/i;
/** Words that put an end to it: the room named when it stops. */
const UNTIL = /\b(until|till|runs to|runs until|ends in)\b/i;

/** The kind of time a barrier's text names, or null when it names none of them. */
export function timeBarrierOf(text: string): TimeBarrier | null {
  if (ELECTION.test(text)) return 'election';
  if (SEASON.test(text)) return 'season';
  if (CAPACITY.test(text)) return 'capacity';
  if (UNTIL.test(text)) return 'until';
  return null;
}

/** The text names a date or an event the team waits for ("until the release in June"). */
export const namesAnEnd = (text: string): boolean => UNTIL.test(text);
