import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A transaction bound to one society: row-level security shows it that society's rows and nothing else. */
export type SocietyTx = Transaction<Database>;

/**
 * Runs `work` in one transaction on the app role with the society set for that transaction only.
 * SECURITY: this is how request code reaches tenant tables; the setting is transaction-local, so a pooled
 * connection never carries one society's scope into the next request.
 */
export function inSociety<T>(
  appDb: Kysely<Database>,
  societyId: string,
  work: (tx: SocietyTx) => Promise<T>,
) {
  return appDb.transaction().execute(async (tx) => {
    await sql`select set_config('passage.society_id', ${societyId}, true)`.execute(tx);
    return work(tx);
  });
}
