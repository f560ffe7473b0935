import type { ColumnType, Generated } from 'kysely';

/** Written once, never updated (the tables refuse UPDATE and DELETE). */
type Fixed<S, I = S> = ColumnType<S, I, never>;
/** Filled in by the database, never by the writer. */
type ByDatabase<S> = ColumnType<S, never, never>;

/** Columns shared by the society and system chains; `seq` is an int8 (a decimal string). */
type ChainEventColumns = {
  seq: Fixed<string, string>;
  occurred_at: Fixed<Date>;
  actor_user_id: Fixed<string | null>;
  actor_roles: Fixed<string[]>;
  kind: Fixed<string>;
  subject_type: Fixed<string | null>;
  subject_id: Fixed<string | null>;
  /** jsonb, written as canonical JSON text and read back parsed. */
  payload: Fixed<unknown, string>;
  request_id: Fixed<string | null>;
  prev_hash: Fixed<Buffer>;
  hash: Fixed<Buffer>;
};

/** The `audit_events` table: each society's hash chain, partitioned by month. */
export type AuditEventsTable = ChainEventColumns & { society_id: Fixed<string> };

/** The `system_audit_events` table: the system chain (sign-in, sessions, second factors). */
export type SystemAuditEventsTable = ChainEventColumns;

/** The `audit_chain_heads` table: the last event of each society's chain, locked by appenders. */
export type AuditChainHeadsTable = {
  society_id: Fixed<string>;
  seq: ColumnType<string, string, string>;
  hash: ColumnType<Buffer, Buffer, Buffer>;
  updated_at: Generated<Date>;
};

/** The `system_audit_chain_head` table: one row, the last event of the system chain. */
export type SystemAuditChainHeadTable = {
  id: Generated<boolean>;
  seq: ColumnType<string, string, string>;
  hash: ColumnType<Buffer, Buffer, Buffer>;
  updated_at: Generated<Date>;
};

/** The `audit_reads` table: the read log, sealed into the society chains in batches. */
export type AuditReadsTable = {
  society_id: Fixed<string>;
  tx_id: ByDatabase<string>;
  id: ByDatabase<string>;
  occurred_at: ByDatabase<Date>;
  actor_user_id: Fixed<string | null>;
  subject_type: Fixed<string>;
  subject_id: Fixed<string>;
  fields: Fixed<string[]>;
  purpose: Fixed<string | null>;
  request_id: Fixed<string | null>;
};

/** The audit tables, merged into the `Database` type. */
export type AuditTables = {
  audit_events: AuditEventsTable;
  system_audit_events: SystemAuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  system_audit_chain_head: SystemAuditChainHeadTable;
  audit_reads: AuditReadsTable;
};
