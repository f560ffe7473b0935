import { sql } from 'kysely';
import type { SocietyTx } from '../../access/scope.ts';

/** A new staff account: e-mail and name already sealed, the password already hashed. */
export type NewAccount = {
  id: string;
  emailIndex: Buffer;
  emailEnc: Buffer;
  displayNameEnc: Buffer;
  passwordHash: string;
  locale: string;
};

/** Finds the id of the account with this e-mail blind index, if there is one. */
export async function findAccountIdByEmailIndex(
  tx: SocietyTx,
  emailIndex: Buffer,
): Promise<string | undefined> {
  const row = await tx
    .selectFrom('users')
    .select('id')
    .where('email_index', '=', emailIndex)
    .executeTakeFirst();
  return row?.id;
}

/** Creates an account whose first sign-in must change the temporary password. */
export async function insertAccount(tx: SocietyTx, account: NewAccount): Promise<void> {
  await tx
    .insertInto('users')
    .values({
      id: account.id,
      email_index: account.emailIndex,
      email_enc: account.emailEnc,
      display_name_enc: account.displayNameEnc,
      password_hash: account.passwordHash,
      must_change_password: true,
      locale: account.locale,
    })
    .execute();
}

/** Replaces an account's password with a temporary one that must be changed at the next sign-in. */
export async function setTemporaryPassword(
  tx: SocietyTx,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await tx
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: true,
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', userId)
    .execute();
}

/** Removes an account's authenticator and recovery codes, so its next sign-in enrols a new one. */
export async function clearSecondFactor(tx: SocietyTx, userId: string): Promise<void> {
  await tx
    .updateTable('users')
    .set((eb) => ({
      mfa_secret_enc: null,
      mfa_pending_secret_enc: null,
      mfa_enrolled_at: null,
      mfa_last_time_step: null,
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', userId)
    .execute();
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/**
 * Moves the user's live sessions that were acting in this society back to no society (their next request acts in
 * another society they belong to, if any), once they are no longer a member here.
 */
export async function detachSessions(tx: SocietyTx, userId: string, societyId: string): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ current_society_id: null })
    .where('user_id', '=', userId)
    .where('current_society_id', '=', societyId)
    .where('ended_at', 'is', null)
    .execute();
}

/** The society's default interface language for new accounts. */
export async function societyDefaultLocale(tx: SocietyTx, societyId: string): Promise<string> {
  const row = await tx
    .selectFrom('societies')
    .select('default_locale')
    .where('id', '=', societyId)
    .executeTakeFirst();
  return row?.default_locale ?? 'en';
}
