-- Identity: global users and sessions, society teams and memberships, networks, sign-in throttling.
--
-- Users and sessions are global (sign-in happens before any society is known). Staff e-mail addresses and names
-- are personal data too: they are stored encrypted with a system key, and e-mail look-up goes through a blind
-- index. What a user may do in a society comes from memberships, which are tenant-owned.

alter table societies
  add column mfa_optional_roles text[] not null default '{}',
  add column suppression_threshold integer not null default 10 check (suppression_threshold between 5 and 100),
  add column default_locale text not null default 'en' check (default_locale in ('en', 'fr', 'es', 'ar'));

-- Keys that are not a society's: they protect staff accounts (e-mail, name, TOTP secret) and their look-ups.
create table system_keys (
  purpose text not null check (purpose in ('accounts', 'accounts-index', 'recovery-codes')),
  version integer not null check (version > 0),
  root_key_id text not null,
  wrapped_key bytea not null,
  created_at timestamptz not null default now(),
  primary key (purpose, version)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email_index bytea not null unique,
  email_enc bytea not null,
  display_name_enc bytea not null,
  key_version integer not null default 1,
  password_hash text not null,
  must_change_password boolean not null default false,
  locale text not null default 'en' check (locale in ('en', 'fr', 'es', 'ar')),
  status text not null default 'active' check (status in ('active', 'disabled')),
  mfa_secret_enc bytea,
  mfa_pending_secret_enc bytea,
  mfa_enrolled_at timestamptz,
  mfa_last_time_step bigint,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash bytea not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, code_hash)
);

-- Only a hash of the session token is stored: a copy of this table cannot be replayed as cookies.
create table sessions (
  id bytea primary key,
  user_id uuid not null references users (id) on delete cascade,
  stage text not null check (stage in ('password-change', 'mfa', 'mfa-enrolment', 'active')),
  current_society_id uuid references societies (id) on delete set null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_expires_at timestamptz not null,
  absolute_expires_at timestamptz not null,
  mfa_verified_at timestamptz,
  step_up_at timestamptz,
  user_agent_family text,
  ended_at timestamptz,
  ended_reason text check (ended_reason in ('signed-out', 'signed-out-everywhere', 'password-changed',
    'password-reset', 'mfa-reset', 'disabled', 'expired', 'rotated', 'ended-by-user', 'membership-changed'))
);
create index sessions_user on sessions (user_id) where ended_at is null;

-- Failed sign-in and MFA attempts, per account and per address, shared by every instance. Keys are hashes:
-- neither addresses nor e-mail addresses are stored.
create table auth_throttle (
  key bytea primary key,
  failures integer not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);

create table teams (
  society_id uuid not null references societies (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 120),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (society_id, id),
  unique (society_id, name)
);

create table memberships (
  society_id uuid not null references societies (id),
  user_id uuid not null references users (id),
  roles text[] not null check (cardinality(roles) > 0 and roles <@ array['volunteer', 'caseworker',
    'focal-point', 'coordinator', 'trainer', 'dpo', 'administrator']::text[]),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (society_id, user_id)
);
create index memberships_user on memberships (user_id);

create table team_members (
  society_id uuid not null,
  team_id uuid not null,
  user_id uuid not null,
  primary key (society_id, team_id, user_id),
  foreign key (society_id, team_id) references teams (society_id, id) on delete cascade,
  foreign key (society_id, user_id) references memberships (society_id, user_id) on delete cascade
);

create table networks (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9-]{2,16}$'),
  name text not null
);

create table network_societies (
  network_id uuid not null references networks (id),
  society_id uuid not null references societies (id),
  primary key (network_id, society_id)
);

create table network_coordinators (
  network_id uuid not null references networks (id),
  user_id uuid not null references users (id),
  primary key (network_id, user_id)
);

alter table teams enable row level security;
alter table teams force row level security;
create policy teams_isolation on teams
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table memberships enable row level security;
alter table memberships force row level security;
create policy memberships_isolation on memberships
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table team_members enable row level security;
alter table team_members force row level security;
create policy team_members_isolation on team_members
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

-- The security-definer function below runs as the owner, which row-level security binds too (it is forced): these
-- read-only policies let the owner (the role running this migration), and only the owner, read across societies.
-- The owner never serves requests.
create policy memberships_owner_read on memberships for select to current_user using (true);
create policy team_members_owner_read on team_members for select to current_user using (true);
create policy societies_owner_read on societies for select to current_user using (true);

-- SECURITY: the one way the app role reads memberships across societies: those of the signed-in user, to build
-- the actor (roles in the current society, teams, the society switcher). It returns nothing else.
create function passage_memberships_of(p_user_id uuid)
  returns table (society_id uuid, society_name text, is_demo boolean, roles text[], team_ids uuid[],
                 mfa_optional_roles text[])
  -- plpgsql, not sql: its query plan is cached per connection, and this runs on every request.
  language plpgsql stable security definer set search_path = public, pg_temp
  as $$
  begin
    return query
      select m.society_id, s.name, s.is_demo, m.roles,
             coalesce((select array_agg(tm.team_id) from team_members tm
                       where tm.society_id = m.society_id and tm.user_id = m.user_id), '{}'),
             s.mfa_optional_roles
      from memberships m
      join societies s on s.id = m.society_id
      where m.user_id = p_user_id
      order by s.name;
  end
  $$;
revoke all on function passage_memberships_of(uuid) from public;
grant execute on function passage_memberships_of(uuid) to passage_app, passage_system;

grant select on system_keys to passage_app;
grant select, insert, update on system_keys to passage_system;
grant select, insert, update on users to passage_app, passage_system;
grant select, insert, update, delete on recovery_codes to passage_app, passage_system;
grant select, insert, update on sessions to passage_app;
grant select, insert, update, delete on sessions to passage_system;
grant select, insert, update, delete on auth_throttle to passage_app, passage_system;
grant select, insert, update, delete on teams, memberships, team_members to passage_app;
grant select, insert, update, delete on teams, memberships, team_members to passage_system;
grant select on networks, network_societies, network_coordinators to passage_app;
grant select, insert, update, delete on networks, network_societies, network_coordinators to passage_system;
grant insert on societies to passage_system;
