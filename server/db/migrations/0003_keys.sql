-- Keys for field encryption (see server/crypto/ and ARCHITECTURE.md, "Data protection mechanics").
--
-- The root key never enters the database. It wraps (AES-256-GCM) each society's keys, kept here as ciphertext
-- with the id of the root key that wraps them; each society's key-encryption key ('kek') wraps one data key per
-- data subject. Destroying a data key (crypto-shredding) makes that subject's ciphertext unreadable for good.

create table society_keys (
  society_id uuid not null references societies (id),
  purpose text not null check (purpose in ('kek', 'blind-index')),
  version integer not null check (version >= 1),
  -- First 8 bytes of HMAC-SHA256(root key, 'passage root key id'), in hex: names the root without revealing it.
  root_key_id text not null check (root_key_id ~ '^[0-9a-f]{16}$'),
  wrapped_key bytea not null,
  created_at timestamptz not null default now(),
  rewrapped_at timestamptz,
  primary key (society_id, purpose, version)
);

alter table society_keys enable row level security;
alter table society_keys force row level security;
create policy society_keys_isolation on society_keys
  using (society_id = passage_current_society())
  with check (society_id = passage_current_society());

-- The app creates a society's keys lazily and reads them; only the system role (rotation) rewrites them.
grant select, insert on society_keys to passage_app;
grant select, insert, update, delete on society_keys to passage_system;

create table data_keys (
  society_id uuid not null references societies (id),
  -- The person (later also an attachment) whose fields this key encrypts; no foreign key, subjects vary.
  subject_id uuid not null,
  -- Always 'kek': lets the foreign key below name the society key that wraps this data key, so a key-encryption
  -- key still in use can never be deleted.
  society_key_purpose text not null default 'kek' check (society_key_purpose = 'kek'),
  society_key_version integer,
  wrapped_key bytea,
  created_at timestamptz not null default now(),
  destroyed_at timestamptz,
  primary key (society_id, subject_id),
  foreign key (society_id, society_key_purpose, society_key_version)
    references society_keys (society_id, purpose, version),
  -- A live key has its wrapped key and wrapping version; a destroyed one has neither, only the time of erasure.
  check ((wrapped_key is null) = (destroyed_at is not null)),
  check ((wrapped_key is null) = (society_key_version is null))
);

-- Society-key rotation re-wraps a society's data keys version by version.
create index data_keys_by_society_key on data_keys (society_id, society_key_version)
  where society_key_version is not null;

alter table data_keys enable row level security;
alter table data_keys force row level security;
create policy data_keys_isolation on data_keys
  using (society_id = passage_current_society())
  with check (society_id = passage_current_society());

-- Erasure is final: once destroyed, a data key row cannot be changed (so not "restored" either).
create function passage_data_keys_stay_destroyed() returns trigger
  language plpgsql
  as $$
begin
  if old.destroyed_at is not null then
    raise exception 'data key of subject % was destroyed and cannot change', old.subject_id
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end
$$;

create trigger data_keys_stay_destroyed before update on data_keys
  for each row execute function passage_data_keys_stay_destroyed();

-- The app creates data keys and destroys them (erasure); it never deletes rows or moves them between subjects.
grant select, insert on data_keys to passage_app;
grant update (wrapped_key, society_key_version, destroyed_at) on data_keys to passage_app;
grant select, insert, update, delete on data_keys to passage_system;
