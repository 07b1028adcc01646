/**
 * The kind of organisation a workshop is for, and the words that follow from it:
 * who it serves by default, and what those people do with it ("buy from us",
 * "give to us"). The roadmap speaks in these words and never in another kind's
 * (no "customers" for a charity, no "buy" for a public body). Pure data, small:
 * the console's creation form and Settings read it too.
 */
export const ORGANISATION_KINDS = ['company', 'public-body', 'charity', 'membership', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface KindWords {
  /** As the console lists it. */
  label: string;
  /** Who it serves, when the facilitator has not said otherwise. */
  serves: string;
  /** What they do with the organisation, after "where they" / "how {serves}": "buy from us". */
  act: string;
}

export const KIND_WORDS: Readonly<Record<OrganisationKind, KindWords>> = {
  company: { label: 'Company', serves: 'customers', act: 'buy from us' },
  'public-body': { label: 'Public body', serves: 'residents', act: 'use our services' },
  charity: { label: 'Charity', serves: 'supporters', act: 'give to us or volunteer' },
  membership: { label: 'Membership body', serves: 'members', act: 'join or renew' },
  other: { label: 'Other', serves: 'the people we serve', act: 'come to us' },
};

export const isOrganisationKind = (v: unknown): v is OrganisationKind =>
  typeof v === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(v);

/** A board stored before the setting existed reads as "other": words that fit any organisation. */
export const kindOf = (v: unknown): OrganisationKind => (isOrganisationKind(v) ? v : 'other');
