import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../../../common/content.ts';
import {
  bodyProblem,
  checkPlaceholders,
  contentLanguages,
  groupByKind,
  languageLabel,
  requiredPlaceholders,
  translationStatus,
  withDraft,
} from './content-status.ts';

const translation = (locale: string, body: string, reviewed: boolean) => ({
  locale,
  body,
  reviewed,
  source: 'default' as const,
  updatedAt: null,
  allowedActions: [],
});

const item = (
  key: string,
  kind: ContentItem['kind'],
  translations = [translation('en', 'Hello {society}', true)],
) => ({
  key,
  kind,
  fallbackLocale: 'en',
  version: 0,
  source: 'default' as const,
  hasDefault: true,
  translations,
  allowedActions: [],
});

describe('the state of each language of a content item', () => {
  const notice = item('notice.intro', 'information-notice', [
    translation('en', 'Hello {society}', true),
    translation('fr', 'Bonjour {society}', false),
  ]);

  it('says a language is missing, not reviewed or reviewed', () => {
    expect(translationStatus(notice, 'en')).toBe('reviewed');
    expect(translationStatus(notice, 'fr')).toBe('not-reviewed');
    expect(translationStatus(notice, 'ar')).toBe('missing');
  });

  it('lists the interface languages first, then any other language a text exists in', () => {
    const extra = item('notice.rights', 'information-notice', [
      translation('ti', 'ሰላም', false),
      translation('pt-BR', 'Olá', false),
    ]);
    expect(contentLanguages([notice, extra])).toEqual(['en', 'fr', 'es', 'ar', 'pt-BR', 'ti']);
    expect(contentLanguages([])).toEqual(['en', 'fr', 'es', 'ar']);
  });

  it('groups items by kind in the catalogue’s order and sorts each group by key', () => {
    const groups = groupByKind([
      item('notice.rights', 'information-notice'),
      item('emergency.numbers', 'emergency-guidance'),
      item('notice.intro', 'information-notice'),
    ]);
    expect(groups.map((g) => [g.kind, g.items.map((i) => i.key)])).toEqual([
      ['emergency-guidance', ['emergency.numbers']],
      ['information-notice', ['notice.intro', 'notice.rights']],
    ]);
  });

  it('names a language in the reader’s language, and falls back to its code', () => {
    expect(languageLabel('fr', 'en')).toBe('French');
    expect(languageLabel('fr', 'fr')).toBe('français');
    expect(languageLabel('not a code', 'en')).toBe('not a code');
  });
});

describe('the placeholders a text must keep', () => {
  it('takes them from the text in the fallback language', () => {
    const notice = item('notice.recipients', 'information-notice', [
      translation('fr', 'Sans {x}', false),
      translation('en', 'Shared with {recipients} by {society}', true),
    ]);
    expect(requiredPlaceholders(notice)).toEqual(['recipients', 'society']);
    expect(requiredPlaceholders(item('emergency.guidance', 'emergency-guidance', []))).toEqual([]);
  });

  it('finds a dropped placeholder and a made-up one, and accepts a text that keeps them all in another order', () => {
    expect(checkPlaceholders(['recipients', 'society'], 'Partagé avec {society}, {recipient}')).toEqual({
      missing: ['recipients'],
      unknown: ['recipient'],
    });
    expect(
      checkPlaceholders(['recipients', 'society'], '{society} partage avec {recipients} et {society}'),
    ).toEqual({
      missing: [],
      unknown: [],
    });
  });
});

describe('a draft before it is saved', () => {
  it('is refused when empty, too long or with characters that cannot be printed, as the server refuses it', () => {
    expect(bodyProblem('   ')).toBe('empty');
    expect(bodyProblem('x'.repeat(20001))).toBe('too-long');
    expect(bodyProblem('bell \u0007')).toBe('unprintable');
    expect(bodyProblem('Two lines\nand a\ttab')).toBeUndefined();
  });

  it('replaces or adds its language in the item a reader would get, and an emptied draft removes it', () => {
    const base = item('emergency.guidance', 'emergency-guidance', [translation('en', 'Call', true)]);
    const added = withDraft(base, { locale: 'fr', body: 'Appelez', reviewed: false });
    expect(added.translations.map((t) => [t.locale, t.body, t.reviewed])).toEqual([
      ['en', 'Call', true],
      ['fr', 'Appelez', false],
    ]);
    const changed = withDraft(added, { locale: 'fr', body: 'Appelez vite', reviewed: true });
    expect(changed.translations.find((t) => t.locale === 'fr')).toMatchObject({
      body: 'Appelez vite',
      reviewed: true,
    });
    expect(
      withDraft(added, { locale: 'fr', body: ' ', reviewed: true }).translations.map((t) => t.locale),
    ).toEqual(['en']);
  });
});
