import { sql, type Kysely } from 'kysely';
import type { AccountKeys } from '../../crypto/accounts.ts';
import type { Database } from '../../db/schema.ts';
import type { SystemDb } from '../accounts/accounts.store.ts';
import { demoAccounts, type DemoAccount } from './demo.data.ts';

// Kept when the demo society is reset: the society row itself (its id stays, so its audit chain goes on), its keys
// (a running instance may hold them unwrapped in its cache) and the append-only audit tables, which refuse deletes.
const keptTables = new Set(['societies', 'society_keys', 'audit_events', 'audit_reads', 'audit_chain_heads']);

/**
 * The tables holding rows of a society (those with a `society_id` column), ordered so that a table comes before
 * every table it references. Read from the catalogue, so tables added by later migrations are cleared too.
 */
async function societyTablesInDeleteOrder(tx: SystemDb): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'society_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(tx);
  const { rows: references } = await sql<{ referencing: string; referenced: string }>`
    select f.relname as referencing, t.relname as referenced
    from pg_constraint k
    join pg_class f on f.oid = k.conrelid
    join pg_class t on t.oid = k.confrelid
    join pg_namespace n on n.oid = f.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`.execute(tx);
  const remaining = new Set(tables.map((t) => t.name).filter((name) => !keptTables.has(name)));
  const order: string[] = [];
  while (remaining.size > 0) {
    const next = [...remaining].find(
      (table) => !references.some((r) => r.referenced === table && remaining.has(r.referencing)),
    );
    if (!next)
      throw new Error(`The society tables reference each other in a cycle: ${[...remaining].join(', ')}.`);
    order.push(next);
    remaining.delete(next);
  }
  return order;
}

/**
 * Deletes every row of the demo society except the society itself, its keys and its audit records, and ends the
 * sessions of demo accounts and of anyone who was a member of, or acting in, the demo society. SECURITY: refuses any society that is not
 * a demo society; the caller holds the transaction, so a failure leaves everything as it was.
 */
export async function clearDemoSociety(tx: SystemDb, societyId: string): Promise<void> {
  const society = await tx
    .selectFrom('societies')
    .select('is_demo')
    .where('id', '=', societyId)
    .forUpdate()
    .executeTakeFirst();
  if (!society?.is_demo) throw new Error(`Society ${societyId} is not the demo society: nothing is cleared.`);
  await tx
    .updateTable('sessions')
    .set({ ended_at: sql<Date>`now()`, ended_reason: 'membership-changed' })
    .where('ended_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('current_society_id', '=', societyId),
        eb('user_id', 'in', eb.selectFrom('users').select('users.id').where('users.is_demo', '=', true)),
        eb(
          'user_id',
          'in',
          eb
            .selectFrom('memberships')
            .select('memberships.user_id')
            .where('memberships.society_id', '=', societyId),
        ),
      ]),
    )
    .execute();
  for (const table of await societyTablesInDeleteOrder(tx)) {
    await sql`delete from ${sql.table(table)} where society_id = ${societyId}`.execute(tx);
  }
}

/**
 * Disables demo accounts that are no longer in the list (an older version's), so a reset leaves only the
 * accounts shown on the sign-in page able to sign in.
 */
export async function disableRetiredDemoAccounts(tx: SystemDb, accountKeys: AccountKeys): Promise<void> {
  await tx
    .updateTable('users')
    .set({ status: 'disabled', version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('is_demo', '=', true)
    .where(
      'email_index',
      'not in',
      demoAccounts.map((a) => accountKeys.emailIndex(a.email)),
    )
    .execute();
}

/**
 * The demo accounts that exist and may sign in (seeding may not have run: a database that had a society before
 * demo mode was turned on has none). Read with the app role: `users` is a global table.
 */
export async function findSeededDemoAccounts(
  db: Kysely<Database>,
  accountKeys: AccountKeys,
): Promise<DemoAccount[]> {
  const indexes = demoAccounts.map((a) => accountKeys.emailIndex(a.email));
  const rows = await db
    .selectFrom('users')
    .select('email_index')
    .where('is_demo', '=', true)
    .where('status', '=', 'active')
    .where('email_index', 'in', indexes)
    .execute();
  const seeded = new Set(rows.map((r) => r.email_index.toString('hex')));
  return demoAccounts.filter((_, i) => seeded.has((indexes[i] as Buffer).toString('hex')));
}
