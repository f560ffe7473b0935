import { consentPurposes, type ConsentPurpose } from '../../../common/consent-purposes.ts';
import {
  fillPlaceholders,
  resolveContent,
  type Resolvable,
  type ResolvedContent,
} from '../../../common/content.ts';
import { findDefaultContent } from '../../../common/content-defaults.ts';
import type {
  InformationNotice,
  NoticeSection,
  NoticeSectionId,
  NoticeWarning,
} from '../../../common/content-notice.ts';

/** A content item the composer can read: `ContentItem` from the API and `loadEffectiveContent` both fit. */
export type NoticeContent = Resolvable & { key: string };

/**
 * How long the person's data is kept: a number of months, the key of a content text saying it in words, or
 * `undecided` when the society has not set its period (the notice then says so: never an invented figure).
 */
export type NoticeRetention = { months: number } | { key: string } | 'undecided';

/**
 * What an information notice is composed from. There is deliberately no field for the person's name or any
 * other detail about them: the notice is the same for everyone given the same purposes and recipients.
 */
export type ComposeNoticeOptions = {
  /** The society's effective content (at least the `information-notice` items); built-in texts fill any gap. */
  content: readonly NoticeContent[];
  /** The person's language. */
  locale: string;
  /** Fills `{society}`. */
  societyName: string;
  /** The purposes the notice explains (those asked for or agreed to), shown in the canonical order. */
  purposes: readonly ConsentPurpose[];
  /** The organisations that may receive the data (named, never free text); fills `{recipients}`. */
  recipients: readonly { name: string }[];
  /** Fills `{retention}`. */
  retention: NoticeRetention;
};

/** One text of a section: a content key, and the values of its placeholders in the language it was found in. */
type Part = { key: string; bullet?: boolean; values?: (locale: string) => Readonly<Record<string, string>> };

function monthsPhrase(locale: string, months: number): string {
  if (!Number.isInteger(months) || months < 1 || months > 1200)
    throw new RangeError('Retention must be a whole number of months between 1 and 1200.');
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(months);
}

function namesList(locale: string, recipients: readonly { name: string }[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(recipients.map((r) => r.name));
}

/** Adds one warning per section and language for the texts that fell back or are not reviewed. */
function noteWarnings(
  warnings: NoticeWarning[],
  section: NoticeSectionId,
  texts: readonly ResolvedContent[],
) {
  for (const text of texts) {
    if (!text.isFallback && text.reviewed) continue;
    const same = warnings.find((w) => w.section === section && w.locale === text.locale);
    if (!same)
      warnings.push({ section, locale: text.locale, isFallback: text.isFallback, reviewed: text.reviewed });
    else {
      same.isFallback ||= text.isFallback;
      same.reviewed &&= text.reviewed;
    }
  }
}

/** Resolves the notice's texts in one language and collects the warnings as sections are built. */
function noticeWriter(options: ComposeNoticeOptions) {
  const byKey = new Map(options.content.map((item) => [item.key, item]));
  const warnings: NoticeWarning[] = [];
  const resolve = (key: string): ResolvedContent => {
    const item: Resolvable | undefined = byKey.get(key) ?? findDefaultContent(key);
    const resolved = item && resolveContent(item, options.locale);
    if (!resolved) throw new Error(`No text for the notice content ${key}.`);
    return resolved;
  };
  const section = (id: NoticeSectionId, headingKey: string, parts: readonly Part[]): NoticeSection => {
    const texts = [{ key: headingKey }, ...parts].map(({ key, bullet, values }: Part) => {
      const found = resolve(key);
      // Only these values ever enter the text; one pass, so a value is never searched for placeholders.
      const filled = fillPlaceholders(found.text, {
        society: options.societyName,
        ...values?.(found.locale),
      });
      return { ...found, text: bullet ? `- ${filled}` : filled };
    });
    noteWarnings(warnings, id, texts);
    const [heading, ...body] = texts;
    return { id, heading: heading?.text ?? '', text: body.map((t) => t.text).join('\n') };
  };
  const retentionPhrase = (locale: string): string => {
    const { retention } = options;
    if (retention === 'undecided') throw new Error('An undecided retention has no phrase.');
    if ('months' in retention) return monthsPhrase(locale, retention.months);
    const phrase = resolve(retention.key);
    noteWarnings(warnings, 'retention', [phrase]);
    return phrase.text;
  };
  return { section, retentionPhrase, warnings };
}

/**
 * Composes the information notice in the person's language: each text resolved with fallback, the placeholders
 * filled with the given values only, and a warning for every section not shown as a reviewed text in that
 * language. Pure: the caller loads the content and records that the notice was given.
 */
export function composeInformationNotice(options: ComposeNoticeOptions): InformationNotice {
  const { section, retentionPhrase, warnings } = noticeWriter(options);
  const purposes = consentPurposes.filter((p) => options.purposes.includes(p));
  const { recipients } = options;
  const sections = [
    section('intro', 'notice.intro.heading', [{ key: 'notice.intro' }]),
    section('controller', 'notice.controller.heading', [{ key: 'notice.controller' }]),
    ...(purposes.length === 0
      ? []
      : [
          section('purposes', 'notice.purposes.heading', [
            { key: 'notice.purposes' },
            ...purposes.map((p) => ({ key: `notice.purpose.${p}`, bullet: true })),
          ]),
        ]),
    section('recipients', 'notice.recipients.heading', [
      recipients.length === 0
        ? { key: 'notice.recipients.none' }
        : { key: 'notice.recipients', values: (locale) => ({ recipients: namesList(locale, recipients) }) },
    ]),
    section('retention', 'notice.retention.heading', [
      options.retention === 'undecided'
        ? { key: 'notice.retention.undecided' }
        : { key: 'notice.retention', values: (locale) => ({ retention: retentionPhrase(locale) }) },
    ]),
    section('rights', 'notice.rights.heading', [{ key: 'notice.rights' }]),
    section('contact', 'notice.contact.heading', [{ key: 'notice.contact' }]),
  ];
  return { locale: options.locale, sections, fallbackWarnings: warnings, reviewed: warnings.length === 0 };
}
