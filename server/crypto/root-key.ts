import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/** Parses a root key given as 64 hex digits or base64 of 32 bytes. */
export function parseRootKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('The root key must be 32 bytes, as 64 hex digits or base64.');
  return key;
}

/**
 * Loads the root key. Outside production, a missing key file is created (mode 0600) beside — never inside —
 * the data folder, so a copy of the data folder alone decrypts nothing.
 */
export function loadRootKey(config: Pick<Config, 'rootKey' | 'isProduction' | 'dataDir'>): Buffer {
  if (config.rootKey.kind === 'value') return parseRootKey(config.rootKey.value);
  const file = config.rootKey.path;
  if (path.resolve(file).startsWith(`${path.resolve(config.dataDir)}${path.sep}`)) {
    throw new Error(
      `The root key file ${file} is inside the data folder: keep it outside, so a copy of the data alone decrypts nothing.`,
    );
  }
  if (!existsSync(file)) {
    if (config.isProduction) throw new Error(`The root key file ${file} does not exist.`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(file).mode & 0o077) !== 0 && config.isProduction) {
    throw new Error(`The root key file ${file} is readable by others: chmod 600 it.`);
  }
  return parseRootKey(readFileSync(file, 'utf8'));
}
