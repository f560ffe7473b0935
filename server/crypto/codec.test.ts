import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeContext, envelopeFormat, envelopeKeyId, open, seal, versionKeyId } from './codec.ts';
import type { DataKey } from './data-keys.ts';
import { DecryptionError } from './errors.ts';
import { decryptField, decryptFieldText, encryptField, type FieldRef } from './fields.ts';

function dataKey(societyId = randomUUID()): DataKey {
  return { societyId, subjectId: randomUUID(), version: 1, key: createSecretKey(randomBytes(32)) };
}

const field: FieldRef = { table: 'people', column: 'name', rowId: randomUUID() };
const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const anyBytes = fc.uint8Array({ maxLength: 512 });

function rejects(run: () => unknown): DecryptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecryptionError);
    return error as DecryptionError;
  }
  throw new Error('expected the ciphertext to be rejected');
}

describe('the ciphertext envelope', () => {
  it('round-trips any text, in any script, through encryptField and decryptFieldText', () => {
    const key = dataKey();
    fc.assert(
      fc.property(anyText, (text) => {
        expect(decryptFieldText(key, field, encryptField(key, field, text))).toBe(text);
      }),
    );
  });

  it('round-trips any bytes through seal and open', () => {
    const key = createSecretKey(randomBytes(32));
    fc.assert(
      fc.property(
        anyBytes,
        fc.uint8Array({ minLength: 1, maxLength: 32 }),
        anyBytes,
        (plaintext, keyId, ctx) => {
          const envelope = seal({ key, keyId, context: ctx, plaintext });
          expect(open({ key, context: ctx, envelope }).equals(Buffer.from(plaintext))).toBe(true);
          expect(envelopeKeyId(envelope).equals(Buffer.from(keyId))).toBe(true);
        },
      ),
    );
  });

  it('lays out format, key id, IV, ciphertext and tag, with a fresh IV each time', () => {
    const key = dataKey();
    const a = encryptField(key, field, 'Amina');
    const b = encryptField(key, field, 'Amina');
    expect(a[0]).toBe(envelopeFormat);
    expect(a[1]).toBe(4);
    expect(a.subarray(2, 6).equals(versionKeyId(1))).toBe(true);
    expect(a.length).toBe(2 + 4 + 12 + Buffer.byteLength('Amina') + 16);
    expect(a.subarray(6, 18).equals(b.subarray(6, 18))).toBe(false);
    expect(a.includes(Buffer.from('Amina'))).toBe(false);
  });

  it('rejects a ciphertext with any single bit flipped', () => {
    const key = dataKey();
    fc.assert(
      fc.property(anyText, fc.nat(), (text, bitSeed) => {
        const envelope = encryptField(key, field, text);
        const bit = bitSeed % (envelope.length * 8);
        envelope[bit >> 3] = (envelope[bit >> 3] as number) ^ (1 << (bit & 7));
        rejects(() => decryptField(key, field, envelope));
      }),
    );
  });

  it('rejects a ciphertext opened for another society, table, column or row', () => {
    const key = dataKey();
    const part = fc.constantFrom('societyId', 'table', 'column', 'rowId');
    fc.assert(
      fc.property(anyText, part, fc.string({ minLength: 1 }), (text, which, other) => {
        const envelope = encryptField(key, field, text);
        if (which === 'societyId') {
          rejects(() => decryptField({ ...key, societyId: `${key.societyId}${other}` }, field, envelope));
        } else {
          rejects(() => decryptField(key, { ...field, [which]: `${field[which]}${other}` }, envelope));
        }
      }),
    );
  });

  it('rejects a truncated or extended ciphertext', () => {
    const key = dataKey();
    fc.assert(
      fc.property(anyText, fc.nat(), anyBytes, (text, cut, extra) => {
        const envelope = encryptField(key, field, text);
        rejects(() => decryptField(key, field, envelope.subarray(0, cut % envelope.length)));
        if (extra.length > 0) rejects(() => decryptField(key, field, Buffer.concat([envelope, extra])));
      }),
    );
  });

  it('rejects a ciphertext opened with the wrong key', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const key = dataKey();
        const envelope = encryptField(key, field, text);
        rejects(() => decryptField({ ...key, key: createSecretKey(randomBytes(32)) }, field, envelope));
      }),
    );
  });

  it('rejects a ciphertext whose key id names another key version', () => {
    const key = dataKey();
    const envelope = encryptField(key, field, 'Amina');
    expect(rejects(() => decryptField({ ...key, version: 2 }, field, envelope)).reason).toBe('wrong-key-id');
  });

  it('says why a ciphertext was rejected without quoting the plaintext or the key', () => {
    const key = dataKey();
    const secret = 'Amina Haddad, born 1999-04-12';
    const envelope = encryptField(key, field, secret);
    envelope[envelope.length - 1] = (envelope[envelope.length - 1] as number) ^ 1;
    const error = rejects(() => decryptField(key, field, envelope));
    expect(error.reason).toBe('authentication-failed');
    const said = `${error.message} ${String(error.stack)} ${JSON.stringify(error)}`;
    expect(said).not.toContain('Amina');
    expect(said).not.toContain(key.key.export().toString('base64'));
    expect(said).not.toContain(key.key.export().toString('hex'));
  });

  it('refuses text with a lone surrogate rather than storing it altered', () => {
    expect(() => encryptField(dataKey(), field, 'Am\uD800ina')).toThrow(TypeError);
  });

  it('encodes distinct context part lists as distinct bytes', () => {
    expect(encodeContext(['a|b', 'c']).equals(encodeContext(['a', 'b|c']))).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(encodeContext(a).equals(encodeContext(b))).toBe(false);
      }),
    );
  });
});
