import { createSecretKey, generateKeySync, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { encodeContext, open, seal } from './codec.ts';
import { KeyUnavailableError } from './errors.ts';
import { createKeyCache, type KeyCache, type KeyCacheOptions } from './key-cache.ts';
import { findRootKey, type Keyring, type RootKey } from './keyring.ts';
import type { SocietyKeyPurpose } from './keys.schema.ts';

/**
 * A database handle for key work: a `Transaction<Database>` from `inSociety` (row-level security limits it to one
 * society), or the system role's Kysely (jobs and the CLI; functions that need it are named `system…`).
 */
export type KeyDb = Kysely<Database>;

/** What key operations run with: the root keyring and the cache of unwrapped society keys. */
export type Keys = Readonly<{ keyring: Keyring; cache: KeyCache }>;

/** One unwrapped society key. */
export type SocietyKey = Readonly<{
  societyId: string;
  purpose: SocietyKeyPurpose;
  version: number;
  key: KeyObject;
}>;

/** A stored society key row, as the unwrap functions need it. */
export type WrappedSocietyKey = {
  society_id: string;
  purpose: SocietyKeyPurpose;
  version: number;
  root_key_id: string;
  wrapped_key: Buffer;
};

/** Creates the key context for a process: a keyring and a fresh cache (see `createKeyCache` for the options). */
export function createKeys(options: { keyring: Keyring } & KeyCacheOptions): Keys {
  const { keyring, ...cacheOptions } = options;
  return Object.freeze({ keyring, cache: createKeyCache(cacheOptions) });
}

function societyKeyContext(societyId: string, purpose: SocietyKeyPurpose, version: number): Buffer {
  return encodeContext(['passage-society-key/v1', societyId, purpose, String(version)]);
}

/** Wraps a society key under a root key, bound to its society, purpose and version. */
export function wrapSocietyKey(
  root: RootKey,
  ref: { societyId: string; purpose: SocietyKeyPurpose; version: number },
  key: KeyObject,
): Buffer {
  const plaintext = key.export();
  try {
    return seal({
      key: root.key,
      keyId: Buffer.from(root.id, 'hex'),
      context: societyKeyContext(ref.societyId, ref.purpose, ref.version),
      plaintext,
    });
  } finally {
    plaintext.fill(0);
  }
}

/** Unwraps a stored society key with whichever configured root key wrapped it; no cache. */
export function unwrapSocietyKey(keyring: Keyring, row: WrappedSocietyKey): KeyObject {
  const root = findRootKey(keyring, row.root_key_id);
  if (!root) {
    throw new KeyUnavailableError(
      'root-key-not-configured',
      `The keys of society ${row.society_id} are wrapped by root key ${row.root_key_id}, which is not configured (the current root key is ${keyring.current.id}). If the root key was changed, set PASSAGE_ROOT_KEY_PREVIOUS (or PASSAGE_ROOT_KEY_PREVIOUS_FILE) to the old key and run \`passage keys rotate\`.`,
    );
  }
  const plaintext = open(
    {
      key: root.key,
      context: societyKeyContext(row.society_id, row.purpose, row.version),
      envelope: row.wrapped_key,
    },
    Buffer.from(row.root_key_id, 'hex'),
  );
  try {
    return createSecretKey(plaintext);
  } finally {
    plaintext.fill(0);
  }
}

function cacheId(societyId: string, purpose: SocietyKeyPurpose, version: number): string {
  return `${societyId}/${purpose}/${version}`;
}

function unwrapCached(keys: Keys, row: WrappedSocietyKey): SocietyKey {
  const id = cacheId(row.society_id, row.purpose, row.version);
  let key = keys.cache.get(id);
  if (!key) {
    key = unwrapSocietyKey(keys.keyring, row);
    keys.cache.set(id, key);
  }
  return Object.freeze({ societyId: row.society_id, purpose: row.purpose, version: row.version, key });
}

const wrappedColumns = ['society_id', 'purpose', 'version', 'root_key_id', 'wrapped_key'] as const;

/**
 * Inserts a new random society key at `version` under the current root key, unless that version exists; returns
 * it when this call created it. Exported for society-key rotation.
 */
export async function insertSocietyKey(
  keys: Keys,
  db: KeyDb,
  ref: { societyId: string; purpose: SocietyKeyPurpose; version: number },
): Promise<SocietyKey | undefined> {
  const key = generateKeySync('aes', { length: 256 });
  const inserted = await db
    .insertInto('society_keys')
    .values({
      society_id: ref.societyId,
      purpose: ref.purpose,
      version: ref.version,
      root_key_id: keys.keyring.current.id,
      wrapped_key: wrapSocietyKey(keys.keyring.current, ref, key),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('version')
    .executeTakeFirst();
  if (!inserted) return undefined;
  keys.cache.set(cacheId(ref.societyId, ref.purpose, ref.version), key);
  return Object.freeze({ ...ref, key });
}

async function findCurrentRow(db: KeyDb, societyId: string, purpose: SocietyKeyPurpose) {
  return db
    .selectFrom('society_keys')
    .select(wrappedColumns)
    .where('society_id', '=', societyId)
    .where('purpose', '=', purpose)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Returns the society's newest key for `purpose`, creating version 1 on first use. The row is read through `db`
 * every time, so row-level security confirms the society is in scope; only the unwrap is cached.
 */
export async function getCurrentSocietyKey(
  keys: Keys,
  db: KeyDb,
  societyId: string,
  purpose: SocietyKeyPurpose,
): Promise<SocietyKey> {
  const row = await findCurrentRow(db, societyId, purpose);
  if (row) return unwrapCached(keys, row);
  const created = await insertSocietyKey(keys, db, { societyId, purpose, version: 1 });
  if (created) return created;
  const raced = await findCurrentRow(db, societyId, purpose); // another transaction created it first
  if (!raced) throw new KeyUnavailableError('not-found', `Society ${societyId} has no ${purpose} key.`);
  return unwrapCached(keys, raced);
}

/**
 * Returns one version of a society key. SECURITY: a cache hit skips the database, so callers pass a society id and
 * version read through `db` in the same scope (as `getDataKey` does from the data key's row).
 */
export async function getSocietyKeyVersion(
  keys: Keys,
  db: KeyDb,
  ref: { societyId: string; purpose: SocietyKeyPurpose; version: number },
): Promise<SocietyKey> {
  const cached = keys.cache.get(cacheId(ref.societyId, ref.purpose, ref.version));
  if (cached) return Object.freeze({ ...ref, key: cached });
  const row = await db
    .selectFrom('society_keys')
    .select(wrappedColumns)
    .where('society_id', '=', ref.societyId)
    .where('purpose', '=', ref.purpose)
    .where('version', '=', ref.version)
    .executeTakeFirst();
  if (!row) {
    throw new KeyUnavailableError(
      'not-found',
      `Society ${ref.societyId} has no ${ref.purpose} key version ${ref.version}.`,
    );
  }
  return unwrapCached(keys, row);
}

/** Makes sure a society has its key-encryption key and blind-index key (call when a society is created). */
export async function ensureSocietyKeys(keys: Keys, db: KeyDb, societyId: string): Promise<void> {
  await getCurrentSocietyKey(keys, db, societyId, 'kek');
  await getCurrentSocietyKey(keys, db, societyId, 'blind-index');
}
