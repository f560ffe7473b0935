import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import { createKysely } from '../db/kysely.ts';
import type { Database } from '../db/schema.ts';
import { blindIndexes, getBlindIndexKey } from './blind-index.ts';
import { destroyDataKey, ensureDataKey, getDataKey } from './data-keys.ts';
import { KeyUnavailableError } from './errors.ts';
import { decryptFieldText, encryptField } from './fields.ts';
import { ensureSocietyKeys, getCurrentSocietyKey } from './society-keys.ts';
import { createTestSociety, testKeys, testRootKey } from './test-support.ts';

let db: TestDatabase;
let app: Kysely<Database>;
let system: Kysely<Database>;
let societyA: string;
let societyB: string;
const root = testRootKey();
const keys = testKeys(root);

async function expectUnavailable(promise: Promise<unknown>, reason: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyUnavailableError);
  expect((error as KeyUnavailableError).reason).toBe(reason);
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = createKysely(db.app);
  system = createKysely(db.system);
  societyA = await createTestSociety(system, 'Society A');
  societyB = await createTestSociety(system, 'Society B');
});

afterAll(async () => {
  await db.close();
});

describe('society keys', () => {
  it('creates a key-encryption key and a blind-index key per society, wrapped by the current root key', async () => {
    await inSociety(app, societyA, (tx) => ensureSocietyKeys(keys, tx, societyA));
    const rows = await system
      .selectFrom('society_keys')
      .selectAll()
      .where('society_id', '=', societyA)
      .execute();
    expect(rows.map((r) => [r.purpose, r.version, r.root_key_id]).sort()).toEqual([
      ['blind-index', 1, keys.keyring.current.id],
      ['kek', 1, keys.keyring.current.id],
    ]);
  });

  it('keeps the first keys when asked to create them again, even from a process with an empty cache', async () => {
    const first = await inSociety(app, societyA, (tx) => getCurrentSocietyKey(keys, tx, societyA, 'kek'));
    const fresh = testKeys(root);
    await inSociety(app, societyA, (tx) => ensureSocietyKeys(fresh, tx, societyA));
    const again = await inSociety(app, societyA, (tx) => getCurrentSocietyKey(fresh, tx, societyA, 'kek'));
    expect(again.key.equals(first.key)).toBe(true);
  });

  it('stores no plaintext society key or data key in the database', async () => {
    const subject = { societyId: societyA, subjectId: randomUUID() };
    const { kek, index, data } = await inSociety(app, societyA, async (tx) => ({
      kek: await getCurrentSocietyKey(keys, tx, societyA, 'kek'),
      index: await getBlindIndexKey(keys, tx, societyA),
      data: await ensureDataKey(keys, tx, subject),
    }));
    const client = await db.superuser();
    try {
      const { rows } = await client.query<{ bytes: Buffer }>(
        `select wrapped_key as bytes from society_keys union all
         select wrapped_key from data_keys where wrapped_key is not null`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const secret of [kek.key, index.key, data.key].map((k) => k.export())) {
        for (const row of rows) expect(row.bytes.includes(secret)).toBe(false);
        for (const row of rows) expect(row.bytes.toString('hex')).not.toContain(secret.toString('hex'));
      }
    } finally {
      await client.end();
    }
  });
});

describe('data keys', () => {
  it('creates a data key once and loads the same key later, in a process with an empty cache', async () => {
    const subject = { societyId: societyA, subjectId: randomUUID() };
    const field = { table: 'people', column: 'name', rowId: subject.subjectId };
    const stored = await inSociety(app, societyA, async (tx) =>
      encryptField(await ensureDataKey(keys, tx, subject), field, 'Amina Haddad'),
    );
    const fresh = testKeys(root);
    const again = await inSociety(app, societyA, (tx) => ensureDataKey(fresh, tx, subject));
    const loaded = await inSociety(app, societyA, (tx) => getDataKey(fresh, tx, subject));
    expect(decryptFieldText(again, field, stored)).toBe('Amina Haddad');
    expect(decryptFieldText(loaded, field, stored)).toBe('Amina Haddad');
  });

  it('fails with the "erased" error once the data key is destroyed, and never issues a new one', async () => {
    const subject = { societyId: societyA, subjectId: randomUUID() };
    await inSociety(app, societyA, (tx) => ensureDataKey(keys, tx, subject));
    expect(await inSociety(app, societyA, (tx) => destroyDataKey(tx, subject))).toBe('destroyed');
    await expectUnavailable(
      inSociety(app, societyA, (tx) => getDataKey(keys, tx, subject)),
      'erased',
    );
    await expectUnavailable(
      inSociety(app, societyA, (tx) => ensureDataKey(keys, tx, subject)),
      'erased',
    );
    expect(await inSociety(app, societyA, (tx) => destroyDataKey(tx, subject))).toBe('already-destroyed');
    const row = await system
      .selectFrom('data_keys')
      .selectAll()
      .where('subject_id', '=', subject.subjectId)
      .executeTakeFirstOrThrow();
    expect(row.wrapped_key).toBeNull();
    expect(row.society_key_version).toBeNull();
    expect(row.destroyed_at).toBeInstanceOf(Date);
  });

  it('refuses to restore a destroyed data key, even for the system role', async () => {
    const subject = { societyId: societyA, subjectId: randomUUID() };
    await inSociety(app, societyA, (tx) => ensureDataKey(keys, tx, subject));
    const { wrapped_key } = await system
      .selectFrom('data_keys')
      .select('wrapped_key')
      .where('subject_id', '=', subject.subjectId)
      .executeTakeFirstOrThrow();
    await inSociety(app, societyA, (tx) => destroyDataKey(tx, subject));
    const restore = system
      .updateTable('data_keys')
      .set({ wrapped_key, society_key_version: 1, destroyed_at: null })
      .where('subject_id', '=', subject.subjectId)
      .execute();
    await expect(restore).rejects.toThrow(/destroyed and cannot change/);
  });

  it('reports a subject without a data key as not found', async () => {
    const subject = { societyId: societyA, subjectId: randomUUID() };
    await expectUnavailable(
      inSociety(app, societyA, (tx) => getDataKey(keys, tx, subject)),
      'not-found',
    );
    await expectUnavailable(
      inSociety(app, societyA, (tx) => destroyDataKey(tx, subject)),
      'not-found',
    );
  });

  it('loads a data key with one query once the society key is cached', async () => {
    const subject = { societyId: societyA, subjectId: randomUUID() };
    await inSociety(app, societyA, (tx) => ensureDataKey(keys, tx, subject));
    const queries: string[] = [];
    const counted = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: db.app }),
      log: (event) => void queries.push(event.query.sql),
    });
    await inSociety(counted, societyA, (tx) => getDataKey(keys, tx, subject));
    const keyQueries = queries.filter((q) => /society_keys|data_keys/.test(q));
    expect(keyQueries).toHaveLength(1);
    expect(keyQueries[0]).toMatch(/from "data_keys"/);
  });
});

describe('isolation between societies', () => {
  it("hides a society's keys from another society's transactions, whatever the cache holds", async () => {
    const subject = { societyId: societyA, subjectId: randomUUID() };
    await inSociety(app, societyA, (tx) => ensureDataKey(keys, tx, subject)); // the cache is warm for A
    const visible = await inSociety(app, societyB, async (tx) => ({
      societyKeys: await tx
        .selectFrom('society_keys')
        .select('purpose')
        .where('society_id', '=', societyA)
        .execute(),
      dataKeys: await tx
        .selectFrom('data_keys')
        .select('subject_id')
        .where('society_id', '=', societyA)
        .execute(),
    }));
    expect(visible).toEqual({ societyKeys: [], dataKeys: [] });
    await expectUnavailable(
      inSociety(app, societyB, (tx) => getDataKey(keys, tx, subject)),
      'not-found',
    );
    await expect(inSociety(app, societyB, (tx) => getBlindIndexKey(keys, tx, societyA))).rejects.toThrow(
      /row-level security/,
    );
  });

  it('shows the app role no keys outside a society transaction', async () => {
    const rows = await app.selectFrom('society_keys').select('society_id').execute();
    expect(rows).toEqual([]);
  });

  it('lets the app role neither rewrite society keys nor delete or move data keys', async () => {
    const subject = { societyId: societyA, subjectId: randomUUID() };
    await inSociety(app, societyA, (tx) => ensureDataKey(keys, tx, subject));
    const attempts: ((tx: Kysely<Database>) => Promise<unknown>)[] = [
      (tx: Kysely<Database>) =>
        tx.updateTable('society_keys').set({ root_key_id: '0000000000000000' }).execute(),
      (tx: Kysely<Database>) =>
        tx.deleteFrom('data_keys').where('subject_id', '=', subject.subjectId).execute(),
      (tx: Kysely<Database>) =>
        tx
          .updateTable('data_keys')
          .set({ subject_id: randomUUID() })
          .where('subject_id', '=', subject.subjectId)
          .execute(),
      (tx: Kysely<Database>) => sql`truncate data_keys`.execute(tx),
    ];
    for (const attempt of attempts) {
      await expect(inSociety(app, societyA, attempt)).rejects.toThrow(/permission denied/);
    }
  });
});

describe('blind indexes from society keys', () => {
  it('gives the same index for the same normalised value, and different indexes in another society', async () => {
    const [a, b] = await Promise.all([
      inSociety(app, societyA, (tx) => getBlindIndexKey(keys, tx, societyA)),
      inSociety(app, societyB, (tx) => getBlindIndexKey(keys, tx, societyB)),
    ]);
    const inA = blindIndexes(a, 'phone', '+44 20 7946 0000');
    expect(inA).toHaveLength(1);
    expect(blindIndexes(a, 'phone', '+44-20-7946-0000')).toEqual(inA);
    expect(blindIndexes(b, 'phone', '+44 20 7946 0000')).not.toEqual(inA);
    expect(blindIndexes(a, 'phone', '+44 20 7946 0001')).not.toEqual(inA);
  });
});
