import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { lockDataFolder, type DataFolderLock } from './data-lock.ts';
import { startEmbeddedServer, type EmbeddedServer } from './embedded.ts';

const isRoot = process.getuid?.() === 0;
let tmp: string;
let dataDir: string;
let lock: DataFolderLock;
const running: EmbeddedServer[] = [];
const bystanders: number[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'passage-embedded-'));
  // As root the server runs as `postgres`, which must be able to pass through this folder.
  chmodSync(tmp, 0o711);
  dataDir = path.join(tmp, 'data');
  lock = await lockDataFolder(dataDir);
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  for (const pid of bystanders) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await lock.release();
  rmSync(tmp, { recursive: true, force: true });
});

async function start(): Promise<EmbeddedServer> {
  const server = await startEmbeddedServer(dataDir);
  running.push(server);
  return server;
}

async function stop(server: EmbeddedServer): Promise<void> {
  await server.stop();
  running.splice(running.indexOf(server), 1);
}

async function answers(server: EmbeddedServer): Promise<boolean> {
  const client = new pg.Client({ connectionString: server.superuserUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>('select 1 as one');
    return rows[0]?.one === 1;
  } finally {
    await client.end();
  }
}

/** A pid file as a PostgreSQL that died with the machine leaves behind, naming `pid`. */
function stalePidFile(pid: number): void {
  writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), `${pid}\n${path.join(dataDir, 'pg')}\n`);
}

/** A pid of a spawned process; never 0, which process.kill would take for this test's own process group. */
function pidOf(child: ChildProcess): number {
  if (!child.pid) throw new Error('the process could not be spawned');
  return child.pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the embedded PostgreSQL server', { timeout: 60_000 }, () => {
  it.runIf(isRoot)(
    'refuses, naming the closed folder, a data folder the postgres user cannot reach',
    async () => {
      const closed = mkdtempSync(path.join(tmp, 'closed-'));
      chmodSync(closed, 0o700);
      const unreachable = path.join(closed, 'data');
      mkdirSync(unreachable);
      const error: unknown = await startEmbeddedServer(unreachable).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(`${closed} is closed to it`);
      expect((error as Error).message).toContain('PASSAGE_DATA_DIR');
    },
  );

  it('initialises a fresh data folder, answers, and stops', async () => {
    const server = await start();
    expect(await answers(server)).toBe(true);
    await stop(server);
    await expect(answers(server)).rejects.toThrow();
  });

  it('starts despite a stale pid file naming a process that has gone', async () => {
    const gone = spawn('true');
    const pid = pidOf(gone);
    await new Promise((resolve) => gone.once('exit', resolve));
    stalePidFile(pid);
    const server = await start();
    expect(await answers(server)).toBe(true);
    await stop(server);
  });

  it('starts despite a stale pid file whose pid now belongs to an unrelated process, and leaves it alone', async () => {
    // After a reboot the pid in PostgreSQL's lock file may belong to anything.
    const bystander = spawn('sleep', ['60'], { stdio: 'ignore' });
    const pid = pidOf(bystander);
    bystanders.push(pid);
    stalePidFile(pid);
    const server = await start();
    expect(await answers(server)).toBe(true);
    expect(isAlive(pid)).toBe(true);
    await stop(server);
  });

  it('starts despite a stale pid file naming the Passage process itself, and does not signal it', async () => {
    // In a container the pids repeat from one start to the next.
    stalePidFile(process.pid);
    const server = await start();
    expect(await answers(server)).toBe(true);
    await stop(server);
  });
});
