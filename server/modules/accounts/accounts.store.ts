import { sql, type Kysely } from 'kysely';
import type { SocietyRole } from '../../../common/roles.ts';
import type { Database } from '../../db/schema.ts';

/**
 * The system role's handle (BYPASSRLS), or a transaction on it. SECURITY: only operator paths (the CLI, start-up
 * seeding) hold one; request code never does.
 */
export type SystemDb = Kysely<Database>;

/** A society as the operator names it: by id or by exact name. */
export type SocietyRef = { id: string; name: string; isDemo: boolean; defaultLocale: string };

/** An account row to insert; every personal value is already sealed by the caller. */
export type UserRow = {
  id: string;
  emailIndex: Buffer;
  emailEnc: Buffer;
  displayNameEnc: Buffer;
  passwordHash: string;
  mustChangePassword: boolean;
  locale: string;
  mfaSecretEnc: Buffer | null;
  isDemo: boolean;
};

/** Finds the id of the account with this e-mail blind index. */
export async function findUserIdByEmailIndex(db: SystemDb, emailIndex: Buffer): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email_index', '=', emailIndex)
    .executeTakeFirst();
  return row?.id;
}

/** Inserts an account unless one with the same e-mail exists; returns whether this call created it. */
export async function insertUser(db: SystemDb, user: UserRow): Promise<boolean> {
  const inserted = await db
    .insertInto('users')
    .values({
      id: user.id,
      email_index: user.emailIndex,
      email_enc: user.emailEnc,
      display_name_enc: user.displayNameEnc,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword,
      locale: user.locale,
      mfa_secret_enc: user.mfaSecretEnc,
      mfa_enrolled_at: user.mfaSecretEnc ? new Date() : null,
      is_demo: user.isDemo,
    })
    .onConflict((oc) => oc.column('email_index').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Gives a user roles in a society, creating the membership or adding to its roles; returns the roles that are
 * new (none when the user held them all already).
 */
export async function grantRoleRows(
  db: SystemDb,
  grant: { societyId: string; userId: string; roles: readonly SocietyRole[] },
): Promise<SocietyRole[]> {
  const before = await db
    .selectFrom('memberships')
    .select('roles')
    .where('society_id', '=', grant.societyId)
    .where('user_id', '=', grant.userId)
    .forUpdate()
    .executeTakeFirst();
  const held = new Set(before?.roles ?? []);
  const added = [...new Set(grant.roles)].filter((r) => !held.has(r));
  if (added.length === 0) return [];
  if (before) {
    await db
      .updateTable('memberships')
      .set({
        roles: [...held, ...added],
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('society_id', '=', grant.societyId)
      .where('user_id', '=', grant.userId)
      .execute();
  } else {
    await db
      .insertInto('memberships')
      .values({ society_id: grant.societyId, user_id: grant.userId, roles: added })
      .execute();
  }
  return added;
}

/** Finds a society by id, or else by exact name (an operator types either). */
export async function findSocietyRef(db: SystemDb, idOrName: string): Promise<SocietyRef | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const row = await db
    .selectFrom('societies')
    .select(['id', 'name', 'is_demo', 'default_locale'])
    .where((eb) => (isUuid ? eb('id', '=', idOrName) : eb('name', '=', idOrName)))
    .orderBy('created_at')
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, isDemo: row.is_demo, defaultLocale: row.default_locale };
}

/** Whether a society of that name exists already, compared without regard to case. */
export async function societyNameTaken(db: SystemDb, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('societies')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}
