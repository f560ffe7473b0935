import type { ConsentPurpose } from '../../../../common/consent-purposes.ts';
import {
  consentQualityFlags,
  type GivenBy,
  type InformationPoint,
  type ProtectiveTarget,
  type QualityFlag,
  type ShareFieldGroup,
} from '../../../../common/consent.ts';

/** Why no guardian or representative was asked for a child's consent (the guardian may be involved). */
export type GuardianNotAskedReason = NonNullable<
  Extract<GivenBy, { by: 'child-assent' }>['guardianNotAskedReason']
>;

/** The guided consent form's answers so far; `null` means not answered yet. */
export type ConsentDraft = {
  purpose: ConsentPurpose | null;
  decision: 'given' | 'refused';
  recipientOrganisationId: string;
  recipientServiceId: string;
  protectiveTarget: ProtectiveTarget | null;
  givenBy: GivenBy['by'];
  adultConsent: 'guardian' | 'appointed-representative' | 'not-asked';
  guardianNotAskedReason: GuardianNotAskedReason | null;
  method: 'verbal' | 'written' | null;
  language: string;
  interpreterUsed: boolean | null;
  interpreterIndependent: boolean | null;
  personAlone: boolean | null;
  informationPoints: InformationPoint[];
  fieldGroups: ShareFieldGroup[];
  /** The last day the consent holds (YYYY-MM-DD), or '' for no expiry. */
  expiresOn: string;
};

/** The steps of the guided form, in order. */
export type ConsentStep =
  'purpose' | 'recipient' | 'givenBy' | 'how' | 'information' | 'data' | 'expiry' | 'review';

/** A new draft: a child is presumed to give assent (PRODUCT.md: when age is uncertain, presume a child). */
export function newConsentDraft(options: { presumedChild: boolean; language: string }): ConsentDraft {
  return {
    purpose: null,
    decision: 'given',
    recipientOrganisationId: '',
    recipientServiceId: '',
    protectiveTarget: null,
    givenBy: options.presumedChild ? 'child-assent' : 'person',
    adultConsent: 'guardian',
    guardianNotAskedReason: null,
    method: null,
    language: options.language,
    interpreterUsed: null,
    interpreterIndependent: null,
    personAlone: null,
    informationPoints: [],
    fieldGroups: [],
    expiresOn: '',
  };
}

/** Whether a purpose names its recipient: a referral, a cross-border transfer, a protective referral. */
export function namesRecipient(purpose: ConsentPurpose | null): boolean {
  return purpose === 'referral' || purpose === 'cross-border' || purpose === 'protective-referral';
}

/** The steps this draft goes through: no recipient where the purpose names none, no data for a refusal. */
export function stepsFor(draft: ConsentDraft): ConsentStep[] {
  return [
    'purpose',
    ...(namesRecipient(draft.purpose) ? (['recipient'] as const) : []),
    'givenBy',
    'how',
    'information',
    ...(draft.decision === 'given' ? (['data', 'expiry'] as const) : []),
    'review',
  ];
}

/** The consent as the API takes it (checked afterwards with the shared schema). */
export function draftToBody(draft: ConsentDraft): Record<string, unknown> {
  const givenBy =
    draft.givenBy === 'child-assent'
      ? {
          by: 'child-assent',
          adultConsent: draft.adultConsent,
          ...(draft.adultConsent === 'not-asked' && draft.guardianNotAskedReason
            ? { guardianNotAskedReason: draft.guardianNotAskedReason }
            : {}),
        }
      : { by: draft.givenBy };
  const named = namesRecipient(draft.purpose);
  return {
    purpose: draft.purpose,
    decision: draft.decision,
    ...(named && draft.recipientOrganisationId
      ? { recipientOrganisationId: draft.recipientOrganisationId }
      : {}),
    ...(named && draft.recipientServiceId ? { recipientServiceId: draft.recipientServiceId } : {}),
    ...(draft.purpose === 'protective-referral' && draft.protectiveTarget
      ? { protectiveTarget: draft.protectiveTarget }
      : {}),
    fieldGroups: draft.decision === 'given' ? draft.fieldGroups : [],
    givenBy,
    method: draft.method,
    language: draft.language,
    interpreter: draft.interpreterUsed
      ? { used: true, independent: draft.interpreterIndependent }
      : { used: false },
    personAlone: draft.personAlone,
    informationPoints: draft.informationPoints,
    ...(draft.decision === 'given' && draft.expiresOn
      ? { expiresAt: new Date(`${draft.expiresOn}T23:59:59`).toISOString() }
      : {}),
  };
}

/** What is still missing before leaving a step, by key of the consent strings' `missing` texts. */
export function missingAt(step: ConsentStep, draft: ConsentDraft, today: string): string[] {
  const missing: string[] = [];
  switch (step) {
    case 'purpose':
      if (!draft.purpose) missing.push('purpose');
      break;
    case 'recipient':
      if (draft.purpose === 'protective-referral' && !draft.protectiveTarget)
        missing.push('protectiveTarget');
      if (
        draft.purpose !== 'protective-referral' &&
        draft.decision === 'given' &&
        !draft.recipientOrganisationId
      )
        missing.push('recipient');
      break;
    case 'givenBy':
      if (
        draft.givenBy === 'child-assent' &&
        draft.adultConsent === 'not-asked' &&
        !draft.guardianNotAskedReason
      )
        missing.push('guardianNotAskedReason');
      break;
    case 'how':
      if (!draft.method) missing.push('method');
      if (!/^[a-z]{2,3}$/.test(draft.language)) missing.push('language');
      if (draft.interpreterUsed === null) missing.push('interpreter');
      if (draft.interpreterUsed && draft.interpreterIndependent === null)
        missing.push('interpreterIndependent');
      if (draft.personAlone === null) missing.push('personAlone');
      break;
    case 'data':
      if (draft.fieldGroups.length === 0) missing.push('fieldGroups');
      break;
    case 'expiry':
      if (draft.expiresOn && draft.expiresOn < today) missing.push('expiry');
      break;
    case 'information':
    case 'review':
      break;
  }
  return missing;
}

/** The quality flags the consent will carry, shown as warnings while the form is filled in (never a block). */
export function draftQualityFlags(draft: ConsentDraft, presumedChild: boolean): QualityFlag[] {
  // A question not answered yet raises no warning; the step itself asks for it.
  const interpreter = draft.interpreterUsed
    ? { used: true as const, independent: draft.interpreterIndependent !== false }
    : { used: false as const };
  return consentQualityFlags(
    {
      personAlone: draft.personAlone !== false,
      interpreter,
      informationPoints: draft.informationPoints,
      givenBy: draftToBody(draft).givenBy as GivenBy,
    },
    presumedChild,
  );
}

/** The field of the form (a `missing` key) a server field error names, and the step that asks it. */
export function placeOfServerField(path: string): { step: ConsentStep; field: string } | undefined {
  const field = path.replace(/^body\./, '').split('.')[0] ?? '';
  switch (field) {
    case 'purpose':
    case 'decision':
      return { step: 'purpose', field: 'purpose' };
    case 'recipientOrganisationId':
    case 'recipientServiceId':
      return { step: 'recipient', field: 'recipient' };
    case 'protectiveTarget':
      return { step: 'recipient', field: 'protectiveTarget' };
    case 'givenBy':
      return { step: 'givenBy', field: 'guardianNotAskedReason' };
    case 'method':
    case 'language':
    case 'personAlone':
      return { step: 'how', field };
    case 'interpreter':
      return { step: 'how', field: 'interpreter' };
    case 'informationPoints':
      return { step: 'information', field: 'informationPoints' };
    case 'fieldGroups':
      return { step: 'data', field: 'fieldGroups' };
    case 'expiresAt':
    case 'givenAt':
      return { step: 'expiry', field: 'expiry' };
    default:
      return undefined;
  }
}
