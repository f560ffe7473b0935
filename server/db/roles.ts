import { createHmac } from 'node:crypto';
import pg from 'pg';

/** The three database roles Passage runs with (see ARCHITECTURE.md, "Tenancy and access"). */
export const roleNames = { owner: 'passage_owner', app: 'passage_app', system: 'passage_system' } as const;

/** Connection URLs for the owner, app and system roles of one database. */
export type RoleUrls = { owner: string; app: string; system: string };

/** Derives a role's password from the cluster's superuser password, so only one secret is stored. */
export function derivedPassword(superuserPassword: string, role: string): string {
  return createHmac('sha256', superuserPassword).update(`passage-role:${role}`).digest('base64url');
}

function withCredentials(base: string, user: string, password: string, database: string): string {
  const url = new URL(base);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * As a superuser: creates (or refreshes) the three login roles and the database owned by the owner role.
 * Used by the embedded server and by the test harness; production either gives three URLs or one owner URL.
 */
export async function provisionAsSuperuser(superuserUrl: string, database: string): Promise<RoleUrls> {
  const superuserPassword = decodeURIComponent(new URL(superuserUrl).password);
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const attributes = { owner: 'login', app: 'login', system: 'login bypassrls' } as const;
    for (const key of ['owner', 'app', 'system'] as const) {
      const role = roleNames[key];
      const password = client.escapeLiteral(derivedPassword(superuserPassword, role));
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      const verb = exists.rowCount ? 'alter' : 'create';
      await client.query(`${verb} role ${role} with ${attributes[key]} password ${password}`);
    }
    const db = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!db.rowCount)
      await client.query(`create database ${client.escapeIdentifier(database)} owner ${roleNames.owner}`);
    await client.query(`revoke all on database ${client.escapeIdentifier(database)} from public`);
    await client.query(
      `grant connect on database ${client.escapeIdentifier(database)} to ${roleNames.app}, ${roleNames.system}`,
    );
  } finally {
    await client.end();
  }
  const url = (key: keyof typeof roleNames) =>
    withCredentials(
      superuserUrl,
      roleNames[key],
      derivedPassword(superuserPassword, roleNames[key]),
      database,
    );
  return { owner: url('owner'), app: url('app'), system: url('system') };
}

/**
 * With one owner URL in production: makes sure `passage_app` and `passage_system` exist (without login) and that
 * the owner may `SET ROLE` to them; the app and system pools then connect as the owner and switch role at once.
 */
export async function provisionFromOwner(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    for (const [role, attrs] of [
      [roleNames.app, 'nologin'],
      [roleNames.system, 'nologin bypassrls'],
    ] as const) {
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      if (!exists.rowCount) {
        try {
          await client.query(`create role ${role} ${attrs}`);
        } catch (error) {
          throw new Error(
            `The owner role in DATABASE_URL cannot create the role ${role} (${(error as Error).message}). Create it as a superuser (${role === roleNames.system ? 'CREATE ROLE passage_system NOLOGIN BYPASSRLS' : 'CREATE ROLE passage_app NOLOGIN'}), or give PASSAGE_APP_DATABASE_URL and PASSAGE_SYSTEM_DATABASE_URL.`,
            { cause: error },
          );
        }
      }
      await client.query(`grant ${role} to current_user`);
    }
  } finally {
    await client.end();
  }
}
