import type { SessionStage as Stage } from '../../../common/auth.ts';
import { rolesWithoutPersonalData } from '../../../common/roles.ts';
import type { Actor, ActorMembership } from '../../access/actor.ts';
import {
  loadMemberships,
  newCsrfToken,
  newSessionToken,
  userAgentFamily,
  type SessionTimes,
} from '../../access/session.ts';
import type { AccountKeys } from '../../crypto/accounts.ts';
import { AppError } from '../../http/problem.ts';
import type { SystemAuditWriter } from '../../audit/system-audit.ts';
import * as store from './auth.store.ts';
import { checkNewPassword, hashPassword, verifyPassword } from './password.ts';
import { clearFailures, lockedUntil, recordFailure, throttleRules, type ThrottleKey } from './throttle.ts';

/** What the sign-in use cases run with. */
export type AuthDeps = {
  db: store.AuthDb;
  keys: AccountKeys;
  times: SessionTimes;
  audit: SystemAuditWriter;
};

/** Where a request came from, for throttling and the session list (never stored in clear). */
export type Origin = { address: string; userAgent: string | undefined; requestId: string };

/** A new session token for the cookie. */
export type Issued = { token: string; stage: Stage };

/**
 * Whether an account must use a second factor: always, unless every role it holds in every society is one the
 * society relaxed, and that relaxation is only possible for roles that never see personal data.
 */
export function needsMfa(memberships: readonly ActorMembership[]): boolean {
  if (memberships.length === 0) return true;
  return memberships.some((m) =>
    m.roles.some((role) => !(m.mfaOptionalRoles.includes(role) && rolesWithoutPersonalData.includes(role))),
  );
}

/** The stage a session starts in, or moves to once the current stage is done. */
export function stageAfter(
  done: Stage | 'password',
  account: { mustChangePassword: boolean; mfaEnrolled: boolean },
  mfaRequired: boolean,
): Stage {
  if (done === 'password' && account.mustChangePassword) return 'password-change';
  if (done === 'password' || done === 'password-change') {
    if (account.mfaEnrolled) return 'mfa';
    return mfaRequired ? 'mfa-enrolment' : 'active';
  }
  return 'active';
}

function tooManyAttempts(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('rate-limited', `Too many attempts. Try again in ${minutes} minutes.`);
}

/** Opens a session in a stage; the token is new every time, so a session id is never fixed by an attacker. */
export async function issueSession(
  deps: AuthDeps,
  options: { userId: string; stage: Stage; societyId: string | null; origin: Origin; mfaVerified: boolean },
): Promise<Issued> {
  const { token, id } = newSessionToken();
  await store.insertSession(deps.db, {
    id,
    userId: options.userId,
    stage: options.stage,
    currentSocietyId: options.societyId,
    csrfToken: newCsrfToken(),
    idleMs: options.stage === 'active' ? deps.times.idleMs : deps.times.signInMs,
    absoluteMs: options.stage === 'active' ? deps.times.absoluteMs : deps.times.signInMs,
    mfaVerified: options.mfaVerified,
    device: userAgentFamily(options.origin.userAgent),
  });
  return { token, stage: options.stage };
}

/**
 * Signs in with e-mail and password. Unknown accounts cost the same time as known ones and get the same answer;
 * failures count per account and per address, and a soft lock expires on its own.
 */
export async function signIn(
  deps: AuthDeps,
  input: { email: string; password: string; origin: Origin },
): Promise<Issued> {
  const emailIndex = deps.keys.emailIndex(input.email);
  const keys: ThrottleKey[] = [
    { key: deps.keys.throttleKey('account', emailIndex.toString('hex')), rule: throttleRules.account },
    { key: deps.keys.throttleKey('address', input.origin.address), rule: throttleRules.address },
  ];
  const locked = await lockedUntil(deps.db, keys);
  if (locked) throw tooManyAttempts(locked);
  const account = await store.findAccountByEmailIndex(deps.db, emailIndex);
  const passwordOk = await verifyPassword(account?.passwordHash, input.password);
  if (!account || !passwordOk || account.status !== 'active') {
    const justLocked = await recordFailure(deps.db, keys);
    await deps.audit(deps.db, {
      kind: justLocked ? 'user.locked-out' : 'user.sign-in-failed',
      actorUserId: null,
      subjectId: account?.id ?? null,
      payload: {},
      requestId: input.origin.requestId,
    });
    throw new AppError('unauthenticated', 'The e-mail address or the password is not right.');
  }
  await clearFailures(deps.db, keys[0] as ThrottleKey);
  const memberships = await loadMemberships(deps.db, account.id);
  const stage = stageAfter('password', account, needsMfa(memberships));
  const issued = await issueSession(deps, {
    userId: account.id,
    stage,
    societyId: memberships[0]?.societyId ?? null,
    origin: input.origin,
    mfaVerified: false,
  });
  await deps.audit(deps.db, {
    kind: 'user.signed-in',
    actorUserId: account.id,
    subjectId: account.id,
    payload: { stage },
    requestId: input.origin.requestId,
  });
  return issued;
}

/** Moves a session on to its next stage under a new token (the old one ends as "rotated"). */
export async function advanceSession(
  deps: AuthDeps,
  actor: Actor,
  options: { stage: Stage; mfaVerified: boolean; origin: Origin },
): Promise<Issued> {
  await store.endSession(deps.db, actor.sessionId, 'rotated');
  const expiry = await store.sessionExpiry(deps.db, actor.sessionId);
  return issueSession(deps, {
    userId: actor.userId,
    stage: options.stage,
    societyId: expiry.current_society_id,
    origin: options.origin,
    mfaVerified: options.mfaVerified,
  });
}

/** Ends the current session. */
export async function signOut(deps: AuthDeps, actor: Actor, origin: Origin): Promise<void> {
  await store.endSession(deps.db, actor.sessionId, 'signed-out');
  await deps.audit(deps.db, {
    kind: 'user.signed-out',
    actorUserId: actor.userId,
    subjectId: actor.userId,
    payload: { everywhere: false },
    requestId: origin.requestId,
  });
}

/** Ends every session of the user, on every device, including this one. */
export async function signOutEverywhere(deps: AuthDeps, actor: Actor, origin: Origin): Promise<number> {
  const ended = await store.endUserSessions(deps.db, {
    userId: actor.userId,
    reason: 'signed-out-everywhere',
  });
  await deps.audit(deps.db, {
    kind: 'user.signed-out',
    actorUserId: actor.userId,
    subjectId: actor.userId,
    payload: { everywhere: true },
    requestId: origin.requestId,
  });
  return ended;
}

/**
 * Changes the user's own password: the current one must be right, the new one acceptable. Every other session
 * of the user ends. During the forced change at first sign-in, the session moves on to the MFA stage.
 */
export async function changePassword(
  deps: AuthDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; origin: Origin },
): Promise<Issued | undefined> {
  const account = await store.findAccount(deps.db, actor.userId);
  if (!account) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('validation-failed', 'The current password is not right.', [
      { path: 'body.currentPassword', code: 'wrong-password', message: 'The current password is not right.' },
    ]);
  }
  const problem = checkNewPassword(input.newPassword);
  if (problem) {
    throw new AppError('validation-failed', 'Choose another password.', [
      { path: 'body.newPassword', code: `password-${problem}`, message: 'Choose another password.' },
    ]);
  }
  await deps.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword), must_change_password: false })
    .where('id', '=', actor.userId)
    .execute();
  await store.endUserSessions(deps.db, {
    userId: actor.userId,
    reason: 'password-changed',
    except: actor.sessionId,
  });
  await deps.audit(deps.db, {
    kind: 'password.changed',
    actorUserId: actor.userId,
    subjectId: actor.userId,
    payload: {},
    requestId: input.origin.requestId,
  });
  if (actor.stage !== 'password-change') return undefined;
  const memberships = await loadMemberships(deps.db, actor.userId);
  const stage = stageAfter('password-change', account, needsMfa(memberships));
  return advanceSession(deps, actor, { stage, mfaVerified: false, origin: input.origin });
}
