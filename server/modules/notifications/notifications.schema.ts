import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Where a notification's e-mail stands. */
export type EmailStatus = 'not-needed' | 'pending' | 'sent' | 'failed';

/** `notifications`: the society-scoped outbox of in-app notifications and their e-mail state. */
export type NotificationsTable = {
  society_id: string;
  id: Generated<string>;
  recipient_user_id: string;
  kind: string;
  subject_type: string | null;
  subject_id: string | null;
  urgent: boolean;
  created_at: Timestamp;
  read_at: NullableTimestamp;
  email_status: EmailStatus;
  email_attempts: Generated<number>;
  email_sent_at: NullableTimestamp;
};

/** The notification tables as Kysely sees them. */
export type NotificationTables = { notifications: NotificationsTable };

/** A database handle (or transaction) that also knows the notification tables. */
export type NotificationDb = Kysely<Database & NotificationTables>;

/** Adds the notification tables to a handle's type (they are not in the shared `Database` type). */
export function withNotifications(handle: Kysely<Database>): NotificationDb {
  return handle.withTables<NotificationTables>();
}
