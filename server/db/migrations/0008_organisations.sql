-- The organisation registry, in the shape of Open Referral HSDS 3.0 (organization, service): the organisations
-- and services that consent, the sharing gate and referrals name by id (never free-text recipients). A society's
-- own services appear under one internal organisation representing the society (named after it), each service
-- optionally delivered by one of its teams; National Societies appear as organisations with a country; the
-- authorities of a protective referral (national referral mechanism, statutory child protection, police) are
-- external organisations with a `protective_role`. The full directory (locations, service areas, eligibility,
-- capacity) grows from these tables. Names and contact details here are of organisations, not of people.

create table organisations (
  society_id uuid not null references societies (id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('internal', 'external', 'national-society')),
  name text not null check (length(name) between 1 and 300),
  alternate_name text check (length(alternate_name) <= 300),
  description text check (length(description) <= 4000),
  email text check (length(email) <= 254),
  phone text check (length(phone) <= 40),
  website text check (website ~ '^https?://' and length(website) <= 500),
  country char(2) check (country ~ '^[A-Z]{2}$'),
  -- The authority a protective referral (consent purpose `protective-referral`) goes to, when it is one.
  protective_role text check (protective_role in ('nrm', 'child-protection', 'police')),
  -- Confidential organisations (shelters) are hidden outside a restricted tier.
  is_confidential boolean not null default false,
  status text not null default 'active' check (status in ('active', 'inactive')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (society_id, id),
  check (kind <> 'national-society' or country is not null),
  check (protective_role is null or kind = 'external')
);
-- One internal organisation per society: the society itself, offering the services of its teams.
create unique index organisations_one_internal on organisations (society_id) where kind = 'internal';
create index organisations_by_name on organisations (society_id, name, id);

create table services (
  society_id uuid not null,
  id uuid not null default gen_random_uuid(),
  organisation_id uuid not null,
  -- The team delivering a service of the internal organisation (internal referrals go to a team).
  team_id uuid,
  name text not null check (length(name) between 1 and 300),
  description text check (length(description) <= 4000),
  -- Taxonomy term codes (common/taxonomy.ts: the service categories of PRODUCT.md).
  categories text[] not null default '{}' check (cardinality(categories) <= 20),
  -- ISO 639 language codes (HSDS `language.code`), optionally with a region: `ar`, `ti`, `pt-BR`.
  languages text[] not null default '{}' check (cardinality(languages) <= 40),
  email text check (length(email) <= 254),
  phone text check (length(phone) <= 40),
  url text check (url ~ '^https?://' and length(url) <= 500),
  is_confidential boolean not null default false,
  status text not null default 'active' check (status in ('active', 'inactive', 'defunct', 'temporarily-closed')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (society_id, id),
  foreign key (society_id, organisation_id) references organisations (society_id, id),
  foreign key (society_id, team_id) references teams (society_id, id)
);
create index services_by_organisation on services (society_id, organisation_id);

alter table organisations enable row level security;
alter table organisations force row level security;
create policy organisations_isolation on organisations
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table services enable row level security;
alter table services force row level security;
create policy services_isolation on services
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

grant select, insert, update on organisations, services to passage_app;
grant select, insert, update, delete on organisations, services to passage_system;
