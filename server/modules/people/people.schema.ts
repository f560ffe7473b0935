import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** `people` (migration 0009): the pseudonymous code and routing flags in clear, every identifying group encrypted. */
export type PeopleTable = {
  society_id: string;
  id: string;
  code: string;
  presumed_child: boolean;
  owning_team_id: string | null;
  known_as_enc: Buffer | null;
  identity_enc: Buffer | null;
  contact_enc: Buffer | null;
  documents_enc: Buffer | null;
  special_enc: Buffer | null;
  created_by: string;
  idempotency_key: string | null;
  idempotency_fingerprint: Buffer | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `person_assignments`: the caseworkers assigned to a person. */
export type PersonAssignmentsTable = {
  society_id: string;
  person_id: string;
  user_id: string;
  assigned_at: Timestamp;
};

/** The kinds of blind index kept for a person. */
export type PersonLookupKind = 'name-token' | 'phone' | 'document-number';

/** `person_lookups`: blind indexes of a person's look-up tokens. */
export type PersonLookupsTable = {
  society_id: string;
  person_id: string;
  kind: PersonLookupKind;
  token: Buffer;
  normaliser_version: number;
  key_version: number;
};

/** The people tables as Kysely sees them. */
export type PeopleTables = {
  people: PeopleTable;
  person_assignments: PersonAssignmentsTable;
  person_lookups: PersonLookupsTable;
};

/** A database handle (or transaction) that also knows the people tables. */
export type PeopleDb = Kysely<Database & PeopleTables>;

/** Adds the people tables to a handle's type (they are not in the shared `Database` type). */
export function withPeople(handle: Kysely<Database>): PeopleDb {
  return handle.withTables<PeopleTables>();
}
