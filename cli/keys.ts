import { loadConfig } from '../server/config.ts';
import { systemRewrapSystemKeys } from '../server/crypto/accounts.ts';
import { KeyUnavailableError } from '../server/crypto/errors.ts';
import { loadKeyring } from '../server/crypto/keyring.ts';
import { systemKeyStatus, systemRewrapSocietyKeys, type KeyStatus } from '../server/crypto/rotation.ts';
import { createKeys, type KeyDb, type Keys } from '../server/crypto/society-keys.ts';
import { systemListSocietiesWithKeys, systemRotateSocietyKey } from '../server/crypto/society-rotation.ts';
import { openDatabases } from '../server/db/connect.ts';
import { createKysely } from '../server/db/kysely.ts';
import { migrate } from '../server/db/migrate.ts';
import type { Command } from './main.ts';

const usage = `Usage:
  passage keys status                      society keys per root key id, data keys by state
  passage keys rotate [--batch-size N]     re-wrap society keys from PASSAGE_ROOT_KEY_PREVIOUS to PASSAGE_ROOT_KEY
  passage keys rotate-society <id>|--all   new key-encryption key for a society, re-wrapping its data keys
`;

const howToRotate = `To rotate the root key:
  1. Back up the new key, then set PASSAGE_ROOT_KEY (or PASSAGE_ROOT_KEY_FILE) to it and
     PASSAGE_ROOT_KEY_PREVIOUS (or PASSAGE_ROOT_KEY_PREVIOUS_FILE) to the old key.
  2. Run \`passage keys rotate\`, then \`passage keys status\`.
  3. When no society key is left under the old root key, remove PASSAGE_ROOT_KEY_PREVIOUS(_FILE).
`;

function formatStatus(status: KeyStatus): string {
  const lines = status.rootKeys.map(
    (r) =>
      `  ${r.rootKeyId}  ${String(r.societyKeys).padStart(6)} society keys  ${
        r.configured === 'no' ? 'NOT CONFIGURED' : `(${r.configured} root key)`
      }`,
  );
  const d = status.dataKeys;
  return [
    'Root keys:',
    ...lines,
    `Data keys: ${d.live} live, ${d.destroyed} destroyed (erased subjects), ${d.onOlderSocietyKey} on an older society key.`,
    '',
  ].join('\n');
}

async function rotateRoot(keys: Keys, db: KeyDb, args: string[]): Promise<number> {
  const batchFlag = args.indexOf('--batch-size');
  const batchSize = batchFlag >= 0 ? Number(args[batchFlag + 1]) : 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write('--batch-size takes a whole number of at least 1.\n');
    return 2;
  }
  const report = await systemRewrapSocietyKeys(keys, db, { batchSize });
  const system = await systemRewrapSystemKeys(db, keys.keyring);
  if (system.rewrapped > 0)
    process.stdout.write(
      `Re-wrapped ${system.rewrapped} system keys (staff accounts) to root key ${report.toRootKeyId}.\n`,
    );
  if (system.unknownRoot > 0) {
    process.stderr.write(
      `${system.unknownRoot} system keys are wrapped by a root key that is not configured: set PASSAGE_ROOT_KEY_PREVIOUS to it and run again.\n`,
    );
    return 1;
  }
  if (!report.fromRootKeyId) {
    process.stdout.write(
      `No previous root key is configured: all ${report.alreadyCurrent} society keys are under the current root key ${report.toRootKeyId}.\n\n${howToRotate}`,
    );
    return 0;
  }
  process.stdout.write(
    `Re-wrapped ${report.rewrapped} society keys from root key ${report.fromRootKeyId} to ${report.toRootKeyId} (${report.alreadyCurrent} were already under it). No data was re-encrypted.\n`,
  );
  if (report.remaining > 0) {
    process.stdout.write(
      `${report.remaining} are still under the previous root key (in use elsewhere): run again.\n`,
    );
    return 1;
  }
  process.stdout.write(
    'None is left under the previous root key: check `passage keys status`, then remove PASSAGE_ROOT_KEY_PREVIOUS(_FILE).\n',
  );
  return 0;
}

async function rotateSocieties(keys: Keys, db: KeyDb, target: string | undefined): Promise<number> {
  if (!target) {
    process.stderr.write(usage);
    return 2;
  }
  const societies = target === '--all' ? await systemListSocietiesWithKeys(db) : [target];
  if (societies.length === 0) process.stdout.write('No society has keys yet: nothing to rotate.\n');
  for (const societyId of societies) {
    const r = await systemRotateSocietyKey(keys, db, societyId);
    process.stdout.write(
      `Society ${societyId}: ${r.startedNewVersion ? 'new' : 'finished rotating to'} key-encryption key version ${r.version}; re-wrapped ${r.rewrappedDataKeys} data keys.\n`,
    );
  }
  return 0;
}

/** `passage keys status|rotate|rotate-society`: inspect and rotate the key hierarchy (system role). */
export const keysCommand: Command = {
  summary: 'keys status: which root key wraps what; keys rotate: re-wrap under a new root key',
  async run([verb, ...args]) {
    if (verb !== 'status' && verb !== 'rotate' && verb !== 'rotate-society') {
      process.stderr.write(usage);
      return verb === undefined || verb === 'help' ? 0 : 2;
    }
    const config = loadConfig();
    const keys = createKeys({ keyring: loadKeyring(config) });
    const dbs = await openDatabases(config);
    const db = createKysely(dbs.system);
    try {
      await migrate(dbs.owner);
      if (verb === 'status') {
        process.stdout.write(formatStatus(await systemKeyStatus(keys, db)));
        return 0;
      }
      if (verb === 'rotate') return await rotateRoot(keys, db, args);
      return await rotateSocieties(keys, db, args[0]);
    } catch (error) {
      if (!(error instanceof KeyUnavailableError)) throw error;
      process.stderr.write(`passage keys ${verb}: ${error.message}\n`);
      return 1;
    } finally {
      keys.cache.clear();
      await dbs.close(); // also ends the system pool under `db`
    }
  },
};
