/**
 * What the roadmap export may say, over every golden board and random boards:
 * no noun of one kind of organisation that the board's own words do not contain
 * ("agency", "pilot", "customers", "buy"...), a body short enough to read the next
 * morning, no empty horizon, items numbered 1, 2, 3 in the chart and the text alike,
 * no counting sentences, no "Gap 0" for an unanswered dimension, no words about the
 * tool, and one suggested owner per item (none in an anonymous workshop).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workshopStages } from '../../shared/domain/canvas.ts';
import { KIND_WORDS, kindOf } from '../../shared/domain/organisation.ts';
import type { BoardState } from '../../shared/domain/types.ts';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import { defaultModel } from '../../shared/domain/workshop-model.ts';
import { makeBoard } from '../fixtures/boards.ts';
import { exportOf, roadmapOf, SAMPLES, SAMPLE_DATE } from '../fixtures/samples.ts';

/** Words that belong to one kind of organisation or one situation: the export says them only when the board does. */
const ORG_WORDS = [
  'agency',
  'agencies',
  'pilot',
  'trial',
  'sponsor',
  'customer',
  'buy',
  'committee',
  'task force',
  'donor',
  'donat',
  'resident',
  'member',
  'supporter',
  'citizen',
  'trustee',
  'council',
  'shareholder',
  'client',
  'patient',
  'student',
  'volunteer',
  'sales',
  'shop',
  'store',
  'products?\\b',
  'fundrais',
  'grant',
  'election',
  'regulator',
];
/** Words about the tool rather than the organisation. */
const TOOL_WORDS = /generate the roadmap|generate it again|regenerat|the app\b|Assess phase|click (?:on|the)\b|press the button/i;
const BODY_WORDS_MAX = 1_200;

/** Everything the board says in its own words: cards, names, settings, the canvas the room saw (a custom dimension's descriptors too). */
function boardWords(board: BoardState): string {
  const playbooks = defaultModel().playbooks;
  const kind = KIND_WORDS[kindOf(board.settings.organisationKind)];
  // The care a kind of organisation demands is named from the kind itself (cautions.ts).
  const care = kindOf(board.settings.organisationKind) === 'public-body' ? ['election'] : [];
  return [
    ...care,
    board.title,
    board.organisation,
    board.settings.serves,
    kind.serves,
    kind.act,
    ...board.cards.map((c) => c.text),
    ...board.participants.map((p) => p.name),
    ...board.dimensions.flatMap((d) => [d.name, ...(playbooks[d.key] ? [] : d.descriptors)]),
    ...workshopStages(board.stages).flatMap((s) => [s.name, s.short]),
    ...board.settings.horizons.map((h) => h.label),
  ].join('\n');
}

const body = (md: string) => md.slice(0, md.indexOf('\n## Appendix'));
/**
 * The plan's prose, from First 30 days to the appendix: no chart, no table rows. A re-run's
 * "Since" section before it is the record of the earlier plan, and is not counted.
 */
const prose = (md: string) =>
  body(md)
    .slice(md.indexOf('## First 30 days'))
    .replace(/```mermaid[\s\S]*?```/g, '')
    .split('\n')
    .filter((l) => !l.startsWith('|'))
    .join('\n');
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

function problems(board: BoardState, md: string): string[] {
  const out: string[] = [];
  const said = boardWords(board).toLowerCase();
  // Quotes are the team's own words; what they typed may say anything.
  const text = body(md).replace(/“[^”]*”/g, '“…”');
  for (const w of ORG_WORDS) {
    if (new RegExp(`\\b${w}`, 'i').test(text) && !new RegExp(`\\b${w}`, 'i').test(said))
      out.push(`says "${w}", which the board never does`);
  }
  if (TOOL_WORDS.test(text)) out.push(`talks about the tool: ${TOOL_WORDS.exec(text)![0]}`);
  if (words(prose(md)) > BODY_WORDS_MAX) out.push(`the body has ${words(prose(md))} words`);
  if (/Nothing is planned in this horizon/.test(md)) out.push('prints an empty horizon');
  if (/\b(?:wants|aims for) [A-Z][a-z ]+ on \d+\b/.test(text)) out.push('counts instead of saying what the numbers mean');
  // Robotic counts: a list cut off with "and 2 more", a reason that is only "No votes.".
  if (/\band \d+ more\b/.test(text)) out.push(`cuts a list short: ${/[^.]*\band \d+ more\b[^.]*/.exec(text)![0]}`);
  if (/\*\*Why:\*\* No votes\./.test(text) || /(?:^|\. )No votes\./m.test(text)) out.push('says "No votes." as a reason');
  // Numbering: the chart's numbers run 1, 2, 3..., and the first 30 days list a run without a gap.
  const chart = [...md.matchAll(/^ {4}(\d+)\. .* :i(\d+),/gm)].map((m) => Number(m[1]));
  if (chart.some((n, i) => n !== i + 1)) out.push(`the chart numbers ${chart.join(', ')}`);
  const first = md.slice(md.indexOf('## First 30 days'), md.indexOf('\n## ', md.indexOf('## First 30 days') + 5));
  const listed = [...first.matchAll(/^- \*\*(\d+)\./gm)].map((m) => Number(m[1]));
  if (listed.some((n, i) => i > 0 && n !== listed[i - 1]! + 1)) out.push(`the first 30 days number ${listed.join(', ')}`);
  // Unanswered dimensions have no gap to speak of.
  const canvas = md.slice(md.indexOf('### Where we stand'));
  for (const row of canvas.matchAll(/^\| (.+?) \| no answers \| [^|]* \| ([^|]+?) \|/gm))
    if (row[2] !== 'n/a') out.push(`prints a gap for ${row[1]}, which nobody answered`);
  // One suggested owner per line, and none in an anonymous workshop.
  for (const line of md.split('\n').filter((l) => /Owner: .*suggested/.test(l))) {
    if ((line.match(/\(suggested, not yet confirmed\)/g) ?? []).length !== 1)
      out.push(`an owner line names more or fewer than one suggestion: ${line}`);
    if (board.settings.anonymous) out.push(`names a suggested owner in an anonymous workshop: ${line}`);
  }
  return out;
}

describe('the export says only what the room said, briefly', () => {
  for (const sample of SAMPLES) {
    it(`${sample.file}`, () => {
      const board = sample.board();
      expect(problems(board, exportOf(sample))).toEqual([]);
    });
  }

  it('a charity, a public body and a membership body never hear "customers" or "buy"', () => {
    for (const [kind, serves] of [
      ['charity', 'supporters'],
      ['public-body', 'residents'],
      ['membership', 'members'],
    ] as const) {
      const base = makeBoard();
      const people = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, name: `Person ${i}`, joinedAt: i }));
      const markers = people.flatMap((p) => base.dimensions.map((d) => ({ participantId: p.id, dimension: d.key, current: 2, target: 4 })));
      const board = makeBoard({ participants: people, markers, settings: { ...base.settings, serves, organisationKind: kind } });
      const md = toMarkdown(board, generateRoadmap(board), { date: SAMPLE_DATE });
      expect(problems(board, md)).toEqual([]);
      expect(body(md)).not.toMatch(/\bcustomers?\b|\bbuy/i);
      expect(body(md)).toContain(serves);
    }
  });
});

const KINDS = ['company', 'public-body', 'charity', 'membership', 'other'] as const;
const TEXTS = [
  'We like cake',
  'Replies need two sign-offs',
  'Nobody answers the inbox',
  'Our agency writes every post',
  'A pilot runs our forum',
];

/** The first steps of an export: First 30 days' items and every "First step:" in the plan and the appendix. */
function firstSteps(md: string): string[] {
  const first = md.slice(md.indexOf('## First 30 days'), md.indexOf('\n## ', md.indexOf('## First 30 days') + 5));
  return [
    ...[...first.matchAll(/^- \*\*\d+\.[^*]*\*\* (.*?) Owner: /gm)].map((m) => m[1]!),
    ...[...md.matchAll(/^- \*\*First step:\*\* (.*)$/gm)].map((m) => m[1]!),
  ];
}
/** Sentences of six words or more: a stock sentence is one the canvas would write for anyone. */
const sentences = (text: string) =>
  text
    .split(/(?<=[.!?”])\s+(?=[A-Z“])/)
    .map((x) => x.trim())
    .filter((x) => x.split(/\s+/).length >= 6);

describe('the first steps come from the room, not from stock', () => {
  it('no sentence of a first step is word for word the same in two goldens of different kinds of organisation', () => {
    const seen = new Map<string, { kind: string; file: string }>();
    const shared: string[] = [];
    for (const sample of SAMPLES) {
      const board = sample.board();
      const kind = kindOf(board.settings.organisationKind);
      for (const sentence of firstSteps(exportOf(sample)).flatMap(sentences)) {
        const before = seen.get(sentence);
        if (before && before.kind !== kind) shared.push(`${before.file} and ${sample.file}: ${sentence}`);
        if (!before) seen.set(sentence, { kind, file: sample.file });
      }
    }
    expect(shared).toEqual([]);
  });

  it('a step that gives staff permission to speak replaces the rule the team named, with a guide and a safety net first', () => {
    for (const sample of SAMPLES) {
      const board = sample.board();
      const md = toMarkdown(board, generateRoadmap(board), { date: sample.date ?? SAMPLE_DATE });
      for (const step of firstSteps(md).filter((x) => /permission to answer/.test(x))) {
        // The guide (what staff may say, what still goes to a named person, who answers for mistakes) comes before the permission.
        expect(step.indexOf('who answers for mistakes'), sample.file).toBeGreaterThan(-1);
        expect(step.indexOf('who answers for mistakes')).toBeLessThan(step.indexOf('permission to answer'));
      }
    }
    const md = (b: BoardState) => toMarkdown(b, generateRoadmap(b), { date: SAMPLE_DATE });
    const charity = SAMPLES.find((x) => x.file.endsWith('/charity.md'))!.board();
    expect(md(charity)).toContain('Replace “Staff are told to leave social media to the fundraising team” with a short guide first');
    // The barrier the room raised against it is what the guide answers.
    expect(md(charity)).toContain('The guide is the answer to “Trustees worry that volunteers will say the wrong thing”.');
  });

  it('a youth charity whose staff chat with young people on their own phones reads safeguarding first, quoting that card, and the step waits for it', () => {
    const sample = SAMPLES.find((x) => x.file.endsWith('/small-charity.md'))!;
    const board = sample.board();
    const md = toMarkdown(board, generateRoadmap(board), { date: SAMPLE_DATE });
    const before = md.slice(md.indexOf('## Before you act'), md.indexOf('## The roadmap'));
    expect(before).toContain('- Safeguarding comes first: “Our youth workers chat with young people on WhatsApp from their own phones”.');
    expect(md).toContain(
      'Once safeguarding is agreed (see Before you act), build on “Our youth workers chat with young people on WhatsApp',
    );
  });

  it('a barrier about time is named for what it is: an election period, a busy season, people’s time', () => {
    const before = (file: string) => {
      const sample = SAMPLES.find((x) => x.file.endsWith(file))!;
      const board = sample.board();
      const md = toMarkdown(board, generateRoadmap(board), { date: sample.date ?? SAMPLE_DATE });
      return md.slice(md.indexOf('## Before you act'), md.indexOf('## The roadmap'));
    };
    expect(before('/public-body.md')).toContain(
      '“The pre-election period from March to May stops new public campaigns” is an election period: check the publicity rules',
    );
    // With its window applied and a start to count from, the line says when, and still names the publicity rules.
    const sample = SAMPLES.find((x) => x.file.endsWith('/public-body.md'))!;
    const board = sample.board();
    const dated = toMarkdown(board, roadmapOf(sample, board), { date: sample.date ?? SAMPLE_DATE });
    expect(dated).toContain(
      '“The pre-election period from March to May stops new public campaigns” is an election period: no new public work starts from March to May 2025',
    );
    expect(dated).toContain('Check the publicity rules for it before anything is said in public.');
    // The election period's line says the publicity rules itself: no second line about them.
    expect(before('/public-body.md')).not.toContain('As a public body, check the publicity rules');
    expect(before('/enabler-first.md')).toContain('“Peak season runs from October to January” is the busy season');
    expect(before('/charity.md')).toContain("“Volunteers’ time is stretched thin” is about people's time");
    for (const file of ['/public-body.md', '/enabler-first.md']) expect(before(file)).not.toMatch(/initiatives? at a time, agree/);
  });

  it('the chart starts work that waits for the first 30 days a month in, as its reasons say', () => {
    const sample = SAMPLES.find((x) => x.file.endsWith('/enabler-first.md'))!;
    const board = sample.board();
    const md = toMarkdown(board, generateRoadmap(board), { date: SAMPLE_DATE });
    expect(md).toContain('it starts in Now, after that step');
    expect(md).toMatch(/^ {4}1\. Ways of working and business model .* :i1, 2025-03-14, 2025-06-14$/m);
    expect(md).toMatch(/^ {4}2\. Conversation and inbound communication .* :i2, 2025-04-14, 2025-06-14$/m);
  });

  it('nobody is the suggested owner of more than two items while others took part', () => {
    for (const sample of SAMPLES) {
      const board = sample.board();
      const md = toMarkdown(board, generateRoadmap(board), { date: sample.date ?? SAMPLE_DATE });
      const owners = [...md.matchAll(/^- \*\*(\d+)\.[^\n]*?Owner: ([^(\n]+?) \(suggested/gm)].map((m) => `${m[1]} ${m[2]}`);
      const byName = new Map<string, Set<string>>();
      for (const o of owners) {
        const [n, ...name] = o.split(' ');
        byName.set(name.join(' '), (byName.get(name.join(' ')) ?? new Set()).add(n!));
      }
      for (const [name, items] of byName) expect(items.size, `${sample.file}: ${name}`).toBeLessThanOrEqual(2);
    }
  });
});

/** Every benchmark of an export, with its baseline: "Benchmark: suggested: … Today: … ." (the review date left off). */
const benchmarks = (md: string) => [...md.matchAll(/^- \*\*Benchmark:\*\* suggested: (.*?)(?: Review on .*)?$/gm)].map((m) => m[1]!);
/** A card's text as the export quotes it: its first sixteen words, without a trailing full stop. */
const quoted = (text: string) => {
  const words = text.trim().split(/\s+/);
  return words.length > 16 ? `${words.slice(0, 16).join(' ')}…` : words.join(' ').replace(/\.+$/, '');
};
const mentionsCue = (text: string, cues: readonly string[]) =>
  cues.some((cue) => new RegExp(`\\b${cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(text));

describe('the benchmarks measure their own step, from a card about it', () => {
  it('no benchmark, with its baseline, is word for word the same in two goldens of different kinds of organisation', () => {
    const seen = new Map<string, { kind: string; file: string }>();
    const shared: string[] = [];
    for (const sample of SAMPLES) {
      const kind = kindOf(sample.board().settings.organisationKind);
      for (const line of new Set(benchmarks(exportOf(sample)))) {
        const before = seen.get(line);
        if (before && before.kind !== kind) shared.push(`${before.file} and ${sample.file}: ${line}`);
        if (!before) seen.set(line, { kind, file: sample.file });
      }
    }
    expect(shared).toEqual([]);
  });

  it('says what to count today: the stand-in "count it in the first week" at most once a document, and no stock sentence the COO found in every golden', () => {
    const stock = [
      'Replies and conversations each piece starts, reported beside its reach.',
      'Share of posts written by people who know the subject (aim: half).',
      'against the days it took before the sign-offs were cut',
    ];
    for (const sample of SAMPLES) {
      const md = exportOf(sample);
      expect(md.split('count it in the first week').length - 1, sample.file).toBeLessThanOrEqual(1);
      for (const s of stock) expect(md, sample.file).not.toContain(s);
      expect(md, sample.file).not.toContain('{today');
    }
  });

  it('a baseline card ("Today: “…”") is about what its benchmark measures: it shares a cue with the step the benchmark measures', () => {
    const playbooks = defaultModel().playbooks;
    const checked: string[] = [];
    for (const sample of SAMPLES) {
      const board = sample.board();
      const kind = KIND_WORDS[kindOf(board.settings.organisationKind)];
      const serves = board.settings.serves || kind.serves;
      for (const i of roadmapOf(sample, board).initiatives) {
        const playbook = playbooks[i.dimension];
        const baseline = /Today: “([^”]*)”/.exec(i.suggestedBenchmark)?.[1];
        if (!playbook || baseline === undefined) continue;
        // The benchmark's place in the playbook, by its opening words: the step at the same place is what it measures.
        const at = playbook.benchmarks.findIndex((b) =>
          i.suggestedBenchmark.startsWith(
            b
              .replace(/\{serves\}/g, serves)
              .split(/[{,(.]/)[0]!
              .trim(),
          ),
        );
        expect(at, `${sample.file} ${i.id}: ${i.suggestedBenchmark}`).toBeGreaterThanOrEqual(0);
        const card = board.cards.find((c) => quoted(c.text) === baseline);
        expect(card, `${sample.file} ${i.id}: ${baseline}`).toBeDefined();
        expect(
          mentionsCue(card!.text, playbook.firstSteps[at]!.cues),
          `${sample.file} ${i.id}: “${baseline}” for ${i.suggestedBenchmark}`,
        ).toBe(true);
        checked.push(i.id);
      }
    }
    expect(checked.length).toBeGreaterThan(10);
  });
});

describe('the step answers what the room wrote, and assumes nothing it did not', () => {
  const golden = (name: string) => exportOf(SAMPLES.find((x) => x.file.endsWith(`/${name}.md`))!);
  /** The first step under the initiative's own heading ("#### 3. Commerce & value exchange: from …"). */
  const stepOf = (md: string, title: string) => {
    const at = md.search(new RegExp(`^#### \\d+\\. ${title}: from `, 'm'));
    return at < 0 ? '' : (/^- \*\*First step:\*\* (.*)$/m.exec(md.slice(at))?.[1] ?? '');
  };

  it("a card about a later step of its dimension, no further than the room's target, is the step: reviews, consultations, two systems", () => {
    const kestrel = stepOf(golden('enabler-first'), 'Commerce & value exchange');
    expect(kestrel).toContain('“Our product reviews page shows ratings but we never answer them”');
    expect(kestrel).toContain('let customers talk with us and each other');
    expect(kestrel).not.toContain('driving traffic');
    const council = stepOf(golden('public-body'), 'Community & participation');
    expect(council).toContain('“Consultations are PDFs with a four-week comment window”');
    const charity = stepOf(golden('charity'), 'Technology & data');
    expect(charity).toContain('“Donor records and volunteer records sit in two systems”');
    expect(charity).toContain('Connect listening and publishing to the systems');
  });

  it('a step the room gave no premise for does not assume one: "campaign" only where a card names campaigns, "driving traffic" only where one names traffic, the web or a shop', () => {
    for (const sample of SAMPLES) {
      const board = sample.board();
      const cards = board.cards.map((c) => c.text).join('\n');
      const text = exportOf(sample).replace(/“[^”]*”/g, '“…”');
      if (!/campaign/i.test(cards)) expect(text, sample.file).not.toMatch(/campaign/i);
      if (!/traffic|\bweb|shop/i.test(cards)) expect(text, sample.file).not.toMatch(/driving traffic/i);
    }
  });

  it("every text in curly quotes is the room's: a card, a barrier, a goal or its earlier plan, never a stage's descriptor", () => {
    const norm = (t: string) => t.trim().replace(/\s+/g, ' ').replace(/\.+$/, '');
    for (const sample of SAMPLES) {
      const board = sample.board();
      const roadmap = roadmapOf(sample, board);
      // A re-run quotes the earlier plan: its titles, benchmarks and barriers are what the room agreed then.
      const earlier = (board.baseline?.initiatives ?? []).flatMap((i) => [i.title, i.benchmark, ...i.barriers]);
      const room = [
        ...board.cards.map((c) => c.text),
        ...roadmap.initiatives.map((i) => i.goal ?? ''),
        ...earlier,
        ...(board.baseline?.barriers ?? []).map((b) => b.text),
        board.organisation,
        board.title,
      ].map(norm);
      const descriptors = board.dimensions.flatMap((d) => d.descriptors).map(norm);
      const md = exportOf(sample);
      // From the plan to the appendix's initiatives; a re-run's "Since" section before it is the record of the earlier plan.
      const plan = md.slice(md.indexOf('## First 30 days'));
      for (const [, q] of plan.matchAll(/“([^”]*)”/g)) {
        const said = norm(q!.replace(/…$/, ''));
        const ours = room.some((t) => t.startsWith(said) || t.includes(said));
        expect(ours || !descriptors.some((t) => t.startsWith(said)), `${sample.file}: “${q}”`).toBe(true);
        expect(ours, `${sample.file}: “${q}”`).toBe(true);
      }
    }
  });
});

describe('the steps fit the size of the room', () => {
  it('a room of three or fewer is the whole team: it is never told "each leader" or "signed by the leaders"', () => {
    const few = SAMPLES.filter((sample) => sample.board().participants.length <= 3);
    expect(few.length).toBeGreaterThan(0);
    for (const sample of few)
      expect(body(exportOf(sample)), sample.file).not.toMatch(/\b(?:each|every) leader\b|signed by the leaders|leadership meetings/i);
    // A larger room keeps the canvas's words for its leadership team.
    expect(SAMPLES.some((sample) => sample.board().participants.length > 3 && /\beach leader\b/i.test(exportOf(sample)))).toBe(true);
  });
});

describe('the export over random boards', () => {
  it('never uses an organisation word the board does not, numbers without gaps, prints no empty horizon, suggests one owner at most', () => {
    const base = makeBoard();
    const dims = base.dimensions.map((d) => d.key);
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 1, max: 9 }),
          kind: fc.constantFrom(...KINDS),
          anonymous: fc.boolean(),
          cap: fc.integer({ min: 1, max: 4 }),
          answers: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.boolean()), {
            minLength: 90,
            maxLength: 90,
          }),
          cards: fc.array(
            fc.record({ p: fc.nat(8), d: fc.nat(dims.length - 1), stage: fc.integer({ min: 1, max: 5 }), text: fc.nat(TEXTS.length - 1) }),
            { maxLength: 20 },
          ),
          votes: fc.array(fc.record({ p: fc.nat(8), d: fc.nat(dims.length - 1), count: fc.integer({ min: 1, max: 5 }) }), {
            maxLength: 20,
          }),
        }),
        (g) => {
          const people = Array.from({ length: g.n }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, joinedAt: i }));
          const markers = people.flatMap((p, i) =>
            dims.flatMap((d, j) => {
              const [c, t, on] = g.answers[(i * dims.length + j) % g.answers.length]!;
              return on ? [{ participantId: p.id, dimension: d, current: c, target: t }] : [];
            }),
          );
          const cards = g.cards.map((c, i) => ({
            key: `p${c.p % g.n}/c${i}`,
            id: `c${i}`,
            authorId: `p${c.p % g.n}`,
            kind: 'practice' as const,
            text: TEXTS[c.text]!,
            dimension: dims[c.d]!,
            stage: c.stage,
            createdAt: i,
          }));
          const votes = g.votes.map((v) => ({ participantId: `p${v.p % g.n}`, target: `dim:${dims[v.d]!}` as const, count: v.count }));
          const board = makeBoard({
            participants: people,
            markers,
            cards,
            votes,
            settings: {
              ...base.settings,
              anonymous: g.anonymous,
              initiativeCap: g.cap,
              organisationKind: g.kind,
              serves: KIND_WORDS[g.kind].serves,
            },
          });
          const md = toMarkdown(board, generateRoadmap(board), { date: SAMPLE_DATE });
          // Random boards can plan all ten dimensions at once: length is checked on the goldens.
          expect(problems(board, md).filter((p) => !p.startsWith('the body has'))).toEqual([]);
        },
      ),
      { numRuns: 150, seed: 20_261_207 },
    );
  });
});
