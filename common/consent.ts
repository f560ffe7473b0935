import { z } from 'zod';
import { ConsentPurpose } from './consent-purposes.ts';
import { ProtectiveRole } from './directory.ts';
import { LanguageCode } from './people.ts';

/**
 * The groups of data a person may agree to share, and that a share names. `identity-minimal` is the "known as"
 * name and the pseudonymous code only; `identity` includes it. `case-summary` is the case's non-identity content.
 */
export const ShareFieldGroup = z.enum([
  'identity-minimal',
  'identity',
  'contact',
  'documents',
  'special',
  'case-summary',
]);
/** A group of data a person may agree to share. */
export type ShareFieldGroup = z.infer<typeof ShareFieldGroup>;

/** Whether agreeing to `agreed` covers sharing `wanted` (agreeing to full identity covers the minimal one). */
export function groupCovers(agreed: ShareFieldGroup, wanted: ShareFieldGroup): boolean {
  return agreed === wanted || (agreed === 'identity' && wanted === 'identity-minimal');
}

/** The authorities a protective referral goes to, at the person's own wish (PRODUCT.md "Authorities"). */
export const ProtectiveTarget = ProtectiveRole;
/** The authorities a protective referral goes to. */
export type ProtectiveTarget = ProtectiveRole;

/** The seven information points of HTCDS `con_Consent` (indicators.md §3.3), by code. */
export const InformationPoint = z.enum([
  'consents-to-interview',
  'purpose-explained',
  'uses-of-data',
  'research-use',
  'may-request-own-data',
  'storage-period',
  'how-to-withdraw',
]);
/** One of the seven information points. */
export type InformationPoint = z.infer<typeof InformationPoint>;

/** Who gave consent: the person; a guardian; or a child's assent (with an adult's consent, or why none). */
export const GivenBy = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('person') }),
  z.strictObject({ by: z.literal('guardian') }),
  z
    .strictObject({
      by: z.literal('child-assent'),
      adultConsent: z.enum(['guardian', 'appointed-representative', 'not-asked']),
      // Asking a guardian may endanger the child (the guardian may be involved): the reason is recorded instead.
      guardianNotAskedReason: z
        .enum([
          'guardian-may-be-involved',
          'guardian-unreachable',
          'unaccompanied-no-representative-yet',
          'asking-would-endanger-child',
        ])
        .optional(),
    })
    .refine((g) => (g.adultConsent === 'not-asked') === (g.guardianNotAskedReason !== undefined), {
      message: 'Give the reason exactly when no guardian or representative was asked.',
      path: ['guardianNotAskedReason'],
    }),
]);
/** Who gave consent. */
export type GivenBy = z.infer<typeof GivenBy>;

/** Why a consent needs the focal point's look: how it was given, not whether it is valid. */
export const QualityFlag = z.enum([
  'not-alone',
  'interpreter-not-independent',
  'information-incomplete',
  'guardian-not-asked',
  'presumed-child-without-assent',
]);
/** Why a consent needs the focal point's look. */
export type QualityFlag = z.infer<typeof QualityFlag>;

/** What a person agreed to, or refused, for one purpose: recipient by id, the data, and how it was given. */
export const NewConsentBody = z
  .strictObject({
    purpose: ConsentPurpose,
    decision: z.enum(['given', 'refused']).default('given'),
    recipientOrganisationId: z.uuid().optional(),
    recipientServiceId: z.uuid().optional(),
    protectiveTarget: ProtectiveTarget.optional(),
    fieldGroups: z.array(ShareFieldGroup).max(6).default([]),
    givenBy: GivenBy,
    givenAt: z.iso.datetime({ offset: true }).optional(),
    method: z.enum(['verbal', 'written']),
    language: LanguageCode,
    interpreter: z.discriminatedUnion('used', [
      z.strictObject({ used: z.literal(false) }),
      z.strictObject({ used: z.literal(true), independent: z.boolean() }),
    ]),
    personAlone: z.boolean(),
    informationPoints: z.array(InformationPoint).max(7),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((body, ctx) => {
    const named = ['referral', 'cross-border'].includes(body.purpose);
    if (named && body.decision === 'given' && !body.recipientOrganisationId)
      ctx.addIssue({ code: 'custom', path: ['recipientOrganisationId'], message: 'Name the organisation.' });
    if (body.purpose === 'protective-referral' && !body.protectiveTarget)
      ctx.addIssue({ code: 'custom', path: ['protectiveTarget'], message: 'Say which authority.' });
    if (body.purpose !== 'protective-referral' && body.protectiveTarget)
      ctx.addIssue({
        code: 'custom',
        path: ['protectiveTarget'],
        message: 'Only for a protective referral.',
      });
    if (['services'].includes(body.purpose) && (body.recipientOrganisationId || body.recipientServiceId))
      ctx.addIssue({
        code: 'custom',
        path: ['recipientOrganisationId'],
        message: 'Consent to services covers this society only: it names no recipient.',
      });
    if (body.recipientServiceId && !body.recipientOrganisationId)
      ctx.addIssue({
        code: 'custom',
        path: ['recipientOrganisationId'],
        message: 'Name the service’s organisation.',
      });
    if (body.decision === 'given' && body.fieldGroups.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['fieldGroups'],
        message: 'Say which data the person agreed to share.',
      });
  });
/** POST /api/people/:personId/consents */
export type NewConsentBody = z.infer<typeof NewConsentBody>;

/** What a withdrawal asks: stop sharing from now on, or also ask recipients to delete what they received. */
export const WithdrawalEffect = z.enum(['stop-future-sharing', 'stop-and-delete-shared']);

/** POST /api/people/:personId/consents/:consentId/withdrawal */
export const WithdrawalBody = z.strictObject({
  effect: WithdrawalEffect.default('stop-and-delete-shared'),
  withdrawnAt: z.iso.datetime({ offset: true }).optional(),
});
/** POST /api/people/:personId/consents/:consentId/withdrawal */
export type WithdrawalBody = z.infer<typeof WithdrawalBody>;

/** A consent record as the case team sees it (no free text: every field is a code, an id or a date). */
export const Consent = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  purpose: ConsentPurpose,
  decision: z.enum(['given', 'refused']),
  recipientOrganisationId: z.uuid().nullable(),
  recipientServiceId: z.uuid().nullable(),
  protectiveTarget: ProtectiveTarget.nullable(),
  fieldGroups: z.array(ShareFieldGroup),
  givenBy: GivenBy,
  givenAt: z.iso.datetime(),
  method: z.enum(['verbal', 'written']),
  language: z.string(),
  interpreter: z.object({ used: z.boolean(), independent: z.boolean().nullable() }),
  personAlone: z.boolean(),
  informationPoints: z.array(InformationPoint),
  qualityFlags: z.array(QualityFlag),
  expiresAt: z.iso.datetime().nullable(),
  withdrawal: z.object({ at: z.iso.datetime(), effect: WithdrawalEffect }).nullable(),
  status: z.enum(['active', 'refused', 'withdrawn', 'expired']),
  recordedBy: z.uuid(),
  createdAt: z.iso.datetime(),
});
/** A consent record. */
export type Consent = z.infer<typeof Consent>;

/** The answer of a withdrawal: the consent, and what followed from earlier shares. */
export const WithdrawalResult = z.object({
  consent: Consent,
  deletionRequests: z.array(
    z.object({ id: z.uuid(), recipientOrganisationId: z.uuid(), status: z.string() }),
  ),
  notifiedUsers: z.number().int(),
});
/** The answer of a withdrawal. */
export type WithdrawalResult = z.infer<typeof WithdrawalResult>;

/** The legal bases other than consent (DP-01); immigration enforcement is not a purpose that exists. */
export const LegalBasisKind = z.enum(['vital-interest', 'public-interest', 'legal-obligation']);
/** A legal basis other than consent. */
export type LegalBasisKind = z.infer<typeof LegalBasisKind>;

/** POST /api/people/:personId/legal-bases: where consent cannot be valid; the justification is encrypted. */
export const NewLegalBasisBody = z
  .strictObject({
    kind: LegalBasisKind,
    purpose: ConsentPurpose,
    reason: z.enum(['emergency', 'child-at-risk', 'unable-to-decide', 'legal-duty']),
    recipientOrganisationId: z.uuid().optional(),
    recipientServiceId: z.uuid().optional(),
    protectiveTarget: ProtectiveTarget.optional(),
    fieldGroups: z.array(ShareFieldGroup).min(1).max(6),
    justification: z.string().trim().min(10).max(4000),
  })
  .superRefine((body, ctx) => {
    if (body.recipientServiceId && !body.recipientOrganisationId)
      ctx.addIssue({
        code: 'custom',
        path: ['recipientOrganisationId'],
        message: 'Name the service’s organisation.',
      });
    if ((body.kind === 'legal-obligation') !== (body.reason === 'legal-duty'))
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'A legal duty goes with a legal obligation.',
      });
  });
/** POST /api/people/:personId/legal-bases */
export type NewLegalBasisBody = z.infer<typeof NewLegalBasisBody>;

/** POST /api/people/:personId/legal-bases/:legalBasisId/decision */
export const LegalBasisDecisionBody = z.strictObject({ decision: z.enum(['approved', 'refused']) });
/** POST /api/people/:personId/legal-bases/:legalBasisId/decision */
export type LegalBasisDecisionBody = z.infer<typeof LegalBasisDecisionBody>;

/** A documented legal basis: pending until the focal point (or, for a legal obligation, the DPO) decides. */
export const LegalBasis = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: LegalBasisKind,
  purpose: ConsentPurpose,
  reason: z.enum(['emergency', 'child-at-risk', 'unable-to-decide', 'legal-duty']),
  recipientOrganisationId: z.uuid().nullable(),
  recipientServiceId: z.uuid().nullable(),
  protectiveTarget: ProtectiveTarget.nullable(),
  fieldGroups: z.array(ShareFieldGroup),
  justification: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'refused']),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  flaggedForDpo: z.boolean(),
  dpoReviewedAt: z.iso.datetime().nullable(),
  recordedBy: z.uuid(),
  createdAt: z.iso.datetime(),
});
/** A documented legal basis. */
export type LegalBasis = z.infer<typeof LegalBasis>;

/** The person's consents and legal bases, newest first. */
export const ConsentOverview = z.object({ consents: z.array(Consent), legalBases: z.array(LegalBasis) });
/** The person's consents and legal bases. */
export type ConsentOverview = z.infer<typeof ConsentOverview>;

/** A recipient of a share, by registry id: never free text. */
export const ShareRecipient = z.strictObject({ organisationId: z.uuid(), serviceId: z.uuid().optional() });
/** A recipient of a share, by registry id. */
export type ShareRecipient = z.infer<typeof ShareRecipient>;

/** POST /api/people/:personId/share-check */
export const ShareCheckBody = z.strictObject({
  recipient: ShareRecipient,
  purpose: ConsentPurpose,
  fields: z.array(ShareFieldGroup).min(1).max(6),
});
/** POST /api/people/:personId/share-check */
export type ShareCheckBody = z.infer<typeof ShareCheckBody>;

/** Why the gate refused a share, by code. */
export const RefusalCode = z.enum([
  'no-consent',
  'recipient-not-named',
  'fields-beyond-agreement',
  'consent-withdrawn',
  'consent-expired',
  'basis-pending',
  'basis-refused',
]);
/** Why the gate refused a share, by code. */
export type RefusalCode = z.infer<typeof RefusalCode>;

/** The gate's answer: allowed on a consent or a legal basis, or refused with the reason in plain words. */
export const ShareDecision = z.discriminatedUnion('allowed', [
  z.object({
    allowed: z.literal(true),
    basis: z.union([z.object({ consentId: z.uuid() }), z.object({ legalBasisId: z.uuid() })]),
  }),
  z.object({ allowed: z.literal(false), reason: z.object({ code: RefusalCode, message: z.string() }) }),
]);
/** The gate's answer. */
export type ShareDecision = z.infer<typeof ShareDecision>;

/** Path parameters naming one consent of one person. */
export const ConsentParams = z.strictObject({ personId: z.uuid(), consentId: z.uuid() });
/** Path parameters naming one legal basis of one person. */
export const LegalBasisParams = z.strictObject({ personId: z.uuid(), legalBasisId: z.uuid() });
/** Path parameters naming one legal basis (the DPO's review). */
export const LegalBasisOnlyParams = z.strictObject({ legalBasisId: z.uuid() });

/** One legal basis in the DPO's review queue: the person by code only, with the justification to judge. */
export const LegalBasisReviewItem = LegalBasis.extend({ personCode: z.string() });
/** The DPO's review queue: bases flagged for review and legal obligations awaiting a decision. */
export const LegalBasisReviewPage = z.object({ items: z.array(LegalBasisReviewItem) });
/** The DPO's review queue. */
export type LegalBasisReviewPage = z.infer<typeof LegalBasisReviewPage>;

/**
 * The quality flags of a consent as it is recorded (PRODUCT.md "Consent is checked for quality"): recording is
 * allowed, and the focal point is shown why it needs a look. Pure, so the web form can warn while it is filled in.
 */
export function consentQualityFlags(
  body: Pick<NewConsentBody, 'personAlone' | 'interpreter' | 'informationPoints' | 'givenBy'>,
  presumedChild: boolean,
): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (!body.personAlone) flags.push('not-alone');
  if (body.interpreter.used && !body.interpreter.independent) flags.push('interpreter-not-independent');
  if (new Set(body.informationPoints).size < InformationPoint.options.length)
    flags.push('information-incomplete');
  if (body.givenBy.by === 'child-assent' && body.givenBy.adultConsent === 'not-asked')
    flags.push('guardian-not-asked');
  if (presumedChild && body.givenBy.by === 'person') flags.push('presumed-child-without-assent');
  return flags;
}

/** One consent in the focal points' quality queue, with the person's pseudonymous code only. */
export const FlaggedConsent = Consent.extend({ personCode: z.string() });
/** The focal points' quality queue: consents recorded with quality flags, newest first. */
export const FlaggedConsentPage = z.object({ items: z.array(FlaggedConsent) });
/** The focal points' quality queue. */
export type FlaggedConsentPage = z.infer<typeof FlaggedConsentPage>;

/** GET /api/people/:personId/notice: the language, by default the person's own (the first they speak). */
export const PersonNoticeQuery = z.strictObject({
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)
    .optional(),
});
/** GET /api/people/:personId/notice */
export type PersonNoticeQuery = z.infer<typeof PersonNoticeQuery>;
