import type { WithdrawalBody, WithdrawalResult } from '../../../common/consent.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { AppError } from '../../http/problem.ts';
import { notify } from '../notifications/notifications.service.ts';
import { presentConsent } from './consent.present.ts';
import { loadForAction, notInFuture } from './consent.service.ts';
import * as store from './consent.store.ts';
import * as shares from './share.store.ts';

type Recipients = Awaited<ReturnType<typeof shares.recipientsOfConsent>>;

/**
 * Who is told of a withdrawal: the members of internal teams that received the data; for anything else (an
 * external organisation, another National Society, an internal share without a team) the focal points, who must
 * send the deletion request. Never the person who records the withdrawal.
 */
async function usersToTell(ctx: ServiceContext, tx: SocietyTx, recipients: Recipients): Promise<string[]> {
  const teams = recipients.filter((r) => r.kind === 'internal').flatMap((r) => r.teamIds);
  const needFocalPoints = recipients.some((r) => r.kind !== 'internal' || r.teamIds.length === 0);
  const users = [
    ...(await shares.teamMemberIds(tx, teams)),
    ...(needFocalPoints ? await shares.membersWithRole(tx, 'focal-point') : []),
  ];
  return [...new Set(users)].filter((id) => id !== ctx.actor.userId);
}

/**
 * Withdraws a consent. Sharing on it stops at once (the gate refuses it); if it was already used to share, the
 * recipients are told through the outbox and, unless the person only asked to stop future sharing, a deletion
 * request is recorded for each recipient organisation.
 */
export async function withdrawConsent(
  ctx: ServiceContext,
  input: { personId: string; consentId: string; body: WithdrawalBody },
): Promise<WithdrawalResult> {
  return inActorSociety(ctx, async (tx) => {
    await loadForAction(ctx, tx, input.personId, 'withdraw-consent');
    const consent = await store.findConsentRow(tx, input, true);
    if (!consent) throw new AppError('not-found', 'No such consent of this person.');
    if (consent.decision === 'refused')
      throw new AppError('conflict', 'The person refused this purpose: nothing to withdraw.');
    if (consent.withdrawn_at !== null) throw new AppError('conflict', 'This consent was already withdrawn.');
    const at = input.body.withdrawnAt ? new Date(input.body.withdrawnAt) : new Date();
    notInFuture(at, 'body.withdrawnAt');
    if (at < consent.given_at)
      throw new AppError('validation-failed', 'A consent is withdrawn after it was given.', [
        {
          path: 'body.withdrawnAt',
          code: 'before-given',
          message: 'A consent is withdrawn after it was given.',
        },
      ]);
    await store.markWithdrawn(tx, {
      consentId: consent.id,
      at,
      effect: input.body.effect,
      by: ctx.actor.userId,
    });
    const recipients = await shares.recipientsOfConsent(tx, consent.id);
    const deletionRequests =
      input.body.effect === 'stop-and-delete-shared'
        ? await shares.insertDeletionRequests(
            tx,
            recipients.map((r) => ({
              society_id: currentSocietyId(ctx),
              person_id: input.personId,
              consent_id: consent.id,
              recipient_organisation_id: r.organisationId,
              status: r.kind === 'internal' ? 'notified' : 'to-send',
              requested_by: ctx.actor.userId,
            })),
          )
        : [];
    const users = recipients.length > 0 ? await usersToTell(ctx, tx, recipients) : [];
    await notify(tx, {
      recipients: users,
      kind: 'consent.withdrawn',
      subject: { type: 'consent', id: consent.id },
      config: ctx.config,
    });
    const updated = (await store.findConsentRow(tx, input)) as store.ConsentRow;
    await appendAuditEvent(tx, {
      kind: 'consent.withdrawn',
      subjectId: input.personId,
      payload: {
        consentId: consent.id,
        effect: input.body.effect,
        deletionRequests: deletionRequests.length,
        notified: users.length,
      },
      ...auditActor(ctx),
    });
    return { consent: presentConsent(updated, new Date()), deletionRequests, notifiedUsers: users.length };
  });
}
