import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import type { Config } from '../server/config.ts';
import { loadConfig } from '../server/config.ts';
import {
  BackupError,
  backupDatabase,
  checkBackupRecipients,
  decryptBackup,
  parseIdentityFile,
  restoreDatabase,
  type BackupResult,
} from '../server/db/backup.ts';
import { openDatabases } from '../server/db/connect.ts';
import { DataFolderBusyError, lockDataFolder } from '../server/db/data-lock.ts';
import { startEmbeddedServer } from '../server/db/embedded.ts';
import { migrate } from '../server/db/migrate.ts';
import type { Command } from './main.ts';

/** The database `openDatabases` provisions inside the embedded cluster. */
const embeddedDatabase = 'passage';

const credentialsSchema = z.object({ superuserPassword: z.string().min(1) });

/** A database to dump from, and how to let go of it afterwards. */
export type BackupSource = { url: string; close(): Promise<void> };

function superuserUrl(password: string, port: number): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${embeddedDatabase}`;
}

/**
 * The database to back up: DATABASE_URL; or the embedded server of a running Passage (its port from
 * postmaster.pid, its superuser password from passage-db.json); or, when none runs, the embedded server
 * started for the backup and stopped after it.
 */
export async function openBackupSource(config: Config): Promise<BackupSource> {
  if (config.database.kind === 'external') return { url: config.database.ownerUrl, close: async () => {} };
  const pidFile = path.join(config.dataDir, 'pg', 'postmaster.pid');
  const credentialsFile = path.join(config.dataDir, 'passage-db.json');
  if (!existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION')) || !existsSync(credentialsFile)) {
    throw new BackupError(`There is no Passage database in ${config.dataDir} to back up.`);
  }
  const { superuserPassword } = credentialsSchema.parse(JSON.parse(readFileSync(credentialsFile, 'utf8')));
  let lock: Awaited<ReturnType<typeof lockDataFolder>>;
  try {
    lock = await lockDataFolder(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderBusyError)) throw error;
    // Passage is running: dump from its server; pg_dump's single snapshot keeps the backup consistent.
    const port = Number(existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n')[3] : NaN);
    if (!Number.isInteger(port) || port <= 0) {
      throw new BackupError(
        `Passage is running on ${config.dataDir} but its database server is not up yet: try again in a moment.`,
      );
    }
    return { url: superuserUrl(superuserPassword, port), close: async () => {} };
  }
  try {
    const server = await startEmbeddedServer(config.dataDir);
    return {
      url: superuserUrl(superuserPassword, server.port),
      close: async () => {
        await server.stop();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** The default backup file name: neutral, sortable, in UTC. */
export function defaultBackupName(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `passage-backup-${stamp}.dump.age`;
}

/** Backs up the configured database (embedded or DATABASE_URL) to an age-encrypted file. */
export async function backupPassage(config: Config, options: { outFile?: string }): Promise<BackupResult> {
  checkBackupRecipients(config.backupRecipients);
  const source = await openBackupSource(config);
  try {
    return await backupDatabase({
      sourceUrl: source.url,
      recipients: config.backupRecipients,
      outFile: options.outFile ?? defaultBackupName(),
      binDir: config.pgBinDir,
    });
  } finally {
    await source.close();
  }
}

/**
 * Restores a backup into the configured, empty target (an empty or absent data folder, or an empty DATABASE_URL
 * database), then migrates it; returns the migrations applied after the restore.
 */
export async function restorePassage(
  config: Config,
  options: { backupFile: string; identityFile: string },
): Promise<number[]> {
  const identities = parseIdentityFile(options.identityFile);
  // The header is checked before the target is touched: a wrong identity leaves the data folder as it was.
  const plaintext = await decryptBackup({ file: options.backupFile, identities });
  let db: Awaited<ReturnType<typeof openDatabases>>;
  try {
    db = await openDatabases(config);
  } catch (error) {
    await plaintext.cancel();
    throw error;
  }
  try {
    await restoreDatabase({ plaintext, ownerUrl: db.urls.owner, binDir: config.pgBinDir });
    return await migrate(db.owner);
  } finally {
    await db.close();
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'TiB'}`;
}

async function keygen(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  const text = `# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`;
  if (values.out) writeFileSync(values.out, text, { mode: 0o600, flag: 'wx' });
  else process.stdout.write(text);
  process.stderr.write(
    `Public key: ${recipient}\nOn the server, set PASSAGE_BACKUP_RECIPIENTS=${recipient}\n` +
      'Keep the identity (AGE-SECRET-KEY-1…) offline, never on the server: every restore needs it, and without it no backup can be read.\n',
  );
  return 0;
}

async function operatorErrors(verb: string, usage: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`passage ${verb}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`passage ${verb}: ${error.message}\n${usage}`);
      return 2;
    }
    throw error;
  }
}

const backupUsage = 'Usage: passage backup [--out FILE] | passage backup keygen [--out IDENTITY_FILE]\n';

/** `passage backup`: write an encrypted backup of the database; `passage backup keygen`: make a backup key. */
export const backupCommand: Command = {
  summary: 'Write an age-encrypted backup of the database (keygen: make a backup key)',
  run: (args) =>
    operatorErrors('backup', backupUsage, async () => {
      if (args[0] === 'keygen') return keygen(args.slice(1));
      const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
      const result = await backupPassage(loadConfig(), { outFile: values.out });
      process.stdout.write(`Wrote ${result.path} (${formatSize(result.bytes)}).\n`);
      return 0;
    }),
};

const restoreUsage = 'Usage: passage restore BACKUP_FILE --identity IDENTITY_FILE\n';

/** `passage restore FILE --identity KEY`: bring a backup back into an empty data folder or database. */
export const restoreCommand: Command = {
  summary: 'Restore a backup into an empty data folder or database (needs the backup identity)',
  run: (args) =>
    operatorErrors('restore', restoreUsage, async () => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { identity: { type: 'string' } },
      });
      const [backupFile] = positionals;
      if (!backupFile || positionals.length > 1 || !values.identity) {
        process.stderr.write(restoreUsage);
        return 2;
      }
      const config = loadConfig();
      const applied = await restorePassage(config, { backupFile, identityFile: values.identity });
      const target =
        config.database.kind === 'embedded'
          ? `the data folder ${config.dataDir}`
          : 'the DATABASE_URL database';
      process.stdout.write(
        `Restored into ${target}${applied.length ? `, then applied migrations ${applied.join(', ')}` : ''}.\n` +
          'Passage reads it only with the root key it was written with: restore that key file too (it is not in the backup).\n',
      );
      return 0;
    }),
};
