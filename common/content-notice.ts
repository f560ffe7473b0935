import { z } from 'zod';
import { Locale } from './content.ts';

/** The sections of an information notice, in the order they are shown (standards DP-04; HTCDS consent items). */
export const NoticeSectionId = z.enum([
  'intro',
  'controller',
  'purposes',
  'recipients',
  'retention',
  'rights',
  'contact',
]);
/** One section of an information notice. */
export type NoticeSectionId = z.infer<typeof NoticeSectionId>;

/** One section of an information notice: a heading and plain text (line breaks; lines starting "- " are a list). */
export const NoticeSection = z.object({ id: NoticeSectionId, heading: z.string(), text: z.string() });
/** One section of an information notice. */
export type NoticeSection = z.infer<typeof NoticeSection>;

/**
 * A section (or part of one) not shown as a checked text in the person's language: shown in `locale` instead
 * (`isFallback`), or in their language but not yet reviewed. The web app shows a visible warning for each.
 */
export const NoticeWarning = z.object({
  section: NoticeSectionId,
  locale: Locale,
  isFallback: z.boolean(),
  reviewed: z.boolean(),
});
/** A section not shown as a checked text in the person's language. */
export type NoticeWarning = z.infer<typeof NoticeWarning>;

/**
 * An information notice composed for one person's language. It never carries the person's name (paper found on
 * a person can endanger them): printing it is optional, and what it says is the same for everyone it is given to.
 */
export const InformationNotice = z.object({
  /** The language asked for. */
  locale: Locale,
  sections: z.array(NoticeSection),
  fallbackWarnings: z.array(NoticeWarning),
  /** True only when every text is in the person's language and reviewed. */
  reviewed: z.boolean(),
});
/** An information notice composed for one person's language. */
export type InformationNotice = z.infer<typeof InformationNotice>;

/** GET /api/people/:personId/notice: the language to compose the notice in. */
export const NoticeQuery = z.strictObject({ locale: Locale });
/** GET /api/people/:personId/notice: query parameters. */
export type NoticeQuery = z.infer<typeof NoticeQuery>;
