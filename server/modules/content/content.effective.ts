import type { ContentKind, ContentSource } from '../../../common/content.ts';
import {
  defaultContent,
  findDefaultContent,
  type DefaultContentItem,
} from '../../../common/content-defaults.ts';
import type { ContentRecord } from '../../access/policies/content.policy.ts';
import type { ContentRow } from './content.store.ts';

/** One language of an item as the society sees it. */
export type EffectiveTranslation = {
  locale: string;
  body: string;
  reviewed: boolean;
  source: ContentSource;
  updatedAt: Date | null;
};

/**
 * A content item as the society sees it: the built-in default with the society's own translations over it,
 * language by language. `id` is the society's own copy, null while it has never edited the item.
 */
export type EffectiveContent = ContentRecord & {
  id: string | null;
  key: string;
  kind: ContentKind;
  version: number;
  hasDefault: boolean;
  /** The built-in text in the fallback language, which decides the placeholders a notice text must keep. */
  defaultFallbackText: string | undefined;
  translations: EffectiveTranslation[];
};

/** Merges a built-in default and the society's copy (either may be missing) into what the society sees. */
export function mergeContent(
  builtIn: DefaultContentItem | undefined,
  own: ContentRow | undefined,
): EffectiveContent | undefined {
  const key = builtIn?.key ?? own?.key;
  const byLocale = new Map<string, EffectiveTranslation>();
  for (const t of builtIn?.translations ?? [])
    byLocale.set(t.locale, { ...t, source: 'default', updatedAt: null });
  for (const t of own?.translations ?? []) byLocale.set(t.locale, { ...t, source: 'society' });
  if (key === undefined || byLocale.size === 0) return undefined;
  const fallbackLocale = own?.fallbackLocale ?? builtIn?.fallbackLocale ?? 'en';
  return {
    id: own?.id ?? null,
    key,
    // The code decides a built-in item's kind; a society's copy keeps the kind it was made with only if the
    // default has since been removed.
    kind: builtIn?.kind ?? own?.kind ?? 'guidance',
    fallbackLocale,
    version: own?.version ?? 0,
    hasDefault: builtIn !== undefined,
    defaultFallbackText: builtIn?.translations.find((t) => t.locale === builtIn.fallbackLocale)?.body,
    defaultLocales: (builtIn?.translations ?? []).map((t) => t.locale),
    ownLocales: (own?.translations ?? []).map((t) => t.locale),
    translations: [...byLocale.values()].sort((a, b) => a.locale.localeCompare(b.locale)),
  };
}

/** Every item the society sees, by key: each built-in default (with the society's edits) and its own items. */
export function mergeAllContent(rows: readonly ContentRow[]): EffectiveContent[] {
  const own = new Map(rows.map((row) => [row.key, row]));
  const keys = [...new Set([...defaultContent.map((item) => item.key), ...own.keys()])].sort();
  return keys.flatMap((key) => mergeContent(findDefaultContent(key), own.get(key)) ?? []);
}
