import { z } from 'zod';

/** What a piece of translatable content is for; decides who may edit it and where the web app shows it. */
export const ContentKind = z.enum([
  'guidance',
  'emergency-guidance',
  'information-notice',
  'indicator-text',
  'taxonomy-label',
  'awareness-material',
]);
/** What a piece of translatable content is for. */
export type ContentKind = z.infer<typeof ContentKind>;

/** A content key: a dotted code such as `notice.rights`, never free text (audit payloads carry it). */
export const ContentKey = z
  .string()
  .max(120)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
/** A content key, such as `notice.rights`. */
export type ContentKey = z.infer<typeof ContentKey>;

/** A language code: ISO 639-1/639-3, optionally with a region (`fr`, `ar`, `ti`, `pt-BR`). */
export const Locale = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/);
/** A language code such as `fr` or `pt-BR`. */
export type Locale = z.infer<typeof Locale>;

/** Where a text comes from: the built-in default shipped with Passage, or the society's own edit. */
export const ContentSource = z.enum(['default', 'society']);
/** Where a text comes from. */
export type ContentSource = z.infer<typeof ContentSource>;

/** What a member may do to a translation; the web app shows a control for each allowed one. */
export const ContentAction = z.enum(['edit', 'revert']);
/** What a member may do to a translation. */
export type ContentAction = z.infer<typeof ContentAction>;

// Plain text: line breaks and tabs are allowed, other control characters are not (they cannot be printed).
// eslint-disable-next-line no-control-regex
const printable = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** The text of one translation: plain text (light Markdown at most), shown with line breaks, never as HTML. */
export const ContentBody = z.string().trim().min(1).max(20000).regex(printable);

/** One language of a content item as the society currently sees it. */
export const ContentTranslation = z.object({
  locale: Locale,
  body: z.string(),
  /** Whether someone checked this text in this language; the web app says "not reviewed in your language". */
  reviewed: z.boolean(),
  source: ContentSource,
  /** When the society last changed it (null for a built-in default). */
  updatedAt: z.iso.datetime().nullable(),
  allowedActions: z.array(ContentAction),
});
/** One language of a content item as the society currently sees it. */
export type ContentTranslation = z.infer<typeof ContentTranslation>;

/** A content item as the society sees it: the built-in default with the society's own translations over it. */
export const ContentItem = z.object({
  key: ContentKey,
  kind: ContentKind,
  /** The language shown when the reader's language has no translation. */
  fallbackLocale: Locale,
  /** The version to send in If-Match; 0 while the society has never changed the item. */
  version: z.number().int().min(0),
  /** 'default' while every language shows the built-in text; 'society' once the society changed one. */
  source: ContentSource,
  /** Whether a built-in default exists, so a language can be reverted to it. */
  hasDefault: z.boolean(),
  translations: z.array(ContentTranslation),
  /** 'edit' lets the actor add or change any language. */
  allowedActions: z.array(ContentAction),
});
/** A content item as the society sees it. */
export type ContentItem = z.infer<typeof ContentItem>;

/** A text picked for one reader: which language it is in, and whether it was checked in that language. */
export const ResolvedContent = z.object({
  text: z.string(),
  locale: Locale,
  /** True when the reader's language has no translation and the fallback language is shown. */
  isFallback: z.boolean(),
  reviewed: z.boolean(),
});
/** A text picked for one reader. */
export type ResolvedContent = z.infer<typeof ResolvedContent>;

/** GET /api/content/:key: the item, and with `?locale=` the text resolved for that language. */
export const ContentItemView = ContentItem.extend({ resolved: ResolvedContent.optional() });
/** GET /api/content/:key */
export type ContentItemView = z.infer<typeof ContentItemView>;

/** GET /api/content: every item the society sees, by key (a bounded list; `nextCursor` is always null). */
export const ContentPage = z.object({ items: z.array(ContentItem), nextCursor: z.string().nullable() });
/** GET /api/content */
export type ContentPage = z.infer<typeof ContentPage>;

/** GET /api/content: an optional filter by kind. */
export const ContentListQuery = z.strictObject({ kind: ContentKind.optional() });
/** GET /api/content: query parameters. */
export type ContentListQuery = z.infer<typeof ContentListQuery>;

/** Path parameters naming one content item. */
export const ContentParams = z.strictObject({ key: ContentKey });
/** Path parameters naming one content item. */
export type ContentParams = z.infer<typeof ContentParams>;

/** GET /api/content/:key: resolve the text for this language too. */
export const ContentItemQuery = z.strictObject({ locale: Locale.optional() });
/** GET /api/content/:key: query parameters. */
export type ContentItemQuery = z.infer<typeof ContentItemQuery>;

/** Path parameters naming one language of one content item. */
export const ContentTranslationParams = z.strictObject({ key: ContentKey, locale: Locale });
/** Path parameters naming one language of one content item. */
export type ContentTranslationParams = z.infer<typeof ContentTranslationParams>;

/** PUT /api/content/:key/translations/:locale (with If-Match: the item's version). */
export const EditTranslationBody = z.strictObject({ body: ContentBody, reviewed: z.boolean() });
/** PUT /api/content/:key/translations/:locale */
export type EditTranslationBody = z.infer<typeof EditTranslationBody>;

/** The translations a resolver needs: a language, a text and its reviewed flag. */
export type Resolvable = {
  fallbackLocale: string;
  translations: readonly { locale: string; body: string; reviewed: boolean }[];
};

/**
 * Picks the text a reader sees: their language (or its base language, `fr` for `fr-CA`); otherwise the item's
 * fallback language, marked as fallback; otherwise any language there is. An unreviewed text is shown, flagged.
 * Null only for an item with no translation at all.
 */
export function resolveContent(item: Resolvable, locale: string): ResolvedContent | null {
  const find = (wanted: string) => item.translations.find((t) => t.locale === wanted);
  const base = locale.split('-')[0] ?? locale;
  const own = find(locale) ?? find(base);
  if (own) return { text: own.body, locale: own.locale, isFallback: false, reviewed: own.reviewed };
  const fallback =
    find(item.fallbackLocale) ?? [...item.translations].sort((a, b) => a.locale.localeCompare(b.locale))[0];
  if (!fallback) return null;
  return { text: fallback.body, locale: fallback.locale, isFallback: true, reviewed: fallback.reviewed };
}

const placeholderPattern = /\{([a-z][a-z-]*)\}/g;

/** The placeholders (`{society}`, `{recipients}`…) a text contains, by name, sorted and without repeats. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1] ?? ''))].sort();
}

/**
 * Replaces each `{name}` placeholder that `values` names, in one pass (a value is never scanned for further
 * placeholders); any other text, braces included, is left as it is.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(placeholderPattern, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? whole) : whole,
  );
}
