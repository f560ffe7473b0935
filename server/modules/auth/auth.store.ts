import { sql, type Kysely } from 'kysely';
import type { SessionStage } from '../../access/actor.ts';
import type { Database } from '../../db/schema.ts';

/** Users and sessions are global tables (sign-in comes before any society); stores take the app-role handle. */
export type AuthDb = Kysely<Database>;

/** What sign-in needs to know about an account. */
export type AccountRecord = {
  id: string;
  passwordHash: string;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  mfaEnrolled: boolean;
  mfaSecretEnc: Buffer | null;
  mfaPendingSecretEnc: Buffer | null;
  mfaLastTimeStep: number | null;
  emailEnc: Buffer;
  displayNameEnc: Buffer;
  locale: string;
  isDemo: boolean;
  version: number;
};

const accountColumns = [
  'id',
  'password_hash',
  'status',
  'must_change_password',
  'mfa_enrolled_at',
  'mfa_secret_enc',
  'mfa_pending_secret_enc',
  'mfa_last_time_step',
  'email_enc',
  'display_name_enc',
  'locale',
  'is_demo',
  'version',
] as const;

type AccountRow = {
  id: string;
  password_hash: string;
  status: 'active' | 'disabled';
  must_change_password: boolean;
  mfa_enrolled_at: Date | null;
  mfa_secret_enc: Buffer | null;
  mfa_pending_secret_enc: Buffer | null;
  mfa_last_time_step: string | null;
  email_enc: Buffer;
  display_name_enc: Buffer;
  locale: string;
  is_demo: boolean;
  version: number;
};

function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    passwordHash: row.password_hash,
    status: row.status,
    mustChangePassword: row.must_change_password,
    mfaEnrolled: row.mfa_enrolled_at !== null,
    mfaSecretEnc: row.mfa_secret_enc,
    mfaPendingSecretEnc: row.mfa_pending_secret_enc,
    mfaLastTimeStep: row.mfa_last_time_step === null ? null : Number(row.mfa_last_time_step),
    emailEnc: row.email_enc,
    displayNameEnc: row.display_name_enc,
    locale: row.locale,
    isDemo: row.is_demo,
    version: row.version,
  };
}

/** Finds an account by the blind index of its e-mail address. */
export async function findAccountByEmailIndex(db: AuthDb, emailIndex: Buffer) {
  const row = await db
    .selectFrom('users')
    .select(accountColumns)
    .where('email_index', '=', emailIndex)
    .executeTakeFirst();
  return row && toAccount(row);
}

/** Finds an account by id. */
export async function findAccount(db: AuthDb, userId: string) {
  const row = await db.selectFrom('users').select(accountColumns).where('id', '=', userId).executeTakeFirst();
  return row && toAccount(row);
}

/** A session to create. */
export type NewSession = {
  id: Buffer;
  userId: string;
  stage: SessionStage;
  currentSocietyId: string | null;
  csrfToken: string;
  idleMs: number;
  absoluteMs: number;
  mfaVerified: boolean;
  device: string | null;
};

/** Creates a session; timestamps come from the database clock, like the checks that read them. */
export async function insertSession(db: AuthDb, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      stage: s.stage,
      current_society_id: s.currentSocietyId,
      csrf_token: s.csrfToken,
      idle_expires_at: sql<Date>`now() + ${`${Math.min(s.idleMs, s.absoluteMs)} milliseconds`}::interval`,
      absolute_expires_at: sql<Date>`now() + ${`${s.absoluteMs} milliseconds`}::interval`,
      mfa_verified_at: s.mfaVerified ? sql<Date>`now()` : null,
      step_up_at: s.mfaVerified ? sql<Date>`now()` : null,
      user_agent_family: s.device,
    })
    .execute();
}

/** The reason recorded when a session ends. */
export type EndReason =
  | 'signed-out'
  | 'signed-out-everywhere'
  | 'password-changed'
  | 'password-reset'
  | 'mfa-reset'
  | 'rotated'
  | 'ended-by-user'
  | 'membership-changed';

/** Ends one session. Returns whether it was live. */
export async function endSession(db: AuthDb, sessionId: Buffer, reason: EndReason): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: sql<Date>`now()`, ended_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends every live session of a user, except one if given. Returns how many ended. */
export async function endUserSessions(
  db: AuthDb,
  options: { userId: string; reason: EndReason; except?: Buffer },
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ ended_at: sql<Date>`now()`, ended_reason: options.reason })
    .where('user_id', '=', options.userId)
    .where('ended_at', 'is', null);
  if (options.except) query = query.where('id', '!=', options.except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Lists a user's live sessions, newest first. */
export async function listLiveSessions(db: AuthDb, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'user_agent_family', 'current_society_id'])
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('idle_expires_at', '>', sql<Date>`now()`)
    .where('absolute_expires_at', '>', sql<Date>`now()`)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Reads when a session stops being usable, for the session-expiry warning. */
export async function sessionExpiry(db: AuthDb, sessionId: Buffer) {
  return db
    .selectFrom('sessions')
    .select(['idle_expires_at', 'absolute_expires_at', 'step_up_at', 'current_society_id'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
}

/** Records a fresh second factor on a session. */
export async function markSteppedUp(db: AuthDb, sessionId: Buffer): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ step_up_at: sql<Date>`now()` })
    .where('id', '=', sessionId)
    .execute();
}

/** Moves a session to another society the user belongs to. */
export async function setSessionSociety(db: AuthDb, sessionId: Buffer, societyId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ current_society_id: societyId })
    .where('id', '=', sessionId)
    .execute();
}

/**
 * Records the time step of an accepted TOTP code. SECURITY: conditional, so two requests racing with the same
 * code cannot both succeed.
 */
export async function consumeTimeStep(db: AuthDb, userId: string, timeStep: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ mfa_last_time_step: timeStep })
    .where('id', '=', userId)
    .where((eb) =>
      eb.or([eb('mfa_last_time_step', 'is', null), eb('mfa_last_time_step', '<', String(timeStep))]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks a recovery code used, if it exists and was unused. SECURITY: conditional, so it works once only. */
export async function consumeRecoveryCode(db: AuthDb, userId: string, codeHash: Buffer): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Replaces a user's recovery codes. */
export async function replaceRecoveryCodes(db: AuthDb, userId: string, hashes: Buffer[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}
