import type { ColumnType, Generated } from 'kysely';
import type { IdentityTables } from '../access/identity.schema.ts';
import type { AuditTables } from '../audit/audit.schema.ts';
import type { KeyTables } from '../crypto/keys.schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The `societies` table: one row per National Society (tenant). */
export type SocietiesTable = {
  id: Generated<string>;
  name: string;
  country: string;
  time_zone: Generated<string>;
  is_demo: Generated<boolean>;
  mfa_optional_roles: Generated<string[]>;
  suppression_threshold: Generated<number>;
  default_locale: Generated<string>;
  /** Months a person's information is kept after the society stops working with them; null until decided. */
  retention_months: Generated<number | null>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
};

/** The database as Kysely sees it; stores map snake_case rows to camelCase objects. */
export type Database = {
  societies: SocietiesTable;
} & KeyTables &
  AuditTables &
  IdentityTables;
