import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { createKeyCache } from './key-cache.ts';
import { createKeyring, findRootKey, loadKeyring, rootKeyId } from './keyring.ts';

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'passage-keys-'));
}

function config(env: Record<string, string>) {
  return loadConfig({ NODE_ENV: 'test', PASSAGE_DATA_DIR: path.join(tempDir(), 'data'), ...env });
}

describe('the root keyring', () => {
  it('derives a stable 16-hex-digit id per root key, different for different keys', () => {
    const bytes = randomBytes(32);
    const id = rootKeyId(createSecretKey(bytes));
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(rootKeyId(createSecretKey(Buffer.from(bytes)))).toBe(id);
    expect(rootKeyId(createSecretKey(randomBytes(32)))).not.toBe(id);
    expect(bytes.toString('hex')).not.toContain(id);
  });

  it('wipes the raw key buffers it is built from, and finds keys by id', () => {
    const current = randomBytes(32);
    const previous = randomBytes(32);
    const keyring = createKeyring(current, previous);
    expect(current.equals(Buffer.alloc(32))).toBe(true);
    expect(previous.equals(Buffer.alloc(32))).toBe(true);
    expect(findRootKey(keyring, keyring.current.id)).toBe(keyring.current);
    expect(findRootKey(keyring, keyring.previous?.id ?? '')).toBe(keyring.previous);
    expect(findRootKey(keyring, '0000000000000000')).toBeUndefined();
  });

  it('refuses a previous root key equal to the current one', () => {
    const bytes = randomBytes(32);
    expect(() => createKeyring(Buffer.from(bytes), Buffer.from(bytes))).toThrow(ConfigError);
  });

  it('never shows key material when logged or serialised', () => {
    const bytes = randomBytes(32);
    const hex = bytes.toString('hex');
    const b64 = bytes.toString('base64');
    const keyring = createKeyring(Buffer.from(bytes));
    const shown = `${inspect(keyring, { depth: 10, showHidden: true })} ${JSON.stringify(keyring)}`;
    expect(shown).not.toContain(hex);
    expect(shown).not.toContain(b64);
  });

  it('loads the current and previous root keys from PASSAGE_ROOT_KEY and PASSAGE_ROOT_KEY_PREVIOUS_FILE', () => {
    const current = randomBytes(32);
    const previous = randomBytes(32);
    const file = path.join(tempDir(), 'old-root.key');
    writeFileSync(file, `${previous.toString('hex')}\n`, { mode: 0o600 });
    const keyring = loadKeyring(
      config({ PASSAGE_ROOT_KEY: current.toString('base64'), PASSAGE_ROOT_KEY_PREVIOUS_FILE: file }),
    );
    expect(keyring.current.id).toBe(rootKeyId(createSecretKey(current)));
    expect(keyring.previous?.id).toBe(rootKeyId(createSecretKey(previous)));
  });

  it('has no previous root key unless one is configured', () => {
    const keyring = loadKeyring(config({ PASSAGE_ROOT_KEY: randomBytes(32).toString('base64') }));
    expect(keyring.previous).toBeUndefined();
  });

  it('explains a previous root key file that is missing or not a key', () => {
    const dir = tempDir();
    const missing = path.join(dir, 'nope.key');
    const base = { PASSAGE_ROOT_KEY: randomBytes(32).toString('base64') };
    expect(() => loadKeyring(config({ ...base, PASSAGE_ROOT_KEY_PREVIOUS_FILE: missing }))).toThrow(
      /PASSAGE_ROOT_KEY_PREVIOUS: the file .*nope\.key does not exist/,
    );
    const short = path.join(dir, 'short.key');
    writeFileSync(short, 'abcd', { mode: 0o600 });
    expect(() => loadKeyring(config({ ...base, PASSAGE_ROOT_KEY_PREVIOUS_FILE: short }))).toThrow(
      /PASSAGE_ROOT_KEY_PREVIOUS: The root key must be 32 bytes/,
    );
    expect(() =>
      config({ ...base, PASSAGE_ROOT_KEY_PREVIOUS: 'x', PASSAGE_ROOT_KEY_PREVIOUS_FILE: short }),
    ).toThrow(/either PASSAGE_ROOT_KEY_PREVIOUS or PASSAGE_ROOT_KEY_PREVIOUS_FILE/);
  });
});

describe('the society key cache', () => {
  it('forgets keys after their time to live and drops the oldest beyond its size', () => {
    let now = 0;
    const cache = createKeyCache({ ttlMs: 1_000, maxEntries: 2, now: () => now });
    const key = createSecretKey(randomBytes(32));
    cache.set('a', key);
    now = 999;
    expect(cache.get('a')).toBe(key);
    now = 1_000;
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', key);
    cache.set('b', key);
    cache.set('c', key);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, key, key]);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
