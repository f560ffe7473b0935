import type { DataKey } from '../../crypto/data-keys.ts';
import { decryptFieldText, encryptField } from '../../crypto/fields.ts';

const ref = (legalBasisId: string) => ({
  table: 'legal_bases',
  column: 'justification_enc',
  rowId: legalBasisId,
});

/** Encrypts a legal basis's justification with the person's data key, bound to its row. */
export function sealJustification(key: DataKey, legalBasisId: string, justification: string): Buffer {
  return encryptField(key, ref(legalBasisId), justification);
}

/** Decrypts a legal basis's justification. */
export function openJustification(key: DataKey, row: { id: string; justification_enc: Buffer }): string {
  return decryptFieldText(key, ref(row.id), row.justification_enc);
}
