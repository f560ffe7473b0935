import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Decrypter, Encrypter } from 'age-encryption';
import pg from 'pg';

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
function clientArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  // SECURITY: the password travels in the child's environment, never on its command line (visible in `ps`).
  return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password } };
}

/** Wraps a Node stream as a web stream with backpressure (age-encryption works on web streams). */
function toWebStream(readable: Readable): ReadableStream<Uint8Array> {
  const iterator = readable[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A running client program and its last error lines, without DETAIL/CONTEXT lines (which may quote row values). */
function runTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv, stdin: 'pipe' | 'ignore') {
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

type DatabaseFacts = {
  serverMajor: number;
  role: string;
  readsAll: boolean;
  rlsTables: number;
  relations: number;
  isPassage: boolean;
};

/** What backup and restore must know of a database before touching it. */
async function inspectDatabase(url: string): Promise<DatabaseFacts> {
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

/** What to back up and where the encrypted file goes. */
export type BackupOptions = {
  /** A URL of a role that can read every row: a superuser, or the owner with BYPASSRLS. */
  sourceUrl: string;
  /** age X25519 recipients (`age1…`): only their identities can read the backup. */
  recipients: string[];
  outFile: string;
  binDir?: string | undefined;
};

/** A backup file that is complete on disk. */
export type BackupResult = { path: string; bytes: number };

/** Builds the age encrypter for the configured recipients, refusing none or anything but public keys. */
function encrypterFor(recipients: string[]): Encrypter {
  if (recipients.length === 0) {
    throw new BackupError(
      'No backup key: set PASSAGE_BACKUP_RECIPIENTS to an age public key (age1…). Make one with `passage backup keygen` on a machine other than the server, and keep the identity it prints offline.',
    );
  }
  const encrypter = new Encrypter();
  for (const [index, recipient] of recipients.entries()) {
    if (recipient.startsWith('AGE-SECRET-KEY-')) {
      throw new BackupError(
        'PASSAGE_BACKUP_RECIPIENTS holds a secret identity: put only its public key (age1…) there, and keep the identity offline.',
      );
    }
    try {
      encrypter.addRecipient(recipient);
    } catch {
      throw new BackupError(
        `Entry ${index + 1} of PASSAGE_BACKUP_RECIPIENTS is not an age public key (age1…).`,
      );
    }
  }
  return encrypter;
}

/** Checks PASSAGE_BACKUP_RECIPIENTS before any work starts: at least one age public key, and only those. */
export function checkBackupRecipients(recipients: string[]): void {
  encrypterFor(recipients);
}

/**
 * Dumps one database with `pg_dump -Fc` (one snapshot, so the backup is consistent while Passage runs) and
 * streams it through age encryption into a 0600 file, written under a temporary name and renamed when complete.
 */
export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const encrypter = encrypterFor(options.recipients);
  const out = path.resolve(options.outFile);
  if (existsSync(out)) throw new BackupError(`${out} already exists: choose another --out.`);
  const source = await inspectDatabase(options.sourceUrl);
  if (!source.readsAll && source.rlsTables > 0) {
    const role = source.role;
    throw new BackupError(
      `pg_dump must read every row, but the role ${role} is subject to row-level security. As a superuser run \`ALTER ROLE ${role} BYPASSRLS\` (the owner can already switch row-level security off on its own tables, so this grants nothing new), or run the backup with DATABASE_URL set to a superuser.`,
    );
  }
  const tool = findPgTool({ name: 'pg_dump', serverMajor: source.serverMajor, binDir: options.binDir });
  const { dbname, env } = clientArgs(options.sourceUrl);
  const dump = runTool(tool, ['--format=custom', '--no-password', `--dbname=${dbname}`], env, 'ignore');
  const temp = `${out}.partial-${randomBytes(4).toString('hex')}`;
  try {
    // Streamed end to end: memory stays at a few 64 KiB age chunks whatever the size of the database.
    const encrypted = await encrypter.encrypt(toWebStream(dump.child.stdout as Readable));
    const file = await open(temp, 'wx', 0o600);
    try {
      const reader = encrypted.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read())
        await file.write(next.value);
      await file.sync();
    } finally {
      await file.close();
    }
    const code = await dump.exit;
    if (code !== 0) throw new BackupError(`pg_dump failed (exit ${code}):\n${dump.stderr()}`);
    await rename(temp, out);
  } catch (error) {
    dump.child.kill();
    await rm(temp, { force: true });
    throw error;
  }
  return { path: out, bytes: (await stat(out)).size };
}

/** Reads the `AGE-SECRET-KEY-1…` lines of an identity file (as written by `passage backup keygen` or age-keygen). */
export function parseIdentityFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new BackupError(`The identity file ${file} cannot be read.`);
  }
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0 || lines.some((l) => !l.startsWith('AGE-SECRET-KEY-'))) {
    throw new BackupError(`${file} is not an age identity file: it should hold an AGE-SECRET-KEY-1… line.`);
  }
  return lines;
}

/** Opens an encrypted backup and checks its header against the identities: the plaintext stream, or a clear error. */
export async function decryptBackup(options: {
  file: string;
  identities: string[];
}): Promise<ReadableStream<Uint8Array>> {
  if (!existsSync(options.file)) throw new BackupError(`There is no backup file ${options.file}.`);
  const decrypter = new Decrypter();
  for (const identity of options.identities) decrypter.addIdentity(identity);
  const input = createReadStream(options.file);
  try {
    return await decrypter.decrypt(toWebStream(input));
  } catch (error) {
    input.destroy();
    const reason = error instanceof Error && /no identity matched/i.test(error.message);
    throw new BackupError(
      reason
        ? `The identity given cannot decrypt ${options.file}: the backup was encrypted to another key.`
        : `${options.file} is not a Passage backup or its header is damaged.`,
    );
  }
}

async function refuseNonEmpty(url: string): Promise<number> {
  const target = await inspectDatabase(url);
  if (target.isPassage) {
    throw new BackupError(
      'The target already holds a Passage database: restore only into an empty data folder or an empty database.',
    );
  }
  if (target.relations > 0) {
    throw new BackupError(
      `The target database is not empty (${target.relations} tables, views or sequences): restore only into an empty database.`,
    );
  }
  return target.serverMajor;
}

/** Where a decrypted backup goes: the owner role's URL of an empty, provisioned database. */
export type RestoreOptions = {
  plaintext: ReadableStream<Uint8Array>;
  ownerUrl: string;
  binDir?: string | undefined;
};

/**
 * Restores a decrypted dump into an empty database as the owner role (objects owned by it, grants to the app
 * and system roles kept), in one transaction: a damaged or truncated backup restores nothing.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<void> {
  let tool: PgTool;
  try {
    tool = findPgTool({
      name: 'pg_restore',
      serverMajor: await refuseNonEmpty(options.ownerUrl),
      binDir: options.binDir,
    });
  } catch (error) {
    await options.plaintext.cancel();
    throw error;
  }
  const { dbname, env } = clientArgs(options.ownerUrl);
  const args = [
    '--no-owner',
    '--single-transaction',
    '--exit-on-error',
    '--no-password',
    `--dbname=${dbname}`,
  ];
  const restore = runTool(tool, args, env, 'pipe');
  const stdin = restore.child.stdin as Writable;
  stdin.on('error', () => undefined); // pg_restore stopping early is reported through its exit code
  const reader = options.plaintext.getReader();
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      // The age stream authenticates each chunk and releases the last one only once the whole file checks
      // out, so pg_restore cannot have reached COMMIT: stopping it rolls its single transaction back.
      restore.child.kill();
      await restore.exit;
      throw new BackupError(
        'The backup is damaged or incomplete (it failed its integrity check); nothing was restored.',
      );
    }
    if (next.done) break;
    if (!stdin.write(next.value)) await Promise.race([once(stdin, 'drain').catch(() => null), restore.exit]);
    if (restore.child.exitCode !== null) break;
  }
  stdin.end();
  const code = await restore.exit;
  await reader.cancel().catch(() => undefined);
  if (code !== 0)
    throw new BackupError(`pg_restore failed (exit ${code}); nothing was restored:\n${restore.stderr()}`);
}
