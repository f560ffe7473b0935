import { createHmac, createSecretKey, generateKeySync, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { encodeContext, open, seal, versionKeyId } from './codec.ts';
import { KeyUnavailableError } from './errors.ts';
import { findRootKey, type Keyring, type RootKey } from './keyring.ts';

/** Encrypted columns of the `users` table. */
export type AccountColumn = 'email' | 'display_name' | 'mfa_secret' | 'mfa_pending_secret';

/** What a throttle key counts: failed sign-ins per account or per address, failed codes per account. */
export type ThrottleKind = 'account' | 'address' | 'mfa';

/** Purposes of the system keys that protect staff accounts (not a society's: users are global). */
export type SystemKeyPurpose = 'accounts' | 'accounts-index' | 'recovery-codes';

/**
 * The keys that protect staff accounts: e-mail addresses, names and TOTP secrets are encrypted, e-mail look-up
 * and throttling go through keyed hashes, and recovery codes are stored as keyed hashes.
 */
export type AccountKeys = Readonly<{
  emailIndex(email: string): Buffer;
  throttleKey(kind: ThrottleKind, value: string): Buffer;
  seal(userId: string, column: AccountColumn, plaintext: string): Buffer;
  open(userId: string, column: AccountColumn, envelope: Buffer): string;
  recoveryKey: KeyObject;
}>;

const purposes: readonly SystemKeyPurpose[] = ['accounts', 'accounts-index', 'recovery-codes'];

function systemKeyContext(purpose: SystemKeyPurpose, version: number): Buffer {
  return encodeContext(['passage-system-key/v1', purpose, String(version)]);
}

/** Wraps a system key under a root key, bound to its purpose and version. */
export function wrapSystemKey(
  root: RootKey,
  purpose: SystemKeyPurpose,
  version: number,
  key: KeyObject,
): Buffer {
  const plaintext = key.export();
  try {
    return seal({
      key: root.key,
      keyId: Buffer.from(root.id, 'hex'),
      context: systemKeyContext(purpose, version),
      plaintext,
    });
  } finally {
    plaintext.fill(0);
  }
}

/** Unwraps a stored system key with whichever configured root key wrapped it. */
export function unwrapSystemKey(
  keyring: Keyring,
  row: { purpose: SystemKeyPurpose; version: number; root_key_id: string; wrapped_key: Buffer },
): KeyObject {
  const root = findRootKey(keyring, row.root_key_id);
  if (!root) {
    throw new KeyUnavailableError(
      'root-key-not-configured',
      `The account keys are wrapped by root key ${row.root_key_id}, which is not configured. Set PASSAGE_ROOT_KEY_PREVIOUS to the old key and run \`passage keys rotate\`.`,
    );
  }
  const plaintext = open(
    { key: root.key, context: systemKeyContext(row.purpose, row.version), envelope: row.wrapped_key },
    Buffer.from(row.root_key_id, 'hex'),
  );
  try {
    return createSecretKey(plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/** Normalises an e-mail address for look-up: trimmed, NFKC, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

/** Builds the account key functions from unwrapped system keys. */
export function accountKeysFrom(keys: Record<SystemKeyPurpose, KeyObject>): AccountKeys {
  const context = (userId: string, column: AccountColumn) =>
    encodeContext(['passage-account/v1', 'users', column, userId]);
  const keyId = versionKeyId(1);
  return Object.freeze({
    emailIndex: (email: string) =>
      createHmac('sha256', keys['accounts-index'])
        .update(`email\u0000${normaliseEmail(email)}`)
        .digest(),
    throttleKey: (kind: ThrottleKind, value: string) =>
      createHmac('sha256', keys['accounts-index']).update(`throttle\u0000${kind}\u0000${value}`).digest(),
    seal: (userId: string, column: AccountColumn, plaintext: string) =>
      seal({
        key: keys.accounts,
        keyId,
        context: context(userId, column),
        plaintext: Buffer.from(plaintext, 'utf8'),
      }),
    open: (userId: string, column: AccountColumn, envelope: Buffer) =>
      open({ key: keys.accounts, context: context(userId, column), envelope }, keyId).toString('utf8'),
    recoveryKey: keys['recovery-codes'],
  });
}

/**
 * Loads the account keys with the system role, creating them on first start. SECURITY: the unwrapped keys live in
 * this process only; the database holds them wrapped by the root key, which never enters it.
 */
export async function systemLoadAccountKeys(
  systemDb: Kysely<Database>,
  keyring: Keyring,
): Promise<AccountKeys> {
  const rows = await systemDb
    .selectFrom('system_keys')
    .select(['purpose', 'version', 'root_key_id', 'wrapped_key'])
    .where('version', '=', 1)
    .execute();
  const found = new Map(rows.map((r) => [r.purpose, r]));
  const missing = purposes.filter((p) => !found.has(p));
  if (missing.length > 0) {
    await systemDb
      .insertInto('system_keys')
      .values(
        missing.map((purpose) => ({
          purpose,
          version: 1,
          root_key_id: keyring.current.id,
          wrapped_key: wrapSystemKey(keyring.current, purpose, 1, generateKeySync('hmac', { length: 256 })),
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    return systemLoadAccountKeys(systemDb, keyring); // another instance may have won the race: read what is stored
  }
  const unwrap = (purpose: SystemKeyPurpose) => {
    const row = found.get(purpose);
    if (!row) throw new KeyUnavailableError('not-found', `The ${purpose} system key is missing.`);
    return unwrapSystemKey(keyring, row);
  };
  return accountKeysFrom({
    accounts: unwrap('accounts'),
    'accounts-index': unwrap('accounts-index'),
    'recovery-codes': unwrap('recovery-codes'),
  });
}

/**
 * Re-wraps the system keys wrapped by the previous root key under the current one (part of `passage keys rotate`;
 * nothing is re-encrypted). Returns how many were re-wrapped and how many are under a root key not configured.
 */
export async function systemRewrapSystemKeys(
  systemDb: Kysely<Database>,
  keyring: Keyring,
): Promise<{ rewrapped: number; unknownRoot: number }> {
  return systemDb.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('system_keys')
      .select(['purpose', 'version', 'root_key_id', 'wrapped_key'])
      .where('root_key_id', '!=', keyring.current.id)
      .forUpdate()
      .execute();
    let rewrapped = 0;
    for (const row of rows) {
      if (!findRootKey(keyring, row.root_key_id)) continue;
      // SECURITY: only the wrapping changes; the key (and every value under it) stays the same.
      const key = unwrapSystemKey(keyring, row);
      await tx
        .updateTable('system_keys')
        .set({
          root_key_id: keyring.current.id,
          wrapped_key: wrapSystemKey(keyring.current, row.purpose, row.version, key),
        })
        .where('purpose', '=', row.purpose)
        .where('version', '=', row.version)
        .execute();
      rewrapped++;
    }
    return { rewrapped, unknownRoot: rows.length - rewrapped };
  });
}
