import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parseAuditEvent, type AuditEventInput } from '../../common/audit-events.ts';
import type { TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import { createKysely } from '../db/kysely.ts';
import type { Database } from '../db/schema.ts';
import { societyChainId } from './audit.hash.ts';
import { lockSocietyChainHead, nextChainRow } from './audit.writer.ts';

/** Kysely handles on a test database's app and system pools. */
export function handles(db: TestDatabase): { app: Kysely<Database>; system: Kysely<Database> } {
  return { app: createKysely(db.app), system: createKysely(db.system) };
}

/** Inserts an obviously fake society (as the system role) and returns its id. */
export async function createSociety(db: TestDatabase, name = 'Test Society'): Promise<string> {
  const { rows } = await db.system.query<{ id: string }>(
    `insert into societies (name, country) values ($1, 'XA') returning id`,
    [name],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no society inserted');
  return id;
}

/** A valid event with ids only, numbered so tests can tell events apart. */
export function teamUpdated(n: number): AuditEventInput {
  return {
    kind: 'team.updated',
    subjectId: randomUUID(),
    actorUserId: randomUUID(),
    actorRoles: ['administrator'],
    requestId: `req-${n}`,
    payload: { fields: ['name', 'members'] },
  };
}

/**
 * Runs SQL as a superuser with triggers off (session_replication_role = replica), as an attacker with full
 * database rights would, to tamper with the append-only tables.
 */
export async function asSuperuserWithoutTriggers(db: TestDatabase, text: string, values: unknown[] = []) {
  const client = await db.superuser();
  try {
    await client.query('set session_replication_role = replica');
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Appends a valid, properly chained event with a chosen time, as the writer would at that time. */
export async function insertEventDated(
  app: Kysely<Database>,
  societyId: string,
  occurredAt: Date,
): Promise<void> {
  await inSociety(app, societyId, async (tx) => {
    const head = await lockSocietyChainHead(tx);
    const row = nextChainRow(societyChainId(societyId), head, parseAuditEvent(teamUpdated(0)), occurredAt);
    await tx
      .insertInto('audit_events')
      .values({ society_id: societyId, ...row })
      .execute();
  });
}
