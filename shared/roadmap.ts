/**
 * The migration roadmap: a pure function from the board to a sequenced list of
 * initiatives, and the pure edits the room makes to it afterwards.
 *
 * No I/O, no clock, no randomness: the same board gives the same roadmap, byte
 * for byte, whatever order its cards, markers, votes and participants arrive in.
 * The rules are spelled out on `generateRoadmap`; every initiative carries the
 * plain-language reasons (`why`) that the rules produced for it.
 */
import { STAGE_COUNT, stageName } from './canvas.ts';
import { AppError } from './errors.ts';
import { LIMITS } from './limits.ts';
import type { BoardState, Card, DimensionDef, DimensionSummary, EditableField, Horizon, Initiative, Roadmap } from './types.ts';
import { listNames as listAll, plural } from './words.ts';

/**
 * Id of the extra horizon that holds initiatives the capped horizons have no
 * room for. It is only added to `Roadmap.horizons` when something lands in it,
 * always last, and it has no cap: it is a waiting list, not a time slot.
 */
export const UNSCHEDULED_HORIZON_ID = 'unscheduled';

/** A spread of current markers this wide (in stages) means the room does not share a view. */
const WIDE_SPREAD = 2;

/** What regenerating would do to one initiative, shown to the room before it is applied. */
export interface RoadmapChange {
  initiativeId: string;
  title: string;
  change: 'added' | 'removed' | 'updated';
  /**
   * added: empty. updated: the generated fields whose value changes (edited
   * fields are kept, so never listed). removed: the fields people had edited,
   * which are lost with it.
   */
  fields: string[];
}

// ------------------------------------------------------------------ statistics

const isStage = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= STAGE_COUNT;

/** Lower median: for an even count, the lower of the two middle answers, so the result is a stage someone chose. */
function lowerMedian(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/**
 * Interquartile spread on whole stages: the quartiles are the answers at ranks
 * floor((n-1)/4) and ceil(3(n-1)/4), rounded outwards so the spread is an
 * integer 0..4. With four answers or fewer this is the full range; from five
 * answers up the most extreme answer on each side is left out, so one outlier
 * does not make the room look divided.
 */
function interquartileSpread(sorted: readonly number[]): { spread: number; low: number; high: number } | null {
  const n = sorted.length;
  if (n === 0) return null;
  const low = sorted[Math.floor((n - 1) / 4)]!;
  const high = sorted[Math.ceil((3 * (n - 1)) / 4)]!;
  return { spread: high - low, low, high };
}

const byNumber = (a: number, b: number) => a - b;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byCard = (a: Card, b: Card) => a.createdAt - b.createdAt || byString(a.key, b.key) || byString(a.text, b.text);

// ---------------------------------------------------------------------- copy

const ORDINALS = ['most', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'] as const;
const listNames = (names: readonly string[], max = 3) => listAll(names, max);

/**
 * Suggested first steps, per default dimension: `align` when the room must
 * first agree where it stands, then `move[s - 1]` for the step out of stage s.
 * Drawn from the article: hands-on leadership, an own voice, real
 * conversation, social content, communities of influence, fewer sign-offs,
 * trusted staff, people-first technology and new business benchmarks.
 */
const FIRST_STEPS: Record<string, { align: string; move: readonly [string, string, string, string] }> = {
  leadership: {
    align:
      'Hold one hour where each leader shows, on their own phone, what they did on a social channel last month; agree from that evidence which stage we are really at.',
    move: [
      'Name one member of the leadership team as the owner of social, and give it ten minutes at each of the next four leadership meetings: what did people say about us this fortnight?',
      'For one month, each member of the leadership team follows our own channels and replies in person at least once a week; then compare what you learned.',
      'Turn the pilot sponsor\'s experience into a team habit: every leader takes part visibly for a quarter, and the team reviews social outcomes together each month.',
      'Take one strategic question into the open: leaders ask staff and users in public, answer in person, and show what changed because of it.',
    ],
  },
  brand: {
    align:
      'Each person brings three posts that sound like us and three that do not; compare them and agree where our voice stands today.',
    move: [
      'Write down, in one sentence, the simple truth about our brand that a customer would repeat, and test it with five customers before anything is posted.',
      'Take one channel back from the agency or the style guide: for a month, people who know the subject write its posts in their own words, with the agency coaching rather than writing.',
      'Agree one voice across channels: collect the ten posts that sound most like us, write down what they share, and make it the brief for every team.',
      'Invite customers to tell the brand\'s story in their own words, and give what they say as much room as what we say.',
    ],
  },
  conversation: {
    align:
      'Look together at the last ten things customers said to us in public and what happened to each; agree from that how conversational we really are.',
    move: [
      'Give every public message a human owner: route comments and messages to a named person who answers within one working day.',
      'Set a reply standard on our busiest channel (a personal answer within four working hours, no scripts) and report each week how well we meet it.',
      'Close the loop: each month, take the three most useful things customers told us to the leadership team, and tell those customers what we did about them.',
      'Invite users into one real decision, such as a product change or a service rule, and hold the conversation in public from question to outcome.',
    ],
  },
  content: {
    align:
      'Review together what we published last quarter: which pieces did someone forward without being asked? Agree from that where our content stands.',
    move: [
      'List five things we know that our users would find useful, and publish one of them as a story told by the person who knows it best.',
      'Replace one campaign asset a month with a story from a real person or real work, and judge it by the replies it starts rather than its reach.',
      'Set a simple editorial rhythm around the questions users ask us, with contributors from at least three teams beyond Communications.',
      'Co-create one series with users, staff or partners: they choose the subject, we provide the stage.',
    ],
  },
  community: {
    align:
      'Name together the users who would speak up for us without being paid; if the room cannot, that answers where we stand.',
    move: [
      'Find out where our users already talk about what we do, and spend a month listening there before saying anything.',
      'Ask one group of engaged users what would make it worth talking with us and with each other, and stop reporting follower counts as the measure.',
      'Give the forum, group or ambassador scheme a host with time to serve it, and let its members shape one decision this quarter.',
      'Help the strongest community grow by itself: give its members tools, recognition and a say, and measure what they do for each other.',
    ],
  },
  'ways-of-working': {
    align:
      'Trace the last public complaint from arrival to answer, with everyone it touched; agree from that how we really work today.',
    move: [
      'Map, step by step, how a reply to a public complaint gets approved today, and put the map in front of the leadership team.',
      'For a three-month trial, cut the sign-offs on public replies to one person, with clear rules on what still needs escalating.',
      'Turn the task force into a standing cross-functional team with a mandate to act on what it hears within a week, without escalation.',
      'Pick one product or service and reorganise how it is run around what users tell us in real time; treat it as a test of a new business model.',
    ],
  },
  people: {
    align:
      'Ask each person what would happen to an employee who answered a customer on their own account tonight; agree from the answers where trust stands.',
    move: [
      'Replace any blanket ban with a short, plain guide to speaking about work in public, written with staff and signed by the leadership team.',
      'Train a first group of volunteers from outside Communications and give them explicit permission to answer customers about their own area.',
      'Make trust the default rather than each manager\'s choice: publish one guideline for all staff and build social skills into induction and reviews.',
      'Ask HR to recruit, value and promote for networked work: write it into role profiles and into how leaders are assessed.',
    ],
  },
  technology: {
    align:
      'Ask who in the room can see what our users said yesterday, and how; agree from the answers where our technology really stands.',
    move: [
      'Set up one shared listening tool so that the people who serve customers can see what is said about us, before adding any new platform.',
      'Stop adopting platforms for their own sake: list the tools we use, name the user need each one serves, and retire one that serves none.',
      'Connect listening and publishing to the systems where customer knowledge lives, so that anyone can find an answer or an expert.',
      'Use data to deepen relationships, not just targeting: pick one user journey and use what we know to serve people better in it.',
    ],
  },
  insight: {
    align:
      'Each person names the number that would prove we are more social a year from now; compare the answers and agree what we measure today.',
    move: [
      'Agree one number that shows the health of our relationships with users, and track it monthly beside the usual reach figures.',
      'Replace one campaign report with a relationship benchmark (replies, returning contributors or community strength) reviewed by the leadership team.',
      'Run user-centric research for one key decision this quarter, and report relationship measures beside revenue at the same meeting.',
      'Write relationships, influence, community strength and productivity into the business plan as benchmarks with owners.',
    ],
  },
  commerce: {
    align:
      'Walk through the buying journey together and mark each point where a customer can reach a person; agree from that where we stand.',
    move: [
      'Give customers one way to reach a person who knows the product at the moment they buy, and keep a log of what they ask.',
      'Go beyond driving traffic: add reviews, advice or a named expert to one product page, and track the conversation it starts, not only the clicks.',
      'Bring conversation to where people buy: on one product line, let customers talk with us and with each other, and feed what they say into the offer.',
      'Invite customers to buy into the business: give a group of them a real say in one offer, or a share of the value it creates.',
    ],
  },
};

function firstStepFor(dim: DimensionDef, kind: 'align' | 'move', from: number): string {
  const copy = FIRST_STEPS[dim.key];
  if (kind === 'align') {
    return (
      copy?.align ??
      `Ask each person for one concrete example of how ${dim.name} works here today, compare the examples, and agree which stage they show.`
    );
  }
  const known = copy?.move[from - 1];
  if (known) return known;
  const next = dim.descriptors[from]?.trim();
  return next
    ? `Pick one team and one month to make this true of ${dim.name}: "${next.replace(/[.\s]+$/, '')}". Then review together what changed.`
    : `Pick one team and one month to move ${dim.name} from ${stageName(from)} towards ${stageName(from + 1)}, then review together what changed.`;
}

// ------------------------------------------------------------------ generate

interface DimStats {
  def: DimensionDef;
  index: number;
  summary: DimensionSummary;
  low: number | null;
  high: number | null;
  practice: Card[];
  barrierCards: Card[];
  priority: number;
  quickWin: boolean;
}

const WAITING_LABEL = 'Not yet scheduled';

/** The uncapped overflow horizon that generateRoadmap appends (never one the facilitator set up). */
const isWaitingList = (h: Horizon) => h.id.startsWith(UNSCHEDULED_HORIZON_ID) && h.label === WAITING_LABEL && h.fromMonth === h.toMonth;

function horizonsFor(settingsHorizons: readonly Horizon[]): { scheduled: Horizon[]; unscheduled: Horizon } {
  const scheduled = settingsHorizons.map((h) => ({ ...h }));
  const taken = new Set(scheduled.map((h) => h.id));
  let id = UNSCHEDULED_HORIZON_ID;
  for (let n = 2; taken.has(id); n++) id = `${UNSCHEDULED_HORIZON_ID}-${n}`;
  const end = scheduled.reduce((m, h) => Math.max(m, h.toMonth), 0);
  return { scheduled, unscheduled: { id, label: WAITING_LABEL, fromMonth: end, toMonth: end } };
}

/**
 * Builds the migration roadmap from the board. Pure and deterministic.
 *
 * What counts: markers, cards and votes of participants who were not removed;
 * cards and markers on dimensions the board has (others are ignored); stages
 * that are integers 1..5; votes with a positive count. Votes on a card count
 * for the card's dimension; votes on a removed person's card count for nothing.
 *
 * Per dimension (`summaries`, in board order):
 * - current / target: the **lower median** of the markers (for an even count,
 *   the lower middle answer), so it is always a stage someone chose and the
 *   target is never inflated by a tie.
 * - gap: target - current, or 0 when either is missing or target <= current.
 * - spread: interquartile range of current markers on whole stages (see
 *   `interquartileSpread`); `answers` is the number of current markers.
 * - disagreement: spread >= 2 stages with at least max(2, settings.minAnswers) answers.
 *
 * Initiatives: each dimension with gap > 0 gets a `move` initiative
 * (`${key}:move`, from current to target); when the room disagrees, an `align`
 * initiative (`${key}:align`, build a shared view) comes first.
 *
 * Priority (0..100, the same for both initiatives of a dimension):
 * `round(60 * votes / most votes on any dimension + 10 * gap)`; the vote part
 * is 0 when nobody voted. A **quick win** is a gap of one stage with at least
 * half the top dimension's votes (and at least one vote).
 *
 * Sequencing, greedy over the dimensions in this order: enablers before
 * non-enablers; within each group quick wins first, then priority (high
 * first), then board order. Each initiative takes the earliest horizon that
 * still has room (at most `settings.initiativeCap` per horizon) and is not
 * earlier than its floor:
 * - a `move` goes strictly after its `align`;
 * - a non-enabler never goes earlier than the latest enabler initiative, so an
 *   enabler is never in a later horizon than a non-enabler.
 * Overflow: when no capped horizon is left, the initiative goes to an extra,
 * uncapped last horizon "Not yet scheduled" (`UNSCHEDULED_HORIZON_ID`), added
 * only when needed. The cap therefore always holds for the facilitator's
 * horizons, and nothing with a gap is dropped.
 *
 * `initiatives` are ordered by horizon, then by the sequence above. Owner and
 * benchmark start empty for the room to fill in.
 */
export function generateRoadmap(board: BoardState): Roadmap {
  const removed = new Set(board.participants.filter((p) => p.removed === true).map((p) => p.id));
  const dims = board.dimensions;
  const dimIndex = new Map<string, number>();
  dims.forEach((d, i) => {
    if (!dimIndex.has(d.key)) dimIndex.set(d.key, i);
  });

  const currents = dims.map(() => [] as number[]);
  const targets = dims.map(() => [] as number[]);
  for (const m of board.markers) {
    if (removed.has(m.participantId)) continue;
    const i = dimIndex.get(m.dimension);
    if (i === undefined) continue;
    if (isStage(m.current)) currents[i]!.push(m.current);
    if (isStage(m.target)) targets[i]!.push(m.target);
  }

  const practice = dims.map(() => [] as Card[]);
  const barrierCards = dims.map(() => [] as Card[]);
  const cardDim = new Map<string, number>();
  for (const c of board.cards) {
    if (removed.has(c.authorId) || c.dimension === null) continue;
    const i = dimIndex.get(c.dimension);
    if (i === undefined) continue;
    cardDim.set(c.key, i);
    if (c.kind === 'barrier') barrierCards[i]!.push(c);
    else if (c.kind === 'practice') practice[i]!.push(c);
  }

  const votes = dims.map(() => 0);
  for (const v of board.votes) {
    if (removed.has(v.participantId) || !(typeof v.count === 'number' && Number.isFinite(v.count) && v.count > 0)) continue;
    const t = String(v.target);
    const i = t.startsWith('dim:') ? dimIndex.get(t.slice(4)) : t.startsWith('card:') ? cardDim.get(t.slice(5)) : undefined;
    if (i !== undefined) votes[i]! += v.count;
  }
  const maxVotes = Math.max(0, ...votes);

  const minAnswers = Math.max(2, Number.isFinite(board.settings.minAnswers) ? board.settings.minAnswers : 0);
  const stats: DimStats[] = dims.map((def, index) => {
    const cur = currents[index]!.sort(byNumber);
    const tgt = targets[index]!.sort(byNumber);
    const current = lowerMedian(cur);
    const target = lowerMedian(tgt);
    const gap = current !== null && target !== null && target > current ? target - current : 0;
    const iqr = interquartileSpread(cur);
    const spread = iqr?.spread ?? 0;
    const v = votes[index]!;
    return {
      def,
      index,
      low: iqr?.low ?? null,
      high: iqr?.high ?? null,
      practice: practice[index]!.sort(byCard),
      barrierCards: barrierCards[index]!.sort(byCard),
      priority: Math.round((maxVotes > 0 ? (60 * v) / maxVotes : 0) + 10 * gap),
      quickWin: gap === 1 && v > 0 && v * 2 >= maxVotes,
      summary: {
        dimension: def.key,
        name: def.name,
        current,
        target,
        gap,
        spread,
        answers: cur.length,
        votes: v,
        cards: practice[index]!.length,
        barriers: barrierCards[index]!.length,
        disagreement: spread >= WIDE_SPREAD && cur.length >= minAnswers,
      },
    };
  });

  // Duplicate keys in a hand-edited template would give duplicate ids: the first one wins.
  const withGap = stats.filter((s) => s.summary.gap > 0 && dimIndex.get(s.def.key) === s.index);
  const sequence = [...withGap].sort(
    (a, b) =>
      Number(b.def.enabler) - Number(a.def.enabler) ||
      Number(b.quickWin) - Number(a.quickWin) ||
      b.priority - a.priority ||
      a.index - b.index,
  );

  const { scheduled, unscheduled } = horizonsFor(board.settings.horizons ?? []);
  const rawCap = board.settings.initiativeCap;
  const cap = Number.isFinite(rawCap) ? Math.max(0, Math.floor(rawCap)) : 0;
  const load = scheduled.map(() => 0);
  const U = scheduled.length; // index of the unscheduled bucket
  const place = (floor: number): number => {
    for (let h = floor; h < U; h++) if (load[h]! < cap) return h;
    return U;
  };
  const earliestFree = () => place(0);

  const enablerNames = withGap.filter((s) => s.def.enabler).map((s) => s.def.name);
  // Highest priority first, so the names an enabler's reason mentions are the ones the room cares about most.
  const enabledNames = sequence.filter((s) => !s.def.enabler).map((s) => s.def.name);
  const votedRank = (v: number) => votes.filter((x) => x > v).length;
  const horizonName = (h: number) => scheduled[h]?.label ?? unscheduled.label;

  const placed: { initiative: Initiative; horizon: number; seq: number }[] = [];
  let enablerFloor = 0;
  let seq = 0;
  for (const s of sequence) {
    const { def, summary } = s;
    const from = summary.current!;
    const to = summary.target!;
    const floor = def.enabler ? 0 : enablerFloor;
    const common = {
      dimension: def.key,
      fromStage: from,
      toStage: to,
      owner: '',
      benchmark: '',
      cards: s.practice.map((c) => c.key),
      barriers: s.barrierCards.map((c) => c.key),
      priority: s.priority,
      edited: [] as EditableField[],
    };

    const reasons: string[] = [];
    // Votes.
    if (summary.votes === 0) {
      reasons.push(`No votes: it is on the roadmap because of its ${plural(summary.gap, 'stage')} gap.`);
    } else {
      const rank = votedRank(summary.votes);
      const joint = votes.filter((x) => x === summary.votes).length > 1;
      reasons.push(
        rank < ORDINALS.length
          ? `${plural(summary.votes, 'vote')}, ${joint ? 'joint ' : rank === 0 ? 'the ' : ''}${ORDINALS[rank]} in the room.`
          : `${plural(summary.votes, 'vote')}; the most any dimension received was ${maxVotes}.`,
      );
    }
    if (s.quickWin) reasons.push('A quick win: one stage to go and strong support in the vote, so it comes early.');
    if (def.enabler && enabledNames.length > 0) {
      reasons.push(`${def.name} enables ${listNames(enabledNames, 2)}, so it goes first.`);
    }
    if (summary.answers < Math.max(1, board.settings.minAnswers ?? 1)) {
      reasons.push(`Only ${plural(summary.answers, 'person', 'people')} placed a marker here; check that the room agrees.`);
    }

    /** Where it landed and why, from the horizon it got, the floor it had and the earliest free slot before it was placed. */
    const placement = (h: number, ownFloor: number, free: number, explainEnablers: boolean): string[] => {
      const out: string[] = [];
      if (explainEnablers && !def.enabler && floor > 0 && h < U) {
        out.push(`It follows the enabling work on ${listNames(enablerNames)}.`);
      }
      if (h === U) {
        out.push(
          cap > 0 && U > 0
            ? `Every horizon already holds ${plural(cap, 'initiative')}, the limit that keeps disruption low, so it waits until a slot frees up.`
            : 'No horizon has room for it, so it waits until one is set up.',
        );
        return out;
      }
      // The earliest horizon the rules allowed was full: say so, since the reader expects it there.
      if (h > ownFloor) {
        const full = h - ownFloor === 1 ? horizonName(ownFloor) : `${horizonName(ownFloor)} to ${horizonName(h - 1)}`;
        out.push(`${full} ${h - ownFloor === 1 ? 'is' : 'are'} full (at most ${plural(cap, 'initiative')} each, to keep disruption low), so it starts in ${horizonName(h)}.`);
      }
      return out;
    };

    let alignAt: number | null = null;
    if (summary.disagreement) {
      const free = earliestFree();
      const h = place(floor);
      alignAt = h;
      if (h < U) load[h]!++;
      placed.push({
        horizon: h,
        seq: seq++,
        initiative: {
          ...common,
          id: `${def.key}:align`,
          kind: 'align',
          title: `${def.name}: build a shared view of where we stand`,
          horizon: '',
          why: [
            `The room disagrees: answers on where we are today run from ${stageName(s.low!)} to ${stageName(s.high!)}, so we agree where we stand before acting.`,
            ...reasons,
            ...placement(h, floor, free, true),
          ],
          firstStep: firstStepFor(def, 'align', from),
        },
      });
    }

    const moveFloor = alignAt === null ? floor : Math.min(U, Math.max(floor, alignAt + 1));
    const free = earliestFree();
    const h = place(moveFloor);
    if (h < U) load[h]!++;
    const why =
      alignAt === null
        ? [...reasons, ...placement(h, moveFloor, free, true)]
        : h < U
          ? [...reasons, `It starts in ${horizonName(h)}, once the room shares a view of where we stand.`, ...placement(h, moveFloor, free, false)]
          : [...reasons, ...placement(h, moveFloor, free, false)];
    placed.push({
      horizon: h,
      seq: seq++,
      initiative: {
        ...common,
        id: `${def.key}:move`,
        kind: 'move',
        title: `${def.name}: from ${stageName(from)} to ${stageName(to)}`,
        horizon: '',
        why: [`The room puts us at ${stageName(from)} today and wants ${stageName(to)}: a gap of ${plural(summary.gap, 'stage')}.`, ...why],
        firstStep: firstStepFor(def, 'move', from),
      },
    });
    if (def.enabler) enablerFloor = Math.max(enablerFloor, ...placed.filter((p) => p.initiative.id.startsWith(`${def.key}:`)).map((p) => p.horizon));
  }

  const horizons = placed.some((p) => p.horizon === U) ? [...scheduled, unscheduled] : scheduled;
  const initiatives = placed
    .sort((a, b) => a.horizon - b.horizon || a.seq - b.seq)
    .map((p) => ({ ...p.initiative, horizon: horizons[p.horizon]!.id }));
  return { horizons, initiatives, summaries: stats.map((s) => s.summary) };
}

// --------------------------------------------------------------------- edits

const EDITABLE_ORDER: readonly EditableField[] = ['title', 'owner', 'benchmark', 'firstStep', 'horizon', 'order'];
const TEXT_FIELDS = ['title', 'owner', 'benchmark', 'firstStep'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const withEdited = (edited: readonly EditableField[], add: readonly EditableField[]): EditableField[] => {
  const set = new Set([...edited, ...add]);
  return EDITABLE_ORDER.filter((f) => set.has(f));
};

/** Re-sorts initiatives by the roadmap's horizon order, keeping the order within each horizon; unknown horizons last. */
function orderByHorizon(horizons: readonly Horizon[], initiatives: readonly Initiative[]): Initiative[] {
  const rank = new Map(horizons.map((h, i) => [h.id, i]));
  return initiatives
    .map((initiative, i) => ({ initiative, i, r: rank.get(initiative.horizon) ?? horizons.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.initiative);
}

function findInitiative(roadmap: Roadmap, initiativeId: string): Initiative {
  const found = roadmap.initiatives.find((i) => i.id === initiativeId);
  if (!found) throw new AppError('NOT_FOUND', `The roadmap has no initiative "${initiativeId}".`);
  return found;
}

/**
 * Sets text fields of one initiative and records them in `edited`, so that
 * regenerating keeps them. Returns a new roadmap. Throws AppError NOT_FOUND for
 * an unknown id, INVALID_VALUE for a field that is not editable text, an empty
 * title or a value longer than LIMITS.roadmapFieldMax.
 */
export function applyInitiativeEdit(
  roadmap: Roadmap,
  initiativeId: string,
  patch: Partial<Pick<Initiative, 'title' | 'owner' | 'benchmark' | 'firstStep'>>,
): Roadmap {
  findInitiative(roadmap, initiativeId);
  const changes: Partial<Record<TextField, string>> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!(TEXT_FIELDS as readonly string[]).includes(field)) throw new AppError('INVALID_VALUE', `"${field}" cannot be edited.`);
    if (typeof value !== 'string' || value.length > LIMITS.roadmapFieldMax) {
      throw new AppError('INVALID_VALUE', `"${field}" must be text of at most ${LIMITS.roadmapFieldMax} characters.`);
    }
    if (field === 'title' && value.trim() === '') throw new AppError('INVALID_VALUE', 'An initiative needs a title.');
    changes[field as TextField] = value;
  }
  const fields = Object.keys(changes) as TextField[];
  return {
    ...roadmap,
    initiatives: roadmap.initiatives.map((i) =>
      i.id === initiativeId ? { ...i, ...changes, edited: withEdited(i.edited, fields) } : i,
    ),
  };
}

/**
 * Moves an initiative into `horizon` at position `index` among that
 * horizon's initiatives (clamped to 0..count), and marks `horizon` and
 * `order` as edited. A manual move may exceed `initiativeCap`: the cap shapes
 * the suggestion, people decide. Throws AppError NOT_FOUND for an unknown
 * initiative, INVALID_VALUE for a horizon the roadmap does not have or an
 * index that is not a number.
 */
export function moveInitiative(roadmap: Roadmap, initiativeId: string, horizon: string, index: number): Roadmap {
  const moving = findInitiative(roadmap, initiativeId);
  if (!roadmap.horizons.some((h) => h.id === horizon)) throw new AppError('INVALID_VALUE', `The roadmap has no horizon "${horizon}".`);
  if (typeof index !== 'number' || Number.isNaN(index)) throw new AppError('INVALID_VALUE', 'The position must be a number.');
  const rest = orderByHorizon(
    roadmap.horizons,
    roadmap.initiatives.filter((i) => i.id !== initiativeId),
  );
  const inTarget = rest.filter((i) => i.horizon === horizon);
  const at = Math.min(Math.max(0, Math.trunc(index)), inTarget.length);
  const moved: Initiative = { ...moving, horizon, edited: withEdited(moving.edited, ['horizon', 'order']) };
  // Insert before the at-th initiative of the target horizon, or after its last one.
  const anchor = inTarget[at];
  const last = inTarget[inTarget.length - 1];
  let pos: number;
  if (anchor) pos = rest.indexOf(anchor);
  else if (last) pos = rest.indexOf(last) + 1;
  else {
    const rank = new Map(roadmap.horizons.map((h, i) => [h.id, i]));
    const mine = rank.get(horizon)!;
    const after = rest.findIndex((i) => (rank.get(i.horizon) ?? Infinity) > mine);
    pos = after === -1 ? rest.length : after;
  }
  return { ...roadmap, initiatives: [...rest.slice(0, pos), moved, ...rest.slice(pos)] };
}

const GENERATED_FIELDS = ['title', 'fromStage', 'toStage', 'horizon', 'order', 'why', 'firstStep', 'cards', 'barriers', 'priority'] as const;

/**
 * Combines a freshly generated roadmap with the one the room has been
 * editing. For every initiative whose id still exists, the fields listed in
 * its `edited` are kept (title, owner, benchmark, first step, and the horizon
 * and position of a manual move); everything else comes from `fresh`.
 * A kept horizon that `fresh` no longer has is dropped (reported as an update
 * of `horizon`), except the unscheduled waiting list, which is re-added.
 *
 * `replaced` lists, in roadmap order then removed ones, what applying the
 * result changes for the room: initiatives added, removed (with the edited
 * fields that are lost) and updated (with the generated fields whose value
 * changes; `order` when its position within its horizon changes). Unchanged
 * initiatives are not listed. Pure: call it to preview, then apply.
 */
export function mergeRoadmap(previous: Roadmap | null, fresh: Roadmap): { roadmap: Roadmap; replaced: RoadmapChange[] } {
  if (!previous) {
    return {
      roadmap: fresh,
      replaced: fresh.initiatives.map((i) => ({ initiativeId: i.id, title: i.title, change: 'added', fields: [] })),
    };
  }
  const prevById = new Map(previous.initiatives.map((i) => [i.id, i]));
  const freshIds = new Set(fresh.initiatives.map((i) => i.id));
  let horizons = fresh.horizons.map((h) => ({ ...h }));
  const horizonIds = () => new Set(horizons.map((h) => h.id));
  const positionIn = (r: { initiatives: Initiative[] }, i: Initiative) =>
    r.initiatives.filter((x) => x.horizon === i.horizon).findIndex((x) => x.id === i.id);

  const horizonDropped = new Set<string>();
  const kept: Initiative[] = [];
  const pinned: { initiative: Initiative; index: number }[] = [];
  for (const f of fresh.initiatives) {
    const p = prevById.get(f.id);
    if (!p) {
      kept.push(f);
      continue;
    }
    let edited = p.edited.filter((e) => EDITABLE_ORDER.includes(e));
    const merged: Initiative = { ...f, edited: [] };
    for (const field of TEXT_FIELDS) if (edited.includes(field)) merged[field] = p[field];
    if (edited.includes('horizon')) {
      if (!horizonIds().has(p.horizon)) {
        const waiting = previous.horizons.find((h) => h.id === p.horizon && isWaitingList(h));
        if (waiting) horizons = [...horizons, { ...waiting }];
      }
      if (horizonIds().has(p.horizon)) merged.horizon = p.horizon;
      else {
        edited = edited.filter((e) => e !== 'horizon' && e !== 'order');
        horizonDropped.add(f.id);
      }
    }
    merged.edited = withEdited([], edited);
    if (edited.includes('order')) pinned.push({ initiative: merged, index: positionIn(previous, p) });
    else kept.push(merged);
  }

  // Pinned initiatives go back to their previous position within their horizon.
  let initiatives = orderByHorizon(horizons, kept);
  for (const { initiative, index } of pinned.sort((a, b) => a.index - b.index)) {
    const inTarget = initiatives.filter((i) => i.horizon === initiative.horizon);
    const anchor = inTarget[Math.max(0, index)];
    const last = inTarget[inTarget.length - 1];
    const pos = anchor ? initiatives.indexOf(anchor) : last ? initiatives.indexOf(last) + 1 : initiatives.length;
    initiatives = orderByHorizon(horizons, [...initiatives.slice(0, pos), initiative, ...initiatives.slice(pos)]);
  }
  // Kept moves can empty the waiting list; an empty one is noise.
  horizons = horizons.filter((h) => !isWaitingList(h) || initiatives.some((i) => i.horizon === h.id));
  const roadmap: Roadmap = { horizons, initiatives, summaries: fresh.summaries };

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const replaced: RoadmapChange[] = [];
  for (const i of initiatives) {
    const p = prevById.get(i.id);
    if (!p) {
      replaced.push({ initiativeId: i.id, title: i.title, change: 'added', fields: [] });
      continue;
    }
    const fields: string[] = [];
    for (const field of GENERATED_FIELDS) {
      if (field === 'order') {
        if (p.horizon === i.horizon && positionIn(previous, p) !== positionIn(roadmap, i)) fields.push('order');
        continue;
      }
      if (!same(p[field], i[field])) fields.push(field);
    }
    if (horizonDropped.has(i.id) && !fields.includes('horizon')) fields.push('horizon');
    if (fields.length > 0) replaced.push({ initiativeId: i.id, title: i.title, change: 'updated', fields });
  }
  for (const p of previous.initiatives) {
    if (!freshIds.has(p.id)) replaced.push({ initiativeId: p.id, title: p.title, change: 'removed', fields: [...p.edited] });
  }
  return { roadmap, replaced };
}
