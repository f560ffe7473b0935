import { z } from 'zod';
import type { Locale } from './auth.ts';

/** What a notification can be about (`subject_type`): the web app links to that record by its id. */
export const NotificationSubjectType = z.enum(['case', 'concern', 'referral', 'consent', 'approval']);
/** What a notification can be about (`subject_type`). */
export type NotificationSubjectType = z.infer<typeof NotificationSubjectType>;

/** One entry of the catalogue: its in-app text key, whether it is urgent, whether it is e-mailed, its subjects. */
export type NotificationKindSpec = {
  /** The i18n key of the in-app text; the web app renders it in the reader's language. */
  textKey: string;
  urgent: boolean;
  /** Whether an e-mail is also sent (when SMTP is configured). */
  email: boolean;
  /** The subject types it may point to; empty when it points to nothing. */
  subjects: readonly NotificationSubjectType[];
};

/**
 * The closed catalogue of notification kinds: adding a kind is one entry here and its e-mail line in every
 * language below. Later modules (referrals, approvals, transfers, urgent concerns, consent) send these.
 */
export const notificationKinds = {
  'referral.needs-answer': {
    textKey: 'notifications.referral.needsAnswer',
    urgent: false,
    email: true,
    subjects: ['referral'],
  },
  'referral.inbound': {
    textKey: 'notifications.referral.inbound',
    urgent: false,
    email: true,
    subjects: ['referral'],
  },
  'approval.requested': {
    textKey: 'notifications.approval.requested',
    urgent: false,
    email: true,
    subjects: ['approval', 'case', 'referral'],
  },
  'case.transferred': {
    textKey: 'notifications.case.transferred',
    urgent: false,
    email: true,
    subjects: ['case'],
  },
  'concern.urgent': {
    textKey: 'notifications.concern.urgent',
    urgent: true,
    email: true,
    subjects: ['concern', 'case'],
  },
  'consent.withdrawn': {
    textKey: 'notifications.consent.withdrawn',
    urgent: false,
    email: true,
    subjects: ['consent', 'referral', 'case'],
  },
  'test.ping': { textKey: 'notifications.test.ping', urgent: false, email: true, subjects: [] },
} as const satisfies Record<string, NotificationKindSpec>;

/** A kind of notification from the closed catalogue. */
export const NotificationKind = z.enum(
  Object.keys(notificationKinds) as [keyof typeof notificationKinds, ...(keyof typeof notificationKinds)[]],
);
/** A kind of notification from the closed catalogue. */
export type NotificationKind = z.infer<typeof NotificationKind>;

/** The catalogue entry of a kind. */
export function notificationKindSpec(kind: NotificationKind): NotificationKindSpec {
  return notificationKinds[kind];
}

/** What a notification is about: a record's type and id, never a name or any other personal value. */
export const NotificationSubject = z.strictObject({ type: NotificationSubjectType, id: z.uuid() });
/** What a notification is about. */
export type NotificationSubject = z.infer<typeof NotificationSubject>;

/** A notification as the API shows it to its recipient. */
export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  subject: NotificationSubject.nullable(),
  urgent: z.boolean(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
/** A notification as the API shows it to its recipient. */
export type Notification = z.infer<typeof Notification>;

/** GET /api/notifications: `cursor` is the id of the last notification of the previous page. */
export const NotificationListQuery = z.strictObject({
  filter: z.enum(['all', 'unread']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid().optional(),
});
/** GET /api/notifications */
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

/** A page of the actor's notifications, newest first, with how many are unread in all. */
export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.uuid().nullable(),
  unreadCount: z.number().int().min(0),
});
/** A page of the actor's notifications. */
export type NotificationPage = z.infer<typeof NotificationPage>;

/** Path parameters naming one notification. */
export const NotificationParams = z.strictObject({ notificationId: z.uuid() });
/** Path parameters naming one notification. */
export type NotificationParams = z.infer<typeof NotificationParams>;

/** The fixed e-mail texts of one language: neutral, with no personal data and no organisation's name. */
export type NotificationEmailTexts = {
  subject: string;
  urgentSubject: string;
  lines: Record<NotificationKind, string>;
  /** Introduces the link to the notifications page. */
  open: string;
  footer: string;
};

/**
 * The e-mail texts per language. SECURITY: an e-mail leaves Passage's protection (a shared inbox, a phone left
 * unlocked), so it says only that something is waiting, never who or what; the reader signs in to see it.
 */
export const notificationEmailTexts: Record<Locale, NotificationEmailTexts> = {
  en: {
    subject: 'New notification in Passage',
    urgentSubject: 'Urgent: new notification in Passage',
    lines: {
      'referral.needs-answer': 'A referral needs your answer in Passage.',
      'referral.inbound': 'A new referral has arrived in Passage.',
      'approval.requested': 'A request is waiting for your approval in Passage.',
      'case.transferred': 'A case has been handed over in Passage.',
      'concern.urgent': 'Something urgent needs your attention in Passage.',
      'consent.withdrawn': 'Something needs your attention in Passage.',
      'test.ping': 'This is a test message from Passage.',
    },
    open: 'Sign in to see it:',
    footer:
      'This message contains no details on purpose. If you did not expect it, tell your Passage administrator.',
  },
  fr: {
    subject: 'Nouvelle notification dans Passage',
    urgentSubject: 'Urgent : nouvelle notification dans Passage',
    lines: {
      'referral.needs-answer': 'Une orientation attend votre réponse dans Passage.',
      'referral.inbound': 'Une nouvelle orientation est arrivée dans Passage.',
      'approval.requested': 'Une demande attend votre approbation dans Passage.',
      'case.transferred': 'Un dossier a été transféré dans Passage.',
      'concern.urgent': 'Une situation urgente demande votre attention dans Passage.',
      'consent.withdrawn': 'Quelque chose demande votre attention dans Passage.',
      'test.ping': 'Ceci est un message de test de Passage.',
    },
    open: 'Connectez-vous pour la voir :',
    footer:
      "Ce message ne contient volontairement aucun détail. Si vous ne l'attendiez pas, prévenez l'administrateur de Passage.",
  },
  es: {
    subject: 'Nueva notificación en Passage',
    urgentSubject: 'Urgente: nueva notificación en Passage',
    lines: {
      'referral.needs-answer': 'Una derivación necesita su respuesta en Passage.',
      'referral.inbound': 'Ha llegado una nueva derivación a Passage.',
      'approval.requested': 'Una solicitud espera su aprobación en Passage.',
      'case.transferred': 'Un caso ha sido transferido en Passage.',
      'concern.urgent': 'Algo urgente requiere su atención en Passage.',
      'consent.withdrawn': 'Algo requiere su atención en Passage.',
      'test.ping': 'Este es un mensaje de prueba de Passage.',
    },
    open: 'Inicie sesión para verla:',
    footer:
      'Este mensaje no contiene detalles a propósito. Si no lo esperaba, avise al administrador de Passage.',
  },
  ar: {
    subject: 'إشعار جديد في Passage',
    urgentSubject: 'عاجل: إشعار جديد في Passage',
    lines: {
      'referral.needs-answer': 'هناك إحالة تنتظر ردّك في Passage.',
      'referral.inbound': 'وصلت إحالة جديدة إلى Passage.',
      'approval.requested': 'هناك طلب ينتظر موافقتك في Passage.',
      'case.transferred': 'تمّ نقل حالة في Passage.',
      'concern.urgent': 'هناك أمر عاجل يحتاج إلى اهتمامك في Passage.',
      'consent.withdrawn': 'هناك أمر يحتاج إلى اهتمامك في Passage.',
      'test.ping': 'هذه رسالة تجريبية من Passage.',
    },
    open: 'سجّل الدخول للاطلاع عليه:',
    footer: 'لا تحتوي هذه الرسالة على أي تفاصيل عن قصد. إذا لم تكن تتوقعها، فأبلغ مسؤول Passage.',
  },
};

/** A composed notification e-mail: plain text only. */
export type NotificationEmail = { subject: string; text: string };

/**
 * Composes the e-mail of a notification kind in the recipient's language. It takes no record at all: the only
 * variable part is the link to the notifications page, never to the record itself.
 */
export function composeNotificationEmail(options: {
  kind: NotificationKind;
  locale: Locale;
  /** The public origin of Passage (PASSAGE_ORIGIN). */
  origin: string;
}): NotificationEmail {
  const texts = notificationEmailTexts[options.locale];
  const link = new URL('/notifications', options.origin).toString();
  return {
    subject: notificationKinds[options.kind].urgent ? texts.urgentSubject : texts.subject,
    text: [texts.lines[options.kind], '', texts.open, link, '', '--', texts.footer, ''].join('\n'),
  };
}
