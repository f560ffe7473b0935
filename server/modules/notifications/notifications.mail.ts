import { createTransport } from 'nodemailer';
import type { Locale } from '../../../common/auth.ts';
import type { NotificationEmail } from '../../../common/notifications.ts';
import type { Config } from '../../config.ts';

/** Sends one composed notification e-mail to one address. */
export type Mailer = {
  send(message: NotificationEmail & { to: string; locale: Locale }): Promise<void>;
};

/**
 * The SMTP mailer of PASSAGE_SMTP_URL, or undefined when none is configured (notifications are then in-app only).
 * SECURITY: nodemailer's own logging stays off: it would write addresses and message text.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  const transport = createTransport(
    {
      url: config.smtpUrl,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from: config.mailFrom },
  );
  return {
    send: async ({ to, subject, text, locale }) => {
      await transport.sendMail({
        to,
        subject,
        text,
        xMailer: false,
        // Tells mail servers and auto-responders it is automatic (RFC 3834): no out-of-office reply back.
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': locale },
      });
    },
  };
}

/**
 * A delivery failure safe to keep in the job queue and the logs: the error class and SMTP reply code only.
 * SECURITY: an SMTP server's reply quotes the address it refused ("550 <…>: no such user"), so it is dropped.
 */
export function deliveryError(error: unknown): Error {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const safeCode = typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,31}$/.test(code) ? code : 'EUNKNOWN';
  const reply =
    typeof responseCode === 'number' && Number.isInteger(responseCode) ? `, SMTP ${responseCode}` : '';
  return Object.assign(new Error(`The notification e-mail was not delivered (${safeCode}${reply}).`), {
    name: 'EmailDeliveryError',
    code: safeCode,
  });
}
