import type { MemberAction } from '../../../common/users.ts';
import { auditActor, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { memberActionRefusal } from '../../access/policies/user.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { AppError } from '../../http/problem.ts';
import { endUserSessions } from '../auth/auth.store.ts';
import { hashPassword } from '../auth/password.ts';
import { clearSecondFactor, setTemporaryPassword } from './accounts.store.ts';
import { newTemporaryPassword } from './temporary-password.ts';
import { loadMember } from './users.service.ts';

async function authorizedTarget(
  ctx: ServiceContext,
  tx: SocietyTx,
  userId: string,
  action: MemberAction,
): Promise<string> {
  const target = await loadMember(tx, userId, true);
  const refusal = memberActionRefusal(ctx.actor, target, action);
  if (refusal) throw new AppError('forbidden', refusal);
  return target.userId;
}

/**
 * Gives a member a new temporary password (returned once) that they must change at their next sign-in, and ends
 * all their sessions. Never the actor's own (their profile changes it), never an account shared with another
 * society or network.
 */
export async function resetPassword(ctx: ServiceContext, userId: string): Promise<string> {
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await inActorSociety(ctx, async (tx) => {
    const target = await authorizedTarget(ctx, tx, userId, 'reset-password');
    await setTemporaryPassword(tx, target, passwordHash);
    await endUserSessions(tx, { userId: target, reason: 'password-reset' });
    await appendAuditEvent(tx, {
      kind: 'password.reset',
      subjectId: target,
      payload: {},
      ...auditActor(ctx),
    });
  });
  return temporaryPassword;
}

/**
 * Removes a member's authenticator and recovery codes and ends all their sessions: at their next sign-in they
 * enrol a new authenticator. Never the actor's own, never an account shared with another society or network.
 */
export async function resetMfa(ctx: ServiceContext, userId: string): Promise<number> {
  return inActorSociety(ctx, async (tx) => {
    const target = await authorizedTarget(ctx, tx, userId, 'reset-mfa');
    await clearSecondFactor(tx, target);
    const ended = await endUserSessions(tx, { userId: target, reason: 'mfa-reset' });
    await appendAuditEvent(tx, { kind: 'mfa.reset', subjectId: target, payload: {}, ...auditActor(ctx) });
    return ended;
  });
}

/** Ends every session of a member, on every device (a lost phone, a shared computer). Never the actor's own. */
export async function signOutMember(ctx: ServiceContext, userId: string): Promise<number> {
  return inActorSociety(ctx, async (tx) => {
    const target = await authorizedTarget(ctx, tx, userId, 'sign-out-everywhere');
    const sessions = await endUserSessions(tx, { userId: target, reason: 'signed-out-everywhere' });
    await appendAuditEvent(tx, {
      kind: 'session.revoked',
      subjectId: target,
      payload: { reason: 'administrator', sessions },
      ...auditActor(ctx),
    });
    return sessions;
  });
}
