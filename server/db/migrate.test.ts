import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../test/harness.ts';
import { poolsFor } from './connect.ts';
import { migrate, MigrationChecksumError, readMigrations } from './migrate.ts';

const folders: string[] = [];
const databases: TestDatabase[] = [];

/** A temporary migrations folder holding exactly these files. */
function migrationsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'passage-migrations-'));
  folders.push(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createEmptyDatabase();
  databases.push(db);
  return db;
}

async function appliedRows(db: TestDatabase) {
  const { rows } = await db.owner.query<{
    version: number;
    name: string;
    checksum: string;
    applied_at: Date;
  }>('select version, name, checksum, applied_at from passage_migrations order by version');
  return rows;
}

async function tableExists(db: TestDatabase, table: string): Promise<boolean> {
  const { rows } = await db.owner.query<{ found: string | null }>('select to_regclass($1)::text as found', [
    table,
  ]);
  return typeof rows[0]?.found === 'string';
}

const fakeMigrations = {
  '0001_first.sql': 'create table fake_first (id integer primary key);',
  '0002_second.sql': "create table fake_second (label text not null default 'fake');",
};

afterAll(async () => {
  await Promise.all(databases.map((db) => db.close()));
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

// Each test has its own database, so they run side by side.
describe.concurrent('applying migrations', () => {
  it('applies every migration to a fresh database and records its version, name and checksum', async ({
    expect,
  }) => {
    const db = await emptyDatabase();
    const migrations = readMigrations();
    expect(await migrate(db.owner, migrations)).toEqual(migrations.map((m) => m.version));
    const rows = await appliedRows(db);
    expect(rows.map((r) => [r.version, r.name, r.checksum])).toEqual(
      migrations.map((m) => [m.version, m.name, m.checksum]),
    );
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect(await tableExists(db, 'societies')).toBe(true);
    expect(await tableExists(db, 'graphile_worker.jobs')).toBe(true);
  });

  it('applies nothing on a second run and leaves the records as they were', async ({ expect }) => {
    const db = await emptyDatabase();
    const dir = migrationsFolder(fakeMigrations);
    await migrate(db.owner, readMigrations(dir));
    const before = await appliedRows(db);
    expect(await migrate(db.owner, readMigrations(dir))).toEqual([]);
    expect(await appliedRows(db)).toEqual(before);
  });

  it('applies only the migrations added since the last run', async ({ expect }) => {
    const db = await emptyDatabase();
    const dir = migrationsFolder({ '0001_first.sql': fakeMigrations['0001_first.sql'] });
    expect(await migrate(db.owner, readMigrations(dir))).toEqual([1]);
    writeFileSync(path.join(dir, '0002_second.sql'), fakeMigrations['0002_second.sql']);
    expect(await migrate(db.owner, readMigrations(dir))).toEqual([2]);
    expect((await appliedRows(db)).map((r) => r.version)).toEqual([1, 2]);
  });

  it('lets the app and system roles use the job queue after migrating', async ({ expect }) => {
    const db = await emptyDatabase();
    await migrate(db.owner, readMigrations(migrationsFolder(fakeMigrations)));
    await db.system.query("select graphile_worker.add_job('fake:task', '{}'::json)");
    const { rows } = await db.system.query<{ n: number }>(
      'select count(*)::int as n from graphile_worker.jobs',
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe.concurrent('refusing changed or misplaced migrations', () => {
  it('stops with MigrationChecksumError naming the file when an applied migration has changed', async ({
    expect,
  }) => {
    const db = await emptyDatabase();
    const dir = migrationsFolder(fakeMigrations);
    await migrate(db.owner, readMigrations(dir));
    writeFileSync(path.join(dir, '0002_second.sql'), 'create table fake_second (label text);');
    const error: unknown = await migrate(db.owner, readMigrations(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumError);
    const message = (error as Error).message;
    expect(message).toContain('0002_second.sql');
    expect(message).toContain('restore the original file and add a new migration');
  });

  it('applies nothing new when an earlier migration has changed', async ({ expect }) => {
    const db = await emptyDatabase();
    const dir = migrationsFolder({ '0001_first.sql': fakeMigrations['0001_first.sql'] });
    await migrate(db.owner, readMigrations(dir));
    writeFileSync(path.join(dir, '0001_first.sql'), 'create table fake_first (id bigint primary key);');
    writeFileSync(path.join(dir, '0002_second.sql'), fakeMigrations['0002_second.sql']);
    await expect(migrate(db.owner, readMigrations(dir))).rejects.toThrow(MigrationChecksumError);
    expect(await tableExists(db, 'fake_second')).toBe(false);
    expect((await appliedRows(db)).map((r) => r.version)).toEqual([1]);
  });

  it('refuses to run against a database migrated by a newer Passage', async ({ expect }) => {
    const db = await emptyDatabase();
    await migrate(db.owner, readMigrations(migrationsFolder(fakeMigrations)));
    const older = readMigrations(migrationsFolder({ '0001_first.sql': fakeMigrations['0001_first.sql'] }));
    await expect(migrate(db.owner, older)).rejects.toThrow(/migration 2 applied.*Deploy the newer version/);
  });

  it.each([
    ['0001-first.sql'],
    ['1_first.sql'],
    ['0001_First.sql'],
    ['0001_first step.sql'],
    ['00001_first.sql'],
  ])('refuses a migration file named %s', (file) => {
    const dir = migrationsFolder({ [file]: 'select 1;' });
    expect(() => readMigrations(dir)).toThrow(`Migration file ${file} is not named NNNN_name.sql.`);
  });

  it('refuses a gap in the numbering', () => {
    const dir = migrationsFolder({ '0001_first.sql': 'select 1;', '0003_third.sql': 'select 3;' });
    expect(() => readMigrations(dir)).toThrow(
      'Migration 0003_third.sql is out of sequence: expected number 2.',
    );
  });

  it('refuses two migrations with the same number', () => {
    const dir = migrationsFolder({ '0001_first.sql': 'select 1;', '0001_other.sql': 'select 1;' });
    expect(() => readMigrations(dir)).toThrow(/out of sequence/);
  });

  it('refuses a folder that does not start at 0001', () => {
    const dir = migrationsFolder({ '0002_second.sql': 'select 2;' });
    expect(() => readMigrations(dir)).toThrow(/out of sequence: expected number 1/);
  });

  it('ignores files that are not .sql', () => {
    const dir = migrationsFolder({ '0001_first.sql': 'select 1;', 'README.md': '# notes' });
    expect(readMigrations(dir).map((m) => m.name)).toEqual(['first']);
  });

  it('finds the shipped migrations numbered without gaps', () => {
    const shipped = readMigrations();
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.map((m) => m.version)).toEqual(shipped.map((_m, i) => i + 1));
  });
});

// Each test has its own database, so they run side by side.
describe.concurrent('a failing migration', () => {
  it('rolls back completely: no half-applied schema and no record of it', async ({ expect }) => {
    const db = await emptyDatabase();
    const dir = migrationsFolder({
      '0001_first.sql': fakeMigrations['0001_first.sql'],
      '0002_broken.sql': `create table fake_half (id integer primary key);
        insert into fake_half values (1);
        alter table fake_first add column fake_note text;
        select 1 / 0;`,
    });
    await expect(migrate(db.owner, readMigrations(dir))).rejects.toThrow(
      'Migration 2 (broken) failed: division by zero',
    );
    expect(await tableExists(db, 'fake_first')).toBe(true);
    expect(await tableExists(db, 'fake_half')).toBe(false);
    const { rows } = await db.owner.query(
      "select 1 from information_schema.columns where table_name = 'fake_first' and column_name = 'fake_note'",
    );
    expect(rows).toHaveLength(0);
    expect((await appliedRows(db)).map((r) => r.version)).toEqual([1]);
  });

  it('is applied once fixed, on the next run', async ({ expect }) => {
    const db = await emptyDatabase();
    const dir = migrationsFolder({
      '0001_broken.sql': 'create table fake_later (id integer); select 1 / 0;',
    });
    await expect(migrate(db.owner, readMigrations(dir))).rejects.toThrow(/failed/);
    writeFileSync(path.join(dir, '0001_broken.sql'), 'create table fake_later (id integer);');
    expect(await migrate(db.owner, readMigrations(dir))).toEqual([1]);
    expect(await tableExists(db, 'fake_later')).toBe(true);
  });

  it('releases the migration lock, so another instance can migrate afterwards', async ({ expect }) => {
    const db = await emptyDatabase();
    const broken = readMigrations(migrationsFolder({ '0001_broken.sql': 'select 1 / 0;' }));
    await expect(migrate(db.owner, broken)).rejects.toThrow(/failed/);
    const other = poolsFor(db.urls, { poolSize: 1, requestTimeoutMs: 5_000 });
    try {
      const fixed = readMigrations(migrationsFolder({ '0001_broken.sql': 'select 1;' }));
      expect(await migrate(other.owner, fixed)).toEqual([1]);
    } finally {
      await Promise.all([other.owner.end(), other.app.end(), other.system.end()]);
    }
  });
});

// Each test has its own database, so they run side by side.
describe.concurrent('instances starting together', () => {
  it('applies each migration exactly once when four instances migrate a fresh database at once', async ({
    expect,
  }) => {
    const db = await emptyDatabase();
    const migrations = readMigrations();
    const instances = Array.from({ length: 4 }, () =>
      poolsFor(db.urls, { poolSize: 1, requestTimeoutMs: 30_000 }),
    );
    try {
      const results = await Promise.all(instances.map((pools) => migrate(pools.owner, migrations)));
      expect(results.flat().sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version));
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    } finally {
      await Promise.all(instances.flatMap((p) => [p.owner.end(), p.app.end(), p.system.end()]));
    }
    expect((await appliedRows(db)).map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });
});
