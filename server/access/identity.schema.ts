import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** `users`: global staff accounts; e-mail and name are encrypted, e-mail look-up goes through a blind index. */
export type UsersTable = {
  id: Generated<string>;
  email_index: Buffer;
  email_enc: Buffer;
  display_name_enc: Buffer;
  key_version: Generated<number>;
  password_hash: string;
  must_change_password: Generated<boolean>;
  locale: Generated<string>;
  status: Generated<'active' | 'disabled'>;
  mfa_secret_enc: Buffer | null;
  mfa_pending_secret_enc: Buffer | null;
  mfa_enrolled_at: NullableTimestamp;
  mfa_last_time_step: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `recovery_codes`: keyed hashes of single-use MFA recovery codes. */
export type RecoveryCodesTable = {
  user_id: string;
  code_hash: Buffer;
  used_at: NullableTimestamp;
  created_at: Timestamp;
};

/** `sessions`: server-side sessions, keyed by the SHA-256 of the cookie's token. */
export type SessionsTable = {
  id: Buffer;
  user_id: string;
  stage: 'password-change' | 'mfa' | 'mfa-enrolment' | 'active';
  current_society_id: string | null;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  mfa_verified_at: NullableTimestamp;
  step_up_at: NullableTimestamp;
  user_agent_family: string | null;
  ended_at: NullableTimestamp;
  ended_reason: string | null;
};

/** `auth_throttle`: failed attempts per hashed account or address key. */
export type AuthThrottleTable = {
  key: Buffer;
  failures: Generated<number>;
  window_started_at: Timestamp;
  locked_until: NullableTimestamp;
};

/** `system_keys`: wrapped keys protecting staff accounts. */
export type SystemKeysTable = {
  purpose: 'accounts' | 'accounts-index' | 'recovery-codes';
  version: number;
  root_key_id: string;
  wrapped_key: Buffer;
  created_at: Timestamp;
};

/** `teams`: teams within a society. */
export type TeamsTable = {
  society_id: string;
  id: Generated<string>;
  name: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `memberships`: a user's roles in one society. */
export type MembershipsTable = {
  society_id: string;
  user_id: string;
  roles: string[];
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `team_members`: which members belong to which team. */
export type TeamMembersTable = { society_id: string; team_id: string; user_id: string };

/** `networks`: Movement networks (ATN, APMN, IFRC) whose coordinators read suppressed aggregates. */
export type NetworksTable = { id: Generated<string>; code: string; name: string };

/** `network_societies`: the societies in each network. */
export type NetworkSocietiesTable = { network_id: string; society_id: string };

/** `network_coordinators`: who coordinates each network. */
export type NetworkCoordinatorsTable = { network_id: string; user_id: string };

/** The identity tables as Kysely sees them. */
export type IdentityTables = {
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  system_keys: SystemKeysTable;
  teams: TeamsTable;
  memberships: MembershipsTable;
  team_members: TeamMembersTable;
  networks: NetworksTable;
  network_societies: NetworkSocietiesTable;
  network_coordinators: NetworkCoordinatorsTable;
};
