/**
 * The rule that no reason contradicts another, or the plan: reads every
 * generated `why` sentence and checks each claim it makes against the roadmap
 * and the board. Returns what it found wrong, one line per contradiction.
 *
 * Claims it understands (everything the generator writes; text people typed,
 * in curly quotes, is set aside first so a card cannot trip it):
 * - where it starts: exactly one sentence per initiative says "starts in X",
 *   "waits for a free slot" / "waits until" or "sits in the first 30 days",
 *   and it names the initiative's own horizon;
 * - "X is full", "X and Y are full", "X to Y are full": earlier horizons
 *   that hold as many initiatives as the cap allows;
 * - "after step 1 in X", "step 1 runs in X": where step 1 really is;
 * - "holds it until X", "starts in X: “barrier”": a barrier on the dimension
 *   (or a general one) whose "not before" is X;
 * - "the most votes (n)", "n votes", "No votes", "joint": the vote counts;
 * - "quick win": a gap of one stage; "groundwork": an enabling dimension;
 *   "builds on the groundwork in X" / "with the groundwork it builds on":
 *   groundwork there, and none later;
 * - "has not agreed where we start": a disputed dimension, no start claimed;
 * - "A gap of n stages ... in 2 steps": the gap and the steps;
 * - "Only n people placed a marker": the count;
 * - "Today: “…”", "In the way: “…”": cards and barriers of that dimension;
 * - "“barrier” leaves Now room for n": the first horizon's cap is n from then on;
 * - "starts in X, in June 2025": the month the initiative starts in (its `startMonth` from the plan's start).
 */
import { isOpeningBlock, isWaitingList } from '../../shared/roadmap/index.ts';
import type { BoardState, Initiative, Roadmap } from '../../shared/domain/types.ts';
import { monthName, monthOf } from '../../shared/domain/months.ts';

const QUOTED = /“[^”]*”/g;
const unquote = (s: string) => s.replace(QUOTED, '“…”');
const quoted = (s: string) => [...s.matchAll(QUOTED)].map((m) => m[0].slice(1, -1));
/** A quote may be a card's first words with "…"; it matches a text it starts. */
const quotes = (q: string, text: string) => (q.endsWith('…') ? text.startsWith(q.slice(0, -1)) : text.replace(/\.+$/, '') === q);

const POSITIONAL = /\bstarts in\b|\bwaits (?:for|until)\b|\bsits in the first 30 days\b/;

export function contradictions(board: BoardState, roadmap: Roadmap): string[] {
  const out: string[] = [];
  const removed = new Set(board.participants.filter((p) => p.removed).map((p) => p.id));
  const cards = board.cards.filter((c) => !removed.has(c.authorId));
  const labelOf = new Map(roadmap.horizons.map((h) => [h.id, h.label]));
  const byLabel = new Map(roadmap.horizons.map((h, i) => [h.label, i]));
  const rank = (i: Initiative) => roadmap.horizons.findIndex((h) => h.id === i.horizon);
  const count = (label: string) => roadmap.initiatives.filter((i) => labelOf.get(i.horizon) === label).length;
  // A capacity barrier leaves the first horizon one place fewer; the work it keeps out says how many.
  const squeezed = new Map<string, number>();
  for (const i of roadmap.initiatives)
    for (const w of i.why) for (const m of unquote(w).matchAll(/leaves? (\S+) room for (\d+), not/g)) squeezed.set(m[1]!, Number(m[2]));
  const capOf = (label: string) => squeezed.get(label) ?? board.settings.initiativeCap;
  const enablers = new Set(board.dimensions.filter((d) => d.enabler).map((d) => d.key));
  const maxVotes = Math.max(0, ...roadmap.summaries.map((s) => s.votes));

  for (const i of roadmap.initiatives) {
    const say = (what: string) => out.push(`${i.id}: ${what}`);
    const h = roadmap.horizons[rank(i)]!;
    const s = roadmap.summaries.find((x) => x.dimension === i.dimension)!;
    const placement = i.why.filter((w) => POSITIONAL.test(unquote(w)));
    if (placement.length !== 1) say(`${placement.length} sentences say when it starts`);
    for (const raw of i.why) {
      const w = unquote(raw);
      const starts = [...w.matchAll(/\bstarts in ([^:,.]+)/g)].map((m) => m[1]!);
      for (const l of starts) if (l !== h.label) say(`says it starts in ${l}, but it is in ${h.label}`);
      if (/\bwaits (?:for|until)\b/.test(w) && !isWaitingList(h)) say(`says it waits, but it is in ${h.label}`);
      if (/sits in the first 30 days/.test(w) && !isOpeningBlock(h)) say('says it sits in the first 30 days, but it does not');
      for (const m of w.matchAll(/(?:^|, but |, and |; )([^,.;]+?) (?:is|are) full/gi)) {
        const names = m[1]!.split(/ and | to /);
        const span = m[1]!.includes(' to ')
          ? roadmap.horizons.slice(byLabel.get(names[0]!)!, byLabel.get(names[1]!)! + 1).map((x) => x.label)
          : names;
        for (const l of span) {
          if (!byLabel.has(l)) say(`names a horizon "${l}" the roadmap does not have`);
          else if (count(l) < capOf(l)) say(`says ${l} is full, but it holds ${count(l)} of ${capOf(l)}`);
          else if (byLabel.get(l)! >= rank(i)) say(`says ${l} is full, but ${l} is not earlier`);
        }
      }
      const month = /starts in [^:,.]+, in (\w+ \d{4}):/.exec(w);
      if (month) {
        const start = roadmap.start ? monthOf(roadmap.start) : null;
        const said = start !== null && typeof i.startMonth === 'number' ? monthName(start + i.startMonth, true) : null;
        if (said !== month[1]) say(`says it starts in ${month[1]}, but its start month is ${said}`);
      }
      const step1 = /(?:after step 1 in|step 1 runs in) ([^,.]+)/i.exec(w);
      if (step1) {
        const first = roadmap.initiatives.find((x) => x.id === `${i.dimension}:move`);
        if (!first || labelOf.get(first.horizon) !== step1[1])
          say(`says step 1 is in ${step1[1]}, but it is in ${first && labelOf.get(first.horizon)}`);
      }
      const overWindow = /holds? it until it is over/.test(w);
      if (overWindow) {
        // A window's reason ("… (from June to July 2025) holds it until it is over"): what it quotes is a barrier with a window.
        for (const q of quoted(raw))
          if (!cards.some((c) => c.kind === 'barrier' && c.hold && quotes(q, c.text))) say(`quotes "${q}" as a window, and it has none`);
      }
      const held = overWindow ? null : (/holds? it until ([^,.]+)/.exec(w) ?? /(?:^|but )[Ii]t starts in ([^:,.]+): “/.exec(raw));
      if (held) {
        const id = roadmap.horizons.find((x) => x.label === held[1])?.id;
        const holders = cards.filter((c) => c.kind === 'barrier' && i.heldBy.includes(c.key));
        if (holders.length === 0 || holders.some((c) => c.notBefore !== id))
          say(`says barriers hold it until ${held[1]}, its own say otherwise`);
        for (const q of quoted(raw)) if (!holders.some((c) => quotes(q, c.text))) say(`quotes "${q}" as holding it, and it does not`);
      }
      const most = /the most votes \((\d+)(?: of the \d+ cast)?\)/.exec(w);
      if (most && (Number(most[1]) !== s.votes || s.votes !== maxVotes))
        say(`claims the most votes (${most[1]}), it has ${s.votes} of at most ${maxVotes}`);
      const votes = /^(\d+) votes?[,;]/.exec(w);
      if (votes && Number(votes[1]) !== s.votes) say(`claims ${votes[1]} votes, it has ${s.votes}`);
      if (/the most in the room/.test(w) && s.votes !== maxVotes) say('claims the most votes in the room');
      if (/^No votes\./.test(w) && s.votes !== 0) say(`says no votes, it has ${s.votes}`);
      if (/\bNobody voted for it\b/.test(w) && s.votes !== 0) say(`says nobody voted for it, it has ${s.votes}`);
      if (/quick win/.test(w) && (s.gap !== 1 || s.disagreement)) say('claims a quick win without an agreed one-stage gap');
      if (/\bgroundwork the rest\b/.test(w) && !enablers.has(i.dimension)) say('claims to be groundwork');
      if (/groundwork it builds on|builds on the groundwork/.test(w)) {
        const ground = roadmap.initiatives.filter((x) => enablers.has(x.dimension) && x.kind === 'move' && x.step === 1);
        if (ground.length === 0 || ground.some((g) => rank(g) > rank(i))) say('builds on groundwork that is missing or later');
      }
      // "once Ways of working (needed first) is under way": what it needs starts no later than it does.
      const once = /once (.+?) \(needed first\)/.exec(w);
      if (once) {
        const needed = roadmap.initiatives.filter((x) => x.kind === 'move' && x.step === 1 && once[1]!.includes(x.title.split(':')[0]!));
        if (needed.length === 0 || needed.some((g) => rank(g) > rank(i))) say(`says it follows ${once[1]}, which is missing or later`);
      }
      if (
        /after the first-30-days meeting/.test(w) &&
        !roadmap.initiatives.some((x) => x.id === `${i.dimension}:align` && isOpeningBlock(roadmap.horizons[rank(x)]!))
      ) {
        say('follows a first-30-days meeting that is not planned');
      }
      if (/has not agreed where we start/.test(w) && (!s.disagreement || i.fromStage !== 0))
        say('says the start is not agreed, but claims one');
      const gap = /A gap of (\d+) stages? is too far for one step, so the move comes in (\d+) steps/.exec(w);
      if (gap && (Number(gap[1]) !== s.gap || Number(gap[2]) !== i.steps))
        say(`says a gap of ${gap[1]} in ${gap[2]} steps; it is ${s.gap} in ${i.steps}`);
      const thin = /Only (\d+) (?:person|people) placed a marker/.exec(w);
      if (thin && Number(thin[1]) !== s.answers) say(`says ${thin[1]} answered, ${s.answers} did`);
      if (/^Today: “/.test(raw)) {
        const q = quoted(raw)[0]!;
        if (!cards.some((c) => c.kind === 'practice' && c.dimension === i.dimension && quotes(q, c.text)))
          say(`quotes "${q}" as today's practice, no such card here`);
      }
      if (/^In the way: “/.test(raw)) {
        const q = quoted(raw)[0]!;
        if (!cards.some((c) => c.kind === 'barrier' && c.dimension === i.dimension && quotes(q, c.text)))
          say(`quotes "${q}" as in the way, no such barrier here`);
      }
    }
    if (i.kind === 'move' && i.fromStage === 0 && !/towards/.test(i.title))
      say('claims a starting stage in its title before the room agreed one');
  }
  return out;
}
