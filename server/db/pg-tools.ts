import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// The PostgreSQL client programs that backup and restore run (pg_dump, pg_restore): finding a version that can
// serve the database, running one without leaking its password or row values, and reading the database's facts.

/** An operator-facing backup or restore failure: the message says what to do and carries no personal data. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** A PostgreSQL client program found on this machine, with its major version. */
export type PgTool = { path: string; major: number };

/** Where to look for `pg_dump` / `pg_restore` and which server major version it must serve. */
export type FindPgToolOptions = {
  name: 'pg_dump' | 'pg_restore';
  serverMajor: number;
  binDir?: string | undefined;
};

function toolMajor(file: string): number | undefined {
  try {
    const out = execFileSync(file, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds `pg_dump` or `pg_restore` at least as new as the server: in PASSAGE_PG_BIN_DIR only when set, else in
 * Debian's /usr/lib/postgresql/<major>/bin (the server's own major first, then newer), else on the PATH.
 */
export function findPgTool(options: FindPgToolOptions): PgTool {
  const { name, serverMajor } = options;
  let candidates: string[];
  if (options.binDir) candidates = [path.join(options.binDir, name)];
  else {
    const debian = '/usr/lib/postgresql';
    const majors = existsSync(debian)
      ? readdirSync(debian)
          .filter((d) => /^\d+$/.test(d) && Number(d) >= serverMajor)
          .map(Number)
          .sort((a, b) => a - b)
      : [];
    candidates = [...majors.map((m) => path.join(debian, String(m), 'bin', name)), name];
  }
  const install = `on Debian \`apt-get install postgresql-client-${serverMajor}\`, or set PASSAGE_PG_BIN_DIR to the folder that holds it`;
  let tooOld: PgTool | undefined;
  for (const candidate of candidates) {
    const major = toolMajor(candidate);
    if (major === undefined) continue;
    if (major >= serverMajor) return { path: candidate, major };
    tooOld ??= { path: candidate, major };
  }
  if (tooOld) {
    throw new BackupError(
      `${tooOld.path} is version ${tooOld.major}, but the database server is PostgreSQL ${serverMajor}: Passage needs ${name} ${serverMajor} or newer (${install}).`,
    );
  }
  const where = options.binDir ? ` in ${options.binDir}` : '';
  throw new BackupError(`Passage needs ${name} ${serverMajor} or newer and found none${where}: ${install}.`);
}

/** Connection settings for a PostgreSQL client program: the URL without its password, which goes in PGPASSWORD. */
export function clientArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  // SECURITY: the password travels in the child's environment, never on its command line (visible in `ps`).
  return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password } };
}

/** A running client program and its last error lines, without DETAIL/CONTEXT lines (which may quote row values). */
export function runTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv, stdin: 'pipe' | 'ignore') {
  const child = spawn(tool.path, args, { env, stdio: [stdin, stdin === 'pipe' ? 'ignore' : 'pipe', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (errors.length < 8000) errors += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('close', (code) => resolve(code));
  });
  // SECURITY: logs and messages never carry personal data; a COPY error's CONTEXT quotes the failing row.
  const stderr = () =>
    errors
      .split('\n')
      .filter((l) => l.trim() !== '' && !/^\s*(DETAIL|CONTEXT|LINE \d+):/.test(l))
      .slice(-5)
      .join('\n');
  return { child, exit, stderr };
}

/** A database as inspected: its server version, the role connected, whether it reads past row-level security, what it holds. */
export type DatabaseFacts = {
  serverMajor: number;
  role: string;
  readsAll: boolean;
  rlsTables: number;
  relations: number;
  isPassage: boolean;
};

/** What backup and restore must know of a database before touching it. */
export async function inspectDatabase(url: string): Promise<DatabaseFacts> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<DatabaseFacts>(
      `select current_setting('server_version_num')::int / 10000 as "serverMajor", current_user as role,
         (select rolsuper or rolbypassrls from pg_roles where rolname = current_user) as "readsAll",
         (select count(*)::int from pg_class where relrowsecurity) as "rlsTables",
         (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
             and n.nspname not in ('pg_catalog', 'information_schema')
             and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%') as relations,
         to_regclass('public.passage_migrations') is not null as "isPassage"`,
    );
    return rows[0] as DatabaseFacts;
  } catch (error) {
    throw new BackupError(`Cannot reach the database: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
