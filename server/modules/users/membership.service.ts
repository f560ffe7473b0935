import type { SocietyRole } from '../../../common/roles.ts';
import type { Member, MemberAction } from '../../../common/users.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { memberActionRefusal } from '../../access/policies/user.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { staleVersion } from '../../http/concurrency.ts';
import { AppError } from '../../http/problem.ts';
import { detachSessions } from './accounts.store.ts';
import { presentMember } from './users.present.ts';
import { loadMember } from './users.service.ts';
import * as store from './users.store.ts';

/**
 * Loads the target member under lock, with the society's administrators locked too, and checks the actor may
 * take the action and that the society keeps an administrator afterwards.
 * SECURITY: the actor's own administrator role is re-read under the same lock, so two administrators removing
 * each other at the same moment cannot both succeed.
 */
async function lockForChange(
  ctx: ServiceContext,
  tx: SocietyTx,
  change: { userId: string; action: MemberAction; keepsAdministrator: (m: store.MemberRecord) => boolean },
): Promise<store.MemberRecord> {
  const administrators = await store.lockAdministrators(tx);
  const target = await loadMember(tx, change.userId, true);
  const refusal = memberActionRefusal(ctx.actor, target, change.action);
  if (refusal) throw new AppError('forbidden', refusal);
  const others = administrators.filter((id) => id !== target.userId);
  if (!change.keepsAdministrator(target) && others.length === 0)
    throw new AppError('conflict', 'The society must keep at least one administrator.');
  if (!administrators.includes(ctx.actor.userId))
    throw new AppError('forbidden', 'Your own roles changed: you are no longer an administrator here.');
  return target;
}

/** Replaces a member's roles (never the actor's own); the change applies from the member's very next request. */
export async function changeRoles(
  ctx: ServiceContext,
  change: { userId: string; roles: readonly SocietyRole[]; version: number },
): Promise<Member> {
  const roles = store.canonicalRoles(change.roles);
  return inActorSociety(ctx, async (tx) => {
    const target = await lockForChange(ctx, tx, {
      userId: change.userId,
      action: 'change-roles',
      keepsAdministrator: (m) => !m.roles.includes('administrator') || roles.includes('administrator'),
    });
    if (target.version !== change.version) throw staleVersion();
    const added = roles.filter((r) => !target.roles.includes(r));
    const removed = target.roles.filter((r) => !roles.includes(r));
    if (added.length === 0 && removed.length === 0) return presentMember(ctx, target);
    if (!(await store.updateRoles(tx, { userId: target.userId, roles, version: change.version })))
      throw staleVersion();
    const updated = await loadMember(tx, target.userId);
    await appendAuditEvent(tx, {
      kind: 'membership.roles-changed',
      subjectId: target.userId,
      payload: { userId: target.userId, added, removed },
      ...auditActor(ctx),
    });
    return presentMember(ctx, updated);
  });
}

/**
 * Removes a member from the actor's society (never the actor themself). The account stays; its sessions acting
 * here move to another society it belongs to, if any.
 */
export async function removeMember(ctx: ServiceContext, userId: string): Promise<void> {
  const societyId = currentSocietyId(ctx);
  await inActorSociety(ctx, async (tx) => {
    const target = await lockForChange(ctx, tx, {
      userId,
      action: 'remove',
      keepsAdministrator: (m) => !m.roles.includes('administrator'),
    });
    await store.deleteMembership(tx, target.userId);
    await detachSessions(tx, target.userId, societyId);
    await appendAuditEvent(tx, {
      kind: 'membership.revoked',
      subjectId: target.userId,
      payload: { userId: target.userId },
      ...auditActor(ctx),
    });
  });
}
