-- Notifications: a society-scoped outbox of in-app notifications, some of which are also sent by e-mail.
--
-- A notification carries ids and codes only: who it is for, a kind from the closed catalogue in
-- common/notifications.ts, and what it is about (a type and an id, for the web app to link to). Its text is
-- rendered from the kind, in the reader's language: no personal data is ever stored here or sent by e-mail.
-- Rows are written in the same transaction as the change they announce (the outbox pattern). An e-mail, if any,
-- is marked pending and delivered afterwards by jobs under the system role: graphile-worker's own tables refuse
-- the app role under their row-level security, so the request path cannot queue jobs itself.

create table notifications (
  society_id uuid not null references societies (id),
  id uuid not null default gen_random_uuid(),
  recipient_user_id uuid not null,
  kind text not null check (kind ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
  subject_type text check (subject_type ~ '^[a-z][a-z0-9-]{0,49}$'),
  subject_id uuid,
  urgent boolean not null default false,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  email_status text not null check (email_status in ('not-needed', 'pending', 'sent', 'failed')),
  email_attempts integer not null default 0 check (email_attempts >= 0),
  email_sent_at timestamptz,
  primary key (society_id, id),
  check ((subject_type is null) = (subject_id is null)),
  check ((email_status = 'sent') = (email_sent_at is not null)),
  -- Only members receive a society's notifications; ending a membership removes them.
  foreign key (society_id, recipient_user_id) references memberships (society_id, user_id) on delete cascade
);

-- A member's list, newest first, and the unread count and list (the bell in the web app).
create index notifications_recipient on notifications (society_id, recipient_user_id, created_at desc, id desc);
create index notifications_unread on notifications (society_id, recipient_user_id, created_at desc, id desc)
  where read_at is null;
-- The e-mails still to send, oldest first (the delivery sweep, every minute).
create index notifications_email_pending on notifications (created_at) where email_status = 'pending';

alter table notifications enable row level security;
alter table notifications force row level security;
create policy notifications_isolation on notifications
  using (society_id = passage_current_society()) with check (society_id = passage_current_society());

-- SECURITY: the app writes notifications and marks them read; only the system role (the delivery job) changes the
-- e-mail state, and only it deletes (the retention job).
grant select, insert on notifications to passage_app;
grant update (read_at) on notifications to passage_app;
grant select, insert, update, delete on notifications to passage_system;
