-- Audit: append-only, hash-chained events per society and for the system (sign-in before a society is known),
-- the read log that a job seals into the chains in batches, and monthly partitions so old months can be archived.
--
-- Hashes are computed by Passage (server/audit/audit.hash.ts); the database guarantees the order: an event is
-- accepted only as the direct successor of its chain's head, so two writers can never fork a chain, even if one of
-- them forgets the row lock. The owner role can still step around all of this (it owns the tables): that is what the
-- signed checkpoints written outside the database are for.

-- Refuses any change to an append-only row. Row-level copies of the trigger reach every partition; statement-level
-- ones (which also stop TRUNCATE and zero-row statements) are added to each partition by
-- passage_audit_ensure_partitions().
create function passage_audit_refuse_change() returns trigger
  language plpgsql
  as $$
begin
  raise exception 'audit records are append-only: % on % is refused', tg_op, tg_table_name;
end $$;

-- A chain head moves one event at a time and never changes chain.
create function passage_audit_guard_head() returns trigger
  language plpgsql
  as $$
begin
  if new.seq <> old.seq + 1
     or (to_jsonb(new) - 'seq' - 'hash' - 'updated_at') <> (to_jsonb(old) - 'seq' - 'hash' - 'updated_at') then
    raise exception 'an audit chain head only moves to the next event of its own chain';
  end if;
  return new;
end $$;

-- Chain heads: the row an appender locks (FOR UPDATE) before computing the next event. Created on a society's first
-- event (seq 0, hash of 32 zero bytes).
create table audit_chain_heads (
  society_id uuid primary key references societies (id),
  seq bigint not null check (seq >= 0),
  hash bytea not null check (octet_length(hash) = 32),
  updated_at timestamptz not null default now()
);

create table system_audit_chain_head (
  id boolean primary key default true check (id),
  seq bigint not null check (seq >= 0),
  hash bytea not null check (octet_length(hash) = 32),
  updated_at timestamptz not null default now()
);
insert into system_audit_chain_head (seq, hash) values (0, '\x0000000000000000000000000000000000000000000000000000000000000000');

-- Society chains. Payloads carry ids, enums and field names only (common/audit-events.ts), never personal values.
create table audit_events (
  society_id uuid not null,
  seq bigint not null check (seq >= 1),
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_roles text[] not null,
  kind text not null check (kind ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
  subject_type text check (subject_type ~ '^[a-z][a-z0-9-]{0,49}$'),
  subject_id uuid,
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  request_id text check (request_id ~ '^[A-Za-z0-9._:-]{1,100}$'),
  prev_hash bytea not null check (octet_length(prev_hash) = 32),
  hash bytea not null check (octet_length(hash) = 32),
  unique (society_id, seq, occurred_at)
) partition by range (occurred_at);

create index audit_events_subject on audit_events (society_id, subject_id, seq) where subject_id is not null;
create index audit_events_actor on audit_events (society_id, actor_user_id, seq) where actor_user_id is not null;
create index audit_events_kind on audit_events (society_id, kind, seq);

-- The system chain: sign-in, session and second-factor events, which happen before any society is known.
create table system_audit_events (
  seq bigint not null check (seq >= 1),
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_roles text[] not null,
  kind text not null check (kind ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
  subject_type text check (subject_type ~ '^[a-z][a-z0-9-]{0,49}$'),
  subject_id uuid,
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  request_id text check (request_id ~ '^[A-Za-z0-9._:-]{1,100}$'),
  prev_hash bytea not null check (octet_length(prev_hash) = 32),
  hash bytea not null check (octet_length(hash) = 32),
  unique (seq, occurred_at)
) partition by range (occurred_at);

create index system_audit_events_actor on system_audit_events (actor_user_id, seq) where actor_user_id is not null;

-- The read log: one cheap insert per audited read, no lock. `tx_id` comes before `id` on purpose: defaults are
-- evaluated in column order, so a reader has its transaction id before it draws an id from the sequence, which is
-- what lets the sealing job know when every id up to a point is final (server/audit/audit.seal.ts).
create sequence audit_reads_id_seq;
create table audit_reads (
  society_id uuid not null,
  tx_id xid8 not null default pg_current_xact_id(),
  id bigint not null default nextval('audit_reads_id_seq'),
  occurred_at timestamptz not null default date_trunc('milliseconds', now()),
  actor_user_id uuid,
  subject_type text not null check (subject_type ~ '^[a-z][a-z0-9-]{0,49}$'),
  subject_id uuid not null,
  -- Field names only (common/audit-events.ts), never values.
  fields text[] not null check (cardinality(fields) between 1 and 200
    and array_to_string(fields, ' ') ~ '^[a-z][a-zA-Z0-9.]{0,63}( [a-z][a-zA-Z0-9.]{0,63})*$'),
  purpose text check (purpose ~ '^[a-z][a-z0-9-]{0,49}$'),
  request_id text check (request_id ~ '^[A-Za-z0-9._:-]{1,100}$'),
  primary key (id, occurred_at)
) partition by range (occurred_at);
alter sequence audit_reads_id_seq owned by audit_reads.id;

create index audit_reads_society on audit_reads (society_id, id);
create index audit_reads_subject on audit_reads (society_id, subject_id, id);

-- Moves the chain head in the same statement as the insert, and refuses an event that does not follow the head.
create function passage_audit_advance_head() returns trigger
  language plpgsql
  as $$
begin
  update audit_chain_heads set seq = new.seq, hash = new.hash, updated_at = now()
    where society_id = new.society_id and seq = new.seq - 1 and hash = new.prev_hash;
  if not found then
    raise exception 'audit event % does not follow the head of its chain', new.seq
      using errcode = 'serialization_failure';
  end if;
  return new;
end $$;

create function passage_audit_advance_system_head() returns trigger
  language plpgsql
  as $$
begin
  update system_audit_chain_head set seq = new.seq, hash = new.hash, updated_at = now()
    where id and seq = new.seq - 1 and hash = new.prev_hash;
  if not found then
    raise exception 'system audit event % does not follow the head of its chain', new.seq
      using errcode = 'serialization_failure';
  end if;
  return new;
end $$;

create trigger audit_events_advance_head before insert on audit_events
  for each row execute function passage_audit_advance_head();
create trigger system_audit_events_advance_head before insert on system_audit_events
  for each row execute function passage_audit_advance_system_head();

create trigger audit_chain_heads_guard before update on audit_chain_heads
  for each row execute function passage_audit_guard_head();
create trigger system_audit_chain_head_guard before update on system_audit_chain_head
  for each row execute function passage_audit_guard_head();

do $$
declare
  t text;
begin
  foreach t in array array['audit_events', 'system_audit_events', 'audit_reads'] loop
    execute format('create trigger %I before update or delete on %I for each row '
      'execute function passage_audit_refuse_change()', t || '_refuse_row_change', t);
    execute format('create trigger %I before update or delete or truncate on %I for each statement '
      'execute function passage_audit_refuse_change()', t || '_refuse_change', t);
  end loop;
  foreach t in array array['audit_chain_heads', 'system_audit_chain_head'] loop
    execute format('create trigger %I before delete on %I for each row '
      'execute function passage_audit_refuse_change()', t || '_refuse_row_delete', t);
    execute format('create trigger %I before delete or truncate on %I for each statement '
      'execute function passage_audit_refuse_change()', t || '_refuse_delete', t);
  end loop;
end $$;

-- Creates the monthly partitions (UTC months) from this month to `months_ahead` months ahead, and the DEFAULT
-- partitions that catch anything outside them. Run by the migration and daily by the `audit:ensure-partitions` job.
-- SECURITY: security definer so the system role can create partitions of tables it does not own; it takes no
-- identifiers from its caller, and a short lock timeout keeps it from queueing audit writers behind it.
create function passage_audit_ensure_partitions(months_ahead integer default 3) returns integer
  language plpgsql
  security definer
  set search_path = public, pg_temp
  as $$
declare
  t text;
  part text;
  first_month timestamp := date_trunc('month', now() at time zone 'UTC');
  m timestamp;
  created integer := 0;
begin
  perform set_config('lock_timeout', '5s', true);
  foreach t in array array['audit_events', 'system_audit_events', 'audit_reads'] loop
    if to_regclass(t || '_default') is null then
      execute format('create table %I partition of %I default', t || '_default', t);
      execute format('create trigger refuse_change before update or delete or truncate on %I for each statement '
        'execute function passage_audit_refuse_change()', t || '_default');
      created := created + 1;
    end if;
    for i in 0 .. greatest(months_ahead, 0) loop
      m := first_month + make_interval(months => i);
      part := format('%s_y%sm%s', t, to_char(m, 'YYYY'), to_char(m, 'MM'));
      continue when to_regclass(part) is not null;
      begin
        execute format('create table %I partition of %I for values from (%L) to (%L)', part, t,
          (m at time zone 'UTC'), ((m + interval '1 month') at time zone 'UTC'));
        execute format('create trigger refuse_change before update or delete or truncate on %I for each statement '
          'execute function passage_audit_refuse_change()', part);
        created := created + 1;
      exception when check_violation or lock_not_available then
        -- Rows for this month already sit in the DEFAULT partition (they stay there, still chained and
        -- verifiable), or an audit writer held the table: try again on the next run.
        raise warning 'audit partition % not created: %', part, sqlerrm;
      end;
    end loop;
  end loop;
  return created;
end $$;

revoke all on function passage_audit_ensure_partitions(integer) from public;
grant execute on function passage_audit_ensure_partitions(integer) to passage_system;

select passage_audit_ensure_partitions(3);

-- Row-level security: a society transaction sees and writes its own chain and read log only. Partitions carry no
-- grants, so they cannot be read around the policies.
alter table audit_chain_heads enable row level security;
alter table audit_chain_heads force row level security;
alter table audit_events enable row level security;
alter table audit_events force row level security;
alter table audit_reads enable row level security;
alter table audit_reads force row level security;

create policy audit_chain_heads_isolation on audit_chain_heads
  using (society_id = passage_current_society())
  with check (society_id = passage_current_society());
create policy audit_events_isolation on audit_events
  using (society_id = passage_current_society())
  with check (society_id = passage_current_society());
create policy audit_reads_isolation on audit_reads
  using (society_id = passage_current_society())
  with check (society_id = passage_current_society());

grant select, insert, update on audit_chain_heads to passage_app, passage_system;
grant select, insert on audit_events to passage_app, passage_system;
grant select, update on system_audit_chain_head to passage_app, passage_system;
-- The app writes sign-in events but cannot read other people's sign-in history.
grant insert on system_audit_events to passage_app;
grant select, insert on system_audit_events to passage_system;
-- Readers supply what they read; the id, transaction and time are the database's.
grant insert (society_id, actor_user_id, subject_type, subject_id, fields, purpose, request_id)
  on audit_reads to passage_app, passage_system;
grant select on audit_reads to passage_app, passage_system;
grant usage on sequence audit_reads_id_seq to passage_app, passage_system;
grant select on sequence audit_reads_id_seq to passage_system;
