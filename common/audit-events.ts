import { z } from 'zod';
import { ContentKey, Locale } from './content.ts';
import { OrganisationKind } from './directory.ts';
import { Role } from './roles.ts';
import { ConsentPurpose } from './consent-purposes.ts';
import { LegalBasisKind, QualityFlag, RefusalCode, ShareFieldGroup, WithdrawalEffect } from './consent.ts';
import { PersonFieldGroup } from './people.ts';

// Payload building blocks. None of them accepts free text: an audit payload carries ids, codes and field names,
// never a personal value (a name, an address, a date of birth…), so the audit log itself holds no personal data.
const id = z.uuid().toLowerCase();
const fieldName = z
  .string()
  .max(64)
  .regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/);
const fieldNames = z.array(fieldName).max(200);
const count = z.int().min(0);
const decimalId = z.string().regex(/^[1-9][0-9]{0,18}$/);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** A root key id: 16 hex digits (server/crypto/keyring.ts). */
const rootKeyId = z.string().regex(/^[0-9a-f]{16}$/);

/** What an audit event (or an audited read) is about; `subject_type` in the audit tables. */
export const AuditSubjectType = z.enum([
  'society',
  'user',
  'session',
  'membership',
  'team',
  'export',
  'person',
  'case',
  'organisation',
  'service',
]);
/** What an audit event (or an audited read) is about; `subject_type` in the audit tables. */
export type AuditSubjectType = z.infer<typeof AuditSubjectType>;

const sessionStage = z.enum(['password-change', 'mfa', 'mfa-enrolment', 'active']);
const signInFailure = z.enum([
  'unknown-account',
  'wrong-password',
  'wrong-second-factor',
  'account-disabled',
  'locked-out',
]);
const sessionEndReason = z.enum([
  'signed-out',
  'signed-out-everywhere',
  'password-changed',
  'password-reset',
  'mfa-reset',
  'rotated',
  'ended-by-user',
  'membership-changed',
  'administrator',
]);

/** One catalogue entry: the type of the event's subject (or none) and its strict payload schema. */
function event<S extends AuditSubjectType | null, P extends z.core.$ZodLooseShape>(subject: S, payload: P) {
  return { subject, payload: z.strictObject(payload) };
}

/**
 * Every kind of audit event and its payload: adding a kind is one line here. Payloads are strict objects of ids,
 * codes and field names, so an unknown field (a name slipped in by mistake) is refused before it is written.
 */
export const auditEventCatalogue = {
  'society.created': event('society', {}),
  'user.created': event('user', {}),
  'user.signed-in': event('user', { stage: sessionStage.optional() }),
  'user.sign-in-failed': event('user', { reason: signInFailure.optional() }),
  'user.signed-out': event('user', { everywhere: z.boolean().optional() }),
  'user.locked-out': event('user', { failedAttempts: count.optional() }),
  'session.revoked': event('user', { reason: sessionEndReason, sessions: count.optional() }),
  'mfa.enrolled': event('user', { method: z.enum(['totp']).optional() }),
  'mfa.reset': event('user', {}),
  'mfa.recovery-code-used': event('user', { remaining: count.optional() }),
  'mfa.recovery-codes-renewed': event('user', {}),
  'password.changed': event('user', {}),
  'password.reset': event('user', {}),
  'membership.granted': event('membership', { userId: id, roles: z.array(Role).min(1).max(20) }),
  'membership.revoked': event('membership', { userId: id }),
  'membership.roles-changed': event('membership', {
    userId: id,
    added: z.array(Role).max(20),
    removed: z.array(Role).max(20),
  }),
  'team.created': event('team', {}),
  'team.updated': event('team', { fields: fieldNames }),
  'team.members-changed': event('team', { added: z.array(id).max(500), removed: z.array(id).max(500) }),
  'settings.changed': event('society', { fields: fieldNames.min(1) }),
  'demo.reset': event('society', {}),
  'organisation.created': event('organisation', { kind: OrganisationKind }),
  'organisation.changed': event('organisation', { fields: fieldNames.min(1) }),
  'service.created': event('service', { organisationId: id }),
  'service.changed': event('service', { organisationId: id, fields: fieldNames.min(1) }),
  'key.rotated': event('society', {
    purpose: z.enum(['root', 'kek', 'blind-index']),
    version: count.optional(),
    rootKeyId: rootKeyId.optional(),
  }),
  'audit.reads-sealed': event(null, {
    fromId: decimalId,
    toId: decimalId,
    count: count,
    merkleRoot: sha256Hex,
  }),
  'audit.checkpoint-written': event(null, {
    chains: count,
    destinations: z.array(z.enum(['file', 'webhook'])),
  }),
  'content.changed': event('society', {
    key: ContentKey,
    locale: Locale,
    change: z.enum(['edited', 'reverted']),
    reviewed: z.boolean().optional(),
  }),
  'person.registered': event('person', { fields: fieldNames, quick: z.boolean() }),
  'person.changed': event('person', { group: PersonFieldGroup, fields: fieldNames.min(1) }),
  'person.assigned': event('person', {
    added: z.array(id).max(20),
    removed: z.array(id).max(20),
    teamId: id.nullable(),
  }),
  'person.notice-shown': event('person', {
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
    fallback: z.boolean(),
  }),
  'consent.recorded': event('person', {
    consentId: id,
    purpose: ConsentPurpose,
    decision: z.enum(['given', 'refused']),
    fieldGroups: z.array(ShareFieldGroup).max(6),
    recipientOrganisationId: id.nullable(),
    qualityFlags: z.array(QualityFlag).max(10),
  }),
  'consent.withdrawn': event('person', {
    consentId: id,
    effect: WithdrawalEffect,
    deletionRequests: count,
    notified: count,
  }),
  'legal-basis.recorded': event('person', {
    legalBasisId: id,
    kind: LegalBasisKind,
    purpose: ConsentPurpose,
    fieldGroups: z.array(ShareFieldGroup).max(6),
    recipientOrganisationId: id.nullable(),
  }),
  'legal-basis.decided': event('person', {
    legalBasisId: id,
    kind: LegalBasisKind,
    decision: z.enum(['approved', 'refused']),
    selfApproved: z.boolean(),
  }),
  'legal-basis.reviewed': event('person', { legalBasisId: id }),
  'share.checked': event('person', {
    purpose: ConsentPurpose,
    recipientOrganisationId: id,
    recipientServiceId: id.nullable(),
    fieldGroups: z.array(ShareFieldGroup).max(6),
    allowed: z.boolean(),
    reason: RefusalCode.nullable(),
    consentId: id.nullable(),
    legalBasisId: id.nullable(),
  }),
  'share.recorded': event('person', {
    shareId: id,
    purpose: ConsentPurpose,
    recipientOrganisationId: id,
    fieldGroups: z.array(ShareFieldGroup).max(6),
    consentId: id.nullable(),
    legalBasisId: id.nullable(),
  }),
  'data.exported': event('export', {
    format: z.enum(['csv', 'xlsx', 'json', 'pdf']),
    fields: fieldNames,
    rows: count,
  }),
} as const;

/** The name of an audit event kind, such as `user.signed-in`. */
export type AuditEventKind = keyof typeof auditEventCatalogue;

/** Every audit event kind, in catalogue order. */
export const auditEventKinds = Object.keys(auditEventCatalogue) as AuditEventKind[];

/** The payload a writer passes for one kind of event. */
export type AuditPayload<K extends AuditEventKind> = z.input<(typeof auditEventCatalogue)[K]['payload']>;

/** Whether a string names a kind in the catalogue. */
export function isAuditEventKind(kind: string): kind is AuditEventKind {
  return Object.hasOwn(auditEventCatalogue, kind);
}

/** An audit event as a writer describes it: the kind, its payload, and who did it to what, by id. */
export type AuditEventInput = {
  [K in AuditEventKind]: {
    kind: K;
    payload: AuditPayload<K>;
    actorUserId?: string | null | undefined;
    actorRoles?: readonly Role[] | undefined;
    subjectId?: string | null | undefined;
    requestId?: string | null | undefined;
  };
}[AuditEventKind];

/** The columns of an audit event apart from its chain position, checked and normalised. */
export type AuditEventFields = {
  kind: AuditEventKind;
  payload: Record<string, unknown>;
  actorUserId: string | null;
  actorRoles: Role[];
  subjectType: AuditSubjectType | null;
  subjectId: string | null;
  requestId: string | null;
};

/** A request id as Passage issues them; never free text. */
export const AuditRequestId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);

const Envelope = z.strictObject({
  kind: z.string(),
  payload: z.unknown(),
  actorUserId: id.nullish(),
  actorRoles: z.array(Role).max(20).optional(),
  subjectId: id.nullish(),
  requestId: AuditRequestId.nullish(),
});

/** Checks an event against the catalogue and returns its columns; throws on an unknown kind or field. */
export function parseAuditEvent(input: AuditEventInput): AuditEventFields {
  const e = Envelope.parse(input);
  if (!isAuditEventKind(e.kind)) throw new Error(`Unknown audit event kind: ${e.kind}`);
  const entry = auditEventCatalogue[e.kind];
  const payload = (entry.payload as z.ZodType<Record<string, unknown>>).parse(e.payload);
  const subjectId = e.subjectId ?? null;
  if (subjectId !== null && entry.subject === null)
    throw new Error(`Audit events of kind ${e.kind} have no subject.`);
  return {
    kind: e.kind,
    payload,
    actorUserId: e.actorUserId ?? null,
    actorRoles: [...(e.actorRoles ?? [])],
    subjectType: subjectId === null ? null : entry.subject,
    subjectId,
    requestId: e.requestId ?? null,
  };
}

/** Why case content was read; a code, so the read log holds no free text. */
export const AuditReadPurpose = z.enum([
  'case-work',
  'supervision',
  'referral',
  'break-glass',
  'data-subject-request',
  'audit-review',
  'export',
]);
/** Why case content was read; a code, so the read log holds no free text. */
export type AuditReadPurpose = z.infer<typeof AuditReadPurpose>;

/** An audited read of case content: who read which fields of what, and why (by code). */
export const AuditRead = z.strictObject({
  actorUserId: id.nullish(),
  subjectType: AuditSubjectType,
  subjectId: id,
  fields: z.array(fieldName).min(1).max(200),
  purpose: AuditReadPurpose.nullish(),
  requestId: AuditRequestId.nullish(),
});
/** An audited read of case content: who read which fields of what, and why (by code). */
export type AuditRead = z.input<typeof AuditRead>;
