import {
  NotificationSubject,
  notificationKindSpec,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationPage,
} from '../../../common/notifications.ts';
import { inActorSociety, type ServiceContext } from '../../access/context.ts';
import type { SocietyTx } from '../../access/scope.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/problem.ts';
import { presentNotification } from './notifications.present.ts';
import { withNotifications } from './notifications.schema.ts';
import * as store from './notifications.store.ts';

/** What another module asks to be notified: to whom, which kind, about what (ids only), and the mail settings. */
export type NotifyInput = {
  /** User ids; each must be a member of the transaction's society. */
  recipients: readonly string[];
  kind: NotificationKind;
  /** The record it is about, for the web app to link to; required exactly when the kind points to something. */
  subject?: NotificationSubject;
  /** Whether SMTP is configured: without it, notifications are in-app only. */
  config: Pick<Config, 'smtpUrl'>;
};

/**
 * Notifies members of the transaction's society, in the caller's transaction (the outbox pattern): notifications
 * commit or roll back with the change they announce. An e-mail is marked pending, and a job sweeping every minute
 * sends it. Returns the ids.
 */
export async function notify(tx: SocietyTx, input: NotifyInput): Promise<string[]> {
  const db = withNotifications(tx);
  const spec = notificationKindSpec(input.kind);
  // SECURITY: a strict schema of a type and an id: a name or any other value slipped in is refused.
  const subject = input.subject === undefined ? null : NotificationSubject.parse(input.subject);
  if (
    (subject === null) !== (spec.subjects.length === 0) ||
    (subject && !spec.subjects.includes(subject.type))
  )
    throw new Error(
      `A ${input.kind} notification cannot be about ${subject ? `a ${subject.type}` : 'nothing'}.`,
    );
  const recipients = [...new Set(input.recipients)];
  if (recipients.length === 0) return [];
  const societyId = await store.findScopedSociety(db);
  if (!societyId) throw new Error('notify() must run in a society transaction.');
  const members = await store.findMemberIds(db, recipients);
  if (recipients.some((id) => !members.has(id)))
    throw new AppError('conflict', 'A recipient of this notification is not a member of the society.');
  const email = spec.email && Boolean(input.config.smtpUrl);
  return store.insertNotifications(
    db,
    recipients.map((userId) => ({
      society_id: societyId,
      recipient_user_id: userId,
      kind: input.kind,
      subject_type: subject?.type ?? null,
      subject_id: subject?.id ?? null,
      urgent: spec.urgent,
      email_status: email ? 'pending' : 'not-needed',
    })),
  );
}

/** The actor's own notifications in the current society, newest first, with their unread count. */
export async function listNotifications(
  ctx: ServiceContext,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  return inActorSociety(ctx, async (tx) => {
    const db = withNotifications(tx);
    const userId = ctx.actor.userId;
    const rows = await store.listForRecipient(db, {
      userId,
      unreadOnly: query.filter === 'unread',
      limit: query.limit + 1,
      cursor: query.cursor,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(presentNotification),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      unreadCount: await store.countUnread(db, userId),
    };
  });
}

/** Marks one of the actor's notifications read; anyone else's is not found. */
export async function readNotification(ctx: ServiceContext, notificationId: string): Promise<void> {
  const found = await inActorSociety(ctx, (tx) =>
    store.markRead(withNotifications(tx), ctx.actor.userId, notificationId),
  );
  if (!found) throw new AppError('not-found', 'No such notification.');
}

/** Marks all of the actor's notifications in the current society read. */
export async function readAllNotifications(ctx: ServiceContext): Promise<void> {
  await inActorSociety(ctx, (tx) => store.markAllRead(withNotifications(tx), ctx.actor.userId));
}
