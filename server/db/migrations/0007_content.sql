-- The content model: translatable texts that staff edit (guidance, emergency guidance, information-notice texts,
-- later indicator texts and taxonomy labels). One item per key and society; one translation per language, each
-- with its own "reviewed" flag; a fallback language per item. Content is not personal data.
-- Built-in default content ships in code (common/content-defaults.ts): a society's row exists only once it edits
-- an item (copy-on-write), and holds only the languages it changed; the others still show the default.

create table content_items (
  society_id uuid not null references societies (id),
  id uuid not null default gen_random_uuid(),
  -- A dotted code such as `notice.rights`: never free text (it is written into audit payloads).
  key text not null check (key ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$' and length(key) <= 120),
  kind text not null check (kind in ('guidance', 'emergency-guidance', 'information-notice', 'indicator-text',
    'taxonomy-label', 'awareness-material')),
  fallback_locale text not null default 'en' check (fallback_locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (society_id, id),
  unique (society_id, key)
);

create table content_translations (
  society_id uuid not null,
  content_id uuid not null,
  locale text not null check (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  -- Plain text (at most light Markdown), shown with its line breaks and never as HTML.
  body text not null check (length(body) between 1 and 20000),
  reviewed boolean not null default false,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (society_id, content_id, locale),
  foreign key (society_id, content_id) references content_items (society_id, id) on delete cascade
);

alter table content_items enable row level security;
alter table content_items force row level security;
create policy content_items_isolation on content_items
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table content_translations enable row level security;
alter table content_translations force row level security;
create policy content_translations_isolation on content_translations
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

grant select, insert, update, delete on content_items, content_translations to passage_app, passage_system;
