/** Why a ciphertext was rejected; none of the reasons reveals anything about the plaintext or the key. */
export type DecryptionFailure = 'malformed' | 'unsupported-format' | 'wrong-key-id' | 'authentication-failed';

/**
 * A ciphertext could not be opened: it was altered, truncated, moved to another field or row, or opened with the
 * wrong key. SECURITY: the message names the reason only, never plaintext, key material or the ciphertext.
 */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
  readonly reason: DecryptionFailure;

  constructor(reason: DecryptionFailure) {
    super(`The ciphertext was rejected (${reason}).`);
    this.reason = reason;
  }
}

/** Why a key could not be produced. */
export type KeyUnavailableReason =
  /** The data subject was erased: their data key was destroyed and their ciphertext is unreadable for good. */
  | 'erased'
  /** No such key in this society's scope (it does not exist, or it belongs to another society). */
  | 'not-found'
  /** The key is wrapped by a root key that is not configured (see `passage keys status`). */
  | 'root-key-not-configured';

/** A key could not be loaded; `reason` says whether it was erased, is missing, or needs another root key. */
export class KeyUnavailableError extends Error {
  override name = 'KeyUnavailableError';
  readonly reason: KeyUnavailableReason;

  constructor(reason: KeyUnavailableReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
