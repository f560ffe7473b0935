import { encodeContext, open, seal, versionKeyId } from './codec.ts';
import type { DataKey } from './data-keys.ts';

/** Where an encrypted value lives: the ciphertext is bound to its table, column and row (and the key's society). */
export type FieldRef = Readonly<{ table: string; column: string; rowId: string }>;

// Lone surrogates cannot be encoded as UTF-8: they would come back as U+FFFD, so they are refused instead.
const loneSurrogate = /[\uD800-\uDFFF]/u;

function fieldContext(dataKey: DataKey, field: FieldRef): Buffer {
  return encodeContext(['passage-field/v1', dataKey.societyId, field.table, field.column, field.rowId]);
}

/**
 * Encrypts one field value (text as UTF-8, or bytes) under a subject's data key; store the result as bytea.
 * Associated data binds it to society, table, column and row, so a ciphertext copied elsewhere fails to open.
 */
export function encryptField(dataKey: DataKey, field: FieldRef, value: string | Uint8Array): Buffer {
  if (typeof value === 'string' && loneSurrogate.test(value)) {
    throw new TypeError('The text has a lone surrogate and cannot be encrypted as UTF-8.');
  }
  const plaintext = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return seal({
    key: dataKey.key,
    keyId: versionKeyId(dataKey.version),
    context: fieldContext(dataKey, field),
    plaintext,
  });
}

/** Decrypts one field value to bytes; throws `DecryptionError` if it was altered, moved or keyed differently. */
export function decryptField(dataKey: DataKey, field: FieldRef, envelope: Uint8Array): Buffer {
  return open(
    { key: dataKey.key, context: fieldContext(dataKey, field), envelope },
    versionKeyId(dataKey.version),
  );
}

/** Decrypts one field value that was encrypted from text. */
export function decryptFieldText(dataKey: DataKey, field: FieldRef, envelope: Uint8Array): string {
  return decryptField(dataKey, field, envelope).toString('utf8');
}
