import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { DecryptionError } from './errors.ts';

/**
 * The envelope every Passage ciphertext uses (stored as bytea):
 *
 *   format (1 byte, 0x01) | key id length n (1 byte) | key id (n bytes) | IV (12 bytes) | ciphertext | tag (16 bytes)
 *
 * AES-256-GCM; the header (format, key id) is authenticated together with the caller's context, which binds the
 * ciphertext to its purpose (society, table, column, row), so it cannot be moved elsewhere undetected.
 */
export const envelopeFormat = 1;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_KEY_ID_BYTES = 32;

/** What `seal` encrypts: the key, the key id recorded in the envelope, the binding context and the plaintext. */
export type SealInput = {
  key: KeyObject;
  keyId: Uint8Array;
  context: Uint8Array;
  plaintext: Uint8Array;
};

/** What `open` needs: the key, the same context as when sealed, and the envelope. */
export type OpenInput = { key: KeyObject; context: Uint8Array; envelope: Uint8Array };

/** An envelope split into its parts, before any authentication. */
export type ParsedEnvelope = {
  header: Buffer;
  keyId: Buffer;
  iv: Buffer;
  body: Buffer;
  tag: Buffer;
};

/**
 * Encodes the parts of an associated-data context unambiguously (each part length-prefixed), so that no two
 * different part lists — e.g. table "a|b" + column "c" and table "a" + column "b|c" — give the same bytes.
 */
export function encodeContext(parts: readonly string[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    chunks.push(length, bytes);
  }
  return Buffer.concat(chunks);
}

/** Encodes a small version number as a 4-byte key id. */
export function versionKeyId(version: number): Buffer {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(version);
  return id;
}

/** Encrypts with AES-256-GCM under a fresh random IV and returns the self-describing envelope. */
export function seal(input: SealInput): Buffer {
  const { key, keyId, context, plaintext } = input;
  if (keyId.length < 1 || keyId.length > MAX_KEY_ID_BYTES) {
    throw new RangeError(`A key id is 1 to ${MAX_KEY_ID_BYTES} bytes.`);
  }
  const header = Buffer.concat([Buffer.from([envelopeFormat, keyId.length]), keyId]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([header, context]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, iv, body, cipher.getAuthTag()]);
}

/** Splits an envelope into header, key id, IV, body and tag; throws `DecryptionError` if it cannot be one. */
export function parseEnvelope(envelope: Uint8Array): ParsedEnvelope {
  const bytes = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  if (bytes.length < 2) throw new DecryptionError('malformed');
  if (bytes[0] !== envelopeFormat) throw new DecryptionError('unsupported-format');
  const keyIdLength = bytes[1] as number;
  const headerLength = 2 + keyIdLength;
  if (
    keyIdLength < 1 ||
    keyIdLength > MAX_KEY_ID_BYTES ||
    bytes.length < headerLength + IV_BYTES + TAG_BYTES
  ) {
    throw new DecryptionError('malformed');
  }
  return {
    header: bytes.subarray(0, headerLength),
    keyId: bytes.subarray(2, headerLength),
    iv: bytes.subarray(headerLength, headerLength + IV_BYTES),
    body: bytes.subarray(headerLength + IV_BYTES, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  };
}

/** Reads the key id of an envelope (to pick the key to open it with); the id is authenticated by `open`. */
export function envelopeKeyId(envelope: Uint8Array): Buffer {
  return parseEnvelope(envelope).keyId;
}

/**
 * Authenticates and decrypts an envelope. Any change to the envelope, a different context or a wrong key throws
 * `DecryptionError`; no partial plaintext is ever returned.
 */
export function open(input: OpenInput, expectedKeyId?: Uint8Array): Buffer {
  const parts = parseEnvelope(input.envelope);
  if (expectedKeyId && !parts.keyId.equals(expectedKeyId)) throw new DecryptionError('wrong-key-id');
  let plaintext: Buffer | undefined;
  try {
    // SECURITY: authTagLength pins the tag to 16 bytes; without it Node 20 accepts truncated tags.
    const decipher = createDecipheriv('aes-256-gcm', input.key, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.concat([parts.header, input.context]));
    decipher.setAuthTag(parts.tag);
    plaintext = decipher.update(parts.body);
    decipher.final();
    return plaintext;
  } catch {
    // SECURITY: unauthenticated output is wiped and the underlying error (which could name the key) dropped.
    plaintext?.fill(0);
    throw new DecryptionError('authentication-failed');
  }
}
