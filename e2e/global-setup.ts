import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../server/config.ts';
import { startPassage, type RunningPassage } from '../server/main.ts';
import { ensureWebBuild } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the Passage under test answers, e.g. http://localhost:41234 (its PASSAGE_ORIGIN). */
    baseUrl: string;
    /** Its database as the system role, for the few journeys that must age a session (step-up expiry). */
    systemDatabaseUrl: string;
    /** A folder for what the journeys share across files (the authenticator steps already used). */
    stateDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port.')),
      );
    });
  });
}

let passage: RunningPassage | undefined;
let folder: string | undefined;

/** Builds the web app if stale, then starts one real Passage in demo mode on a free port for every journey. */
export async function setup(project: TestProject): Promise<void> {
  const started = performance.now();
  const build = await ensureWebBuild();
  folder = mkdtempSync(path.join(os.tmpdir(), 'passage-e2e-'));
  // Run as root, the embedded PostgreSQL runs as "postgres", which must be able to pass through this folder.
  chmodSync(folder, 0o711);
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    // The origin a browser uses; cookies, CSRF and the origin check all follow it.
    PASSAGE_ORIGIN: `http://localhost:${port}`,
    PASSAGE_DATA_DIR: path.join(folder, 'data'),
    PASSAGE_DEMO: 'true',
    PASSAGE_SKIP_WEB_BUILD: 'true',
    PASSAGE_JOBS: 'false',
    PASSAGE_LOG_LEVEL: 'warn',
  });
  try {
    passage = await startPassage(config);
  } catch (error) {
    // Vitest does not call the teardown of a failed setup.
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', config.origin.origin);
  project.provide('systemDatabaseUrl', passage.db.urls.system);
  project.provide('stateDir', folder);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`e2e: web app ${build}, Passage at ${config.origin.origin} (${seconds} s)\n`);
}

/** Stops Passage and removes its data folder. */
export async function teardown(): Promise<void> {
  await passage?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
}
