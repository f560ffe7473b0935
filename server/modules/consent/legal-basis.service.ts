import { randomUUID } from 'node:crypto';
import type {
  LegalBasis,
  LegalBasisDecisionBody,
  LegalBasisKind,
  LegalBasisReviewPage,
  NewLegalBasisBody,
} from '../../../common/consent.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { legalBasisDecisionRefusal, mayReviewLegalBases } from '../../access/policies/consent.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent, recordRead } from '../../audit/audit.writer.ts';
import { AppError } from '../../http/problem.ts';
import { notify } from '../notifications/notifications.service.ts';
import { openDataKeys } from '../people/people.crypto.ts';
import { requirePersonKey } from '../people/people.load.ts';
import { presentLegalBasis } from './consent.present.ts';
import { loadForAction } from './consent.service.ts';
import * as store from './legal-basis.store.ts';
import { membersWithRole } from './share.store.ts';
import { openJustification, sealJustification } from './legal-basis.crypto.ts';
import { loadNamedRecipient } from './recipients.ts';

async function approvers(tx: SocietyTx, kind: LegalBasisKind): Promise<string[]> {
  return membersWithRole(tx, kind === 'legal-obligation' ? 'dpo' : 'focal-point');
}

async function loadBasis(tx: SocietyTx, ref: { legalBasisId: string; personId?: string }, lock = false) {
  const row = await store.findLegalBasisRow(tx, ref, lock);
  if (!row) throw new AppError('not-found', 'No such legal basis.');
  return row;
}

/**
 * Records a legal basis other than consent, where consent cannot be valid (an emergency, a child at risk, a
 * person unable to decide), or a legal obligation to disclose. It is pending until a focal point (for a legal
 * obligation, the data protection officer) decides, and flagged for the DPO's review; the approvers are notified.
 * The justification is encrypted with the person's data key.
 */
export async function recordLegalBasis(
  ctx: ServiceContext,
  input: { personId: string; body: NewLegalBasisBody },
): Promise<LegalBasis> {
  const { body } = input;
  return inActorSociety(ctx, async (tx) => {
    const person = await loadForAction(ctx, tx, input.personId, 'record-legal-basis');
    if (body.recipientOrganisationId !== undefined) {
      const paths = { organisation: 'body.recipientOrganisationId', service: 'body.recipientServiceId' };
      await loadNamedRecipient(
        tx,
        { organisationId: body.recipientOrganisationId, serviceId: body.recipientServiceId, paths },
        body,
      );
    }
    const key = await requirePersonKey(ctx, tx, person.row);
    const id = randomUUID();
    await store.insertLegalBasis(tx, {
      society_id: currentSocietyId(ctx),
      id,
      person_id: input.personId,
      kind: body.kind,
      purpose: body.purpose,
      reason: body.reason,
      recipient_organisation_id: body.recipientOrganisationId ?? null,
      recipient_service_id: body.recipientServiceId ?? null,
      protective_target: body.protectiveTarget ?? null,
      field_groups: [...new Set(body.fieldGroups)],
      justification_enc: sealJustification(key, id, body.justification),
      recorded_by: ctx.actor.userId,
    });
    const recipients = (await approvers(tx, body.kind)).filter((userId) => userId !== ctx.actor.userId);
    await notify(tx, {
      recipients,
      kind: 'approval.requested',
      subject: { type: 'approval', id },
      config: ctx.config,
    });
    const row = await loadBasis(tx, { legalBasisId: id });
    await appendAuditEvent(tx, {
      kind: 'legal-basis.recorded',
      subjectId: input.personId,
      payload: {
        legalBasisId: id,
        kind: body.kind,
        purpose: body.purpose,
        fieldGroups: row.field_groups as LegalBasis['fieldGroups'],
        recipientOrganisationId: body.recipientOrganisationId ?? null,
      },
      ...auditActor(ctx),
    });
    return presentLegalBasis(row, null);
  });
}

/**
 * Approves or refuses a pending legal basis: a focal point for vital or public interest, the data protection
 * officer for a legal obligation (their decision is also their review). A focal point approving a basis they
 * recorded themselves is allowed (a small society may have one) and marked as such in the audit log.
 */
export async function decideLegalBasis(
  ctx: ServiceContext,
  input: { personId: string; legalBasisId: string } & LegalBasisDecisionBody,
): Promise<LegalBasis> {
  return inActorSociety(ctx, async (tx) => {
    const basis = await loadBasis(tx, input, true);
    const refusal = legalBasisDecisionRefusal(ctx.actor, basis.kind as LegalBasisKind);
    if (refusal) throw new AppError('forbidden', refusal);
    if (basis.status !== 'pending') throw new AppError('conflict', 'This basis was already decided.');
    const reviewed = basis.kind === 'legal-obligation';
    await store.decideLegalBasisRow(tx, {
      legalBasisId: basis.id,
      status: input.decision,
      by: ctx.actor.userId,
      reviewed,
    });
    const row = await loadBasis(tx, input);
    await appendAuditEvent(tx, {
      kind: 'legal-basis.decided',
      subjectId: basis.person_id,
      payload: {
        legalBasisId: basis.id,
        kind: basis.kind as LegalBasisKind,
        decision: input.decision,
        selfApproved: basis.recorded_by === ctx.actor.userId,
      },
      ...auditActor(ctx),
    });
    return presentLegalBasis(row, null);
  });
}

/**
 * The DPO's queue: every basis other than consent not yet reviewed, with its justification to judge (an audited
 * read for the purpose 'audit-review'). People appear by pseudonymous code only.
 */
export async function listLegalBasesForReview(ctx: ServiceContext): Promise<LegalBasisReviewPage> {
  if (!mayReviewLegalBases(ctx.actor))
    throw new AppError('forbidden', 'Only the data protection officer reviews these.');
  return inActorSociety(ctx, async (tx) => {
    const rows = await store.listUnreviewedBases(tx, 200);
    const keys = await openDataKeys(ctx.keys, tx, currentSocietyId(ctx), [
      ...new Set(rows.map((r) => r.person_id)),
    ]);
    const items = rows.map((row) => {
      const key = keys.get(row.person_id);
      return {
        ...presentLegalBasis(row, key ? openJustification(key, row) : null),
        personCode: row.person_code,
      };
    });
    await recordRead(
      tx,
      items
        .filter((item) => item.justification !== null)
        .map((item) => ({
          actorUserId: ctx.actor.userId,
          subjectType: 'person' as const,
          subjectId: item.personId,
          fields: ['legalBasis.justification'],
          purpose: 'audit-review' as const,
          requestId: ctx.requestId,
        })),
    );
    return { items };
  });
}

/** Marks a legal basis reviewed by the data protection officer. */
export async function reviewLegalBasis(ctx: ServiceContext, legalBasisId: string): Promise<LegalBasis> {
  if (!mayReviewLegalBases(ctx.actor))
    throw new AppError('forbidden', 'Only the data protection officer reviews these.');
  return inActorSociety(ctx, async (tx) => {
    const basis = await loadBasis(tx, { legalBasisId }, true);
    if (basis.dpo_reviewed_at !== null) throw new AppError('conflict', 'This basis was already reviewed.');
    await store.markReviewed(tx, { legalBasisId, by: ctx.actor.userId });
    const row = await loadBasis(tx, { legalBasisId });
    await appendAuditEvent(tx, {
      kind: 'legal-basis.reviewed',
      subjectId: basis.person_id,
      payload: { legalBasisId },
      ...auditActor(ctx),
    });
    return presentLegalBasis(row, null);
  });
}
