-- Consent and legal basis as data (PRODUCT.md capability 3; standards DP-01, DP-02, DP-03, DP-18), the shares the
-- gate allowed, and the deletion requests a withdrawal raises. Consents hold codes, ids and dates only; the one
-- free text, a legal basis's justification, is encrypted with the person's data key. Recipients are organisations
-- and services of the registry, by id: never free text. Use of a person's data for immigration enforcement is not
-- a purpose that exists: the purpose checks below refuse anything outside the six.

create table consents (
  society_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  purpose text not null check (purpose in ('services', 'referral', 'cross-border', 'protective-referral',
    'statistics', 'research')),
  decision text not null check (decision in ('given', 'refused')),
  recipient_organisation_id uuid,
  recipient_service_id uuid,
  protective_target text check (protective_target in ('nrm', 'child-protection', 'police')),
  field_groups text[] not null check (field_groups <@ array['identity-minimal', 'identity', 'contact',
    'documents', 'special', 'case-summary']::text[]),
  given_by text not null check (given_by in ('person', 'guardian', 'child-assent')),
  adult_consent text check (adult_consent in ('guardian', 'appointed-representative', 'not-asked')),
  guardian_not_asked_reason text check (guardian_not_asked_reason in ('guardian-may-be-involved',
    'guardian-unreachable', 'unaccompanied-no-representative-yet', 'asking-would-endanger-child')),
  given_at timestamptz not null,
  method text not null check (method in ('verbal', 'written')),
  language text not null check (language ~ '^[a-z]{2,3}$'),
  interpreter_used boolean not null,
  -- Independent of the person's community and of the recruiter; NULL when no interpreter was used.
  interpreter_independent boolean,
  person_alone boolean not null,
  information_points text[] not null,
  quality_flags text[] not null default '{}',
  expires_at timestamptz,
  withdrawn_at timestamptz,
  withdrawal_effect text check (withdrawal_effect in ('stop-future-sharing', 'stop-and-delete-shared')),
  withdrawn_by uuid,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (society_id, id),
  foreign key (society_id, person_id) references people (society_id, id),
  foreign key (society_id, recipient_organisation_id) references organisations (society_id, id),
  foreign key (society_id, recipient_service_id) references services (society_id, id),
  check ((protective_target is not null) = (purpose = 'protective-referral')),
  check (purpose not in ('referral', 'cross-border') or decision = 'refused'
    or recipient_organisation_id is not null),
  check (purpose <> 'services' or recipient_organisation_id is null),
  check ((given_by = 'child-assent') = (adult_consent is not null)),
  check ((adult_consent = 'not-asked') = (guardian_not_asked_reason is not null)),
  check (interpreter_used or interpreter_independent is null),
  check ((withdrawn_at is null) = (withdrawal_effect is null)),
  check ((withdrawn_at is null) = (withdrawn_by is null))
);
create index consents_person on consents (society_id, person_id, created_at desc);

create table legal_bases (
  society_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  kind text not null check (kind in ('vital-interest', 'public-interest', 'legal-obligation')),
  purpose text not null check (purpose in ('services', 'referral', 'cross-border', 'protective-referral',
    'statistics', 'research')),
  reason text not null check (reason in ('emergency', 'child-at-risk', 'unable-to-decide', 'legal-duty')),
  recipient_organisation_id uuid,
  recipient_service_id uuid,
  protective_target text check (protective_target in ('nrm', 'child-protection', 'police')),
  field_groups text[] not null check (cardinality(field_groups) > 0 and field_groups <@ array['identity-minimal',
    'identity', 'contact', 'documents', 'special', 'case-summary']::text[]),
  -- Encrypted with the person's data key (AAD: legal_bases / justification_enc / id).
  justification_enc bytea not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
  decided_by uuid,
  decided_at timestamptz,
  -- Every basis other than consent is flagged for the data protection officer until they have reviewed it.
  dpo_reviewed_by uuid,
  dpo_reviewed_at timestamptz,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (society_id, id),
  foreign key (society_id, person_id) references people (society_id, id),
  foreign key (society_id, recipient_organisation_id) references organisations (society_id, id),
  foreign key (society_id, recipient_service_id) references services (society_id, id),
  check ((status = 'pending') = (decided_at is null)),
  check ((decided_at is null) = (decided_by is null)),
  check ((dpo_reviewed_at is null) = (dpo_reviewed_by is null)),
  check ((kind = 'legal-obligation') = (reason = 'legal-duty'))
);
create index legal_bases_person on legal_bases (society_id, person_id, created_at desc);
create index legal_bases_dpo_queue on legal_bases (society_id, created_at) where dpo_reviewed_at is null;

-- Every release of personal data the gate allowed, on which basis (exactly one), to whom and which data.
create table shares (
  society_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  purpose text not null check (purpose in ('services', 'referral', 'cross-border', 'protective-referral',
    'statistics', 'research')),
  recipient_organisation_id uuid not null,
  recipient_service_id uuid,
  -- For an internal recipient, the team whose members received it (they are told of a withdrawal).
  recipient_team_id uuid,
  field_groups text[] not null check (cardinality(field_groups) > 0),
  consent_id uuid,
  legal_basis_id uuid,
  shared_by uuid not null,
  shared_at timestamptz not null default now(),
  primary key (society_id, id),
  foreign key (society_id, person_id) references people (society_id, id),
  foreign key (society_id, recipient_organisation_id) references organisations (society_id, id),
  foreign key (society_id, recipient_service_id) references services (society_id, id),
  foreign key (society_id, recipient_team_id) references teams (society_id, id) on delete set null (recipient_team_id),
  foreign key (society_id, consent_id) references consents (society_id, id),
  foreign key (society_id, legal_basis_id) references legal_bases (society_id, id),
  check ((consent_id is null) <> (legal_basis_id is null))
);
create index shares_person on shares (society_id, person_id, shared_at desc);
create index shares_consent on shares (society_id, consent_id) where consent_id is not null;

-- What a withdrawal after a share asks of each recipient: an external one must be sent a deletion request
-- (the focal points are told to send it); internal recipients are told in Passage.
create table deletion_requests (
  society_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  consent_id uuid not null,
  recipient_organisation_id uuid not null,
  status text not null check (status in ('to-send', 'notified', 'sent', 'confirmed')),
  requested_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (society_id, id),
  unique (society_id, consent_id, recipient_organisation_id),
  foreign key (society_id, person_id) references people (society_id, id),
  foreign key (society_id, consent_id) references consents (society_id, id),
  foreign key (society_id, recipient_organisation_id) references organisations (society_id, id)
);

alter table consents enable row level security;
alter table consents force row level security;
create policy consents_isolation on consents
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table legal_bases enable row level security;
alter table legal_bases force row level security;
create policy legal_bases_isolation on legal_bases
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table shares enable row level security;
alter table shares force row level security;
create policy shares_isolation on shares
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

alter table deletion_requests enable row level security;
alter table deletion_requests force row level security;
create policy deletion_requests_isolation on deletion_requests
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

-- SECURITY: consents and bases are evidence: the app records them and changes only their withdrawal, decision and
-- review columns; shares are append-only for the app.
grant select, insert on consents, legal_bases, shares, deletion_requests to passage_app;
grant update (withdrawn_at, withdrawal_effect, withdrawn_by) on consents to passage_app;
grant update (status, decided_by, decided_at, dpo_reviewed_by, dpo_reviewed_at) on legal_bases to passage_app;
grant update (status) on deletion_requests to passage_app;
grant select, insert, update, delete on consents, legal_bases, shares, deletion_requests to passage_system;
