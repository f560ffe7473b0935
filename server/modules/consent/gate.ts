import type { ConsentPurpose } from '../../../common/consent-purposes.ts';
import {
  groupCovers,
  type LegalBasisKind,
  type ProtectiveTarget,
  type RefusalCode,
  type ShareDecision,
  type ShareFieldGroup,
} from '../../../common/consent.ts';
import type { OrganisationKind } from '../../../common/directory.ts';

/** Whom a share would go to: an organisation of the registry (and maybe one of its services), as loaded. */
export type GateRecipient = {
  organisationId: string;
  serviceId?: string | null | undefined;
  kind: OrganisationKind;
  protectiveRole?: ProtectiveTarget | null | undefined;
};

/** What a recorded consent says, as the gate needs it. */
export type GateConsent = {
  id: string;
  purpose: ConsentPurpose;
  decision: 'given' | 'refused';
  recipientOrganisationId: string | null;
  recipientServiceId: string | null;
  protectiveTarget: ProtectiveTarget | null;
  fieldGroups: readonly ShareFieldGroup[];
  expiresAt: Date | null;
  withdrawnAt: Date | null;
};

/** What a documented legal basis says, as the gate needs it. */
export type GateLegalBasis = {
  id: string;
  kind: LegalBasisKind;
  purpose: ConsentPurpose;
  recipientOrganisationId: string | null;
  recipientServiceId: string | null;
  protectiveTarget: ProtectiveTarget | null;
  fieldGroups: readonly ShareFieldGroup[];
  status: 'pending' | 'approved' | 'refused';
};

/** Everything the gate decides on: it reads nothing else, so it is tested as a table. */
export type ShareQuestion = {
  person: { id: string };
  recipient: GateRecipient;
  purpose: ConsentPurpose;
  fields: readonly ShareFieldGroup[];
  consents: readonly GateConsent[];
  legalBases: readonly GateLegalBasis[];
  now: Date;
};

/** The refusal reasons in plain words, safe to show to staff. */
export const refusalMessages: Record<RefusalCode, string> = {
  'no-consent': 'The person has not agreed to this purpose, and no other basis is recorded.',
  'recipient-not-named': 'The person agreed to share with someone else: this recipient is not the one named.',
  'fields-beyond-agreement': 'This would share more than the person agreed to share.',
  'consent-withdrawn': 'The person withdrew their consent.',
  'consent-expired': 'The person’s consent has expired: ask them again.',
  'basis-pending': 'The basis for sharing is waiting for approval.',
  'basis-refused': 'The basis for sharing was refused.',
};

/**
 * Which kinds of recipient each purpose can reach. Consent to services covers this society only; a cross-border
 * transfer goes to another National Society; a protective referral to an authority with that protective role.
 */
export const recipientKinds: Record<ConsentPurpose, readonly OrganisationKind[]> = {
  services: ['internal'],
  referral: ['internal', 'external'],
  'cross-border': ['national-society'],
  'protective-referral': ['external'],
  statistics: ['internal', 'external', 'national-society'],
  research: ['internal', 'external', 'national-society'],
};

// The more a refusal tells staff what to do next, the higher it ranks when several records fail differently.
const rank: Record<RefusalCode, number> = {
  'no-consent': 0,
  'recipient-not-named': 1,
  'consent-expired': 2,
  'consent-withdrawn': 2,
  'fields-beyond-agreement': 3,
  'basis-refused': 4,
  'basis-pending': 5,
};

type Scope = Pick<
  GateConsent,
  'recipientOrganisationId' | 'recipientServiceId' | 'protectiveTarget' | 'fieldGroups'
>;

/**
 * Whether a recipient of this kind can receive for this purpose at all. An authority (an organisation with a
 * protective role) receives under a protective referral only, so that no other consent ever reaches the police.
 */
export function recipientFits(
  purpose: ConsentPurpose,
  recipient: Pick<GateRecipient, 'kind' | 'protectiveRole'>,
): boolean {
  if (!recipientKinds[purpose].includes(recipient.kind)) return false;
  const authority = recipient.protectiveRole !== null && recipient.protectiveRole !== undefined;
  return authority === (purpose === 'protective-referral');
}

function namesRecipient(scope: Scope, purpose: ConsentPurpose, recipient: GateRecipient): boolean {
  if (!recipientFits(purpose, recipient)) return false;
  if (purpose === 'protective-referral' && recipient.protectiveRole !== scope.protectiveTarget) return false;
  if (scope.recipientOrganisationId !== null && scope.recipientOrganisationId !== recipient.organisationId)
    return false;
  return scope.recipientServiceId === null || scope.recipientServiceId === recipient.serviceId;
}

function coversFields(scope: Scope, fields: readonly ShareFieldGroup[]): boolean {
  return fields.every((wanted) => scope.fieldGroups.some((agreed) => groupCovers(agreed, wanted)));
}

function judgeConsent(c: GateConsent, q: ShareQuestion): RefusalCode | undefined {
  if (!namesRecipient(c, q.purpose, q.recipient)) return 'recipient-not-named';
  if (c.withdrawnAt !== null && c.withdrawnAt <= q.now) return 'consent-withdrawn';
  if (c.expiresAt !== null && c.expiresAt <= q.now) return 'consent-expired';
  if (!coversFields(c, q.fields)) return 'fields-beyond-agreement';
  return undefined;
}

function judgeBasis(b: GateLegalBasis, q: ShareQuestion): RefusalCode | undefined {
  if (!namesRecipient(b, q.purpose, q.recipient)) return 'recipient-not-named';
  if (!coversFields(b, q.fields)) return 'fields-beyond-agreement';
  if (b.status === 'pending') return 'basis-pending';
  if (b.status === 'refused') return 'basis-refused';
  return undefined;
}

function refuse(code: RefusalCode): ShareDecision {
  return { allowed: false, reason: { code, message: refusalMessages[code] } };
}

/**
 * THE sharing gate (standards DP-03): may this person's data (these field groups) go to this recipient for this
 * purpose? Allowed on a matching consent the person gave, that is neither withdrawn nor expired and covers every
 * field group; or on an approved legal basis naming the same. Otherwise refused with the most useful reason. Pure:
 * the caller loads the records (server/modules/consent/share.service.ts `checkShare`) and audits the decision.
 * SECURITY: the only path by which personal data is released; change it only with its table test.
 */
export function mayShare(q: ShareQuestion): ShareDecision {
  if (q.fields.length === 0) return refuse('fields-beyond-agreement');
  let best: RefusalCode = 'no-consent';
  const consider = (code: RefusalCode) => {
    if (rank[code] > rank[best]) best = code;
  };
  for (const c of q.consents) {
    if (c.purpose !== q.purpose || c.decision !== 'given') continue;
    const code = judgeConsent(c, q);
    if (code === undefined) return { allowed: true, basis: { consentId: c.id } };
    consider(code);
  }
  for (const b of q.legalBases) {
    if (b.purpose !== q.purpose) continue;
    const code = judgeBasis(b, q);
    if (code === undefined) return { allowed: true, basis: { legalBasisId: b.id } };
    consider(code);
  }
  return refuse(best);
}
