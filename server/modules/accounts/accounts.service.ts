import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Locale } from '../../../common/auth.ts';
import { appendSystemAuditEvent } from '../../audit/system-audit.ts';
import { normaliseEmail, type AccountKeys } from '../../crypto/accounts.ts';
import { AppError } from '../../http/problem.ts';
import { endUserSessions } from '../auth/auth.store.ts';
import { checkNewPassword, hashPassword } from '../auth/password.ts';
import { findUserIdByEmailIndex, insertUser, type SystemDb } from './accounts.store.ts';

const temporaryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read aloud or copied by hand

/** A one-time password for a new or reset account: 20 random characters in groups of four (about 99 bits). */
export function generateTemporaryPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 20 }, () =>
      temporaryAlphabet.charAt(randomInt(temporaryAlphabet.length)),
    );
    const password = [0, 4, 8, 12, 16].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (!checkNewPassword(password)) return password;
  }
}

/** An account to create. Without a password, a temporary one is generated and must be changed at first sign-in. */
export type NewAccount = {
  email: string;
  displayName: string;
  locale: Locale;
  password?: string;
  /** An authenticator secret to enrol at once (demo accounts only: everyone else enrols their own). */
  totpSecret?: string;
  isDemo?: boolean;
};

/** The outcome: the account's id, whether it was new, and the temporary password to hand over once. */
export type CreatedAccount = { userId: string; created: boolean; temporaryPassword?: string };

/**
 * Creates a staff account, or finds the existing one with that e-mail address (which is left unchanged: its
 * password is never replaced this way). E-mail and name are sealed with the account keys.
 */
export async function systemCreateAccount(
  systemDb: SystemDb,
  accountKeys: AccountKeys,
  input: NewAccount,
): Promise<CreatedAccount> {
  const emailIndex = accountKeys.emailIndex(input.email);
  const existing = await findUserIdByEmailIndex(systemDb, emailIndex);
  if (existing) return { userId: existing, created: false };
  const isTemporary = input.password === undefined;
  const password = input.password ?? generateTemporaryPassword();
  if (checkNewPassword(password)) throw new AppError('validation-failed', 'Choose another password.');
  const id = randomUUID();
  const created = await insertUser(systemDb, {
    id,
    emailIndex,
    emailEnc: accountKeys.seal(id, 'email', normaliseEmail(input.email)),
    displayNameEnc: accountKeys.seal(id, 'display_name', input.displayName.trim()),
    passwordHash: await hashPassword(password),
    mustChangePassword: isTemporary,
    locale: input.locale,
    mfaSecretEnc: input.totpSecret ? accountKeys.seal(id, 'mfa_secret', input.totpSecret) : null,
    isDemo: input.isDemo ?? false,
  });
  if (!created) return { userId: (await findUserIdByEmailIndex(systemDb, emailIndex)) as string, created };
  return isTemporary ? { userId: id, created, temporaryPassword: password } : { userId: id, created };
}

/** Who asked for an operator action, for the audit record (the CLI has no user: only a request id). */
export type OperatorRequest = { requestId: string };

function clearThrottles(db: SystemDb, accountKeys: AccountKeys, userId: string, emailIndex: Buffer) {
  return db
    .deleteFrom('auth_throttle')
    .where('key', 'in', [
      accountKeys.throttleKey('account', emailIndex.toString('hex')),
      accountKeys.throttleKey('mfa', userId),
    ])
    .execute();
}

/**
 * Operator recovery when someone (often the only administrator) cannot sign in: a new temporary password that
 * must be changed at the next sign-in, every session ended, failed-attempt locks lifted. Returns undefined when
 * no account has that e-mail address.
 */
export async function systemResetPassword(
  systemDb: SystemDb,
  accountKeys: AccountKeys,
  input: { email: string } & OperatorRequest,
): Promise<{ userId: string; temporaryPassword: string; sessionsEnded: number } | undefined> {
  const emailIndex = accountKeys.emailIndex(input.email);
  const userId = await findUserIdByEmailIndex(systemDb, emailIndex);
  if (!userId) return undefined;
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return systemDb.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', userId)
      .execute();
    const sessionsEnded = await endUserSessions(tx, { userId, reason: 'password-reset' });
    await clearThrottles(tx, accountKeys, userId, emailIndex);
    const audit = { actorUserId: null, subjectId: userId, requestId: input.requestId };
    await appendSystemAuditEvent(tx, { kind: 'password.reset', payload: {}, ...audit });
    await appendSystemAuditEvent(tx, {
      kind: 'session.revoked',
      payload: { reason: 'password-reset', sessions: sessionsEnded },
      ...audit,
    });
    return { userId, temporaryPassword, sessionsEnded };
  });
}

/**
 * Operator recovery for a lost authenticator with no recovery code left: the second factor and recovery codes are
 * removed and every session ends, so the next sign-in asks the user to set up a new authenticator.
 */
export async function systemResetMfa(
  systemDb: SystemDb,
  accountKeys: AccountKeys,
  input: { email: string } & OperatorRequest,
): Promise<{ userId: string; sessionsEnded: number } | undefined> {
  const emailIndex = accountKeys.emailIndex(input.email);
  const userId = await findUserIdByEmailIndex(systemDb, emailIndex);
  if (!userId) return undefined;
  return systemDb.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        mfa_secret_enc: null,
        mfa_pending_secret_enc: null,
        mfa_enrolled_at: null,
        mfa_last_time_step: null,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', userId)
      .execute();
    await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    const sessionsEnded = await endUserSessions(tx, { userId, reason: 'mfa-reset' });
    await clearThrottles(tx, accountKeys, userId, emailIndex);
    const audit = { actorUserId: null, subjectId: userId, requestId: input.requestId };
    await appendSystemAuditEvent(tx, { kind: 'mfa.reset', payload: {}, ...audit });
    await appendSystemAuditEvent(tx, {
      kind: 'session.revoked',
      payload: { reason: 'mfa-reset', sessions: sessionsEnded },
      ...audit,
    });
    return { userId, sessionsEnded };
  });
}
