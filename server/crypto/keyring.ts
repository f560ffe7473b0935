import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config.ts';
import { loadRootKey, parseRootKey } from './root-key.ts';

/** A root key and its public id (16 hex digits), which the database records beside every key it wraps. */
export type RootKey = Readonly<{ id: string; key: KeyObject }>;

/**
 * The root keys Passage holds: `current` wraps every new or re-wrapped society key; `previous` is set only during
 * a root-key rotation, so society keys still wrapped by the old root stay readable until they are re-wrapped.
 */
export type Keyring = Readonly<{ current: RootKey; previous: RootKey | undefined }>;

/**
 * Derives a root key's id: the first 8 bytes of HMAC-SHA256(root, "passage root key id"), in hex. It names the key
 * without revealing it, so operators and the database can tell which root wraps what.
 */
export function rootKeyId(key: KeyObject): string {
  return createHmac('sha256', key).update('passage root key id').digest().subarray(0, 8).toString('hex');
}

function toRootKey(bytes: Buffer): RootKey {
  if (bytes.length !== 32) throw new RangeError('A root key is 32 bytes.');
  const key = createSecretKey(bytes);
  // SECURITY: the key now lives in the KeyObject only; the caller's copy is wiped.
  bytes.fill(0);
  return Object.freeze({ id: rootKeyId(key), key });
}

/** Builds a keyring from raw root keys (the given buffers are wiped); refuses a previous key equal to the current. */
export function createKeyring(current: Buffer, previous?: Buffer): Keyring {
  const currentKey = toRootKey(current);
  const previousKey = previous ? toRootKey(previous) : undefined;
  if (previousKey && previousKey.id === currentKey.id) {
    throw new ConfigError(
      'PASSAGE_ROOT_KEY_PREVIOUS is the same key as PASSAGE_ROOT_KEY: set PASSAGE_ROOT_KEY to the new key and PASSAGE_ROOT_KEY_PREVIOUS to the old one.',
    );
  }
  return Object.freeze({ current: currentKey, previous: previousKey });
}

/** Finds the configured root key with this id, if any. */
export function findRootKey(keyring: Keyring, id: string): RootKey | undefined {
  if (keyring.current.id === id) return keyring.current;
  return keyring.previous?.id === id ? keyring.previous : undefined;
}

function loadPreviousRootKey(config: Pick<Config, 'previousRootKey' | 'isProduction' | 'dataDir'>) {
  const source = config.previousRootKey;
  if (!source) return undefined;
  try {
    if (source.kind === 'value') return parseRootKey(source.value);
    const file = source.path;
    if (file.startsWith(`${path.resolve(config.dataDir)}${path.sep}`)) {
      throw new Error(`the file ${file} is inside the data folder: keep root keys outside it`);
    }
    if (!existsSync(file)) throw new Error(`the file ${file} does not exist`);
    if ((statSync(file).mode & 0o077) !== 0 && config.isProduction) {
      throw new Error(`the file ${file} is readable by others: chmod 600 it`);
    }
    return parseRootKey(readFileSync(file, 'utf8'));
  } catch (error) {
    // parseRootKey's and the checks' messages name files and lengths, never key material.
    throw new ConfigError(`PASSAGE_ROOT_KEY_PREVIOUS: ${(error as Error).message}`);
  }
}

/** Loads the current root key (creating the default key file outside production) and the previous one, if set. */
export function loadKeyring(
  config: Pick<Config, 'rootKey' | 'previousRootKey' | 'isProduction' | 'dataDir'>,
): Keyring {
  return createKeyring(loadRootKey(config), loadPreviousRootKey(config));
}
