import { createHmac, type KeyObject } from 'node:crypto';
import { encodeContext } from './codec.ts';
import { currentNormaliserVersion, normalise, type BlindIndexKind } from './normalise.ts';
import { getCurrentSocietyKey, type KeyDb, type Keys } from './society-keys.ts';

/**
 * Blind indexes: exact-match lookups on encrypted fields without storing the value. An index is a keyed HMAC of one
 * normalised token; the key is the society's own blind-index key, so equal values in two societies do not match
 * and a copy of the database alone cannot test guesses. What an index does reveal, inside its society, is equality:
 * which rows share a token (and, for small domains like birth years, that is close to the value's distribution).
 * Fuzzy search decrypts candidates after authorisation instead.
 *
 * Storage: a table of indexes keeps (society id, row id, kind, normaliser version, blind-index key version,
 * index bytea) and queries with all but the row id. Lookups compute the indexes of the query value and match by
 * equality. A new blind-index key version (not needed so far) would be rolled out by the same rebuild job.
 *
 * Changing a normaliser: add the new behaviour under a new `currentNormaliserVersion` in normalise.ts and keep
 * the old one. New writes use the new version at once; lookups query both versions until the rebuild is done. A
 * system job then walks each society's rows whose index version is older, decrypts the source field with the
 * subject's data key, writes the new-version indexes and deletes the old ones, in resumable batches (progress is
 * the rows still on the old version). When none remain, lookups stop querying the old version.
 */

/** A society's blind-index key. */
export type BlindIndexKey = Readonly<{ societyId: string; version: number; key: KeyObject }>;

/** Which hashing domain an index belongs to: its kind and the normaliser version that produced its token. */
export type BlindIndexSpec = Readonly<{ kind: BlindIndexKind; version: number }>;

/** Length of a blind index: HMAC-SHA256 truncated to 128 bits, ample against accidental collisions. */
export const blindIndexBytes = 16;

/** Hashes one already-normalised token into a blind index, domain-separated by kind and normaliser version. */
export function blindIndex(key: BlindIndexKey, spec: BlindIndexSpec, token: string): Buffer {
  return createHmac('sha256', key.key)
    .update(encodeContext(['passage-blind-index/v1', spec.kind, String(spec.version), token]))
    .digest()
    .subarray(0, blindIndexBytes);
}

/**
 * Normalises a value and returns the blind index of each of its tokens (a name has several; a phone number one);
 * none when nothing in the value can be matched on.
 */
export function blindIndexes(
  key: BlindIndexKey,
  kind: BlindIndexKind,
  value: string,
  version: number = currentNormaliserVersion,
): Buffer[] {
  return normalise(kind, value, version).map((token) => blindIndex(key, { kind, version }, token));
}

/** Loads (creating on first use) the society's blind-index key through a scoped transaction. */
export async function getBlindIndexKey(keys: Keys, db: KeyDb, societyId: string): Promise<BlindIndexKey> {
  const { version, key } = await getCurrentSocietyKey(keys, db, societyId, 'blind-index');
  return Object.freeze({ societyId, version, key });
}
