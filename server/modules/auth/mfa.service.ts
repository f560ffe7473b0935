import type { MfaEnrolment, StepUpBody } from '../../../common/auth.ts';
import type { Actor } from '../../access/actor.ts';
import { AppError } from '../../http/problem.ts';
import { advanceSession, type AuthDeps, type Issued, type Origin } from './auth.service.ts';
import * as store from './auth.store.ts';
import { verifyPassword } from './password.ts';
import { clearFailures, lockedUntil, recordFailure, throttleRules, type ThrottleKey } from './throttle.ts';
import { checkTotp, enrolmentFor, newRecoveryCodes, newTotpSecret, recoveryCodeHash } from './totp.ts';

function mfaThrottle(deps: AuthDeps, userId: string): ThrottleKey {
  return { key: deps.keys.throttleKey('mfa', userId), rule: throttleRules.mfa };
}

const wrongCode = () =>
  new AppError('validation-failed', 'The code is not right.', [
    { path: 'body.code', code: 'wrong-code', message: 'The code is not right.' },
  ]);

/**
 * Checks a second factor for the user, counting failures per account (across sessions, so opening new sign-ins
 * does not reset the count) and refusing a code whose time step was already used.
 */
async function checkSecondFactor(
  deps: AuthDeps,
  userId: string,
  code: string,
  pending = false,
): Promise<void> {
  const throttle = mfaThrottle(deps, userId);
  const locked = await lockedUntil(deps.db, [throttle]);
  if (locked) throw new AppError('rate-limited', 'Too many codes tried. Wait a few minutes and try again.');
  const account = await store.findAccount(deps.db, userId);
  const sealed = pending ? account?.mfaPendingSecretEnc : account?.mfaSecretEnc;
  if (!account || !sealed) throw new AppError('conflict', 'No authenticator is set up for this account.');
  const secret = deps.keys.open(userId, pending ? 'mfa_pending_secret' : 'mfa_secret', sealed);
  const check = await checkTotp(secret, code, account.mfaLastTimeStep);
  if (!check.ok || !(await store.consumeTimeStep(deps.db, userId, check.timeStep))) {
    await recordFailure(deps.db, [throttle]);
    throw wrongCode();
  }
  await clearFailures(deps.db, throttle);
}

/** Completes sign-in with an authenticator code; the session continues under a new token. */
export async function verifyMfa(deps: AuthDeps, actor: Actor, code: string, origin: Origin): Promise<Issued> {
  await checkSecondFactor(deps, actor.userId, code);
  return advanceSession(deps, actor, { stage: 'active', mfaVerified: true, origin });
}

/** Completes sign-in with a single-use recovery code, for a user who lost their authenticator. */
export async function useRecoveryCode(
  deps: AuthDeps,
  actor: Actor,
  recoveryCode: string,
  origin: Origin,
): Promise<Issued> {
  const throttle = mfaThrottle(deps, actor.userId);
  const locked = await lockedUntil(deps.db, [throttle]);
  if (locked) throw new AppError('rate-limited', 'Too many codes tried. Wait a few minutes and try again.');
  const hash = recoveryCodeHash(deps.keys.recoveryKey, actor.userId, recoveryCode);
  if (!(await store.consumeRecoveryCode(deps.db, actor.userId, hash))) {
    await recordFailure(deps.db, [throttle]);
    throw new AppError('validation-failed', 'The recovery code is not right or was already used.', [
      { path: 'body.recoveryCode', code: 'wrong-code', message: 'The recovery code is not right.' },
    ]);
  }
  await clearFailures(deps.db, throttle);
  await deps.audit(deps.db, {
    kind: 'mfa.recovery-code-used',
    actorUserId: actor.userId,
    subjectId: actor.userId,
    payload: {},
    requestId: origin.requestId,
  });
  return advanceSession(deps, actor, { stage: 'active', mfaVerified: true, origin });
}

/** Starts enrolment: a new secret, kept pending until a code from it is confirmed. */
export async function startEnrolment(deps: AuthDeps, actor: Actor): Promise<MfaEnrolment> {
  const account = await store.findAccount(deps.db, actor.userId);
  if (!account) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (account.mfaEnrolled && actor.stage !== 'active')
    throw new AppError('conflict', 'An authenticator is already set up for this account.');
  const secret = newTotpSecret();
  await deps.db
    .updateTable('users')
    .set({ mfa_pending_secret_enc: deps.keys.seal(actor.userId, 'mfa_pending_secret', secret) })
    .where('id', '=', actor.userId)
    .execute();
  return enrolmentFor(secret, deps.keys.open(actor.userId, 'email', account.emailEnc));
}

/**
 * Replaces the user's recovery codes with ten new ones and returns them, to be shown once. Not audited here:
 * enrolment audits itself, and a renewal is audited by `renewRecoveryCodes`.
 */
export async function issueRecoveryCodes(deps: AuthDeps, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await store.replaceRecoveryCodes(
    deps.db,
    userId,
    codes.map((c) => recoveryCodeHash(deps.keys.recoveryKey, userId, c)),
  );
  return codes;
}

/** Gives the signed-in user new recovery codes in place of the old ones (after a step-up), and audits it. */
export async function renewRecoveryCodes(deps: AuthDeps, userId: string, origin: Origin): Promise<string[]> {
  const codes = await issueRecoveryCodes(deps, userId);
  await deps.audit(deps.db, {
    kind: 'mfa.recovery-codes-renewed',
    actorUserId: userId,
    subjectId: userId,
    payload: {},
    requestId: origin.requestId,
  });
  return codes;
}

/** Confirms enrolment with a code from the new secret; returns the recovery codes and the continuing session. */
export async function confirmEnrolment(
  deps: AuthDeps,
  actor: Actor,
  code: string,
  origin: Origin,
): Promise<{ issued: Issued | undefined; recoveryCodes: string[] }> {
  await checkSecondFactor(deps, actor.userId, code, true);
  await deps.db
    .updateTable('users')
    .set((eb) => ({
      mfa_secret_enc: eb.ref('mfa_pending_secret_enc'),
      mfa_pending_secret_enc: null,
      mfa_enrolled_at: new Date(),
    }))
    .where('id', '=', actor.userId)
    .execute();
  const recoveryCodes = await issueRecoveryCodes(deps, actor.userId);
  await deps.audit(deps.db, {
    kind: 'mfa.enrolled',
    actorUserId: actor.userId,
    subjectId: actor.userId,
    payload: {},
    requestId: origin.requestId,
  });
  const issued =
    actor.stage === 'active'
      ? undefined
      : await advanceSession(deps, actor, { stage: 'active', mfaVerified: true, origin });
  return { issued, recoveryCodes };
}

/** Confirms it is the user before a sensitive action: a fresh code, or the password when MFA is not used. */
export async function stepUp(deps: AuthDeps, actor: Actor, body: StepUpBody): Promise<void> {
  const account = await store.findAccount(deps.db, actor.userId);
  if (!account) throw new AppError('unauthenticated', 'Sign in to continue.');
  if ('code' in body) {
    await checkSecondFactor(deps, actor.userId, body.code);
  } else {
    if (account.mfaEnrolled) throw new AppError('conflict', 'Use your authenticator code to confirm.');
    const throttle = mfaThrottle(deps, actor.userId);
    if (await lockedUntil(deps.db, [throttle])) throw new AppError('rate-limited', 'Too many attempts.');
    if (!(await verifyPassword(account.passwordHash, body.password))) {
      await recordFailure(deps.db, [throttle]);
      throw new AppError('validation-failed', 'The password is not right.', [
        { path: 'body.password', code: 'wrong-password', message: 'The password is not right.' },
      ]);
    }
  }
  await store.markSteppedUp(deps.db, actor.sessionId);
}
