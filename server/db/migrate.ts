import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { Logger, runMigrations as installWorkerSchema } from 'graphile-worker';

/** Where the numbered plain-SQL migrations live. */
export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** A migration file found on disk. */
export type Migration = { version: number; name: string; sql: string; checksum: string };

/** Raised when an applied migration's file has changed since it ran: the schema can no longer be trusted. */
export class MigrationChecksumError extends Error {
  override name = 'MigrationChecksumError';
}

// Any fixed number works; it only has to be the same for every Passage instance on the database.
const MIGRATION_LOCK = 7_201_514;

/** Reads and checks the migration files: `NNNN_name.sql`, numbered 1, 2, 3… without gaps. */
export function readMigrations(dir = migrationsDir): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file, index) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file ${file} is not named NNNN_name.sql.`);
    const version = Number(match[1]);
    if (version !== index + 1)
      throw new Error(`Migration ${file} is out of sequence: expected number ${index + 1}.`);
    const sql = readFileSync(path.join(dir, file), 'utf8');
    return {
      version,
      name: match[2] as string,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  });
}

/** Grants the app and system roles what they need on graphile-worker's schema (which it may extend on upgrade). */
const workerGrants = `
  grant usage on schema graphile_worker to passage_app, passage_system;
  grant select, insert, update, delete on all tables in schema graphile_worker to passage_system;
  grant usage, select on all sequences in schema graphile_worker to passage_app, passage_system;
  grant execute on all functions in schema graphile_worker to passage_app, passage_system;
  grant select, insert on all tables in schema graphile_worker to passage_app;
`;

/**
 * Applies pending migrations as the owner role, under a session advisory lock so that two instances starting
 * together never migrate at once. Installs graphile-worker's schema first (later migrations build on it).
 * Returns the versions applied by this call.
 */
export async function migrate(ownerPool: pg.Pool, migrations = readMigrations()): Promise<number[]> {
  const client = await ownerPool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await installWorkerSchema({ pgPool: ownerPool, logger: quietWorkerLogger });
    await client.query(`create table if not exists passage_migrations (
      version integer primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'select version, name, checksum from passage_migrations order by version',
    );
    const applied = new Map(rows.map((r) => [r.version, r]));
    for (const m of migrations) {
      const done = applied.get(m.version);
      if (done && done.checksum !== m.checksum) {
        throw new MigrationChecksumError(
          `Migration ${String(m.version).padStart(4, '0')}_${m.name}.sql has changed since it was applied (checksum ${done.checksum.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… on disk). Migrations are forward-only: restore the original file and add a new migration for the change.`,
        );
      }
    }
    const latest = Math.max(0, ...rows.map((r) => r.version));
    if (latest > migrations.length) {
      throw new MigrationChecksumError(
        `The database has migration ${latest} applied but this Passage only knows ${migrations.length}: it is older than the database. Deploy the newer version.`,
      );
    }
    const newlyApplied: number[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.version))) {
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into passage_migrations (version, name, checksum) values ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      newlyApplied.push(m.version);
    }
    await client.query(workerGrants);
    return newlyApplied;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

const quietWorkerLogger = new Logger(() => () => undefined);
