import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { backupPassage, restorePassage } from '../../cli/backup.ts';
import { createTestDatabase, testConfig, type TestDatabase } from '../../test/harness.ts';
import { backupDatabase, decryptBackup, findPgTool, parseIdentityFile, restoreDatabase } from './backup.ts';
import { createPool, openDatabases } from './connect.ts';
import { migrate, readMigrations } from './migrate.ts';
import { provisionAsSuperuser, type RoleUrls } from './roles.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'passage-backup-test-'));
const createdDatabases: string[] = [];
let source: TestDatabase;
let identity: string;
let recipient: string;

function superuserUrlOf(database: string): string {
  const url = new URL(inject('superuserUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A new, empty database provisioned like Passage's own: the roles exist, nothing is migrated. */
async function emptyDatabase(): Promise<{ name: string; urls: RoleUrls }> {
  const name = `passage_restore_${randomBytes(6).toString('hex')}`;
  createdDatabases.push(name);
  return { name, urls: await provisionAsSuperuser(inject('superuserUrl'), name) };
}

const societiesSql = 'select name, country from societies order by name';
const fileIn = (name: string) => path.join(tmp, name);

beforeAll(async () => {
  source = await createTestDatabase();
  const su = await source.superuser();
  // Enough incompressible rows that the dump spans several 64 KiB age chunks.
  const bulk = Array.from({ length: 6000 }, () => `Demo Society ${randomBytes(40).toString('hex')}`);
  await su.query(
    `insert into societies (name, country) select unnest($1::text[]), 'ZZ'
     union all values ('Demo National Society', 'XA'), ('Demo Island Society', 'XB')`,
    [bulk],
  );
  await su.end();
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
});

afterAll(async () => {
  await source.close();
  for (const name of createdDatabases) {
    await query(inject('superuserUrl'), `drop database if exists ${name} with (force)`);
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('backup', () => {
  test('refuses to run without a configured backup key', async () => {
    const outFile = fileIn('no-key.dump.age');
    await expect(
      backupDatabase({ sourceUrl: superuserUrlOf(source.name), recipients: [], outFile }),
    ).rejects.toThrow(/PASSAGE_BACKUP_RECIPIENTS.*passage backup keygen/s);
    expect(() => statSync(outFile)).toThrow();
  });

  test('refuses a secret identity given as a recipient', async () => {
    await expect(
      backupDatabase({
        sourceUrl: superuserUrlOf(source.name),
        recipients: [identity],
        outFile: fileIn('x'),
      }),
    ).rejects.toThrow(/holds a secret identity/);
  });

  test('refuses to dump through a role that row-level security would hide rows from', async () => {
    await expect(
      backupDatabase({
        sourceUrl: source.urls.owner,
        recipients: [recipient],
        outFile: fileIn('rls.dump.age'),
      }),
    ).rejects.toThrow(/row-level security.*BYPASSRLS/s);
  });

  test('names the pg_dump it needs when none is new enough or none is found', () => {
    expect(() => findPgTool({ name: 'pg_dump', serverMajor: 99 })).toThrow(
      /pg_dump 99 or newer.*postgresql-client-99.*PASSAGE_PG_BIN_DIR/,
    );
    expect(() => findPgTool({ name: 'pg_dump', serverMajor: 15, binDir: tmp })).toThrow(/found none in/);
    expect(findPgTool({ name: 'pg_dump', serverMajor: 15 }).major).toBeGreaterThanOrEqual(15);
  });
});

describe('restore', () => {
  let backupFile: string;

  beforeAll(async () => {
    backupFile = fileIn('round-trip.dump.age');
    const result = await backupDatabase({
      sourceUrl: superuserUrlOf(source.name),
      recipients: [recipient],
      outFile: backupFile,
    });
    expect(result.path).toBe(backupFile);
    expect(result.bytes).toBe(statSync(backupFile).size);
  });

  test('writes an owner-only file that holds neither the plaintext nor a readable dump', () => {
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(backupFile);
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(bytes.includes('Demo National Society')).toBe(false);
    expect(bytes.includes('PGDMP')).toBe(false);
  });

  test('brings back the same rows, owned by the owner role, with grants and row-level security kept', async () => {
    const target = await emptyDatabase();
    const plaintext = await decryptBackup({ file: backupFile, identities: [identity] });
    await restoreDatabase({ plaintext, ownerUrl: target.urls.owner });
    const url = superuserUrlOf(target.name);
    expect(await query(url, societiesSql)).toEqual(await query(superuserUrlOf(source.name), societiesSql));
    const [table] = await query<{ owner: string; forced: boolean; app: boolean; system: boolean }>(
      url,
      `select pg_get_userbyid(relowner) as owner, relforcerowsecurity as forced,
              has_table_privilege('passage_app', 'societies', 'select') as app,
              has_table_privilege('passage_system', 'societies', 'insert') as system
       from pg_class where oid = 'societies'::regclass`,
    );
    expect(table).toEqual({ owner: 'passage_owner', forced: true, app: true, system: true });
    const pool = createPool(target.urls.owner, { max: 2, statementTimeoutMs: 0, applicationName: 'test' });
    expect(await migrate(pool)).toEqual([]);
    await pool.end();
  });

  test('a backup from an older schema restores and then migrates up to date', async () => {
    const older = await emptyDatabase();
    const olderPool = createPool(older.urls.owner, {
      max: 2,
      statementTimeoutMs: 0,
      applicationName: 'test',
    });
    const all = readMigrations();
    await migrate(olderPool, all.slice(0, 1));
    await olderPool.end();
    const file = fileIn('older.dump.age');
    await backupDatabase({ sourceUrl: superuserUrlOf(older.name), recipients: [recipient], outFile: file });
    const target = await emptyDatabase();
    await restoreDatabase({
      plaintext: await decryptBackup({ file, identities: [identity] }),
      ownerUrl: target.urls.owner,
    });
    const pool = createPool(target.urls.owner, { max: 2, statementTimeoutMs: 0, applicationName: 'test' });
    expect(await migrate(pool)).toEqual(all.slice(1).map((m) => m.version));
    await pool.end();
  });

  test('refuses a target that already holds a Passage database', async () => {
    const before = await query(superuserUrlOf(source.name), 'select count(*)::int as n from societies');
    const plaintext = await decryptBackup({ file: backupFile, identities: [identity] });
    await expect(restoreDatabase({ plaintext, ownerUrl: source.urls.owner })).rejects.toThrow(
      /already holds a Passage database/,
    );
    expect(await query(superuserUrlOf(source.name), 'select count(*)::int as n from societies')).toEqual(
      before,
    );
  });

  test('refuses a target database that has tables of its own', async () => {
    const target = await emptyDatabase();
    await query(target.urls.owner, 'create table unrelated (id int)');
    const plaintext = await decryptBackup({ file: backupFile, identities: [identity] });
    await expect(restoreDatabase({ plaintext, ownerUrl: target.urls.owner })).rejects.toThrow(
      /not empty \(1 tables, views or sequences\)/,
    );
  });

  test('fails clearly with an identity the backup was not encrypted to', async () => {
    const other = fileIn('other.key');
    writeFileSync(other, `# public key: unused\n${await generateX25519Identity()}\n`);
    await expect(decryptBackup({ file: backupFile, identities: parseIdentityFile(other) })).rejects.toThrow(
      /cannot decrypt .* encrypted to another key/,
    );
  });

  test('refuses an identity file that holds no identity', () => {
    const file = fileIn('public.key');
    writeFileSync(file, `${recipient}\n`);
    expect(() => parseIdentityFile(file)).toThrow(/not an age identity file/);
  });

  test.each([
    [
      'damaged',
      (file: string) => {
        const bytes = readFileSync(file);
        bytes[Math.floor(bytes.length * 0.9)]! ^= 0xff;
        writeFileSync(file, bytes);
      },
    ],
    ['truncated', (file: string) => truncateSync(file, Math.floor(statSync(file).size * 0.9))],
  ])('restores nothing from a %s backup', async (_kind, spoil) => {
    const spoilt = fileIn(`spoilt-${randomBytes(4).toString('hex')}.dump.age`);
    writeFileSync(spoilt, readFileSync(backupFile));
    spoil(spoilt);
    const target = await emptyDatabase();
    const plaintext = await decryptBackup({ file: spoilt, identities: [identity] });
    await expect(restoreDatabase({ plaintext, ownerUrl: target.urls.owner })).rejects.toThrow(
      /damaged or incomplete.*nothing was restored/,
    );
    const [count] = await query<{ n: number }>(
      superuserUrlOf(target.name),
      `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
       where s.nspname in ('public', 'graphile_worker')`,
    );
    expect(count?.n).toBe(0);
  });
});

describe('embedded database', () => {
  // Two fresh clusters and three server starts: seconds on an idle machine, more on a busy CI runner.
  test('a backup of a running Passage restores into an empty data folder', { timeout: 90_000 }, async () => {
    const env = { PASSAGE_BACKUP_RECIPIENTS: recipient };
    const running = testConfig(env);
    const db = await openDatabases(running);
    let outFile: string;
    try {
      await migrate(db.owner);
      await db.system.query(`insert into societies (name, country) values ('Demo Embedded Society', 'XC')`);
      outFile = (await backupPassage(running, { outFile: fileIn('embedded.dump.age') })).path;
    } finally {
      await db.close();
    }
    const keyFile = fileIn('embedded.key');
    writeFileSync(keyFile, `${identity}\n`, { mode: 0o600 });
    const restored = testConfig(env);
    expect(await restorePassage(restored, { backupFile: outFile, identityFile: keyFile })).toEqual([]);
    // With no Passage running, the backup starts the embedded server itself and stops it again.
    const stopped = await backupPassage(restored, { outFile: fileIn('stopped.dump.age') });
    const plaintext = await decryptBackup({ file: stopped.path, identities: [identity] });
    const reader = plaintext.getReader();
    const { value } = await reader.read();
    await reader.cancel();
    expect(Buffer.from(value!.subarray(0, 5)).toString()).toBe('PGDMP');
    const again = await openDatabases(restored);
    try {
      const { rows } = await again.system.query('select name, country from societies');
      expect(rows).toEqual([{ name: 'Demo Embedded Society', country: 'XC' }]);
    } finally {
      await again.close();
      rmSync(running.dataDir, { recursive: true, force: true });
      rmSync(restored.dataDir, { recursive: true, force: true });
    }
  });
});
