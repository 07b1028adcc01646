/**
 * The markdown export: one file a management team can paste into a wiki, a
 * repository or an email and read without the app, the morning after. It opens
 * with what to do in the first 30 days, says plainly what the data cannot
 * carry, then gives the plan by horizon; the record of the board (the canvas
 * table, barriers, practice cards) is the appendix. Pure: the date comes in as
 * an argument.
 *
 * Everything people typed (title, organisation, names, dimension names, stage
 * names, horizon labels, card texts, initiative fields) goes through `inline`, which
 * keeps the text as typed while making sure it cannot open markup, break a
 * table row or turn into a link. The output is GFM that passes markdownlint
 * with MD013 (line length: paragraphs are one line each) and MD026 (trailing
 * punctuation in headings: headings carry titles people typed) switched off.
 */
import { STAGE_NOT_AGREED, stageNamer, TARGET_MONTHS, workshopStages, type StageNamer } from '../domain/canvas.ts';
import { AppError } from '../domain/errors.ts';
import { answersInWords } from './copy.ts';
import { dayOf, sinceEarlier, STATUS_WORDS, type SinceEarlier } from '../rules/baseline.ts';
import { isAddedByRoadmap, isOpeningBlock, isWaitingList } from './horizons.ts';
import type { BoardState, Card, DimensionSummary, Horizon, Initiative, Roadmap } from '../domain/types.ts';
import { cleanText } from '../domain/text.ts';
import { listNames, plural } from '../domain/words.ts';

// ------------------------------------------------------------------ escaping

/** Line breaks of every kind, with the blanks around them: collapsed to one space, since one field is one line. */
const BREAKS = /[ \t]*(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])[ \t]*/g;
/**
 * What GFM would turn into a link (an autolink literal: a URL, www. address or
 * e-mail). It is shown in a code span instead: as typed, not clickable, and
 * not a "bare URL". Stops at characters that would end a code span or a cell.
 */
const LINKISH = /(?:\b(?:https?:\/\/|www\.|mailto:|xmpp:)[^\s<>`|\\]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gi;
/** Characters that can open or close markup anywhere in a line, plus `|` (cells) and `$` (GitHub math). */
const MARKUP = /[\\`*_[\]<>#|~$]/g;

/**
 * One line of what someone typed: breaks and tabs become spaces, then the same
 * cleaning the schemas apply (shared/domain/text.ts): control and format characters
 * (zero-width spaces, bidi marks, embeddings, overrides and isolates) go, as
 * they can reorder how a line displays (a table row, a heading) unseen. This
 * also covers boards stored before the schemas cleaned text.
 */
function normalise(text: string): string {
  return cleanText(String(text ?? '').replace(BREAKS, ' ').replace(/\t/g, ' '));
}

function escapePlain(text: string): string {
  return text.replace(MARKUP, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/**
 * Text someone typed, made safe for one line of markdown: a heading, a list
 * item, a paragraph or a table cell. `lineStart` also escapes what would open
 * a block (a list marker, a numbered item, a setext underline) at the start.
 */
function inline(text: string, lineStart = false): string {
  const clean = normalise(text);
  let out = '';
  let last = 0;
  for (const m of clean.matchAll(LINKISH)) {
    out += escapePlain(clean.slice(last, m.index)) + '`' + m[0] + '`';
    last = m.index + m[0].length;
  }
  out += escapePlain(clean.slice(last));
  if (lineStart) out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** Text for a Mermaid label: letters, digits and a little punctuation only, so it cannot end a statement or open a comment. */
function mermaidLabel(text: string, max = 60): string {
  const cleaned = normalise(text)
    .replace(/&/g, ' and ')
    .replace(/:/g, ' - ')
    .replace(/[^\p{L}\p{M}\p{N} .,'/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...cleaned];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : cleaned;
}

// ---------------------------------------------------------------- file name

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): { y: number; m: number; d: number } {
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
export function fileNameFor(title: string, what: 'roadmap' | 'archive' | 'template', date: string, ext: 'md' | 'json'): string {
  parseDate(date);
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

// ------------------------------------------------------------------- helpers

/** A stage's name as the workshop calls it, escaped: a facilitator typed it in the template. */
const stageWords = (stageName: StageNamer) => (s: number) => inline(stageName(s));
const stageCellOf = (stage: (s: number) => string) => (s: number | null) => (s === null ? 'no answers' : `${stage(s)} (${s})`);
const orList = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

function addMonths(date: { y: number; m: number; d: number }, months: number): string {
  const whole = Math.floor(months);
  const days = Math.round((months - whole) * 30);
  const monthIndex = date.m - 1 + whole;
  const y = date.y + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const t = new Date(Date.UTC(y, m, Math.min(date.d, lastDay)) + days * 86_400_000);
  return t.toISOString().slice(0, 10);
}

const horizonHeading = (h: Horizon) => (isWaitingList(h) ? inline(h.label) : `${inline(h.label)} (months ${h.fromMonth} to ${h.toMonth})`);

/** Fields added to initiatives after some roadmaps were stored: read with a default. */
const suggestedOwners = (i: Initiative): string[] => (Array.isArray(i.suggestedOwners) ? i.suggestedOwners : []);
const suggestedBenchmark = (i: Initiative): string => (typeof i.suggestedBenchmark === 'string' ? i.suggestedBenchmark : '');

// -------------------------------------------------------------------- export

/**
 * The roadmap and a record of the board as one GFM document:
 * - title, organisation, date, participants (names only, none in anonymous mode);
 * - "First 30 days": the meeting that settles what the room disagreed on, and
 *   the first step of everything in the first horizon, with owners or suggested owners;
 * - "Before you act" (when there is something to say): gaps in the data,
 *   splits, targets to question, from `roadmap.cautions`;
 * - the roadmap: a short summary, a legend of the stages, a Mermaid Gantt
 *   chart, then each horizon with each initiative's why, first step, owner and
 *   benchmark (a suggestion where nobody set one);
 * - the appendix: the canvas as a table and how to read it, the barriers, and
 *   the practice cards by dimension.
 *
 * The canvas table and summary come from `roadmap.summaries` (the board as it
 * was when the roadmap was generated); participants, barriers and practice
 * cards come from `board`. Removed participants and their cards are left out.
 * Reads roadmaps stored before suggestions and cautions existed.
 * Throws AppError INVALID_VALUE when `options.date` is not yyyy-mm-dd.
 */
export function toMarkdown(board: BoardState, roadmap: Roadmap, options: { date: string }): string {
  const date = parseDate(options.date);
  const stageName = stageNamer(board.stages);
  const stage = stageWords(stageName);
  const stageCell = stageCellOf(stage);
  const removed = new Set(board.participants.filter((p) => p.removed === true).map((p) => p.id));
  const people = board.participants.filter((p) => p.removed !== true);
  const dimName = new Map(board.dimensions.map((d) => [d.key, d.name]));
  for (const s of roadmap.summaries) if (!dimName.has(s.dimension)) dimName.set(s.dimension, s.name);
  const cards = board.cards.filter((c) => !removed.has(c.authorId));
  const cardVotes = new Map<string, number>();
  for (const v of board.votes) {
    if (removed.has(v.participantId) || !(v.count > 0) || !String(v.target).startsWith('card:')) continue;
    const key = String(v.target).slice(5);
    cardVotes.set(key, (cardVotes.get(key) ?? 0) + v.count);
  }
  const votesOn = (c: Card) => cardVotes.get(c.key) ?? 0;
  const horizonIds = new Set(roadmap.horizons.map((h) => h.id));
  const scheduled = roadmap.horizons.filter((h) => !isAddedByRoadmap(h));
  const opening = new Set(roadmap.horizons.filter(isOpeningBlock).map((h) => h.id));
  const firstHorizon = scheduled.find((h) => roadmap.initiatives.some((i) => i.horizon === h.id));
  const inHorizon = (h: Horizon) => roadmap.initiatives.filter((i) => i.horizon === h.id);
  const numbered = new Map(roadmap.initiatives.map((i, n) => [i.id, n + 1]));
  const cap = board.settings.initiativeCap;

  const lines: string[] = [];
  const usedHeadings = new Set<string>();
  /** markdownlint (MD024) wants unique headings; typed names can collide, so a repeat gets a number. */
  const heading = (level: number, text: string) => {
    let unique = text;
    for (let n = 2; usedHeadings.has(unique); n++) unique = `${text} (${n})`;
    usedHeadings.add(unique);
    lines.push(`${'#'.repeat(level)} ${unique}`, '');
  };
  const para = (text: string) => lines.push(text, '');
  const list = (items: readonly string[]) => {
    if (items.length > 0) lines.push(...items.map((t) => `- ${t}`), '');
  };
  const label = (i: Initiative) => `${numbered.get(i.id)}. ${inline(i.title) || 'Untitled'}`;
  const ownerLine = (i: Initiative): string | null => {
    if (normalise(i.owner)) return `Owner: ${inline(i.owner)}.`;
    const names = suggestedOwners(i).map((n) => inline(n)).filter(Boolean);
    return names.length > 0 && !board.settings.anonymous ? `Suggested owner: ${orList(names)}.` : null;
  };

  // Title block.
  heading(1, normalise(board.title) ? inline(board.title) : 'Workshop roadmap');
  const org = normalise(board.organisation);
  const participantLine = board.settings.anonymous
    ? `${plural(people.length, 'person', 'people')} (names are not listed: the workshop ran anonymously)`
    : people.length === 0
      ? 'nobody joined'
      : `${people.map((p) => inline(p.name) || 'unnamed').join(', ')} (${people.length})`;
  list([`**Organisation:** ${org ? inline(board.organisation) : '_not set_'}`, `**Date:** ${options.date}`, `**Participants:** ${participantLine}`]);

  // A re-run: what moved since the earlier workshop, near the top.
  if (board.baseline) {
    const dims = new Set(board.dimensions.map((d) => d.key));
    const barriersNow = cards.filter((c) => c.kind === 'barrier').map((c) => ({ text: c.text, dimension: c.dimension !== null && dims.has(c.dimension) ? c.dimension : null }));
    sinceSection(sinceEarlier(board.baseline, roadmap.summaries, board.earlier, barriersNow));
  }

  // First 30 days: the meeting, then the first actions.
  heading(2, 'First 30 days');
  const meeting = roadmap.initiatives.filter((i) => opening.has(i.horizon));
  const first = firstHorizon ? inHorizon(firstHorizon) : [];
  const unassessed = roadmap.summaries.filter((s) => s.answers === 0);
  const nobodyVoted = roadmap.summaries.every((s) => s.votes === 0) && people.length > 0;
  const items: string[] = [];
  if (unassessed.length > 0 && unassessed.length < roadmap.summaries.length) {
    items.push(
      `**Before anything else:** finish the assessment (${plural(unassessed.length, 'dimension has', 'dimensions have')} no answers)${nobodyVoted ? ' and hold the vote' : ''}, then generate the roadmap again.`,
    );
  } else if (nobodyVoted && roadmap.initiatives.length > 0) {
    items.push('**Before anything else:** hold the vote, so the order follows what the room wants first, then generate the roadmap again.');
  }
  const item = (i: Initiative) => `**${label(i)}.** ${inline(i.firstStep) || '_No first step set._'}${ownerLine(i) ? ` ${ownerLine(i)}` : ''}`;
  // What follows a meeting on a split dimension cannot start before the meeting has settled where we stand.
  const meetingOn = new Set(meeting.map((i) => i.dimension));
  const acts = first.filter((i) => !(i.fromStage === STAGE_NOT_AGREED && meetingOn.has(i.dimension)));
  items.push(...meeting.map(item), ...acts.map(item));
  if (roadmap.initiatives.length === 0 && roadmap.summaries.every((s) => s.answers === 0)) {
    para('Nobody has placed a marker on the canvas yet, so there is nothing to plan from: run the Assess phase and generate the roadmap again.');
  } else if (items.length === 0) {
    para('There is nothing to start: no dimension has a gap between where the room puts us today and where it wants to be.');
  } else {
    const intro: string[] = [];
    if (meeting.length > 0) intro.push(`One meeting to settle what the room disagreed on${firstHorizon ? ', then the first steps' : ''}.`);
    else if (firstHorizon) intro.push(`The first steps in ${inline(firstHorizon.label)}.`);
    if (firstHorizon && firstHorizon !== scheduled[0]) intro.push(`Nothing starts in ${inline(scheduled[0]!.label)}: the reasons below say why.`);
    if (!board.settings.anonymous && roadmap.initiatives.some((i) => suggestedOwners(i).length > 0)) {
      intro.push('Suggested owners wrote cards on the dimension or voted for it: confirm them.');
    }
    if (intro.length > 0) para(intro.join(' '));
    list(items);
  }

  // Before you act.
  const cautions = roadmap.cautions ?? [];
  if (cautions.length > 0) {
    heading(2, 'Before you act');
    list(cautions.map((c) => inline(c.text)));
  }

  // The roadmap.
  heading(2, 'The roadmap');
  for (const p of summaryParagraphs(board, roadmap, org ? inline(board.organisation) : 'the organisation', stage)) para(p);
  para(`Stages, left to right: ${workshopStages(board.stages).map((st) => (normalise(st.short) ? `${inline(st.name)} (${inline(st.short)})` : inline(st.name))).join(', ')}.`);
  const chart = mermaidGantt(roadmap, date, numbered);
  if (chart) lines.push(...chart, '');

  for (const h of roadmap.horizons) {
    if (opening.has(h.id)) continue;
    const here = inHorizon(h);
    if (isWaitingList(h) && here.length === 0) continue;
    heading(2, horizonHeading(h));
    if (isWaitingList(h)) para(`These did not fit in the horizons above without going past ${plural(cap, 'initiative')} in one. Move one in when a slot frees up.`);
    if (here.length === 0) para('Nothing is planned in this horizon yet.');
    // Their first steps and owners are under First 30 days, a screen above: said once.
    const above = here.filter((i) => acts.includes(i) && ownerLine(i));
    if (above.length > 0) {
      const which = above.length === here.length ? '' : ` of ${listNames(above.map((i) => String(numbered.get(i.id))))}`;
      para(`First steps and owners${which}: see First 30 days.`);
    }
    for (const i of here) renderInitiative(i, acts.includes(i), above.includes(i));
  }
  const orphans = roadmap.initiatives.filter((i) => !horizonIds.has(i.horizon));
  if (orphans.length > 0) {
    heading(2, 'Without a horizon');
    for (const i of orphans) renderInitiative(i, false, false);
  }

  /** "Since 14 March 2025": then and now per dimension, what became of each earlier initiative, the benchmarks met. */
  function sinceSection(since: SinceEarlier): void {
    const when = dayOf(since.baseline.date);
    heading(2, `Since ${when}`);
    const earlierTitle = normalise(since.baseline.title) ? `, “${inline(since.baseline.title)}”` : '';
    const up = since.dimensions.filter((d) => (d.moved ?? 0) > 0);
    const down = since.dimensions.filter((d) => (d.moved ?? 0) < 0);
    const same = since.dimensions.filter((d) => d.moved === 0);
    const names = (list: typeof up) => listNames(list.map((d) => inline(d.name)), 3);
    const moves = [
      up.length > 0 ? `moved up on ${plural(up.length, 'dimension')} (${names(up)})` : null,
      down.length > 0 ? `slipped on ${plural(down.length, 'dimension')} (${names(down)})` : null,
      same.length > 0 ? `stayed where it was on ${same.length}` : null,
    ].filter((x): x is string => x !== null);
    para(
      `This workshop ran again after the one on ${when}${earlierTitle}. ${
        moves.length > 0
          ? `Since then the room ${listNames(moves)}.`
          : 'No dimension has a middle answer in both sessions, so no shift can be measured yet: the table shows what each room said.'
      }`,
    );
    /** A room's middle answer: "split" where it answered but fell into two camps. */
    const middle = (stage: number | null, answers: number) => (answers > 0 && stage === null ? 'split' : stageCell(stage));
    if (since.dimensions.length > 0) {
      lines.push('| Dimension | Today, then | Today, now | Target, then | Target, now | Moved |', '| --- | --- | --- | --- | --- | --- |');
      for (const d of since.dimensions) {
        const moved = d.dropped ? 'off the canvas now' : d.moved === null ? 'n/a' : d.moved > 0 ? `up ${d.moved}` : d.moved < 0 ? `down ${-d.moved}` : 'no';
        const now = (stage: number | null) => (d.dropped ? 'n/a' : middle(stage, d.now.answers));
        lines.push(`| ${inline(d.name)} | ${middle(d.then.current, d.then.answers)} | ${now(d.now.current)} | ${middle(d.then.target, d.then.answers)} | ${now(d.now.target)} | ${moved} |`);
      }
      lines.push('');
      para("Then and now are each room's middle answer, counted as in the appendix. Nobody's own answers are compared across the two sessions: only what each room said as a whole.");
    }
    heading(3, 'What became of the earlier plan');
    if (since.outcomes.length === 0) {
      para('The earlier workshop had no initiatives in its roadmap.');
      return;
    }
    list(
      since.outcomes.map((o) => {
        const i = o.initiative;
        const where = [normalise(i.horizon) ? inline(i.horizon) : null, normalise(i.owner) ? `owner: ${inline(i.owner)}` : null].filter(Boolean).join(', ');
        const status = o.mark.status ? STATUS_WORDS[o.mark.status] : 'not discussed yet';
        const aim = i.kind === 'move' && o.reached !== null ? (o.reached ? ', where it aimed' : `, short of ${stage(i.toStage)}`) : '';
        const now = o.nowStage === null ? '' : `; the room puts it at ${stage(o.nowStage)} today${aim}`;
        // What held it back is the story of a stalled initiative; elsewhere it would only repeat itself.
        const raised =
          o.mark.status === 'stalled' && o.stillRaised.length > 0
            ? `; ${listNames(o.stillRaised.map((t) => `“${inline(t)}”`), 2)} ${o.stillRaised.length === 1 ? 'is' : 'are'} still raised`
            : '';
        return `**${inline(i.title) || 'Untitled'}**${where ? ` (${where})` : ''}: ${status}${now}${raised}.`;
      }),
    );
    const quoted = (text: string) => `“${inline(text.replace(/[.\s]+$/, ''))}”`;
    const met = since.outcomes.filter((o) => o.mark.benchmarkMet === true && normalise(o.initiative.benchmark));
    const missed = since.outcomes.filter((o) => o.mark.benchmarkMet === false && normalise(o.initiative.benchmark));
    if (met.length === 0 && missed.length === 0) {
      para('The room has not said which benchmarks were met.');
    } else {
      if (met.length > 0) para(`Benchmarks met, as the room says: ${met.map((o) => quoted(o.initiative.benchmark)).join('; ')}.`);
      if (missed.length > 0) para(`Benchmarks not met yet: ${missed.map((o) => quoted(o.initiative.benchmark)).join('; ')}.`);
    }
  }

  /** `stepAbove`: its first step is listed under First 30 days; `saidAbove`: so is its owner, and the horizon says so once. */
  function renderInitiative(i: Initiative, stepAbove: boolean, saidAbove: boolean): void {
    heading(3, label(i));
    const owners = suggestedOwners(i).map((n) => inline(n)).filter(Boolean);
    const owner = normalise(i.owner)
      ? inline(i.owner)
      : owners.length > 0 && !board.settings.anonymous
        ? `suggested: ${orList(owners)}`
        : '_not set_';
    const benchmark = normalise(i.benchmark)
      ? inline(i.benchmark)
      : normalise(suggestedBenchmark(i))
        ? `suggested: ${inline(suggestedBenchmark(i))}`
        : '_not set_';
    list([
      `**Why:** ${i.why.map((w) => inline(w)).join(' ')}`,
      ...(saidAbove ? [] : [`**First step:** ${stepAbove ? 'see First 30 days.' : inline(i.firstStep) || '_not set_'}`, `**Owner:** ${owner}`]),
      `**Benchmark:** ${benchmark}`,
    ]);
  }

  // Appendix: the record of the board.
  heading(2, 'Appendix');
  heading(3, 'Where we stand');
  para(`Everyone placed one marker for where we are today and one for where we should be in 12 to ${TARGET_MONTHS} months.`);
  lines.push('| Dimension | Current | Target | Gap | Spread | Votes |', '| --- | --- | --- | ---: | --- | ---: |');
  for (const s of roadmap.summaries) {
    const camps = (s.camps ?? []).length === 2;
    const current = camps ? `split: ${inline(answersInWords(s, stageName))}` : stageCell(s.current);
    const gap = s.disagreement && s.gap > 0 ? `up to ${s.gap}` : String(s.gap);
    const spread = s.answers === 0 ? 'n/a' : camps ? 'two camps' : s.disagreement ? `${s.spread}, wide` : String(s.spread);
    lines.push(`| ${inline(s.name)} | ${current} | ${stageCell(s.target)} | ${gap} | ${spread} | ${s.votes} |`);
  }
  lines.push('');
  para(
    'Current and target are the middle answer (for an even count, the lower of the two middle ones). When the answers fall into two camps, the camps are shown instead: no single answer speaks for the room. Spread is how many stages the middle half of today\'s answers covers; "wide" (2 or more, or two camps) means the room does not yet share a view, and the plan starts there with a conversation. Where the room disagrees, the gap is counted from the lower edge of the middle half: the most it may have to travel. Votes count votes on the dimension and on its practice cards; votes on barriers come from a pool of their own and rank the barriers.',
  );

  heading(3, 'What stands in the way');
  const dimOrder = new Map(board.dimensions.map((d, i) => [d.key, i]));
  const barriers = cards
    .filter((c) => c.kind === 'barrier')
    .sort(
      (a, b) =>
        votesOn(b) - votesOn(a) ||
        (dimOrder.get(a.dimension ?? '') ?? -1) - (dimOrder.get(b.dimension ?? '') ?? -1) ||
        a.createdAt - b.createdAt ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  if (barriers.length === 0) {
    para('Nobody raised a barrier card.');
  } else {
    para('The barriers people named, most votes first. A general barrier concerns the whole plan rather than one dimension; "not before" holds the work it concerns until that horizon.');
    const horizonLabel = new Map(board.settings.horizons.map((h) => [h.id, h.label]));
    list(
      barriers.map((c) => {
        const where = c.dimension !== null && dimName.has(c.dimension) ? inline(dimName.get(c.dimension)!) : 'general';
        const votes = votesOn(c) > 0 ? `, ${plural(votesOn(c), 'vote')}` : '';
        const hold = c.notBefore && horizonLabel.has(c.notBefore) ? `, not before ${inline(horizonLabel.get(c.notBefore)!)}` : '';
        return `${inline(c.text, true) || '(no text)'} (${where}${votes}${hold})`;
      }),
    );
  }

  heading(3, 'Practice cards');
  const practice = cards.filter((c) => c.kind === 'practice' && c.dimension !== null && dimOrder.has(c.dimension));
  if (practice.length === 0) {
    para('Nobody wrote a practice card.');
  } else {
    para('How people described the way we work today, by dimension and stage.');
    const seen = new Set<string>();
    for (const d of board.dimensions) {
      if (seen.has(d.key)) continue;
      seen.add(d.key);
      const mine = practice
        .filter((c) => c.dimension === d.key)
        .sort((a, b) => (a.stage ?? 0) - (b.stage ?? 0) || a.createdAt - b.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      if (mine.length === 0) continue;
      heading(4, inline(d.name) || d.key);
      list(
        mine.map((c) => {
          const at = c.stage !== null ? `**${stage(c.stage)}:** ` : '';
          const votes = votesOn(c) > 0 ? ` (${plural(votesOn(c), 'vote')})` : '';
          return `${at}${inline(c.text, at === '') || '(no text)'}${votes}`;
        }),
      );
    }
  }

  while (lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

/** One short paragraph: where the room puts us, where it wants to go, what drove the order. */
function summaryParagraphs(board: BoardState, roadmap: Roadmap, org: string, stageName: (s: number) => string): string[] {
  const answered = roadmap.summaries.filter((s) => s.answers > 0);
  if (answered.length === 0) return [];
  const name = (s: DimensionSummary) => inline(s.name);
  const tally = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  };
  const dims = roadmap.summaries.length;
  const sentences: string[] = [];
  const placed = answered.filter((s) => s.current !== null);
  const split = answered.filter((s) => s.current === null);
  const [now, nowCount] = tally(placed.map((s) => s.current!))[0] ?? [null, 0];
  sentences.push(
    now === null
      ? `The room is split on where ${org} stands on every dimension it assessed.`
      : nowCount === dims
        ? `The room puts ${org} at ${stageName(now)} on every dimension.`
        : `The room puts ${org} at ${stageName(now)} on ${nowCount} of ${plural(dims, 'dimension')}${split.length > 0 ? ` and is split on ${split.length}` : ''}.`,
  );
  const goals = tally(answered.filter((s) => s.target !== null).map((s) => s.target!));
  if (goals.length > 0) sentences.push(`Within 12 to ${TARGET_MONTHS} months it wants ${listNames(goals.map(([g, n]) => `${stageName(g)} on ${n}`))}.`);
  const work = roadmap.initiatives.filter((i) => i.kind === 'move');
  if (work.length > 0) {
    const waiting = new Set(roadmap.horizons.filter(isWaitingList).map((h) => h.id));
    const planned = work.filter((i) => !waiting.has(i.horizon)).length;
    const horizons = roadmap.horizons.filter((h) => !isAddedByRoadmap(h) && roadmap.initiatives.some((i) => i.horizon === h.id)).length;
    const waitingCount = work.length - planned;
    sentences.push(
      `The plan spreads ${plural(planned, 'initiative')} over ${plural(horizons, 'horizon')}, at most ${board.settings.initiativeCap} at a time, to keep disruption low.${waitingCount > 0 ? ` ${plural(waitingCount, 'more waits', 'more wait')} for a free slot.` : ''}`,
    );
  }
  return [sentences.join(' ')];
}

/** A Gantt chart of the opening block and the scheduled horizons, dated from the workshop day; null when nothing is scheduled. */
function mermaidGantt(roadmap: Roadmap, date: { y: number; m: number; d: number }, numbered: ReadonlyMap<string, number>): string[] | null {
  const body: string[] = [];
  for (const h of roadmap.horizons) {
    if (isWaitingList(h)) continue;
    const items = roadmap.initiatives.filter((i) => i.horizon === h.id);
    if (items.length === 0) continue;
    const from = Math.max(0, h.fromMonth);
    const to = h.toMonth > from ? h.toMonth : from + 1;
    const start = addMonths(date, from);
    const end = addMonths(date, to);
    body.push(`    section ${mermaidLabel(h.label, 40) || 'Horizon'}`);
    for (const i of items) {
      const n = numbered.get(i.id)!;
      body.push(`    ${n}. ${mermaidLabel(i.title, 80) || 'Initiative'} :i${n}, ${start}, ${end}`);
    }
  }
  if (body.length === 0) return null;
  return ['```mermaid', 'gantt', '    title Migration roadmap', '    dateFormat YYYY-MM-DD', '    axisFormat %b %Y', ...body, '```'];
}
