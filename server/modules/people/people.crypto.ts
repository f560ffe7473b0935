import { createHmac, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  ContactFields,
  DocumentFields,
  IdentityFields,
  SpecialFields,
  type PersonFieldGroup,
} from '../../../common/people.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { blindIndexes, type BlindIndexKey } from '../../crypto/blind-index.ts';
import { encodeContext } from '../../crypto/codec.ts';
import { dataKeyVersion, unwrapDataKey, type DataKey } from '../../crypto/data-keys.ts';
import { decryptFieldText, encryptField } from '../../crypto/fields.ts';
import { currentNormaliserVersion } from '../../crypto/normalise.ts';
import { getSocietyKeyVersion, type Keys } from '../../crypto/society-keys.ts';
import type { PersonLookupKind } from './people.schema.ts';

/** The fields of each encrypted group, as stored (the schema each ciphertext is parsed with when opened). */
export const groupSchemas = {
  identity: IdentityFields,
  contact: ContactFields,
  documents: DocumentFields,
  special: SpecialFields,
} as const satisfies Record<PersonFieldGroup, z.ZodType>;

/** The decrypted fields of one group. */
export type GroupFields<G extends PersonFieldGroup> = z.infer<(typeof groupSchemas)[G]>;

/** The ciphertext column of each group, and of the "known as" name. */
export const columnOf = {
  identity: 'identity_enc',
  contact: 'contact_enc',
  documents: 'documents_enc',
  special: 'special_enc',
  knownAs: 'known_as_enc',
} as const;

const ref = (personId: string, field: keyof typeof columnOf) => ({
  table: 'people',
  column: columnOf[field],
  rowId: personId,
});

/** Encrypts a group's fields as one ciphertext bound to its column and person; null when nothing is recorded. */
export function sealGroup<G extends PersonFieldGroup>(
  key: DataKey,
  group: G,
  fields: GroupFields<G>,
): Buffer | null {
  if (Object.keys(fields).length === 0) return null;
  return encryptField(key, ref(key.subjectId, group), JSON.stringify(fields));
}

/** Decrypts a group's ciphertext (an empty group when none) and checks it against the group's schema. */
export function openGroup<G extends PersonFieldGroup>(
  key: DataKey,
  group: G,
  sealed: Buffer | null,
): GroupFields<G> {
  if (sealed === null) return {} as GroupFields<G>;
  const text = decryptFieldText(key, ref(key.subjectId, group), sealed);
  return groupSchemas[group].parse(JSON.parse(text)) as GroupFields<G>;
}

/** Encrypts the "known as" name (null when there is none). */
export function sealKnownAs(key: DataKey, knownAs: string | null | undefined): Buffer | null {
  return knownAs ? encryptField(key, ref(key.subjectId, 'knownAs'), knownAs) : null;
}

/** Decrypts the "known as" name. */
export function openKnownAs(key: DataKey, sealed: Buffer | null): string | null {
  return sealed === null ? null : decryptFieldText(key, ref(key.subjectId, 'knownAs'), sealed);
}

// Crockford's Base32: no I, L, O or U, so a code read aloud or copied by hand is not mistaken.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new pseudonymous code: 40 random bits as 8 Crockford Base32 characters. */
export function newPersonCode(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 7; i >= 0; i--) code += crockford.charAt(Number((bits >> BigInt(i * 5)) & 31n));
  return code;
}

/** A person's wrapped data key as read with their row. */
export type WrappedPersonKey = { id: string; wrapped_key: Buffer | null; key_version: number | null };

/**
 * Unwraps a person's data key read with their row (the society key comes from the cache); undefined once the
 * person was erased. SECURITY: the key lives for this request only.
 */
export async function unwrapPersonKey(
  keys: Keys,
  tx: SocietyTx,
  societyId: string,
  row: WrappedPersonKey,
): Promise<DataKey | undefined> {
  if (row.wrapped_key === null || row.key_version === null) return undefined;
  const kek = await getSocietyKeyVersion(keys, tx, { societyId, purpose: 'kek', version: row.key_version });
  const subject = { societyId, subjectId: row.id };
  return Object.freeze({
    ...subject,
    version: dataKeyVersion,
    key: unwrapDataKey(kek, subject, row.wrapped_key),
  });
}

/** Unwraps the data keys of people read with their rows (a list page, search candidates), by person id. */
export async function unwrapPersonKeys(
  keys: Keys,
  tx: SocietyTx,
  societyId: string,
  rows: readonly WrappedPersonKey[],
): Promise<Map<string, DataKey>> {
  const found = new Map<string, DataKey>();
  for (const row of rows) {
    const key = await unwrapPersonKey(keys, tx, societyId, row);
    if (key) found.set(row.id, key);
  }
  return found;
}

/**
 * Loads the data keys of several people in one query (a list page opens each person's "known as" name).
 * SECURITY: keys stay in this process's memory for the request only; destroyed keys are simply absent.
 */
export async function openDataKeys(
  keys: Keys,
  tx: SocietyTx,
  societyId: string,
  personIds: readonly string[],
): Promise<Map<string, DataKey>> {
  if (personIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('data_keys')
    .select(['subject_id as id', 'wrapped_key', 'society_key_version as key_version'])
    .where('subject_id', 'in', [...personIds])
    .execute();
  return unwrapPersonKeys(keys, tx, societyId, rows);
}

/** One blind index of a person, ready to store. */
export type LookupToken = { kind: PersonLookupKind; token: Buffer };

function indexesOf(
  key: BlindIndexKey,
  kind: PersonLookupKind,
  values: readonly (string | undefined)[],
): LookupToken[] {
  const seen = new Set<string>();
  const tokens: LookupToken[] = [];
  for (const value of values) {
    if (value === undefined) continue;
    for (const token of blindIndexes(key, kind, value, currentNormaliserVersion)) {
      const hex = token.toString('hex');
      if (seen.has(hex)) continue;
      seen.add(hex);
      tokens.push({ kind, token });
    }
  }
  return tokens;
}

/** The name tokens of a person: "known as", names in both scripts, aliases. */
export function nameLookups(
  key: BlindIndexKey,
  knownAs: string | null,
  identity: IdentityFields,
): LookupToken[] {
  const names = [identity.nameOriginal, identity.nameLatin].flatMap((n) =>
    n?.answer === 'given' ? [n.value.given, n.value.family] : [],
  );
  const aliases = identity.aliases?.answer === 'given' ? identity.aliases.value : [];
  return indexesOf(key, 'name-token', [knownAs ?? undefined, ...names, ...aliases]);
}

/** The phone numbers of a person, as blind indexes. */
export function phoneLookups(key: BlindIndexKey, contact: ContactFields): LookupToken[] {
  const phones = contact.phones?.answer === 'given' ? contact.phones.value.map((p) => p.number) : [];
  return indexesOf(key, 'phone', phones);
}

/** The identity document numbers of a person, as blind indexes. */
export function documentLookups(key: BlindIndexKey, documents: DocumentFields): LookupToken[] {
  const docs = documents.documents?.answer === 'given' ? documents.documents.value : [];
  return indexesOf(
    key,
    'document-number',
    docs.map((d) => (d.number?.answer === 'given' ? d.number.value : undefined)),
  );
}

/** Blind indexes of a search value of one kind (what a look-up matches stored tokens with). */
export function queryLookups(key: BlindIndexKey, kind: PersonLookupKind, value: string): Buffer[] {
  return indexesOf(key, kind, [value]).map((t) => t.token);
}

/**
 * A keyed fingerprint of a registration body, so a repeated Idempotency-Key with a different body is noticed.
 * Keyed with the society's blind-index key (domain-separated), so it says nothing about the body to anyone else.
 */
export function bodyFingerprint(key: BlindIndexKey, body: unknown): Buffer {
  return createHmac('sha256', key.key)
    .update(encodeContext(['passage-idempotency/v1', JSON.stringify(body)]))
    .digest()
    .subarray(0, 16);
}
