import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** What a society key is for: wrapping data keys, or keying the society's blind indexes. */
export type SocietyKeyPurpose = 'kek' | 'blind-index';

/** The `society_keys` table: each society's keys, wrapped by a root key named by `root_key_id`. */
export type SocietyKeysTable = {
  society_id: string;
  purpose: SocietyKeyPurpose;
  version: number;
  root_key_id: string;
  wrapped_key: Buffer;
  created_at: Generated<Timestamp>;
  rewrapped_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

/** The `data_keys` table: one data key per data subject, wrapped by a society key; NULL once destroyed. */
export type DataKeysTable = {
  society_id: string;
  subject_id: string;
  society_key_purpose: Generated<'kek'>;
  society_key_version: number | null;
  wrapped_key: Buffer | null;
  created_at: Generated<Timestamp>;
  destroyed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

/** The key tables, merged into the `Database` type. */
export type KeyTables = {
  society_keys: SocietyKeysTable;
  data_keys: DataKeysTable;
};
