/**
 * The default canvas: ten dimensions of an organisation (rows) and five stages
 * (columns) on the journey from "an organisation that uses social media" to
 * "a social organisation". Every cell has a one-line descriptor and every
 * dimension has prompts for the facilitator. Pure data, shared by server and client.
 */

export const STAGE_COUNT = 5;

export interface Stage {
  /** 1 (left edge) .. 5 (right edge). */
  readonly level: number;
  readonly name: string;
  readonly summary: string;
}

export interface Dimension {
  /** Stable id: lower-case letters, digits and dashes. */
  readonly key: string;
  readonly name: string;
  /** What the left edge ("uses social media") looks like on this dimension. */
  readonly left: string;
  /** What the right edge ("social organisation") looks like. */
  readonly right: string;
  /** One line per stage, index 0 = stage 1. */
  readonly descriptors: readonly string[];
  readonly prompts: readonly string[];
  /** Leadership, people and ways of working enable the others; the roadmap puts them first. */
  readonly enabler: boolean;
}

export interface CanvasTemplate {
  readonly stages: readonly Stage[];
  readonly dimensions: readonly Dimension[];
}

export const STAGES: readonly Stage[] = [
  { level: 1, name: 'Absent', summary: 'Not in the game yet, or only on paper.' },
  { level: 2, name: 'Broadcasting', summary: 'A few specialists or an agency push one-way campaigns: 1.0 messages on 2.0 platforms.' },
  { level: 3, name: 'Experimenting', summary: 'Pockets of real conversation, pilots and task forces; change happens piecemeal.' },
  { level: 4, name: 'Engaging', summary: 'Sustained two-way presence across functions, leaders involved, results measured beyond the campaign.' },
  { level: 5, name: 'Social organisation', summary: 'Networked: conversation and participation are how the business runs, in real time, with its users.' },
];

export const DEFAULT_DIMENSIONS: readonly Dimension[] = [
  {
    key: 'leadership',
    name: 'Leadership & ownership',
    left: 'Social is a tactical channel handed to the digital natives; the top team does not use it.',
    right: 'Leaders are hands-on and socially fluent; they engage people rather than manage them.',
    descriptors: [
      'Nobody at the top owns social; it is not on the leadership agenda.',
      'Delegated to Communications or an agency; leaders sign off posts they never see live.',
      'One or two leaders try it themselves; a sponsor backs a pilot.',
      'The leadership team takes part visibly and owns social outcomes together.',
      'Leaders listen and talk with staff and users every week; strategy is shaped in the open.',
    ],
    prompts: [
      'Who in this room posted, replied or listened on a social channel last month, in person?',
      'If our agency stopped tomorrow, who would own the conversation?',
    ],
    enabler: true,
  },
  {
    key: 'brand',
    name: 'Brand positioning & voice',
    left: 'The voice is outsourced and the feed is a sales pitch; distance dilutes the brand.',
    right: 'A socially relevant brand with one simple, compelling truth, told in its own voice.',
    descriptors: [
      'No social voice of our own; the brand is what the ads say.',
      'An agency or a style guide speaks for us; posts read like adverts.',
      'Some teams find a more human tone, but the voice differs by channel.',
      'A recognisable voice of our own, used by the people who know the subject.',
      'The brand is what people experience talking with us; users carry the story further.',
    ],
    prompts: [
      'In one sentence, what is the simple truth of our brand that people would repeat?',
      'Who actually writes what goes out in our name?',
    ],
    enabler: false,
  },
  {
    key: 'conversation',
    name: 'Conversation & inbound communication',
    left: '"Heaven help anyone who wants actual conversation": campaigns with pre-set results and a fleeting presence.',
    right: 'Sustained, real-time, two-way conversation; what comes in is welcomed and acted on.',
    descriptors: [
      'Messages in are not read, or are routed to a generic inbox.',
      'We post and move on; replies are rare, slow or scripted.',
      'Some channels answer within a day; good ideas from outside reach someone by luck.',
      'We reply fast and personally, and what we hear is fed back into decisions.',
      'Conversation runs through the business; users shape products and services with us.',
    ],
    prompts: [
      'What happened to the last three things a customer told us in public?',
      'How long does a question to us wait for a human answer?',
    ],
    enabler: false,
  },
  {
    key: 'content',
    name: 'Content & storytelling',
    left: 'Channel first, with nothing interesting to say; the pitch is the content.',
    right: 'Social content: stories and content management that start conversations.',
    descriptors: [
      'We have nothing to publish beyond product news.',
      'Content is a calendar of campaign assets pushed to every channel alike.',
      'Some stories from real people and work get shared and spark replies.',
      'An editorial rhythm built around what our users care about, with many contributors.',
      'Users, staff and partners co-create the stories; content is a reason to talk.',
    ],
    prompts: [
      'What have we published in the last quarter that someone forwarded without being asked?',
      'Where do our stories come from today?',
    ],
    enabler: false,
  },
  {
    key: 'community',
    name: 'Community & participation',
    left: 'An audience to reach; us and them; customers are rows of abstracted data.',
    right: 'User participation and communities of influence; growth that is distributed and shared.',
    descriptors: [
      'Customers are a target audience; there is no place for them to meet us or each other.',
      'We count followers and reach; the community is a broadcast list.',
      'A forum, group or ambassador scheme exists and a few people are active.',
      'We host and serve communities that help each other and influence what we do.',
      'Networks of users grow the business with us; participation is part of the offer.',
    ],
    prompts: [
      'Name a group of users who would speak up for us without being paid. Do we know them?',
      'What would a customer gain by joining in with us, beyond a discount?',
    ],
    enabler: false,
  },
  {
    key: 'ways-of-working',
    name: 'Ways of working & business model',
    left: 'The "middle third" slows decisions; silos of specialists and a process mindset.',
    right: 'Lean, agile and cross-functional with minimal slack; the business model itself evolves.',
    descriptors: [
      'Social has no place in how work is organised or decided.',
      'Social is a step at the end of a campaign process, approved up and down the hierarchy.',
      'A cross-functional task force or pilot team works faster than the rest.',
      'Teams across functions act on what they hear within days, without escalation.',
      'The organisation is a network; decisions and new business models form around users in real time.',
    ],
    prompts: [
      'How many sign-offs does a reply to a public complaint need today?',
      'Which layer of management would feel most threatened by working in the open?',
    ],
    enabler: true,
  },
  {
    key: 'people',
    name: 'People, culture & skills',
    left: 'Staff are not trusted to speak; conversation is controlled.',
    right: 'Social skills across the organisation, built on trust; HR develops networked people.',
    descriptors: [
      'Policy forbids or discourages staff from speaking about work in public.',
      'Only the social team may speak; everyone else is told to stay out of it.',
      'Some staff are trained and encouraged; trust depends on the manager.',
      'Most people have the skills and permission to represent us; HR hires and grows for it.',
      'Trust is the default; a networked culture is part of how people are recruited, valued and led.',
    ],
    prompts: [
      'What would happen to an employee who answered a customer on their own account tonight?',
      'Which skills would our people need to speak for us with confidence?',
    ],
    enabler: true,
  },
  {
    key: 'technology',
    name: 'Technology & data',
    left: 'Tools first, chasing the latest platform; a too-technical approach to data.',
    right: 'Enterprise technology that connects people; data used to get closer to users.',
    descriptors: [
      'No tools beyond personal accounts; data about users sits in separate systems.',
      'The newest platforms are adopted for their own sake; data is exported into reports nobody acts on.',
      'Some shared tools for listening and publishing; data starts to inform a few teams.',
      'Connected tools let anyone find an answer or an expert; data shows us what users need.',
      'Technology is the nervous system of a networked organisation; data deepens relationships, not just targeting.',
    ],
    prompts: [
      'Which tool did we adopt last because it was new rather than because someone needed it?',
      'Who can see what our users said yesterday?',
    ],
    enabler: false,
  },
  {
    key: 'insight',
    name: 'Insight & measurement',
    left: 'Social must show an immediate campaign return.',
    right: 'New business benchmarks: relationships, influence, community strength and productivity, measured together.',
    descriptors: [
      'Nothing social is measured, or nobody looks at it.',
      'Reach, likes and campaign ROI, judged against targets set in advance.',
      'Some user research and listening; a few relationship measures are tracked.',
      'User-centric research guides decisions; relationship and community measures sit beside revenue.',
      'Relationships, influence, community strength and productivity are benchmarks of the business itself.',
    ],
    prompts: [
      'Would we judge our meetings by the return we demand of social media?',
      'Which number, if it moved, would prove we are more social a year from now?',
    ],
    enabler: false,
  },
  {
    key: 'commerce',
    name: 'Commerce & value exchange',
    left: 'Automated transactions only; the customer is a basket.',
    right: 'People connect where they buy and "buy in" to the business; human business principles at the core.',
    descriptors: [
      'Buying from us is a transaction with no human contact.',
      'Social is used to drive traffic to the shop and nothing else.',
      'Some purchases come with advice, reviews or contact with real people.',
      'Customers talk with us and each other where they buy; their feedback shapes the offer.',
      'Customers buy into the business, not just the product; value is shared in both directions.',
    ],
    prompts: [
      'Where in the buying journey can a customer talk to a person who knows the product?',
      'What would make a customer feel they are part of our business?',
    ],
    enabler: false,
  },
];

export const DEFAULT_TEMPLATE: CanvasTemplate = { stages: STAGES, dimensions: DEFAULT_DIMENSIONS };

/** Phases of a session, in order. */
export const PHASES = ['lobby', 'map', 'assess', 'prioritise', 'roadmap', 'export'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_INFO: Record<Phase, { title: string; prompt: string }> = {
  lobby: { title: 'Lobby', prompt: 'Join on your phone with the code on screen. No account needed.' },
  map: {
    title: 'Map today',
    prompt: 'Write how we work today, one practice per card, and place it honestly: which dimension, which stage?',
  },
  assess: {
    title: 'Assess',
    prompt: 'For each dimension: where are we now, and where should we be in 12 to 18 months?',
  },
  prioritise: {
    title: 'Prioritise',
    prompt: 'Spend your votes on what to change first. Name what stands in the way as barrier cards.',
  },
  roadmap: {
    title: 'Roadmap',
    prompt: 'Our migration roadmap: agree owners and how we will know each step worked.',
  },
  export: { title: 'Export', prompt: 'Take the roadmap with you: it downloads as one markdown file.' },
};

/** Suggested barrier texts, from the objections the article names. */
export const BARRIER_SUGGESTIONS: readonly string[] = [
  'No time',
  'Too busy with day-to-day',
  'Cannot see the operational benefit',
  'We do not trust staff to speak for us',
  'The agency owns our voice',
  'Too many sign-offs',
  'No budget for it',
];

export function stageName(level: number): string {
  return STAGES[level - 1]?.name ?? `Stage ${level}`;
}

/** Makes a key from a dimension name a facilitator typed: stable, url-safe, unique among `taken`. */
export function dimensionKey(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'dimension';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}
