import { sql } from 'kysely';
import type { EmailStatus, NotificationDb, NotificationsTable } from './notifications.schema.ts';

/** The name of the queued task that delivers one notification's e-mail. */
export const deliverTask = 'notifications:deliver';

/** The name of the recurring task that queues a delivery for each pending e-mail. */
export const sweepTask = 'notifications:deliver-pending';

/** How many times an e-mail is tried (graphile-worker's backoff: about e^attempt seconds, so about 3 hours). */
export const deliveryMaxAttempts = 10;

/** A notification row as the stores return it. */
export type NotificationRow = {
  id: string;
  kind: string;
  subject_type: string | null;
  subject_id: string | null;
  urgent: boolean;
  created_at: Date;
  read_at: Date | null;
};

const listColumns = ['id', 'kind', 'subject_type', 'subject_id', 'urgent', 'created_at', 'read_at'] as const;

/** The society a society transaction is scoped to, or undefined outside one. */
export async function findScopedSociety(db: NotificationDb): Promise<string | undefined> {
  const { rows } = await sql<{ id: string | null }>`select passage_current_society() as id`.execute(db);
  return rows[0]?.id ?? undefined;
}

/** Which of the given users are members of the transaction's society (row-level security scopes the read). */
export async function findMemberIds(db: NotificationDb, userIds: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Inserts notification rows; returns their ids. */
export async function insertNotifications(
  db: NotificationDb,
  rows: Omit<NotificationsTable, 'id' | 'created_at' | 'read_at' | 'email_attempts' | 'email_sent_at'>[],
): Promise<string[]> {
  const inserted = await db.insertInto('notifications').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

/** How many pending e-mails one sweep queues (the next sweep, a minute later, takes the rest). */
export const sweepBatchSize = 500;

/**
 * Queues a delivery job for each notification whose e-mail is pending, urgent ones first, and returns how many it
 * looked at. SECURITY: system role (graphile-worker's tables refuse the app role under their row-level security).
 * The job key makes a second sweep leave a queued or retrying job alone; the payload carries ids only, since
 * graphile-worker keeps it, and a failed job's row, in clear text. Rows a delivery job holds are skipped.
 */
export async function systemQueuePendingDeliveries(db: NotificationDb): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    with pending as (
      select society_id, id, urgent from notifications
      where email_status = 'pending'
      order by urgent desc, created_at
      limit ${sweepBatchSize}
      for update skip locked
    )
    select (graphile_worker.add_job(
      ${deliverTask},
      json_build_object('societyId', society_id, 'notificationId', id),
      max_attempts := ${deliveryMaxAttempts}::integer,
      job_key := ${deliverTask} || ':' || id::text,
      job_key_mode := 'unsafe_dedupe',
      priority := case when urgent then -10 else 0 end)).id::text as id
    from pending`.execute(db);
  return rows.length;
}

/** A page of one recipient's notifications, newest first, after the notification named by `cursor`. */
export async function listForRecipient(
  db: NotificationDb,
  options: { userId: string; unreadOnly: boolean; limit: number; cursor: string | undefined },
): Promise<NotificationRow[]> {
  let query = db
    .selectFrom('notifications')
    .select(listColumns)
    .where('recipient_user_id', '=', options.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  if (options.cursor) {
    // Keyset pagination on (created_at, id) of the cursor's row: microsecond times never round-trip through JS.
    query = query.where(
      sql<boolean>`(created_at, id) < (select c.created_at, c.id from notifications c
        where c.id = ${options.cursor} and c.recipient_user_id = ${options.userId})`,
    );
  }
  return query.execute();
}

/** How many notifications the recipient has not read. */
export async function countUnread(db: NotificationDb, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('recipient_user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the recipient's notifications read (keeping the first time); false when it is not theirs. */
export async function markRead(db: NotificationDb, userId: string, id: string): Promise<boolean> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('recipient_user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks every unread notification of the recipient read; returns how many. */
export async function markAllRead(db: NotificationDb, userId: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('recipient_user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** What the delivery job needs of a pending notification and its recipient. */
export type PendingDelivery = {
  kind: string;
  read_at: Date | null;
  email_attempts: number;
  recipient_user_id: string;
  email_enc: Buffer;
  locale: string;
  status: 'active' | 'disabled';
};

/**
 * Locks a notification whose e-mail is pending, with its recipient's encrypted address. SECURITY: system role, so
 * the society is named explicitly. The lock waits for a sweep that holds the row (for milliseconds), and keeps
 * a second delivery of the same notification waiting until the first has recorded its outcome.
 */
export async function systemLockPending(
  db: NotificationDb,
  societyId: string,
  id: string,
): Promise<PendingDelivery | undefined> {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.recipient_user_id')
    .select([
      'n.kind',
      'n.read_at',
      'n.email_attempts',
      'n.recipient_user_id',
      'u.email_enc',
      'u.locale',
      'u.status',
    ])
    .where('n.society_id', '=', societyId)
    .where('n.id', '=', id)
    .where('n.email_status', '=', 'pending')
    .forUpdate('n')
    .executeTakeFirst();
}

/** Records the outcome of one delivery attempt (or that no e-mail is needed any more). */
export async function systemRecordEmail(
  db: NotificationDb,
  options: { societyId: string; id: string; status: EmailStatus; attempted: boolean },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({
      email_status: options.status,
      email_attempts: options.attempted ? eb('email_attempts', '+', 1) : eb.ref('email_attempts'),
      email_sent_at: options.status === 'sent' ? sql<Date>`now()` : null,
    }))
    .where('society_id', '=', options.societyId)
    .where('id', '=', options.id)
    .execute();
}

/** Deletes notifications past their retention (read ones sooner); returns how many. */
export async function systemPurgeNotifications(
  db: NotificationDb,
  options: { readDays: number; allDays: number },
): Promise<number> {
  const result = await db
    .deleteFrom('notifications')
    .where((eb) =>
      eb.or([
        eb('read_at', '<', sql<Date>`now() - make_interval(days => ${options.readDays})`),
        eb('created_at', '<', sql<Date>`now() - make_interval(days => ${options.allDays})`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
