import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { setsSocietyOnBegin, transactionSociety } from '../db/kysely.ts';

/** A transaction bound to one society: row-level security shows it that society's rows and nothing else. */
export type SocietyTx = Transaction<Database>;

/**
 * Runs `work` in one transaction on the app role with the society set for that transaction only.
 * SECURITY: this is how request code reaches tenant tables; the setting is transaction-local (set as the
 * transaction begins), so a pooled connection never carries one society's scope into the next request.
 */
export function inSociety<T>(
  appDb: Kysely<Database>,
  societyId: string,
  work: (tx: SocietyTx) => Promise<T>,
): Promise<T> {
  if (!setsSocietyOnBegin(appDb)) {
    // Any other Kysely (a test's logging instance, say): set the society with a statement of its own.
    return appDb.transaction().execute(async (tx) => {
      await sql`select set_config('passage.society_id', ${societyId}, true)`.execute(tx);
      return work(tx);
    });
  }
  return transactionSociety.run(societyId, () =>
    // The store is read when the transaction begins; inside `work` it is cleared, so a nested transaction (a
    // mistake) would not silently inherit it.
    appDb.transaction().execute((tx) => transactionSociety.exit(() => work(tx))),
  );
}
