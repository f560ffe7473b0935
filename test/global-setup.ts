import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { lockDataFolder } from '../server/db/data-lock.ts';
import { startEmbeddedServer } from '../server/db/embedded.ts';
import { poolsFor } from '../server/db/connect.ts';
import { migrate } from '../server/db/migrate.ts';
import { provisionAsSuperuser } from '../server/db/roles.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    superuserUrl: string;
    templateDatabase: string;
  }
}

/** The migrated template every test file's database is cloned from. */
export const templateDatabase = 'passage_test_template';

/**
 * Starts the embedded PostgreSQL (or uses TEST_DATABASE_URL, a superuser URL of an external server), creates
 * the three roles and a migrated template database, and hands its address to the test files.
 */
export default async function setup(project: TestProject) {
  let stop = async () => {};
  let superuserUrl = process.env.TEST_DATABASE_URL;
  if (!superuserUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passage-test-'));
    const lock = await lockDataFolder(dir);
    const server = await startEmbeddedServer(dir);
    superuserUrl = server.superuserUrl;
    stop = async () => {
      await server.stop();
      await lock.release();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    const admin = new (await import('pg')).default.Client({ connectionString: superuserUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${templateDatabase} with (force)`);
    await admin.end();
    const urls = await provisionAsSuperuser(superuserUrl, templateDatabase);
    const pools = poolsFor(urls, { poolSize: 2, requestTimeoutMs: 30_000 });
    try {
      await migrate(pools.owner);
    } finally {
      await Promise.all([pools.owner.end(), pools.app.end(), pools.system.end()]);
    }
  } catch (error) {
    // Vitest does not call the teardown of a failed setup: stop the embedded server here, or it outlives the run.
    await stop();
    throw error;
  }
  project.provide('superuserUrl', superuserUrl);
  project.provide('templateDatabase', templateDatabase);
  return stop;
}
