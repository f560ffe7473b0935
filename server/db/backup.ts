import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Decrypter, Encrypter } from 'age-encryption';
import { BackupError, clientArgs, findPgTool, inspectDatabase, runTool, type PgTool } from './pg-tools.ts';

// The PostgreSQL client programs (pg_dump, pg_restore) and how they are run live in pg-tools.ts.
export { BackupError, findPgTool, type FindPgToolOptions, type PgTool } from './pg-tools.ts';

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
