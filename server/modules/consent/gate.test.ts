import { describe, expect, it } from 'vitest';
import { consentPurposes, type ConsentPurpose } from '../../../common/consent-purposes.ts';
import type { RefusalCode, ShareFieldGroup } from '../../../common/consent.ts';
import {
  mayShare,
  refusalMessages,
  type GateConsent,
  type GateLegalBasis,
  type GateRecipient,
  type ShareQuestion,
} from './gate.ts';

const now = new Date('2026-03-01T12:00:00Z');
const before = new Date('2026-02-01T12:00:00Z');
const person = { id: '00000000-0000-4000-8000-000000000001' };
const elsewhere = '00000000-0000-4000-8000-0000000000ff';
const consentId = '00000000-0000-4000-8000-0000000000c1';
const basisId = '00000000-0000-4000-8000-0000000000b1';

/** The four kinds of recipient: the society itself, a partner, another National Society, an authority. */
const recipients = {
  internal: {
    organisationId: '00000000-0000-4000-8000-00000000000a',
    kind: 'internal',
    protectiveRole: null,
  },
  external: {
    organisationId: '00000000-0000-4000-8000-00000000000b',
    kind: 'external',
    protectiveRole: null,
  },
  'national-society': {
    organisationId: '00000000-0000-4000-8000-00000000000c',
    kind: 'national-society',
    protectiveRole: null,
  },
  authority: {
    organisationId: '00000000-0000-4000-8000-00000000000d',
    kind: 'external',
    protectiveRole: 'police',
  },
} as const satisfies Record<string, GateRecipient>;
type RecipientType = keyof typeof recipients;

/** Which recipients each purpose can reach at all, written out rather than derived from the gate. */
const reaches: Record<ConsentPurpose, readonly RecipientType[]> = {
  services: ['internal'],
  referral: ['internal', 'external'],
  'cross-border': ['national-society'],
  'protective-referral': ['authority'],
  statistics: ['internal', 'external', 'national-society'],
  research: ['internal', 'external', 'national-society'],
};

const situations = [
  'consent given',
  'consent missing',
  'consent withdrawn',
  'consent expired',
  'wrong recipient',
  'fields beyond agreement',
  'basis pending',
  'basis approved',
] as const;
type Situation = (typeof situations)[number];

const agreed: ShareFieldGroup[] = ['identity-minimal', 'case-summary'];

function consentFor(
  purpose: ConsentPurpose,
  recipient: GateRecipient,
  change: Partial<GateConsent> = {},
): GateConsent {
  return {
    id: consentId,
    purpose,
    decision: 'given',
    // Consent to services names no recipient; every other consent in the table names this one.
    recipientOrganisationId: purpose === 'services' ? null : recipient.organisationId,
    recipientServiceId: null,
    protectiveTarget: purpose === 'protective-referral' ? 'police' : null,
    fieldGroups: agreed,
    expiresAt: null,
    withdrawnAt: null,
    ...change,
  };
}

function basisFor(
  purpose: ConsentPurpose,
  recipient: GateRecipient,
  status: GateLegalBasis['status'],
): GateLegalBasis {
  return {
    id: basisId,
    kind: 'vital-interest',
    purpose,
    recipientOrganisationId: recipient.organisationId,
    recipientServiceId: null,
    protectiveTarget: purpose === 'protective-referral' ? 'police' : null,
    fieldGroups: agreed,
    status,
  };
}

function question(purpose: ConsentPurpose, type: RecipientType, situation: Situation): ShareQuestion {
  const recipient = recipients[type];
  const base = { person, recipient, purpose, fields: agreed, consents: [], legalBases: [], now };
  switch (situation) {
    case 'consent given':
      return { ...base, consents: [consentFor(purpose, recipient)] };
    case 'consent missing':
      return base;
    case 'consent withdrawn':
      return { ...base, consents: [consentFor(purpose, recipient, { withdrawnAt: before })] };
    case 'consent expired':
      return { ...base, consents: [consentFor(purpose, recipient, { expiresAt: before })] };
    case 'wrong recipient':
      return { ...base, consents: [consentFor(purpose, recipient, { recipientOrganisationId: elsewhere })] };
    case 'fields beyond agreement':
      return { ...base, fields: ['case-summary', 'contact'], consents: [consentFor(purpose, recipient)] };
    case 'basis pending':
      return { ...base, legalBases: [basisFor(purpose, recipient, 'pending')] };
    case 'basis approved':
      return { ...base, legalBases: [basisFor(purpose, recipient, 'approved')] };
  }
}

/** What the gate must answer where the purpose can reach the recipient at all. */
const expected: Record<Situation, 'allowed-consent' | 'allowed-basis' | RefusalCode> = {
  'consent given': 'allowed-consent',
  'consent missing': 'no-consent',
  'consent withdrawn': 'consent-withdrawn',
  'consent expired': 'consent-expired',
  'wrong recipient': 'recipient-not-named',
  'fields beyond agreement': 'fields-beyond-agreement',
  'basis pending': 'basis-pending',
  'basis approved': 'allowed-basis',
};

const table = consentPurposes.flatMap((purpose) =>
  (Object.keys(recipients) as RecipientType[]).flatMap((type) =>
    situations.map((situation) => {
      const fits = reaches[purpose].includes(type);
      // Where the purpose cannot reach this recipient, every record is one that did not name it.
      const outcome = !fits && situation !== 'consent missing' ? 'recipient-not-named' : expected[situation];
      return { purpose, type, situation, outcome };
    }),
  ),
);

function outcomeOf(q: ShareQuestion): string {
  const decision = mayShare(q);
  if (decision.allowed) return 'consentId' in decision.basis ? 'allowed-consent' : 'allowed-basis';
  expect(decision.reason.message).toBe(refusalMessages[decision.reason.code]);
  return decision.reason.code;
}

describe('the sharing gate, as a table', () => {
  it('covers every purpose × recipient type × situation', () => {
    expect(table).toHaveLength(6 * 4 * 8);
  });

  it.each(table)('$purpose to $type with $situation: $outcome', ({ purpose, type, situation, outcome }) => {
    expect(outcomeOf(question(purpose, type, situation))).toBe(outcome);
  });
});

describe('the sharing gate, beyond the table', () => {
  const referral = (change: Partial<ShareQuestion> = {}): ShareQuestion => ({
    ...question('referral', 'external', 'consent missing'),
    ...change,
  });

  it('answers with the consent or the basis it allowed on', () => {
    expect(mayShare(question('referral', 'external', 'consent given'))).toEqual({
      allowed: true,
      basis: { consentId },
    });
    expect(mayShare(question('referral', 'external', 'basis approved'))).toEqual({
      allowed: true,
      basis: { legalBasisId: basisId },
    });
  });

  it('refuses on a refused basis, and treats a refusal of consent as no consent', () => {
    const refusedBasis = basisFor('referral', recipients.external, 'refused');
    expect(outcomeOf(referral({ legalBases: [refusedBasis] }))).toBe('basis-refused');
    const refused = consentFor('referral', recipients.external, { decision: 'refused', fieldGroups: [] });
    expect(outcomeOf(referral({ consents: [refused] }))).toBe('no-consent');
  });

  it('counts consent to full identity as covering the minimal identity, but not the reverse', () => {
    const full = consentFor('referral', recipients.external, { fieldGroups: ['identity'] });
    expect(outcomeOf(referral({ consents: [full], fields: ['identity-minimal'] }))).toBe('allowed-consent');
    const minimal = consentFor('referral', recipients.external, { fieldGroups: ['identity-minimal'] });
    expect(outcomeOf(referral({ consents: [minimal], fields: ['identity'] }))).toBe(
      'fields-beyond-agreement',
    );
  });

  it('ignores consent to another purpose', () => {
    const research = consentFor('research', recipients.external);
    expect(outcomeOf(referral({ consents: [research] }))).toBe('no-consent');
  });

  it('names the reason that tells staff what to do when several records fail differently', () => {
    const old = consentFor('referral', recipients.external, {
      withdrawnAt: before,
      fieldGroups: ['identity', 'contact'],
    });
    const current = consentFor('referral', recipients.external, {
      id: elsewhere,
      fieldGroups: ['case-summary'],
    });
    expect(outcomeOf(referral({ consents: [old, current], fields: ['contact'] }))).toBe(
      'fields-beyond-agreement',
    );
    const pending = basisFor('referral', recipients.external, 'pending');
    expect(outcomeOf(referral({ consents: [old], legalBases: [pending] }))).toBe('basis-pending');
  });

  it('stops a consent at the moment it is withdrawn or expires, not before', () => {
    const later = new Date('2026-04-01T00:00:00Z');
    expect(
      outcomeOf(
        referral({ consents: [consentFor('referral', recipients.external, { withdrawnAt: later })] }),
      ),
    ).toBe('allowed-consent');
    expect(
      outcomeOf(referral({ consents: [consentFor('referral', recipients.external, { expiresAt: now })] })),
    ).toBe('consent-expired');
  });

  it('holds a consent naming a service to that service only', () => {
    const service = '00000000-0000-4000-8000-0000000000e1';
    const consent = consentFor('referral', recipients.external, { recipientServiceId: service });
    const to = (serviceId: string | null) =>
      referral({ consents: [consent], recipient: { ...recipients.external, serviceId } });
    expect(outcomeOf(to(service))).toBe('allowed-consent');
    expect(outcomeOf(to(elsewhere))).toBe('recipient-not-named');
    expect(outcomeOf(to(null))).toBe('recipient-not-named');
  });

  it('sends a protective referral only to the authority the person chose', () => {
    const toPolice = consentFor('protective-referral', recipients.authority);
    const nrm = { ...recipients.authority, protectiveRole: 'nrm' as const };
    const base = question('protective-referral', 'authority', 'consent missing');
    expect(
      outcomeOf({ ...base, consents: [{ ...toPolice, recipientOrganisationId: null }], recipient: nrm }),
    ).toBe('recipient-not-named');
    expect(outcomeOf({ ...base, consents: [{ ...toPolice, recipientOrganisationId: null }] })).toBe(
      'allowed-consent',
    );
  });

  it('refuses a share of no data at all', () => {
    expect(outcomeOf(referral({ consents: [consentFor('referral', recipients.external)], fields: [] }))).toBe(
      'fields-beyond-agreement',
    );
  });
});
