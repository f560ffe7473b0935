import {
  ContentBody,
  ContentKind,
  placeholdersIn,
  type ContentItem,
  type ContentTranslation,
} from '../../../../common/content.ts';
import { Locale as InterfaceLocale } from '../../../../common/auth.ts';

/** The state of one language of a content item: no text, a text nobody checked, or a checked text. */
export type TranslationStatus = 'missing' | 'not-reviewed' | 'reviewed';

/** The translation of an item in one language, if it has one. */
export function translationIn(
  item: Pick<ContentItem, 'translations'>,
  locale: string,
): ContentTranslation | undefined {
  return item.translations.find((t) => t.locale === locale);
}

/** Whether an item has a text in a language, and whether someone checked it. */
export function translationStatus(
  item: Pick<ContentItem, 'translations'>,
  locale: string,
): TranslationStatus {
  const translation = translationIn(item, locale);
  if (!translation) return 'missing';
  return translation.reviewed ? 'reviewed' : 'not-reviewed';
}

/**
 * The languages an editor works in: the interface languages first (in their usual order), then any other
 * language some item has a text in, alphabetically.
 */
export function contentLanguages(items: readonly Pick<ContentItem, 'translations'>[]): string[] {
  const others = new Set(items.flatMap((item) => item.translations.map((t) => t.locale)));
  for (const locale of InterfaceLocale.options) others.delete(locale);
  return [...InterfaceLocale.options, ...[...others].sort()];
}

/** Items grouped by kind (the order of the kinds' catalogue), each group sorted by key; empty groups left out. */
export function groupByKind<T extends Pick<ContentItem, 'kind' | 'key'>>(
  items: readonly T[],
): { kind: ContentKind; items: T[] }[] {
  return ContentKind.options
    .map((kind) => ({
      kind,
      items: items.filter((item) => item.kind === kind).sort((a, b) => a.key.localeCompare(b.key)),
    }))
    .filter((group) => group.items.length > 0);
}

/** The placeholders a text must keep: those of the item's text in its fallback language (the default's). */
export function requiredPlaceholders(item: Pick<ContentItem, 'translations' | 'fallbackLocale'>): string[] {
  const reference = translationIn(item, item.fallbackLocale);
  return reference ? placeholdersIn(reference.body) : [];
}

/** What is wrong with a draft's placeholders: those of the default it dropped, and names it made up. */
export type PlaceholderCheck = { missing: string[]; unknown: string[] };

/** Compares a draft's placeholders with those it must keep. */
export function checkPlaceholders(required: readonly string[], body: string): PlaceholderCheck {
  const found = placeholdersIn(body);
  return {
    missing: required.filter((name) => !found.includes(name)),
    unknown: found.filter((name) => !required.includes(name)),
  };
}

/** Why a draft's text cannot be saved as it is (the server's own schema decides), or undefined when it can. */
export function bodyProblem(body: string): 'empty' | 'too-long' | 'unprintable' | undefined {
  const result = ContentBody.safeParse(body);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  if (issue?.code === 'too_small') return 'empty';
  if (issue?.code === 'too_big') return 'too-long';
  return 'unprintable';
}

/** An item as a reader would get it if the draft were saved: the draft replaces (or adds) that language. */
export function withDraft<T extends Pick<ContentItem, 'translations'>>(
  item: T,
  draft: { locale: string; body: string; reviewed: boolean },
): T {
  const others = item.translations.filter((t) => t.locale !== draft.locale);
  // An emptied editor is no text at all: the reader would get the fallback language.
  if (draft.body.trim() === '') return { ...item, translations: others };
  const translation = { ...(translationIn(item, draft.locale) ?? emptyTranslation(draft.locale)), ...draft };
  return { ...item, translations: [...others, translation] };
}

function emptyTranslation(locale: string): ContentTranslation {
  return { locale, body: '', reviewed: false, source: 'society', updatedAt: null, allowedActions: [] };
}

/** A language's name in the reader's language (`fr` → "French" for an English reader), or its code. */
export function languageLabel(locale: string, readerLocale: string): string {
  try {
    return new Intl.DisplayNames([readerLocale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
