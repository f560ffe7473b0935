import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inSociety } from '../server/access/scope.ts';
import {
  asSuperuserWithoutTriggers,
  createSociety,
  handles,
  teamUpdated,
} from '../server/audit/audit.test-support.ts';
import { appendAuditEvent } from '../server/audit/audit.writer.ts';
import type { Database } from '../server/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../test/harness.ts';
import { auditCommand, runAuditVerify } from './audit.ts';

let db: TestDatabase;
let app: Kysely<Database>;
let system: Kysely<Database>;
beforeAll(async () => {
  db = await createTestDatabase();
  ({ app, system } = handles(db));
});
afterAll(() => db.close());

async function verifyOutput(): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await runAuditVerify(system, { write: (t) => (text += t) });
  return { code, text };
}

describe('passage audit verify', () => {
  it('exits 0 when everything verifies, and 1 naming the first broken event by chain and seq', async () => {
    const society = await createSociety(db);
    for (let i = 1; i <= 3; i += 1)
      await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(i)));
    const clean = await verifyOutput();
    expect(clean.code).toBe(0);
    expect(clean.text).toContain(`society:${society}: 3 events up to seq 3`);
    expect(clean.text).toContain('The audit log verifies.');

    await asSuperuserWithoutTriggers(
      db,
      `update audit_events set actor_user_id = null where society_id = $1 and seq = 2`,
      [society],
    );
    const broken = await verifyOutput();
    expect(broken.code).toBe(1);
    expect(broken.text).toContain(`society:${society}: 3 events up to seq 3`);
    expect(broken.text).toContain('BROKEN at seq 2: hash-mismatch');
    expect(broken.text).toContain(`society:${society} seq 2: hash-mismatch`);
    expect(broken.text).toContain('The audit log does NOT verify.');
  });

  it('answers an unknown verb with usage and exit code 2', async () => {
    let text = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      text += String(chunk);
      return true;
    });
    try {
      expect(await auditCommand.run(['rewrite'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(text).toContain('passage audit verify');
  });
});
