import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventHash, genesisHash, merkleAccumulator, merkleRoot, type ChainedEvent } from './audit.hash.ts';
import { canonicalJson } from './canonical-json.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.string({ unit: 'grapheme' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'grapheme' }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

function reversedKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('canonical JSON', () => {
  it('does not depend on key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reversedKeys(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('sorts keys by code unit and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: [true, null], é: 'x', B: undefined })).toBe(
      '{"a":[true,null],"b":1,"é":"x"}',
    );
  });

  it('refuses what it cannot encode unambiguously', () => {
    for (const value of [1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, 10n, new Date(0), () => 1])
      expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe('event hashes', () => {
  const event: ChainedEvent = {
    chainId: `society:${randomUUID()}`,
    seq: 7n,
    occurredAt: new Date('2030-01-02T03:04:05.678Z'),
    actorUserId: randomUUID(),
    actorRoles: ['caseworker'],
    kind: 'team.updated',
    subjectType: 'team',
    subjectId: randomUUID(),
    payload: { fields: ['name'] },
    requestId: 'req-1',
  };

  it('change with every column, the previous hash and the chain', () => {
    const base = eventHash(genesisHash, event).toString('hex');
    const variants: ChainedEvent[] = [
      { ...event, chainId: 'system' },
      { ...event, seq: 8n },
      { ...event, occurredAt: new Date('2030-01-02T03:04:05.679Z') },
      { ...event, actorUserId: null },
      { ...event, actorRoles: ['caseworker', 'dpo'] },
      { ...event, kind: 'team.created' },
      { ...event, subjectType: null },
      { ...event, subjectId: null },
      { ...event, payload: { fields: ['name', 'members'] } },
      { ...event, requestId: null },
    ];
    const hashes = variants.map((v) => eventHash(genesisHash, v).toString('hex'));
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
    expect(eventHash(Buffer.alloc(32, 1), event).toString('hex')).not.toBe(base);
  });
});

describe('Merkle roots', () => {
  const leaf = (i: number) => createHash('sha256').update(`leaf ${i}`).digest();
  const node = (l: Buffer, r: Buffer) =>
    createHash('sha256')
      .update(Buffer.from([1]))
      .update(l)
      .update(r)
      .digest();
  // RFC 6962, section 2.1: the left subtree holds the largest power of two smaller than n.
  function reference(leaves: Buffer[]): Buffer {
    if (leaves.length === 1) return leaves[0] as Buffer;
    let k = 1;
    while (k * 2 < leaves.length) k *= 2;
    return node(reference(leaves.slice(0, k)), reference(leaves.slice(k)));
  }

  it('match the RFC 6962 tree shape for every size up to 70, leaf by leaf', () => {
    for (let n = 1; n <= 70; n += 1) {
      const leaves = Array.from({ length: n }, (_, i) => leaf(i));
      expect(merkleRoot(leaves).equals(reference(leaves))).toBe(true);
    }
  });

  it('change when any leaf changes, and count their leaves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), (n, pick) => {
        const leaves = Array.from({ length: n }, (_, i) => leaf(i));
        const changed = [...leaves];
        changed[pick % n] = leaf(1000 + pick);
        expect(merkleRoot(changed).equals(merkleRoot(leaves))).toBe(false);
        const tree = merkleAccumulator();
        leaves.forEach((l) => tree.add(l));
        expect(tree.count()).toBe(n);
      }),
    );
  });

  it('refuse an empty tree', () => {
    expect(() => merkleRoot([])).toThrow();
  });
});
