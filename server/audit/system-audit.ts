import type { Kysely } from 'kysely';
import { parseAuditEvent, type AuditEventInput } from '../../common/audit-events.ts';
import type { Database } from '../db/schema.ts';
import { systemChainId } from './audit.hash.ts';
import { nextChainRow, withTransaction, type AppendedAuditEvent } from './audit.writer.ts';

/** Writes one event to the system chain; the shape services take as a dependency. */
export type SystemAuditWriter = (db: Kysely<Database>, event: AuditEventInput) => Promise<AppendedAuditEvent>;

/**
 * Appends an event to the system chain (sign-in, sessions, second factors: what happens before a society is
 * known), inside `db` when it is a transaction, else in a transaction of its own. The app role may do this but
 * cannot read the system chain back.
 */
export const appendSystemAuditEvent: SystemAuditWriter = async (db, event) => {
  const fields = parseAuditEvent(event);
  return withTransaction(db, async (tx) => {
    // SECURITY: the row lock serialises appenders, as for society chains; the insert trigger backs it up.
    const head = await tx
      .selectFrom('system_audit_chain_head')
      .select(['seq', 'hash'])
      .where('id', '=', true)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const row = nextChainRow(
      systemChainId,
      { societyId: undefined, seq: BigInt(head.seq), hash: head.hash },
      fields,
    );
    await tx.insertInto('system_audit_events').values(row).execute();
    return { chainId: systemChainId, seq: BigInt(row.seq), hash: row.hash, occurredAt: row.occurred_at };
  });
};
