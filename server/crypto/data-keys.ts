import { createSecretKey, generateKeySync, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import { encodeContext, open, seal, versionKeyId } from './codec.ts';
import { KeyUnavailableError } from './errors.ts';
import {
  getCurrentSocietyKey,
  getSocietyKeyVersion,
  type KeyDb,
  type Keys,
  type SocietyKey,
} from './society-keys.ts';

/** Names one data subject (a person; later also an attachment) in one society. */
export type SubjectRef = Readonly<{ societyId: string; subjectId: string }>;

/**
 * One subject's unwrapped data key: it encrypts that subject's fields (see `encryptField`). SECURITY: the key is a
 * KeyObject, which `JSON.stringify` and `util.inspect` do not reveal; never export it outside server/crypto.
 */
export type DataKey = Readonly<{ societyId: string; subjectId: string; version: number; key: KeyObject }>;

/** The version recorded in the key id of field ciphertexts; a data-key rotation (re-encryption) would raise it. */
export const dataKeyVersion = 1;

function dataKeyContext(ref: SubjectRef): Buffer {
  return encodeContext(['passage-data-key/v1', ref.societyId, ref.subjectId]);
}

/** Wraps a data key under a society key-encryption key, bound to its society and subject. */
export function wrapDataKey(kek: SocietyKey, ref: SubjectRef, key: KeyObject): Buffer {
  const plaintext = key.export();
  try {
    return seal({ key: kek.key, keyId: versionKeyId(kek.version), context: dataKeyContext(ref), plaintext });
  } finally {
    plaintext.fill(0);
  }
}

/** Unwraps a data key with the society key-encryption key whose version it records. */
export function unwrapDataKey(kek: SocietyKey, ref: SubjectRef, wrapped: Buffer): KeyObject {
  const plaintext = open(
    { key: kek.key, context: dataKeyContext(ref), envelope: wrapped },
    versionKeyId(kek.version),
  );
  try {
    return createSecretKey(plaintext);
  } finally {
    plaintext.fill(0);
  }
}

function toDataKey(ref: SubjectRef, key: KeyObject): DataKey {
  return Object.freeze({ societyId: ref.societyId, subjectId: ref.subjectId, version: dataKeyVersion, key });
}

/**
 * Loads a subject's data key: one query and one unwrap (the society key comes from the cache). Throws
 * `KeyUnavailableError` with reason 'erased' if it was destroyed, 'not-found' if there is none in scope.
 */
export async function getDataKey(keys: Keys, db: KeyDb, ref: SubjectRef): Promise<DataKey> {
  const row = await db
    .selectFrom('data_keys')
    .select(['society_id', 'society_key_version', 'wrapped_key'])
    .where('society_id', '=', ref.societyId)
    .where('subject_id', '=', ref.subjectId)
    .executeTakeFirst();
  if (!row) throw new KeyUnavailableError('not-found', `Subject ${ref.subjectId} has no data key.`);
  if (row.wrapped_key === null || row.society_key_version === null) {
    throw new KeyUnavailableError(
      'erased',
      `Subject ${ref.subjectId} was erased: their data key is destroyed.`,
    );
  }
  // The society id and version come from a row read in this scope, so the cached society key may be used.
  const kek = await getSocietyKeyVersion(keys, db, {
    societyId: row.society_id,
    purpose: 'kek',
    version: row.society_key_version,
  });
  return toDataKey(ref, unwrapDataKey(kek, ref, row.wrapped_key));
}

/**
 * Returns the subject's data key, creating it (wrapped by the society's newest key-encryption key) on first use.
 * An erased subject never gets a new key: this throws 'erased' instead.
 */
export async function ensureDataKey(keys: Keys, db: KeyDb, ref: SubjectRef): Promise<DataKey> {
  const kek = await getCurrentSocietyKey(keys, db, ref.societyId, 'kek');
  const key = generateKeySync('aes', { length: 256 });
  const inserted = await db
    .insertInto('data_keys')
    .values({
      society_id: ref.societyId,
      subject_id: ref.subjectId,
      society_key_version: kek.version,
      wrapped_key: wrapDataKey(kek, ref, key),
    })
    .onConflict((oc) => oc.columns(['society_id', 'subject_id']).doNothing())
    .returning('subject_id')
    .executeTakeFirst();
  return inserted ? toDataKey(ref, key) : getDataKey(keys, db, ref);
}

/**
 * Erases a subject cryptographically: their wrapped data key is overwritten with NULL, so every ciphertext under it
 * is unreadable at once (and in backups once those older than the erasure expire). Idempotent; there is no undo.
 * SECURITY: data keys are never cached, so no copy survives in this process either.
 */
export async function destroyDataKey(db: KeyDb, ref: SubjectRef): Promise<'destroyed' | 'already-destroyed'> {
  const destroyed = await db
    .updateTable('data_keys')
    .set({ wrapped_key: null, society_key_version: null, destroyed_at: sql<Date>`now()` })
    .where('society_id', '=', ref.societyId)
    .where('subject_id', '=', ref.subjectId)
    .where('destroyed_at', 'is', null)
    .returning('subject_id')
    .executeTakeFirst();
  if (destroyed) return 'destroyed';
  const existing = await db
    .selectFrom('data_keys')
    .select('destroyed_at')
    .where('society_id', '=', ref.societyId)
    .where('subject_id', '=', ref.subjectId)
    .executeTakeFirst();
  if (!existing) throw new KeyUnavailableError('not-found', `Subject ${ref.subjectId} has no data key.`);
  return 'already-destroyed';
}
