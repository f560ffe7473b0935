import {
  NotificationKind,
  NotificationSubjectType,
  type Notification,
} from '../../../common/notifications.ts';
import type { NotificationRow } from './notifications.store.ts';

/** A notification as its recipient sees it: ids and codes only; the web app renders the text from the kind. */
export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: NotificationKind.parse(row.kind),
    subject:
      row.subject_type !== null && row.subject_id !== null
        ? { type: NotificationSubjectType.parse(row.subject_type), id: row.subject_id }
        : null,
    urgent: row.urgent,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}
