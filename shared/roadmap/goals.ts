/**
 * A business goal for each initiative, proposed from the kind of organisation and
 * what the dimension's work moves: the cost of serving people, keeping them, or how
 * fast the organisation acts on what it hears. A proposal, said as one: the room's
 * own goal replaces it. Never names anything but who the organisation serves.
 */
import { kindOf, type OrganisationKind } from '../domain/organisation.ts';

type Lever = 'service' | 'keeping' | 'deciding';

const LEVER: Readonly<Record<string, Lever>> = {
  conversation: 'service',
  'ways-of-working': 'service',
  technology: 'service',
  leadership: 'deciding',
  people: 'deciding',
  insight: 'deciding',
};

const GOALS: Readonly<Record<OrganisationKind, Record<Lever, string>>> = {
  company: {
    service: 'lower the cost of handling complaints and questions from {serves}',
    keeping: 'keep more {serves} (retention and repeat business)',
    deciding: 'act sooner on what {serves} tell us',
  },
  'public-body': {
    service: 'lower the cost of handling enquiries and complaints, and the repeat contacts',
    keeping: 'raise trust in our services among {serves}',
    deciding: 'act sooner on what {serves} tell us',
  },
  charity: {
    service: 'spend less staff time answering {serves}, and answer them better',
    keeping: 'keep more {serves} involved with us year on year',
    deciding: 'act sooner on what {serves} tell us',
  },
  membership: {
    service: 'lower the cost of handling queries from {serves}',
    keeping: 'keep more {serves}: renewals',
    deciding: 'act sooner on what {serves} tell us',
  },
  other: {
    service: 'lower the cost of handling questions and complaints',
    keeping: 'keep more of {serves} coming back',
    deciding: 'act sooner on what {serves} tell us',
  },
};

/** "Keep more supporters giving or volunteering year on year." */
export function proposedGoal(kind: unknown, dimension: string, serves: string): string {
  const text = GOALS[kindOf(kind)][LEVER[dimension] ?? 'keeping'].replace(/\{serves\}/g, serves);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
