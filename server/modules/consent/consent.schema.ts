import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DirectoryTables } from '../directory/directory.schema.ts';
import type { PeopleTables } from '../people/people.schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** `consents` (migration 0010): what a person agreed to, or refused, for one purpose. */
export type ConsentsTable = {
  society_id: string;
  id: string;
  person_id: string;
  purpose: string;
  decision: 'given' | 'refused';
  recipient_organisation_id: string | null;
  recipient_service_id: string | null;
  protective_target: string | null;
  field_groups: string[];
  given_by: string;
  adult_consent: string | null;
  guardian_not_asked_reason: string | null;
  given_at: Timestamp;
  method: string;
  language: string;
  interpreter_used: boolean;
  interpreter_independent: boolean | null;
  person_alone: boolean;
  information_points: string[];
  quality_flags: string[];
  expires_at: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
  withdrawal_effect: string | null;
  withdrawn_by: string | null;
  recorded_by: string;
  created_at: Timestamp;
};

/** `legal_bases`: a documented basis other than consent, with its encrypted justification and its decision. */
export type LegalBasesTable = {
  society_id: string;
  id: string;
  person_id: string;
  kind: string;
  purpose: string;
  reason: string;
  recipient_organisation_id: string | null;
  recipient_service_id: string | null;
  protective_target: string | null;
  field_groups: string[];
  justification_enc: Buffer;
  status: 'pending' | 'approved' | 'refused';
  decided_by: string | null;
  decided_at: NullableTimestamp;
  dpo_reviewed_by: string | null;
  dpo_reviewed_at: NullableTimestamp;
  recorded_by: string;
  created_at: Timestamp;
};

/** `shares`: every release of personal data the gate allowed. */
export type SharesTable = {
  society_id: string;
  id: string;
  person_id: string;
  purpose: string;
  recipient_organisation_id: string;
  recipient_service_id: string | null;
  recipient_team_id: string | null;
  field_groups: string[];
  consent_id: string | null;
  legal_basis_id: string | null;
  shared_by: string;
  shared_at: Timestamp;
};

/** `deletion_requests`: what a withdrawal after a share asks of each recipient. */
export type DeletionRequestsTable = {
  society_id: string;
  id: string;
  person_id: string;
  consent_id: string;
  recipient_organisation_id: string;
  status: 'to-send' | 'notified' | 'sent' | 'confirmed';
  requested_by: string;
  created_at: Timestamp;
};

/** The consent tables as Kysely sees them. */
export type ConsentTables = {
  consents: ConsentsTable;
  legal_bases: LegalBasesTable;
  shares: SharesTable;
  deletion_requests: DeletionRequestsTable;
};

/** A handle that knows the consent tables, and the people and directory tables they refer to. */
export type ConsentDb = Kysely<Database & ConsentTables & PeopleTables & DirectoryTables>;

/** Adds the consent, people and directory tables to a handle's type. */
export function withConsent(handle: Kysely<Database>): ConsentDb {
  return handle.withTables<ConsentTables & PeopleTables & DirectoryTables>();
}
