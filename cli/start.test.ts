import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../server/db/data-lock.ts';

// These tests run the real `passage start` as a separate process on its own embedded PostgreSQL, whatever
// TEST_DATABASE_URL says: what they prove (crash recovery, the data folder lock) only exists in that mode.

const root = path.resolve(import.meta.dirname, '..');
let tmp: string;
let dataDir: string;
const started: Passage[] = [];

type Passage = {
  child: ChildProcess;
  /** The pid of the Passage process, which leads its own process group. */
  pid: number;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error()),
      );
    });
  });
}

/** Runs `node cli/bin.mjs start` in its own process group, with nothing from this environment but PATH. */
async function startPassage(): Promise<Passage> {
  const port = await freePort();
  const child = spawn(process.execPath, ['cli/bin.mjs', 'start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: tmp,
      NODE_ENV: 'test',
      PORT: String(port),
      PASSAGE_DATA_DIR: dataDir,
      PASSAGE_ROOT_KEY_FILE: path.join(tmp, 'root.key'),
      PASSAGE_LOG_LEVEL: 'info',
      PASSAGE_SKIP_WEB_BUILD: 'true',
    },
  });
  // Never let a missing pid become 0: process.kill(0) would signal this test's own process group.
  if (!child.pid) throw new Error('passage start could not be spawned');
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const passage = { child, pid: child.pid, port, output: () => output, exited };
  started.push(passage);
  return passage;
}

async function health(port: number): Promise<number | undefined> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
  } catch {
    return undefined;
  }
}

/** Starts Passage and waits until /api/health answers 200. */
async function startServing(): Promise<Passage> {
  const passage = await startPassage();
  const deadline = Date.now() + 60_000;
  while ((await health(passage.port)) !== 200) {
    if (passage.child.exitCode !== null || passage.child.signalCode !== null)
      throw new Error(`passage start exited early:\n${passage.output()}`);
    if (Date.now() > deadline) throw new Error(`passage start did not serve in 60 s:\n${passage.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return passage;
}

const pgDir = () => path.join(dataDir, 'pg');

/** The postmaster's pid and port, from the lock file PostgreSQL keeps in its data directory. */
function postmaster(): { pid: number; port: number } {
  const lines = readFileSync(path.join(pgDir(), 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/** Whether a process runs (a zombie waiting for its new parent to reap it counts as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntil(what: string, condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A superuser connection to Passage's database on the running embedded server. */
async function superuser(): Promise<pg.Client> {
  const { superuserPassword } = JSON.parse(readFileSync(path.join(dataDir, 'passage-db.json'), 'utf8')) as {
    superuserPassword: string;
  };
  const client = new pg.Client({
    host: '127.0.0.1',
    port: postmaster().port,
    user: 'postgres',
    password: superuserPassword,
    database: 'passage',
  });
  await client.connect();
  return client;
}

/** Commits fake societies and returns their names. */
async function commitSocieties(label: string, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_v, i) => `Fake Society ${label} ${i}`);
  const client = await superuser();
  try {
    await client.query('begin');
    await client.query(`insert into societies (name, country) select unnest($1::text[]), 'ZZ'`, [names]);
    await client.query('commit');
  } finally {
    await client.end();
  }
  return names;
}

async function societyNames(): Promise<string[]> {
  const client = await superuser();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select name from societies where name like 'Fake Society %' order by name",
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

function serverLogLength(): number {
  const file = path.join(pgDir(), 'server.log');
  return existsSync(file) ? readFileSync(file, 'utf8').length : 0;
}

function serverLogSince(offset: number): string {
  return readFileSync(path.join(pgDir(), 'server.log'), 'utf8').slice(offset);
}

/** Processes whose command line names this test's folder: the embedded servers it started. */
function processesUsing(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) pids.push(Number(entry));
    } catch {
      /* the process has gone */
    }
  }
  return pids;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'passage-start-'));
  // As root the embedded server runs as `postgres`, which must be able to pass through this folder.
  chmodSync(tmp, 0o711);
  dataDir = path.join(tmp, 'data');
});

afterAll(async () => {
  // Whatever happened above, leave no Passage and no PostgreSQL behind.
  for (const passage of started) {
    try {
      process.kill(-passage.pid, 'SIGKILL');
    } catch {
      /* the group is gone */
    }
  }
  for (const pid of processesUsing(tmp)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await waitUntil('the test processes are gone', () => processesUsing(tmp).length === 0).catch(
    () => undefined,
  );
  rmSync(tmp, { recursive: true, force: true });
});

describe('passage start', { timeout: 90_000 }, () => {
  let current: Passage;

  it('serves /api/health on a fresh data folder', async () => {
    current = await startServing();
    expect(await health(current.port)).toBe(200);
    expect(isAlive(postmaster().pid)).toBe(true);
  });

  it('refuses a second process on the same data folder, naming the folder, while the first keeps serving', async () => {
    const second = await startPassage();
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toContain(`The data folder ${realpathSync(dataDir)} is in use by process`);
    expect(second.output()).toContain('PASSAGE_DATA_DIR');
    expect(await health(current.port)).toBe(200);
    expect(await health(second.port)).toBeUndefined();
  });

  it('keeps committed data when only the Passage process is killed, stopping the orphaned PostgreSQL cleanly', async () => {
    const committed = await commitSocieties('A', 200);
    const orphan = postmaster().pid;

    process.kill(current.pid, 'SIGKILL');
    await current.exited;
    // The postmaster outlives its parent: this is the orphan the next start must deal with.
    expect(isAlive(orphan)).toBe(true);

    const logOffset = serverLogLength();
    current = await startServing();
    await waitUntil('the orphan has exited', () => !isAlive(orphan), 5_000);
    expect(postmaster().pid).not.toBe(orphan);
    const log = serverLogSince(logOffset);
    expect(log).toContain('received fast shutdown request');
    expect(log).toContain('database system was shut down at');
    expect(log).not.toContain('automatic recovery in progress');
    expect(await societyNames()).toEqual(expect.arrayContaining(committed));
    expect(await health(current.port)).toBe(200);
  });

  it('keeps committed data when the whole process group is killed, recovering from the write-ahead log', async () => {
    const before = await societyNames();
    const committed = await commitSocieties('B', 200);
    const killedPostmaster = postmaster().pid;

    process.kill(-current.pid, 'SIGKILL');
    await current.exited;
    await waitUntil('the killed PostgreSQL is gone', () => !isAlive(killedPostmaster));

    const logOffset = serverLogLength();
    current = await startServing();
    expect(serverLogSince(logOffset)).toContain('automatic recovery in progress');
    expect(await societyNames()).toEqual([...before, ...committed].sort());
    expect(await health(current.port)).toBe(200);
  });

  it('exits with an error when its PostgreSQL server dies under it, and starts again afterwards', async () => {
    process.kill(postmaster().pid, 'SIGKILL');
    const { code } = await current.exited;
    expect(code).toBe(1);
    expect(current.output()).toContain('the embedded PostgreSQL server stopped unexpectedly');

    current = await startServing();
    expect((await societyNames()).length).toBeGreaterThanOrEqual(400);
  });

  it('stops cleanly on SIGTERM, with its PostgreSQL server, and releases the data folder', async () => {
    const { pid } = postmaster();
    process.kill(current.pid, 'SIGTERM');
    expect(await current.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(pid)).toBe(false);
    expect(processesUsing(dataDir)).toEqual([]);

    const lock = lockDataFolder(dataDir);
    await expect(lock).resolves.toHaveProperty('release');
    await (await lock).release();
  });
});
