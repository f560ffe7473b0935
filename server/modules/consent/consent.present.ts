import type { ConsentPurpose } from '../../../common/consent-purposes.ts';
import type {
  Consent,
  GivenBy,
  InformationPoint,
  LegalBasis,
  LegalBasisKind,
  ProtectiveTarget,
  QualityFlag,
  ShareFieldGroup,
} from '../../../common/consent.ts';
import type { GateConsent, GateLegalBasis } from './gate.ts';
import type { ConsentRow } from './consent.store.ts';
import type { LegalBasisRow } from './legal-basis.store.ts';

// Rows hold codes the migration's checks already restrict to these lists; the casts name them for TypeScript.
const purposeOf = (row: { purpose: string }) => row.purpose as ConsentPurpose;
const groupsOf = (row: { field_groups: string[] }) => row.field_groups as ShareFieldGroup[];
const targetOf = (row: { protective_target: string | null }) =>
  row.protective_target as ProtectiveTarget | null;

function givenBy(row: ConsentRow): GivenBy {
  if (row.given_by !== 'child-assent') return { by: row.given_by as 'person' | 'guardian' };
  return {
    by: 'child-assent',
    adultConsent: row.adult_consent as 'guardian' | 'appointed-representative' | 'not-asked',
    ...(row.guardian_not_asked_reason === null
      ? {}
      : { guardianNotAskedReason: row.guardian_not_asked_reason as 'guardian-may-be-involved' }),
  };
}

/** Where a consent stands at `now`. */
export function consentStatus(row: ConsentRow, now: Date): Consent['status'] {
  if (row.decision === 'refused') return 'refused';
  if (row.withdrawn_at !== null && row.withdrawn_at <= now) return 'withdrawn';
  if (row.expires_at !== null && row.expires_at <= now) return 'expired';
  return 'active';
}

/** A consent row as the API shows it. */
export function presentConsent(row: ConsentRow, now: Date): Consent {
  return {
    id: row.id,
    personId: row.person_id,
    purpose: purposeOf(row),
    decision: row.decision,
    recipientOrganisationId: row.recipient_organisation_id,
    recipientServiceId: row.recipient_service_id,
    protectiveTarget: targetOf(row),
    fieldGroups: groupsOf(row),
    givenBy: givenBy(row),
    givenAt: row.given_at.toISOString(),
    method: row.method as 'verbal' | 'written',
    language: row.language,
    interpreter: { used: row.interpreter_used, independent: row.interpreter_independent },
    personAlone: row.person_alone,
    informationPoints: row.information_points as InformationPoint[],
    qualityFlags: row.quality_flags as QualityFlag[],
    expiresAt: row.expires_at?.toISOString() ?? null,
    withdrawal:
      row.withdrawn_at === null
        ? null
        : { at: row.withdrawn_at.toISOString(), effect: row.withdrawal_effect as 'stop-future-sharing' },
    status: consentStatus(row, now),
    recordedBy: row.recorded_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** A legal basis row as the API shows it; `justification` only when it was decrypted (an audited read). */
export function presentLegalBasis(row: LegalBasisRow, justification: string | null): LegalBasis {
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind as LegalBasisKind,
    purpose: purposeOf(row),
    reason: row.reason as LegalBasis['reason'],
    recipientOrganisationId: row.recipient_organisation_id,
    recipientServiceId: row.recipient_service_id,
    protectiveTarget: targetOf(row),
    fieldGroups: groupsOf(row),
    justification,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    flaggedForDpo: row.dpo_reviewed_at === null,
    dpoReviewedAt: row.dpo_reviewed_at?.toISOString() ?? null,
    recordedBy: row.recorded_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** A consent row as the gate reads it. */
export function gateConsent(row: ConsentRow): GateConsent {
  return {
    id: row.id,
    purpose: purposeOf(row),
    decision: row.decision,
    recipientOrganisationId: row.recipient_organisation_id,
    recipientServiceId: row.recipient_service_id,
    protectiveTarget: targetOf(row),
    fieldGroups: groupsOf(row),
    expiresAt: row.expires_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** A legal basis row as the gate reads it. */
export function gateLegalBasis(row: LegalBasisRow): GateLegalBasis {
  return {
    id: row.id,
    kind: row.kind as LegalBasisKind,
    purpose: purposeOf(row),
    recipientOrganisationId: row.recipient_organisation_id,
    recipientServiceId: row.recipient_service_id,
    protectiveTarget: targetOf(row),
    fieldGroups: groupsOf(row),
    status: row.status,
  };
}
