import type { Kysely } from 'kysely';
import { Locale } from '../../../common/auth.ts';
import { NotificationKind, composeNotificationEmail } from '../../../common/notifications.ts';
import type { AccountKeys } from '../../crypto/accounts.ts';
import type { Database } from '../../db/schema.ts';
import { deliveryError, type Mailer } from './notifications.mail.ts';
import { withNotifications, type EmailStatus } from './notifications.schema.ts';
import * as store from './notifications.store.ts';

/** What delivery needs: the system-role database, the account keys (to read the address), the mailer. */
export type DeliveryDeps = {
  systemDb: Kysely<Database>;
  accountKeys: AccountKeys;
  /** Undefined when no SMTP server is configured. */
  mailer: Mailer | undefined;
  /** The public origin (PASSAGE_ORIGIN) the e-mail links to. */
  origin: string;
};

/** One delivery job: which notification, and which attempt of how many this is. */
export type DeliveryJob = { societyId: string; notificationId: string; attempt: number; maxAttempts: number };

type Outcome = { status: EmailStatus | 'skipped'; error?: Error };

/**
 * Sends a notification's e-mail in the recipient's language and records the outcome; a failed attempt is recorded,
 * then thrown so the queue retries it, and the last one marks the e-mail failed. SECURITY: system role; the address
 * is decrypted only to be handed to the SMTP server, and neither it nor the text is logged or stored.
 */
export async function systemDeliverNotification(
  deps: DeliveryDeps,
  job: DeliveryJob,
): Promise<Outcome['status']> {
  const outcome = await withNotifications(deps.systemDb)
    .transaction()
    .execute(async (tx): Promise<Outcome> => {
      const pending = await store.systemLockPending(tx, job.societyId, job.notificationId);
      if (!pending) return { status: 'skipped' }; // already sent, not needed any more, or gone
      const record = (status: EmailStatus, attempted: boolean) =>
        store.systemRecordEmail(tx, { societyId: job.societyId, id: job.notificationId, status, attempted });
      const kind = NotificationKind.safeParse(pending.kind);
      // Already read in the app, an account since disabled, or e-mail switched off since: nothing to send.
      if (!deps.mailer || !kind.success || pending.status !== 'active' || pending.read_at !== null) {
        await record('not-needed', false);
        return { status: 'not-needed' };
      }
      const locale = Locale.catch('en').parse(pending.locale);
      const email = composeNotificationEmail({ kind: kind.data, locale, origin: deps.origin });
      try {
        const to = deps.accountKeys.open(pending.recipient_user_id, 'email', pending.email_enc);
        await deps.mailer.send({ ...email, to, locale });
      } catch (error) {
        // The row counts attempts too, in case the job was ever queued afresh.
        const attempt = Math.max(job.attempt, pending.email_attempts + 1);
        const status = attempt >= job.maxAttempts ? 'failed' : 'pending';
        await record(status, true);
        return { status, error: deliveryError(error) };
      }
      await record('sent', true);
      return { status: 'sent' };
    });
  if (outcome.error) throw outcome.error;
  return outcome.status;
}
