-- Foundation: the roles' baseline privileges, the society (tenant) table with forced row-level security,
-- and the dead-letter view over the job queue.
--
-- Roles (created by Passage before migrating, see server/db/roles.ts):
--   the owner runs migrations and owns every object; it never serves requests;
--   passage_app serves requests under forced row-level security, with the society set per transaction
--     (set_config('passage.society_id', …, true));
--   passage_system has BYPASSRLS and is used only by jobs and the CLI.

revoke all on schema public from public;
grant usage on schema public to passage_app, passage_system;

create table societies (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  time_zone text not null default 'UTC',
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table societies enable row level security;
alter table societies force row level security;

-- The society the current transaction acts for; nothing (null) when unset, which matches no row.
create function passage_current_society() returns uuid
  language sql stable
  as $$ select nullif(current_setting('passage.society_id', true), '')::uuid $$;

create policy societies_isolation on societies
  using (id = passage_current_society())
  with check (id = passage_current_society());

grant select, update on societies to passage_app;
grant select, insert, update, delete on societies to passage_system;
grant execute on function passage_current_society() to passage_app, passage_system;

-- Jobs that used up their attempts stay in graphile-worker's table with their last error: this view is the
-- dead-letter queue an operator looks at (`passage jobs dead`). Payloads carry ids only, never personal data.
create view passage_dead_jobs as
  select id, task_identifier, attempts, max_attempts, last_error, created_at, run_at
  from graphile_worker.jobs
  where attempts >= max_attempts;

grant select on passage_dead_jobs to passage_system;
