import type { ConsentPurpose } from '../../../common/consent-purposes.ts';
import type {
  ShareCheckBody,
  ShareDecision,
  ShareFieldGroup,
  ShareRecipient,
} from '../../../common/consent.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { AppError } from '../../http/problem.ts';
import { findPersonRow } from '../people/people.store.ts';
import { gateConsent, gateLegalBasis } from './consent.present.ts';
import { loadForAction } from './consent.service.ts';
import * as store from './consent.store.ts';
import { listLegalBasisRows } from './legal-basis.store.ts';
import { insertShare } from './share.store.ts';
import { mayShare } from './gate.ts';
import { gateRecipient, loadNamedRecipient } from './recipients.ts';

/** What a later feature (a referral, an export) asks before it releases a person's data. */
export type ShareRequest = {
  personId: string;
  recipient: ShareRecipient;
  purpose: ConsentPurpose;
  fields: readonly ShareFieldGroup[];
};

/** A decision of the gate that allowed a share: the only thing `recordShare` accepts as its basis. */
export type AllowedShare = Extract<ShareDecision, { allowed: true }>;

const recipientPaths = { organisation: 'body.recipient.organisationId', service: 'body.recipient.serviceId' };

/**
 * Asks the gate whether a share may happen, in the caller's transaction: loads the person's consents and legal
 * bases and the recipient from the registry, calls the pure `mayShare`, and audits the decision ('share.checked',
 * ids and codes only), allowed or not. SECURITY: later features release personal data only after this said yes;
 * the caller has already loaded the person in the actor's scope. A caller that is refused should return the refusal
 * and commit rather than throw: rolling the transaction back would also roll back the audit of the refusal.
 */
export async function checkShare(
  tx: SocietyTx,
  ctx: ServiceContext,
  request: ShareRequest,
): Promise<ShareDecision> {
  const person = await findPersonRow(tx, request.personId);
  if (!person) throw new AppError('not-found', 'No such person in your case work.');
  const named = { ...request.recipient, paths: recipientPaths };
  const recipient = await loadNamedRecipient(tx, named);
  const decision = mayShare({
    person: { id: person.id },
    recipient: gateRecipient(recipient),
    purpose: request.purpose,
    fields: request.fields,
    consents: (await store.listConsentRows(tx, person.id)).map(gateConsent),
    legalBases: (await listLegalBasisRows(tx, person.id)).map(gateLegalBasis),
    now: new Date(),
  });
  await appendAuditEvent(tx, {
    kind: 'share.checked',
    subjectId: person.id,
    payload: {
      purpose: request.purpose,
      recipientOrganisationId: recipient.organisationId,
      recipientServiceId: recipient.serviceId,
      fieldGroups: [...request.fields],
      allowed: decision.allowed,
      reason: decision.allowed ? null : decision.reason.code,
      consentId: decision.allowed && 'consentId' in decision.basis ? decision.basis.consentId : null,
      legalBasisId: decision.allowed && 'legalBasisId' in decision.basis ? decision.basis.legalBasisId : null,
    },
    ...auditActor(ctx),
  });
  return decision;
}

/**
 * Records a share the gate allowed, in the caller's transaction, so a later withdrawal reaches its recipient.
 * `recipientTeamId` names the internal team that received it when no service says so. Returns the share's id.
 */
export async function recordShare(
  tx: SocietyTx,
  ctx: ServiceContext,
  share: ShareRequest & { allowed: AllowedShare; recipientTeamId?: string | undefined },
): Promise<string> {
  const basis = share.allowed.basis;
  const consentId = 'consentId' in basis ? basis.consentId : null;
  const legalBasisId = 'legalBasisId' in basis ? basis.legalBasisId : null;
  const id = await insertShare(tx, {
    society_id: currentSocietyId(ctx),
    person_id: share.personId,
    purpose: share.purpose,
    recipient_organisation_id: share.recipient.organisationId,
    recipient_service_id: share.recipient.serviceId ?? null,
    recipient_team_id: share.recipientTeamId ?? null,
    field_groups: [...share.fields],
    consent_id: consentId,
    legal_basis_id: legalBasisId,
    shared_by: ctx.actor.userId,
  });
  await appendAuditEvent(tx, {
    kind: 'share.recorded',
    subjectId: share.personId,
    payload: {
      shareId: id,
      purpose: share.purpose,
      recipientOrganisationId: share.recipient.organisationId,
      fieldGroups: [...share.fields],
      consentId,
      legalBasisId,
    },
    ...auditActor(ctx),
  });
  return id;
}

/** POST /api/people/:personId/share-check: the case team asks the gate (the web app and tests), audited. */
export async function checkShareFor(
  ctx: ServiceContext,
  input: { personId: string; body: ShareCheckBody },
): Promise<ShareDecision> {
  return inActorSociety(ctx, async (tx) => {
    await loadForAction(ctx, tx, input.personId, 'check-share');
    return checkShare(tx, ctx, { personId: input.personId, ...input.body });
  });
}
