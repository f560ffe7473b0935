import { describe, expect, it } from 'vitest';
import { Locale } from './auth.ts';
import {
  NotificationKind,
  composeNotificationEmail,
  notificationEmailTexts,
  notificationKinds,
} from './notifications.ts';

const kinds = NotificationKind.options;

describe('the notification catalogue', () => {
  it('gives every kind its own in-app text key', () => {
    const keys = kinds.map((kind) => notificationKinds[kind].textKey);
    expect(new Set(keys).size).toBe(kinds.length);
    for (const key of keys) expect(key).toMatch(/^notifications\.[a-z]+\.[a-zA-Z]+$/);
  });

  it('has an e-mail line for every kind in every language, and each names Passage and nothing else', () => {
    for (const locale of Locale.options) {
      const texts = notificationEmailTexts[locale];
      expect(Object.keys(texts.lines).sort()).toEqual([...kinds].sort());
      for (const text of [texts.subject, texts.urgentSubject, ...Object.values(texts.lines)]) {
        expect(text).toContain('Passage');
        // Fixed texts: no placeholder a value could be put into, no markup.
        expect(text).not.toMatch(/[{}<>$%]/);
      }
    }
  });
});

describe('composeNotificationEmail', () => {
  it('writes the kind’s line in the recipient’s language and links to the notifications page only', () => {
    const email = composeNotificationEmail({
      kind: 'referral.needs-answer',
      locale: 'es',
      origin: 'https://passage.example.org',
    });
    expect(email.subject).toBe('Nueva notificación en Passage');
    expect(email.text.split('\n')[0]).toBe('Una derivación necesita su respuesta en Passage.');
    expect(email.text.match(/https?:\/\/\S+/g)).toEqual(['https://passage.example.org/notifications']);
  });

  it('marks the subject of an urgent kind as urgent', () => {
    const email = composeNotificationEmail({
      kind: 'concern.urgent',
      locale: 'fr',
      origin: 'http://localhost:3000',
    });
    expect(email.subject).toBe('Urgent : nouvelle notification dans Passage');
  });
});
