import type { TaskList } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { AccountKeys } from '../../crypto/accounts.ts';
import type { Database } from '../../db/schema.ts';
import { systemDeliverNotification } from './notifications.delivery.ts';
import { createMailer, type Mailer } from './notifications.mail.ts';
import { withNotifications } from './notifications.schema.ts';
import {
  deliverTask,
  sweepTask,
  systemPurgeNotifications,
  systemQueuePendingDeliveries,
} from './notifications.store.ts';

/** What the notification jobs need: the system-role database, the account keys and the mail settings. */
export type NotificationTaskOptions = {
  systemDb: Kysely<Database>;
  accountKeys: AccountKeys;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'origin'>;
  /** A mailer to use instead of the one built from the config. */
  mailer?: Mailer;
};

/** How long notifications are kept: read ones for 90 days, any for a year (keep less). */
export const notificationRetention = { readDays: 90, allDays: 365 } as const;

const DeliverPayload = z.strictObject({ societyId: z.uuid(), notificationId: z.uuid() });

/**
 * The notification jobs: every minute, queue a delivery for each pending e-mail; deliver one notification's e-mail
 * (retried with backoff); every night, purge old notifications.
 */
export function createNotificationTasks(options: NotificationTaskOptions): TaskList {
  const mailer = options.mailer ?? createMailer(options.config);
  const deps = {
    systemDb: options.systemDb,
    accountKeys: options.accountKeys,
    mailer,
    origin: options.config.origin.origin,
  };
  return {
    [sweepTask]: async () => {
      await systemQueuePendingDeliveries(withNotifications(options.systemDb));
    },
    [deliverTask]: async (payload, helpers) => {
      const job = DeliverPayload.parse(payload);
      await systemDeliverNotification(deps, {
        ...job,
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
      });
    },
    'notifications:purge': async () => {
      await systemPurgeNotifications(withNotifications(options.systemDb), notificationRetention);
    },
  };
}

/** The notification jobs' schedule, in graphile-worker's crontab format (times in UTC). */
export const notificationsCrontab = [
  `* * * * * ${sweepTask} ?max=3`,
  '41 3 * * * notifications:purge ?max=5',
].join('\n');
