import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** `organisations` (migration 0008): the organisations consent, the sharing gate and referrals name by id. */
export type OrganisationsTable = {
  society_id: string;
  id: Generated<string>;
  kind: 'internal' | 'external' | 'national-society';
  name: string;
  alternate_name: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  country: string | null;
  protective_role: 'nrm' | 'child-protection' | 'police' | null;
  is_confidential: Generated<boolean>;
  status: ColumnType<'active' | 'inactive', 'active' | 'inactive' | undefined>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `services` (migration 0008): what an organisation offers, with its category codes (common/taxonomy.ts). */
export type ServicesTable = {
  society_id: string;
  id: Generated<string>;
  organisation_id: string;
  team_id: string | null;
  name: string;
  description: string | null;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  email: string | null;
  phone: string | null;
  url: string | null;
  is_confidential: Generated<boolean>;
  status: ColumnType<
    'active' | 'inactive' | 'defunct' | 'temporarily-closed',
    'active' | 'inactive' | 'defunct' | 'temporarily-closed' | undefined
  >;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** The directory tables as Kysely sees them. */
export type DirectoryTables = { organisations: OrganisationsTable; services: ServicesTable };

/** A database handle (or transaction) that also knows the directory tables. */
export type DirectoryDb = Kysely<Database & DirectoryTables>;

/** Adds the directory tables to a handle's type (they are not in the shared `Database` type). */
export function withDirectory(handle: Kysely<Database>): DirectoryDb {
  return handle.withTables<DirectoryTables>();
}
