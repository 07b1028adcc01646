/**
 * The markdown export: one file a management team can paste into a wiki, a
 * repository or an email and read without the app. Pure: the date comes in
 * as an argument.
 *
 * Everything people typed (title, organisation, names, dimension names,
 * horizon labels, card texts, initiative fields) goes through `inline`, which
 * keeps the text as typed while making sure it cannot open markup, break a
 * table row or turn into a link. The output is GFM that passes markdownlint
 * with MD013 (line length: paragraphs are one line each) and MD026 (trailing
 * punctuation in headings: headings carry titles people typed) switched off.
 */
import { STAGES, stageName } from './canvas.ts';
import { AppError } from './errors.ts';
import type { BoardState, Card, DimensionSummary, Horizon, Initiative, Roadmap } from './types.ts';
import { listNames, plural } from './words.ts';

// ------------------------------------------------------------------ escaping

/** Line breaks of every kind, with the blanks around them: collapsed to one space, since one field is one line. */
const BREAKS = /[ \t]*(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])[ \t]*/g;
/**
 * Control characters, and bidi embeddings, overrides and isolates: they can
 * reorder how the rest of a line displays (a table row, a heading) without
 * being visible. Letters of right-to-left scripts are kept as typed.
 */
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
/**
 * What GFM would turn into a link (an autolink literal: a URL, www. address or
 * e-mail). It is shown in a code span instead: as typed, not clickable, and
 * not a "bare URL". Stops at characters that would end a code span or a cell.
 */
const LINKISH = /(?:\b(?:https?:\/\/|www\.|mailto:|xmpp:)[^\s<>`|\\]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gi;
/** Characters that can open or close markup anywhere in a line, plus `|` (cells) and `$` (GitHub math). */
const MARKUP = /[\\`*_[\]<>#|~$]/g;

function normalise(text: string): string {
  return String(text ?? '')
    .replace(BREAKS, ' ')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '')
    .trim();
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
 * `<slugified-title>-roadmap-<yyyy-mm-dd>.md`: lower-case ASCII letters,
 * digits and dashes, accents folded, at most 60 characters of title; "workshop"
 * when nothing of the title survives (an emoji-only title, say). Throws
 * AppError INVALID_VALUE for a date that is not yyyy-mm-dd.
 */
export function exportFileName(title: string, date: string): string {
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
  return `${slug}-roadmap-${date}.md`;
}

// ------------------------------------------------------------------- helpers

const stageCell = (s: number | null) => (s === null ? 'no answers' : `${stageName(s)} (${s})`);

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

const horizonHeading = (h: Horizon, waiting: boolean) =>
  waiting ? inline(h.label) : `${inline(h.label)} (months ${h.fromMonth} to ${h.toMonth})`;

// -------------------------------------------------------------------- export

/**
 * The roadmap and a record of the board as one GFM document: title,
 * organisation, date, participants (names only, none in anonymous mode), a
 * summary for the management team, the canvas as a table, a Mermaid Gantt
 * chart of the horizons, the roadmap by horizon (why, first step, owner,
 * benchmark), the barriers, and the practice cards by dimension.
 *
 * The canvas table and summary come from `roadmap.summaries` (the board as it
 * was when the roadmap was generated); participants, barriers and practice
 * cards come from `board`. Removed participants and their cards are left out.
 * Throws AppError INVALID_VALUE when `options.date` is not yyyy-mm-dd.
 */
export function toMarkdown(board: BoardState, roadmap: Roadmap, options: { date: string }): string {
  const date = parseDate(options.date);
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
  const waitingIds = new Set(
    roadmap.horizons.filter((h) => !board.settings.horizons.some((s) => s.id === h.id) && h.fromMonth === h.toMonth).map((h) => h.id),
  );

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

  // Title block.
  const title = normalise(board.title) ? inline(board.title) : 'Workshop roadmap';
  heading(1, title);
  const org = normalise(board.organisation);
  const participantLine = board.settings.anonymous
    ? `${plural(people.length, 'person', 'people')} (names are not listed: the workshop ran anonymously)`
    : people.length === 0
      ? 'nobody joined'
      : `${people.map((p) => inline(p.name) || 'unnamed').join(', ')} (${people.length})`;
  lines.push(
    `- **Organisation:** ${org ? inline(board.organisation) : '_not set_'}`,
    `- **Date:** ${options.date}`,
    `- **Participants:** ${participantLine}`,
    '',
  );

  // Summary.
  heading(2, 'Summary');
  for (const p of summaryParagraphs(board, roadmap, org ? inline(board.organisation) : 'the organisation', waitingIds)) {
    para(p);
  }

  // Canvas.
  heading(2, 'Where we stand');
  para(
    `Each dimension is rated on five stages, from an organisation that uses social media to a social organisation: ${listNames(STAGES.map((st) => `${st.name} (${st.level})`))}. Everyone placed one marker for where we are today and one for where we should be in 12 to 18 months.`,
  );
  lines.push('| Dimension | Current | Target | Gap | Spread | Votes |', '| --- | --- | --- | ---: | --- | ---: |');
  for (const s of roadmap.summaries) {
    const spread = s.answers === 0 ? 'n/a' : s.disagreement ? `${s.spread}, wide` : String(s.spread);
    lines.push(`| ${inline(s.name)} | ${stageCell(s.current)} | ${stageCell(s.target)} | ${s.gap} | ${spread} | ${s.votes} |`);
  }
  lines.push('');
  para(
    'Current and target are the median of everyone\'s markers (the lower of the two middle answers when the count is even). Spread is how many stages the middle half of the answers on today covers; "wide" means 2 or more, where the room does not yet share a view. Votes count votes on the dimension and on its cards.',
  );

  // Roadmap.
  heading(2, 'The roadmap');
  const scheduled = roadmap.horizons.filter((h) => !waitingIds.has(h.id));
  const cap = board.settings.initiativeCap;
  if (roadmap.initiatives.length === 0) {
    para('There are no initiatives: no dimension has a gap between where the room puts us today and where it wants to be.');
  } else {
    const waitingCount = roadmap.initiatives.filter((i) => waitingIds.has(i.horizon)).length;
    const placed = roadmap.initiatives.length - waitingCount;
    const count =
      waitingCount === 0
        ? `${plural(placed, 'initiative')} across ${plural(scheduled.length, 'horizon')}`
        : `${plural(placed, 'initiative')} across ${plural(scheduled.length, 'horizon')}, and ${waitingCount} waiting for a free slot`;
    para(
      `${count}. The plan suggests at most ${plural(cap, 'initiative')} per horizon, so that change comes with minimal disruption rather than as a big bang. Each initiative says why it sits where it does. Owners and benchmarks are for the team to agree: a benchmark says how we will know the organisation has moved, not how a campaign performed.`,
    );
  }
  const numbered = new Map(roadmap.initiatives.map((i, n) => [i.id, n + 1]));
  const chart = mermaidGantt(roadmap, scheduled, date, numbered);
  if (chart) lines.push(...chart, '');

  for (const h of roadmap.horizons) {
    const inHorizon = roadmap.initiatives.filter((i) => i.horizon === h.id);
    const waiting = waitingIds.has(h.id);
    if (waiting && inHorizon.length === 0) continue;
    heading(2, horizonHeading(h, waiting));
    if (waiting) para('These did not fit in the horizons above without exceeding the limit per horizon. Move one in when a slot frees up.');
    if (inHorizon.length === 0) para('Nothing is planned in this horizon yet.');
    for (const i of inHorizon) renderInitiative(i);
  }
  const orphans = roadmap.initiatives.filter((i) => !roadmap.horizons.some((h) => h.id === i.horizon));
  if (orphans.length > 0) {
    heading(2, 'Without a horizon');
    for (const i of orphans) renderInitiative(i);
  }

  function renderInitiative(i: Initiative): void {
    const n = numbered.get(i.id)!;
    heading(3, `${n}. ${inline(i.title) || 'Untitled'}`);
    const barrierTexts = i.barriers
      .map((k) => cards.find((c) => c.key === k))
      .filter((c): c is Card => c !== undefined)
      .map((c) => inline(c.text) || '(no text)');
    const practiceCount = i.cards.filter((k) => cards.some((c) => c.key === k)).length;
    const dimension = inline(dimName.get(i.dimension) ?? i.dimension);
    lines.push(
      i.kind === 'move'
        ? `- **Aim:** move ${dimension} from ${stageName(i.fromStage)} to ${stageName(i.toStage)}.`
        : `- **Aim:** a shared view of where we stand on ${dimension}, before acting.`,
      `- **Why here:** ${i.why.map((w) => inline(w)).join(' ')}`,
      `- **First step:** ${inline(i.firstStep) || '_not set_'}`,
      `- **Owner:** ${inline(i.owner) || '_not set_'}`,
      `- **Benchmark:** ${inline(i.benchmark) || '_not set_'}`,
    );
    if (barrierTexts.length > 0) lines.push(`- **Barriers raised:** ${barrierTexts.join('; ')}`);
    if (practiceCount > 0) lines.push(`- **Today's practice:** ${plural(practiceCount, 'card')}, listed under "Practice cards" below.`);
    lines.push('');
  }

  // Barriers.
  heading(2, 'What stands in the way');
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
    para('The barriers people named, most votes first. A general barrier applies to the whole migration rather than to one dimension.');
    for (const c of barriers) {
      const where = c.dimension !== null && dimName.has(c.dimension) ? inline(dimName.get(c.dimension)!) : 'general';
      const votes = votesOn(c) > 0 ? `, ${plural(votesOn(c), 'vote')}` : '';
      lines.push(`- ${inline(c.text, true) || '(no text)'} (${where}${votes})`);
    }
    lines.push('');
  }

  // Practice cards.
  heading(2, 'Practice cards');
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
      heading(3, inline(d.name) || d.key);
      for (const c of mine) {
        const stage = c.stage !== null ? `**${stageName(c.stage)}:** ` : '';
        const votes = votesOn(c) > 0 ? ` (${plural(votesOn(c), 'vote')})` : '';
        lines.push(`- ${stage}${inline(c.text, stage === '') || '(no text)'}${votes}`);
      }
      lines.push('');
    }
  }

  while (lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

function summaryParagraphs(
  board: BoardState,
  roadmap: Roadmap,
  org: string,
  waitingIds: ReadonlySet<string>,
): string[] {
  const answered = roadmap.summaries.filter((s) => s.current !== null);
  if (answered.length === 0) {
    return ['Nobody has placed a marker on the canvas yet, so there is nothing to plan from: run the Assess phase and generate the roadmap again.'];
  }
  const out: string[] = [];
  const name = (s: DimensionSummary) => inline(s.name);
  const tally = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  };
  const [now, nowCount] = tally(answered.map((s) => s.current!))[0]!;
  const dims = roadmap.summaries.length;
  let first =
    nowCount === answered.length && answered.length === dims
      ? `The room places ${org} at ${stageName(now)} on every dimension`
      : `The room places ${org} at ${stageName(now)} on ${nowCount} of ${plural(dims, 'dimension')}`;
  const stage = STAGES[now - 1];
  first += stage ? ` (${stage.summary.charAt(0).toLowerCase()}${stage.summary.slice(1).replace(/\.$/, '')}).` : '.';
  const goals = tally(answered.filter((s) => s.target !== null).map((s) => s.target!));
  if (goals.length > 0) {
    first += ` Within 12 to 18 months it wants to reach ${listNames(goals.map(([g, n]) => `${stageName(g)} on ${n}`))}.`;
  }
  out.push(first);

  const facts: string[] = [];
  const gaps = roadmap.summaries.filter((s) => s.gap > 0);
  const topGap = Math.max(0, ...gaps.map((s) => s.gap));
  if (gaps.length === 0) facts.push('No dimension has a gap to close: the room puts us at or beyond where it wants to be everywhere.');
  else facts.push(`The widest gap, ${plural(topGap, 'stage')}, is on ${listNames(gaps.filter((s) => s.gap === topGap).map(name))}.`);
  const done = answered.filter((s) => s.gap === 0 && s.target !== null);
  if (gaps.length > 0 && done.length > 0) {
    facts.push(`${listNames(done.map(name))} ${done.length === 1 ? 'is' : 'are'} already where the room wants ${done.length === 1 ? 'it' : 'them'}.`);
  }
  const topVotes = Math.max(0, ...roadmap.summaries.map((s) => s.votes));
  if (topVotes > 0) {
    const top = roadmap.summaries.filter((s) => s.votes === topVotes);
    facts.push(`${listNames(top.map(name))} drew the most votes (${topVotes}${top.length > 1 ? ' each' : ''}).`);
  } else {
    facts.push('Nobody voted, so the order follows the gaps and the enabling dimensions.');
  }
  const split = roadmap.summaries.filter((s) => s.disagreement);
  if (split.length > 0) {
    const acting = split.some((s) => s.gap > 0);
    facts.push(
      `The room does not share a view of where we stand on ${listNames(split.map(name))}` +
        (acting ? ': the roadmap starts there by building one before acting.' : '; that is worth a conversation even without a gap to close.'),
    );
  } else {
    facts.push('The room broadly agrees on where we stand.');
  }
  out.push(facts.join(' '));

  if (roadmap.initiatives.length > 0) {
    const plan: string[] = [];
    const enablers = new Set(board.dimensions.filter((d) => d.enabler).map((d) => d.key));
    const enablerNames = [...new Set(roadmap.initiatives.filter((i) => enablers.has(i.dimension)).map((i) => i.dimension))]
      .map((k) => roadmap.summaries.find((s) => s.dimension === k))
      .filter((s): s is DimensionSummary => s !== undefined)
      .map(name);
    if (enablerNames.length > 0 && roadmap.initiatives.some((i) => !enablers.has(i.dimension))) {
      plan.push(`The roadmap takes the enabling dimensions first (${listNames(enablerNames)}), because the others depend on them.`);
    }
    const waiting = roadmap.initiatives.filter((i) => waitingIds.has(i.horizon));
    if (waiting.length > 0) {
      const names = [...new Set(waiting.map((i) => i.dimension))].map((k) => inline(roadmap.summaries.find((x) => x.dimension === k)?.name ?? k));
      const what = waiting.length <= 2 ? `the work on ${listNames(names)}` : plural(waiting.length, 'initiative');
      plan.push(
        `To keep disruption low, no horizon holds more than ${plural(board.settings.initiativeCap, 'initiative')}, so ${what} ${waiting.length === 1 || waiting.length === 2 ? 'waits' : 'wait'} for a free slot.`,
      );
    }
    const open = roadmap.initiatives.filter((i) => normalise(i.owner) === '' || normalise(i.benchmark) === '').length;
    plan.push(
      open === 0
        ? 'Every initiative has an owner and a benchmark.'
        : open === roadmap.initiatives.length
          ? 'No initiative has an owner and a benchmark yet: agreeing them is the next step.'
          : `${open} of ${roadmap.initiatives.length} initiatives still need an owner or a benchmark: agreeing them is the next step.`,
    );
    out.push(plan.join(' '));
  }
  return out;
}

/** A Gantt chart of the scheduled horizons, dated from the workshop day; null when nothing is scheduled. */
function mermaidGantt(
  roadmap: Roadmap,
  scheduled: readonly Horizon[],
  date: { y: number; m: number; d: number },
  numbered: ReadonlyMap<string, number>,
): string[] | null {
  const body: string[] = [];
  for (const h of scheduled) {
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
