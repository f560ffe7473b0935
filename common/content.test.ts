import { describe, expect, it } from 'vitest';
import {
  ContentKey,
  EditTranslationBody,
  fillPlaceholders,
  placeholdersIn,
  resolveContent,
  type Resolvable,
} from './content.ts';

const t = (locale: string, body: string, reviewed = true) => ({ locale, body, reviewed });

const item: Resolvable = {
  fallbackLocale: 'en',
  translations: [t('en', 'Hello'), t('fr', 'Bonjour', false), t('ar', 'مرحبا'), t('pt-BR', 'Olá')],
};

describe('resolveContent', () => {
  it.each([
    { reader: 'en', text: 'Hello', locale: 'en', isFallback: false, reviewed: true },
    { reader: 'ar', text: 'مرحبا', locale: 'ar', isFallback: false, reviewed: true },
    // An unreviewed text in the reader's language is still shown, flagged.
    { reader: 'fr', text: 'Bonjour', locale: 'fr', isFallback: false, reviewed: false },
    // A regional reader gets the base language, which is their language, not a fallback.
    { reader: 'fr-CA', text: 'Bonjour', locale: 'fr', isFallback: false, reviewed: false },
    { reader: 'pt-BR', text: 'Olá', locale: 'pt-BR', isFallback: false, reviewed: true },
    // A base-language reader does not get a regional variant: it may not be their language.
    { reader: 'pt', text: 'Hello', locale: 'en', isFallback: true, reviewed: true },
    { reader: 'ti', text: 'Hello', locale: 'en', isFallback: true, reviewed: true },
  ])('shows a $reader reader "$text" ($locale, fallback $isFallback, reviewed $reviewed)', (c) => {
    expect(resolveContent(item, c.reader)).toEqual({
      text: c.text,
      locale: c.locale,
      isFallback: c.isFallback,
      reviewed: c.reviewed,
    });
  });

  it.each([
    {
      case: 'an unreviewed fallback text keeps its flag',
      item: { fallbackLocale: 'fr', translations: [t('en', 'Hello'), t('fr', 'Bonjour', false)] },
      expected: { text: 'Bonjour', locale: 'fr', isFallback: true, reviewed: false },
    },
    {
      case: 'an item with no text in its fallback language shows the first language there is',
      item: { fallbackLocale: 'en', translations: [t('fr', 'Bonjour'), t('ar', 'مرحبا', false)] },
      expected: { text: 'مرحبا', locale: 'ar', isFallback: true, reviewed: false },
    },
    {
      case: 'an item with no text at all resolves to nothing',
      item: { fallbackLocale: 'en', translations: [] },
      expected: null,
    },
  ])('$case', ({ item: other, expected }) => {
    expect(resolveContent(other, 'es')).toEqual(expected);
  });
});

describe('placeholders', () => {
  it('lists each placeholder once, sorted, and ignores braces that are not one', () => {
    expect(placeholdersIn('{society} and {recipients}, {society}; {Not} {1} { society } {}')).toEqual([
      'recipients',
      'society',
    ]);
  });

  it('fills only the named placeholders, in one pass, leaving the rest as written', () => {
    const filled = fillPlaceholders('{society} shares with {recipients} for {retention} ({other})', {
      society: 'Test Society {recipients}',
      recipients: 'Test Legal Aid',
    });
    expect(filled).toBe('Test Society {recipients} shares with Test Legal Aid for {retention} ({other})');
  });

  it('does not treat inherited object properties as values', () => {
    expect(fillPlaceholders('{constructor} {to-string}', {})).toBe('{constructor} {to-string}');
  });
});

describe('the content schemas', () => {
  it.each(['notice.rights', 'emergency.numbers', 'notice.purpose.cross-border'])(
    'accept the key %s',
    (key) => {
      expect(ContentKey.safeParse(key).success).toBe(true);
    },
  );

  it.each([
    'notice',
    'Notice.rights',
    '1990-04-01',
    'notice..rights',
    'notice.rights.',
    'notice rights',
    'x.'.repeat(70),
  ])('refuse the key %s', (key) => {
    expect(ContentKey.safeParse(key).success).toBe(false);
  });

  it('refuses an empty body, control characters and unknown fields, and keeps line breaks', () => {
    const parse = (body: unknown) => EditTranslationBody.safeParse({ body, reviewed: true });
    expect(parse('  ').success).toBe(false);
    expect(parse('Call\u0000now').success).toBe(false);
    expect(parse('x'.repeat(20001)).success).toBe(false);
    expect(EditTranslationBody.safeParse({ body: 'Text', reviewed: true, societyId: 'x' }).success).toBe(
      false,
    );
    expect(parse(' Line one\n\tLine two\r\n ').data).toEqual({
      body: 'Line one\n\tLine two',
      reviewed: true,
    });
  });
});
