import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import { createKysely } from '../db/kysely.ts';
import type { Database } from '../db/schema.ts';
import { destroyDataKey, ensureDataKey, getDataKey } from './data-keys.ts';
import { KeyUnavailableError } from './errors.ts';
import { decryptFieldText, encryptField } from './fields.ts';
import { systemKeyStatus, systemRewrapSocietyKeys } from './rotation.ts';
import { ensureSocietyKeys, insertSocietyKey, type Keys } from './society-keys.ts';
import { systemRotateSocietyKey } from './society-rotation.ts';
import { createTestSociety, testKeys, testRootKey } from './test-support.ts';

type Stored = { societyId: string; subjectId: string; ciphertext: Buffer };

/** A test database with two societies, each with keys and two people's encrypted names, all under `oldRoot`. */
async function createWorld() {
  const db = await createTestDatabase();
  const app = createKysely(db.app);
  const system = createKysely(db.system);
  const oldRoot = testRootKey();
  const newRoot = testRootKey();
  const stored: Stored[] = [];
  for (const name of ['Society A', 'Society B']) {
    const societyId = await createTestSociety(system, name);
    await inSociety(app, societyId, async (tx) => {
      const keys = testKeys(oldRoot);
      await ensureSocietyKeys(keys, tx, societyId);
      for (const person of ['Amina', 'Yusuf']) {
        const subjectId = randomUUID();
        const dataKey = await ensureDataKey(keys, tx, { societyId, subjectId });
        stored.push({ societyId, subjectId, ciphertext: encryptField(dataKey, field(subjectId), person) });
      }
    });
  }
  return { db, app, system, oldRoot, newRoot, stored };
}

function field(subjectId: string) {
  return { table: 'people', column: 'name', rowId: subjectId };
}

async function readAll(app: Kysely<Database>, keys: Keys, stored: Stored[]): Promise<string[]> {
  const names: string[] = [];
  for (const s of stored) {
    const dataKey = await inSociety(app, s.societyId, (tx) => getDataKey(keys, tx, s));
    names.push(decryptFieldText(dataKey, field(s.subjectId), s.ciphertext));
  }
  return names;
}

async function rootKeyIds(system: Kysely<Database>): Promise<string[]> {
  const rows = await system.selectFrom('society_keys').select('root_key_id').distinct().execute();
  return rows.map((r) => r.root_key_id);
}

let opened: TestDatabase | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

describe('root key rotation', () => {
  it('re-wraps every society key under the new root, keeps data readable, and re-wraps nothing on a second run', async () => {
    const w = await createWorld();
    opened = w.db;
    const rotating = testKeys(w.newRoot, w.oldRoot);
    expect(await readAll(w.app, rotating, w.stored)).toEqual(['Amina', 'Yusuf', 'Amina', 'Yusuf']);
    const before = await w.system
      .selectFrom('society_keys')
      .select('wrapped_key')
      .orderBy('society_id')
      .execute();

    const first = await systemRewrapSocietyKeys(rotating, w.system, { batchSize: 1 });
    expect(first).toEqual({
      fromRootKeyId: rotating.keyring.previous?.id,
      toRootKeyId: rotating.keyring.current.id,
      rewrapped: 4,
      alreadyCurrent: 0,
      remaining: 0,
    });
    expect(await rootKeyIds(w.system)).toEqual([rotating.keyring.current.id]);
    const after = await w.system
      .selectFrom('society_keys')
      .select('wrapped_key')
      .orderBy('society_id')
      .execute();
    after.forEach((row, i) =>
      expect(row.wrapped_key.equals(before[i]?.wrapped_key ?? Buffer.alloc(0))).toBe(false),
    );

    const newOnly = testKeys(w.newRoot);
    expect(await readAll(w.app, newOnly, w.stored)).toEqual(['Amina', 'Yusuf', 'Amina', 'Yusuf']);
    const second = await systemRewrapSocietyKeys(rotating, w.system);
    expect(second).toMatchObject({ rewrapped: 0, alreadyCurrent: 4, remaining: 0 });
  });

  it('refuses, naming the old root key id and what to set, when the old root key was removed before rotating', async () => {
    const w = await createWorld();
    opened = w.db;
    const newOnly = testKeys(w.newRoot);
    const oldId = testKeys(w.oldRoot).keyring.current.id;
    const read = readAll(w.app, newOnly, w.stored);
    await expect(read).rejects.toBeInstanceOf(KeyUnavailableError);
    await expect(read).rejects.toThrow(new RegExp(`root key ${oldId}.*PASSAGE_ROOT_KEY_PREVIOUS`));
    const rotate = systemRewrapSocietyKeys(newOnly, w.system);
    await expect(rotate).rejects.toMatchObject({ reason: 'root-key-not-configured' });
    await expect(rotate).rejects.toThrow(new RegExp(`4 under root key ${oldId}.*PASSAGE_ROOT_KEY_PREVIOUS`));
    expect(await rootKeyIds(w.system)).toEqual([oldId]);
  });

  it('refuses to start when the previous key configured is not the one that wraps the keys', async () => {
    const w = await createWorld();
    opened = w.db;
    const wrongPrevious = testKeys(w.newRoot, testRootKey());
    await expect(systemRewrapSocietyKeys(wrongPrevious, w.system)).rejects.toMatchObject({
      reason: 'root-key-not-configured',
    });
    expect(await rootKeyIds(w.system)).toEqual([testKeys(w.oldRoot).keyring.current.id]);
  });

  it('counts society keys per root key id, and data keys live and destroyed, in the status', async () => {
    const w = await createWorld();
    opened = w.db;
    const first = w.stored[0] as Stored;
    await inSociety(w.app, first.societyId, (tx) => destroyDataKey(tx, first));
    const rotating = testKeys(w.newRoot, w.oldRoot);
    const { previous, current } = rotating.keyring;
    expect(await systemKeyStatus(rotating, w.system)).toEqual({
      currentRootKeyId: current.id,
      previousRootKeyId: previous?.id,
      rootKeys: [
        { rootKeyId: current.id, societyKeys: 0, configured: 'current' },
        { rootKeyId: previous?.id, societyKeys: 4, configured: 'previous' },
      ],
      dataKeys: { live: 3, destroyed: 1, onOlderSocietyKey: 0 },
    });
    await systemRewrapSocietyKeys(rotating, w.system);
    const status = await systemKeyStatus(testKeys(w.newRoot), w.system);
    expect(status.rootKeys).toEqual([{ rootKeyId: current.id, societyKeys: 4, configured: 'current' }]);
  });
});

describe('society key rotation', () => {
  it("re-wraps a society's live data keys under a new key version, leaving other societies alone", async () => {
    const w = await createWorld();
    opened = w.db;
    const [a1, a2, b1] = w.stored as [Stored, Stored, Stored, Stored];
    await inSociety(w.app, a2.societyId, (tx) => destroyDataKey(tx, a2));
    const keys = testKeys(w.oldRoot);
    const report = await systemRotateSocietyKey(keys, w.system, a1.societyId, { batchSize: 1 });
    expect(report).toEqual({
      societyId: a1.societyId,
      version: 2,
      startedNewVersion: true,
      rewrappedDataKeys: 1,
    });
    const versions = await w.system
      .selectFrom('data_keys')
      .select(['subject_id', 'society_key_version'])
      .execute();
    const versionOf = (s: Stored) => versions.find((v) => v.subject_id === s.subjectId)?.society_key_version;
    expect([versionOf(a1), versionOf(a2), versionOf(b1)]).toEqual([2, null, 1]);
    expect(await readAll(w.app, testKeys(w.oldRoot), [a1, b1])).toEqual(['Amina', 'Amina']);
    const status = await systemKeyStatus(keys, w.system);
    expect(status.dataKeys.onOlderSocietyKey).toBe(0);
  });

  it('finishes an interrupted rotation instead of starting another', async () => {
    const w = await createWorld();
    opened = w.db;
    const [a1] = w.stored as [Stored];
    const keys = testKeys(w.oldRoot);
    // As if a run had added version 2 and stopped before re-wrapping.
    await insertSocietyKey(keys, w.system, { societyId: a1.societyId, purpose: 'kek', version: 2 });
    expect((await systemKeyStatus(keys, w.system)).dataKeys.onOlderSocietyKey).toBe(2);
    const report = await systemRotateSocietyKey(keys, w.system, a1.societyId);
    expect(report).toMatchObject({ version: 2, startedNewVersion: false, rewrappedDataKeys: 2 });
    expect(await readAll(w.app, testKeys(w.oldRoot), w.stored.slice(0, 2))).toEqual(['Amina', 'Yusuf']);
  });
});
