import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blindIndex, blindIndexBytes, blindIndexes, type BlindIndexKey } from './blind-index.ts';
import { currentNormaliserVersion } from './normalise.ts';

function indexKey(): BlindIndexKey {
  return { societyId: randomUUID(), version: 1, key: createSecretKey(randomBytes(32)) };
}

describe('blind indexes', () => {
  it('gives equal indexes for values that normalise alike', () => {
    const key = indexKey();
    expect(blindIndexes(key, 'document-number', 'ab-123 456')).toEqual(
      blindIndexes(key, 'document-number', 'AB123456'),
    );
    expect(blindIndexes(key, 'phone', '٠٧٩٠ ١٢٣ ٤٥٦٧')).toEqual(blindIndexes(key, 'phone', '0790-123-4567'));
    expect(blindIndexes(key, 'name-token', 'JOSÉ Müller')).toEqual(
      blindIndexes(key, 'name-token', 'jose muller'),
    );
  });

  it('gives one index per name token, 16 bytes each, and none for a value with nothing to match', () => {
    const key = indexKey();
    const indexes = blindIndexes(key, 'name-token', 'Amina Al-Hassan');
    expect(indexes).toHaveLength(3);
    for (const index of indexes) expect(index).toHaveLength(blindIndexBytes);
    expect(blindIndexes(key, 'phone', 'unknown')).toEqual([]);
  });

  it('separates kinds and normaliser versions: the same token gives different indexes', () => {
    const key = indexKey();
    const v = currentNormaliserVersion;
    expect(blindIndex(key, { kind: 'birth-year', version: v }, '1999')).not.toEqual(
      blindIndex(key, { kind: 'document-number', version: v }, '1999'),
    );
    expect(blindIndex(key, { kind: 'phone', version: v }, '1999')).not.toEqual(
      blindIndex(key, { kind: 'phone', version: v + 1 }, '1999'),
    );
  });

  it('gives different indexes for the same value under another society key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (token) => {
        const spec = { kind: 'name-token', version: 1 } as const;
        expect(blindIndex(indexKey(), spec, token).equals(blindIndex(indexKey(), spec, token))).toBe(false);
      }),
    );
  });

  it('does not contain the token it indexes', () => {
    const key = indexKey();
    const [index] = blindIndexes(key, 'document-number', 'AB123456');
    expect(index?.includes(Buffer.from('AB123456'))).toBe(false);
    expect(index?.toString('utf8')).not.toContain('AB12');
  });
});
