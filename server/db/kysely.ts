import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/** The society a transaction about to begin acts for (set by `inSociety`, read when the transaction begins). */
export const transactionSociety = new AsyncLocalStorage<string>();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Begins a society-scoped transaction and sets its society in one round trip (`begin; select set_config(…)`
 * as one simple-protocol message) instead of two; every request pays for this, so it matters.
 */
class SocietyScopedDriver extends PostgresDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const societyId = transactionSociety.getStore();
    if (societyId === undefined || settings.isolationLevel || settings.accessMode) {
      return super.beginTransaction(connection, settings);
    }
    // SECURITY: inlined, so it must be a UUID and nothing else; a bad value fails closed (no transaction).
    if (!uuid.test(societyId)) throw new Error('A society id must be a UUID.');
    await connection.executeQuery(
      CompiledQuery.raw(`begin; select set_config('passage.society_id', '${societyId}', true)`),
    );
  }
}

const scoping = new WeakSet<Kysely<Database>>();

/** Whether a Kysely instance begins society-scoped transactions itself (it was made by `createKysely`). */
export function setsSocietyOnBegin(db: Kysely<Database>): boolean {
  return scoping.has(db);
}

/** A typed query builder over one of the role pools. */
export function createKysely(pool: pg.Pool): Kysely<Database> {
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new SocietyScopedDriver({ pool }),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
  const db = new Kysely<Database>({ dialect });
  scoping.add(db);
  return db;
}
