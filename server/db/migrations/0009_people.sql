-- People: the persons Passage helps. Nothing identifying is stored in clear text (ARCHITECTURE.md, "Data
-- protection mechanics"): each field group is one AES-256-GCM ciphertext under the person's own data key
-- (data_keys, subject_id = the person's id), bound to table, column and row. What stays in clear is what routing
-- and access need: a random pseudonymous code, the "presumed child" flag, the owning team, the assignments.
-- Exact look-ups (name tokens, phone, document number) go through blind indexes in person_lookups: keyed HMACs of
-- normalised tokens with the society's blind-index key, never the values.

create table people (
  society_id uuid not null references societies (id),
  id uuid not null,
  -- Crockford Base32 (no I, L, O, U): read aloud and typed without confusion; shown instead of any name.
  code text not null check (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
  presumed_child boolean not null default true,
  owning_team_id uuid,
  -- Ciphertexts (server/crypto/fields.ts); NULL when nothing of the group was ever recorded.
  known_as_enc bytea,
  identity_enc bytea,
  contact_enc bytea,
  documents_enc bytea,
  special_enc bytea,
  created_by uuid not null,
  -- Idempotency-Key of the request that registered the person, and a keyed fingerprint of its body: a repeated
  -- request (a flaky connection) finds the person it already created instead of registering them twice.
  idempotency_key text check (idempotency_key ~ '^[A-Za-z0-9_-]{8,100}$'),
  idempotency_fingerprint bytea,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (society_id, id),
  unique (society_id, code),
  unique (society_id, created_by, idempotency_key),
  check ((idempotency_key is null) = (idempotency_fingerprint is null)),
  -- A team that is removed leaves its people to the focal point (PostgreSQL 15: set only the team column null).
  foreign key (society_id, owning_team_id) references teams (society_id, id) on delete set null (owning_team_id)
);

-- The list: newest first, by team.
create index people_created on people (society_id, created_at desc, id desc);
create index people_owning_team on people (society_id, owning_team_id, created_at desc, id desc);

-- The caseworkers assigned to a person (they, their team and every focal point form the case team).
create table person_assignments (
  society_id uuid not null,
  person_id uuid not null,
  user_id uuid not null,
  assigned_at timestamptz not null default now(),
  primary key (society_id, person_id, user_id),
  foreign key (society_id, person_id) references people (society_id, id),
  -- Ending a membership ends its assignments (the person stays with the team and the focal point).
  foreign key (society_id, user_id) references memberships (society_id, user_id) on delete cascade
);
create index person_assignments_user on person_assignments (society_id, user_id, person_id);

-- Blind indexes of a person's look-up tokens. `normaliser_version` and `key_version` say which normaliser and
-- which blind-index key produced `token`, so a rebuild can move them on (server/crypto/blind-index.ts).
create table person_lookups (
  society_id uuid not null,
  person_id uuid not null,
  kind text not null check (kind in ('name-token', 'phone', 'document-number')),
  token bytea not null check (length(token) = 16),
  normaliser_version integer not null check (normaliser_version >= 1),
  key_version integer not null check (key_version >= 1),
  primary key (society_id, person_id, kind, normaliser_version, token),
  foreign key (society_id, person_id) references people (society_id, id)
);
create index person_lookups_token on person_lookups (society_id, kind, token);

alter table people enable row level security;
alter table people force row level security;
create policy people_isolation on people
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table person_assignments enable row level security;
alter table person_assignments force row level security;
create policy person_assignments_isolation on person_assignments
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table person_lookups enable row level security;
alter table person_lookups force row level security;
create policy person_lookups_isolation on person_lookups
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

-- SECURITY: the app never deletes a person (erasure destroys the data key; the retention job, under the system
-- role, removes rows). It replaces assignments and look-up tokens as the record changes.
grant select, insert, update on people to passage_app;
grant select, insert, delete on person_assignments, person_lookups to passage_app;
grant select, insert, update, delete on people, person_assignments, person_lookups to passage_system;
