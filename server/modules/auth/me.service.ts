import { Locale, type SessionSummary, type SessionView } from '../../../common/auth.ts';
import { actorRoles, stepUpWindowMs, type Actor, type ActorMembership } from '../../access/actor.ts';
import { AppError } from '../../http/problem.ts';
import type { AuthDeps, Origin } from './auth.service.ts';
import * as store from './auth.store.ts';

const membershipView = (m: ActorMembership) => ({
  societyId: m.societyId,
  societyName: m.societyName,
  isDemo: m.isDemo,
  roles: [...m.roles],
});

/** The signed-in user's session as the web app needs it: who, where, which roles, the CSRF token. */
export async function getSessionView(deps: AuthDeps, actor: Actor): Promise<SessionView> {
  const account = await store.findAccount(deps.db, actor.userId);
  if (!account) throw new AppError('unauthenticated', 'Sign in to continue.');
  const stepUpUntil = actor.stepUpAt ? new Date(actor.stepUpAt.getTime() + stepUpWindowMs) : null;
  return {
    stage: actor.stage,
    user: {
      id: account.id,
      displayName: deps.keys.open(account.id, 'display_name', account.displayNameEnc),
      email: deps.keys.open(account.id, 'email', account.emailEnc),
      locale: Locale.catch('en').parse(account.locale),
    },
    society: actor.society ? membershipView(actor.society) : null,
    roles: [...actorRoles(actor)],
    memberships: actor.memberships.map(membershipView),
    mfaEnrolled: account.mfaEnrolled,
    csrfToken: actor.csrfToken,
    stepUpValidUntil: stepUpUntil && stepUpUntil.getTime() > Date.now() ? stepUpUntil.toISOString() : null,
    idleTimeoutSeconds: Math.round(deps.times.idleMs / 1000),
    isDemo: actor.isDemo,
  };
}

/** The user's own live sessions, so they can see where they are signed in and end the others. */
export async function listOwnSessions(deps: AuthDeps, actor: Actor): Promise<SessionSummary[]> {
  const rows = await store.listLiveSessions(deps.db, actor.userId);
  return rows.map((r) => ({
    id: r.id.toString('hex'),
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    device: r.user_agent_family,
    current: r.id.equals(actor.sessionId),
  }));
}

/** Ends one of the user's own sessions (another device); unknown or foreign ids are not found. */
export async function endOwnSession(deps: AuthDeps, actor: Actor, sessionIdHex: string, origin: Origin) {
  const id = Buffer.from(sessionIdHex, 'hex');
  const owned = (await store.listLiveSessions(deps.db, actor.userId)).some((s) => s.id.equals(id));
  if (!owned) throw new AppError('not-found', 'No such session.');
  await store.endSession(deps.db, id, 'ended-by-user');
  await deps.audit(deps.db, {
    kind: 'session.revoked',
    actorUserId: actor.userId,
    subjectId: actor.userId,
    payload: { reason: 'ended-by-user' },
    requestId: origin.requestId,
  });
}

/** Moves the session to another society the user is a member of; others are not found. */
export async function switchSociety(deps: AuthDeps, actor: Actor, societyId: string): Promise<void> {
  if (!actor.memberships.some((m) => m.societyId === societyId))
    throw new AppError('not-found', 'No such society.');
  await store.setSessionSociety(deps.db, actor.sessionId, societyId);
}

/** Changes the user's interface language. */
export async function changeProfile(deps: AuthDeps, actor: Actor, input: { locale: Locale }): Promise<void> {
  await deps.db.updateTable('users').set({ locale: input.locale }).where('id', '=', actor.userId).execute();
}
