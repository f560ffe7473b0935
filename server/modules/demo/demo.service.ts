import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inSociety, type SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import type { AccountKeys } from '../../crypto/accounts.ts';
import { ensureSocietyKeys, type Keys } from '../../crypto/society-keys.ts';
import { hashPassword } from '../auth/password.ts';
import { systemCreateAccount } from '../accounts/accounts.service.ts';
import { systemSeedDemoDirectory } from '../directory/directory.demo.ts';
import { findUserIdByEmailIndex, grantRoleRows, type SystemDb } from '../accounts/accounts.store.ts';
import { demoAccounts, demoNetwork, demoPassword, demoSociety, demoSocietyRole } from './demo.data.ts';
import type { DemoAccount } from './demo.data.ts';
import { clearDemoSociety, disableRetiredDemoAccounts } from './demo.store.ts';

/** What seeding runs with: the society keys (for the demo society's own keys) and the account keys. */
export type DemoDeps = { keys: Keys; accountKeys: AccountKeys };

const by = (requestId: string) => ({ actorUserId: null, actorRoles: [], requestId });

// One demo seed or reset at a time, across instances and the CLI.
const lockDemo = (tx: SystemDb) => sql`select pg_advisory_xact_lock(hashtext('passage:demo'))`.execute(tx);

async function upsertSociety(tx: SystemDb, societyId: string): Promise<void> {
  await tx
    .insertInto('societies')
    .values({
      id: societyId,
      name: demoSociety.name,
      country: demoSociety.country,
      time_zone: demoSociety.timeZone,
      is_demo: true,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: demoSociety.name,
        country: demoSociety.country,
        time_zone: demoSociety.timeZone,
        mfa_optional_roles: [],
        suppression_threshold: 10,
        default_locale: 'en',
        version: sql<number>`societies.version + 1`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/** Creates a demo account, or puts an existing one back as it was first seeded (password, authenticator, name). */
async function upsertDemoUser(tx: SystemDb, accountKeys: AccountKeys, account: DemoAccount) {
  const emailIndex = accountKeys.emailIndex(account.email);
  const userId = await findUserIdByEmailIndex(tx, emailIndex);
  if (!userId) {
    const input = { ...account, locale: 'en' as const, password: demoPassword, isDemo: true };
    return systemCreateAccount(tx, accountKeys, input);
  }
  const updated = await tx
    .updateTable('users')
    .set({
      display_name_enc: accountKeys.seal(userId, 'display_name', account.displayName),
      password_hash: await hashPassword(demoPassword),
      must_change_password: false,
      locale: 'en',
      status: 'active',
      mfa_secret_enc: accountKeys.seal(userId, 'mfa_secret', account.totpSecret),
      mfa_pending_secret_enc: null,
      mfa_enrolled_at: sql<Date>`now()`,
      mfa_last_time_step: null,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', userId)
    .where('is_demo', '=', true) // SECURITY: a real account that happens to use a demo address is never touched
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n)
    throw new Error(`${account.email} belongs to an account that is not a demo account: demo not loaded.`);
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await tx.deleteFrom('network_coordinators').where('user_id', '=', userId).execute();
  await tx
    .deleteFrom('auth_throttle')
    .where('key', 'in', [
      accountKeys.throttleKey('account', emailIndex.toString('hex')),
      accountKeys.throttleKey('mfa', userId),
    ])
    .execute();
  return { userId, created: false };
}

async function joinDemoNetwork(tx: SystemDb, societyId: string, coordinatorId: string): Promise<void> {
  const network = await tx
    .insertInto('networks')
    .values(demoNetwork)
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: demoNetwork.name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('network_societies')
    .values({ network_id: network.id, society_id: societyId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await tx
    .insertInto('network_coordinators')
    .values({ network_id: network.id, user_id: coordinatorId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Fills the demo society (inside the caller's society-scoped transaction) and writes its audit events last. */
async function seedInto(
  tx: SocietyTx,
  deps: DemoDeps,
  options: { societyId: string; reset: boolean; requestId: string },
): Promise<void> {
  const { societyId } = options;
  await upsertSociety(tx, societyId);
  await ensureSocietyKeys(deps.keys, tx, societyId);
  const teams = await tx
    .insertInto('teams')
    .values(demoSociety.teams.map((name) => ({ society_id: societyId, name })))
    .returning(['id', 'name'])
    .execute();
  const teamId = (name: string | undefined) => teams.find((t) => t.name === name)?.id;
  const events: Parameters<typeof appendAuditEvent>[1][] = [];
  events.push(...(await systemSeedDemoDirectory(tx, societyId)));
  for (const account of demoAccounts) {
    const { userId, created } = await upsertDemoUser(tx, deps.accountKeys, account);
    if (created) events.push({ kind: 'user.created', payload: {}, subjectId: userId });
    const role = demoSocietyRole(account);
    if (!role) {
      await joinDemoNetwork(tx, societyId, userId);
      continue;
    }
    await grantRoleRows(tx, { societyId, userId, roles: [role] });
    events.push({ kind: 'membership.granted', payload: { userId, roles: [role] }, subjectId: userId });
    const team = teamId(account.team);
    if (team)
      await tx
        .insertInto('team_members')
        .values({ society_id: societyId, team_id: team, user_id: userId })
        .execute();
  }
  await disableRetiredDemoAccounts(tx, deps.accountKeys);
  const first = options.reset
    ? { kind: 'demo.reset' as const, payload: {}, subjectId: societyId }
    : { kind: 'society.created' as const, payload: {}, subjectId: societyId };
  const teamEvents = teams.map((t) => ({ kind: 'team.created' as const, payload: {}, subjectId: t.id }));
  for (const event of [first, ...teamEvents, ...events])
    await appendAuditEvent(tx, { ...event, ...by(options.requestId) });
}

/** Creates the demo society with its teams, network and one account per role (fixed password and authenticator). */
export async function systemSeedDemo(
  systemDb: SystemDb,
  deps: DemoDeps,
  options: { requestId: string },
): Promise<{ societyId: string }> {
  const societyId = randomUUID();
  await inSociety(systemDb, societyId, async (tx) => {
    await lockDemo(tx);
    await seedInto(tx, deps, { societyId, reset: false, requestId: options.requestId });
  });
  return { societyId };
}

/**
 * Loads the demo society on the first start of an empty database (no society at all) and returns its id, or
 * undefined when the database already had a society. Call only in demo mode.
 */
export async function systemSeedDemoIfEmpty(
  systemDb: SystemDb,
  deps: DemoDeps,
): Promise<{ societyId: string } | undefined> {
  const societyId = randomUUID();
  return inSociety(systemDb, societyId, async (tx) => {
    await lockDemo(tx);
    const any = await tx.selectFrom('societies').select('id').limit(1).executeTakeFirst();
    if (any) return undefined;
    await seedInto(tx, deps, { societyId, reset: false, requestId: 'demo-seed' });
    return { societyId };
  });
}

/**
 * Puts the demo society back as first seeded: everything in it is deleted (but its audit records, which are
 * append-only, and its keys) and seeded again under the same id; demo accounts get their password and
 * authenticator back and lose their sessions. Creates the society when there is none. Call only in demo mode.
 */
export async function systemResetDemo(
  systemDb: SystemDb,
  deps: DemoDeps,
  options: { requestId: string },
): Promise<{ societyId: string; created: boolean }> {
  const existing = await systemDb
    .selectFrom('societies')
    .select('id')
    .where('is_demo', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!existing) return { ...(await systemSeedDemo(systemDb, deps, options)), created: true };
  await inSociety(systemDb, existing.id, async (tx) => {
    await lockDemo(tx);
    await clearDemoSociety(tx, existing.id);
    await seedInto(tx, deps, { societyId: existing.id, reset: true, requestId: options.requestId });
  });
  return { societyId: existing.id, created: false };
}
