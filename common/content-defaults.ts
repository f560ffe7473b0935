import type { ContentKind } from './content.ts';
import { ar } from './content-defaults.ar.ts';
import { en } from './content-defaults.en.ts';
import { es } from './content-defaults.es.ts';
import { fr } from './content-defaults.fr.ts';

/**
 * The built-in content keys and their kinds. Every society sees these texts until it edits one (its edit then
 * covers that language only). Notice texts avoid any word that would reveal what the help is about: paper found on
 * a person can endanger them.
 */
export const defaultContentKinds = {
  'notice.intro.heading': 'information-notice',
  'notice.intro': 'information-notice',
  'notice.controller.heading': 'information-notice',
  'notice.controller': 'information-notice',
  'notice.purposes.heading': 'information-notice',
  'notice.purposes': 'information-notice',
  'notice.purpose.services': 'information-notice',
  'notice.purpose.referral': 'information-notice',
  'notice.purpose.cross-border': 'information-notice',
  'notice.purpose.protective-referral': 'information-notice',
  'notice.purpose.statistics': 'information-notice',
  'notice.purpose.research': 'information-notice',
  'notice.recipients.heading': 'information-notice',
  'notice.recipients': 'information-notice',
  'notice.recipients.none': 'information-notice',
  'notice.retention.heading': 'information-notice',
  'notice.retention': 'information-notice',
  'notice.retention.undecided': 'information-notice',
  'notice.rights.heading': 'information-notice',
  'notice.rights': 'information-notice',
  'notice.contact.heading': 'information-notice',
  'notice.contact': 'information-notice',
  'emergency.guidance': 'emergency-guidance',
  'emergency.numbers': 'emergency-guidance',
} as const satisfies Record<string, ContentKind>;

/** The key of a built-in content item. */
export type DefaultContentKey = keyof typeof defaultContentKinds;

/** The built-in texts of one language: one per key. */
export type DefaultTexts = Readonly<Record<DefaultContentKey, string>>;

/**
 * The languages Passage ships texts in. English is the fallback and has been reviewed; the others are drafts
 * that no native speaker has checked yet, so they are marked not reviewed (the web app says so) until a society's
 * reviewer confirms them.
 */
const shippedLanguages: readonly { locale: string; texts: DefaultTexts; reviewed: boolean }[] = [
  { locale: 'en', texts: en, reviewed: true },
  { locale: 'fr', texts: fr, reviewed: false },
  { locale: 'es', texts: es, reviewed: false },
  { locale: 'ar', texts: ar, reviewed: false },
];

/** A built-in content item: its kind, its fallback language and a text per shipped language. */
export type DefaultContentItem = {
  key: DefaultContentKey;
  kind: ContentKind;
  fallbackLocale: string;
  translations: readonly { locale: string; body: string; reviewed: boolean }[];
};

/** Every built-in content item, by key. */
export const defaultContent: readonly DefaultContentItem[] = (
  Object.keys(defaultContentKinds) as DefaultContentKey[]
)
  .sort()
  .map((key) => ({
    key,
    kind: defaultContentKinds[key],
    fallbackLocale: 'en',
    translations: shippedLanguages.map(({ locale, texts, reviewed }) => ({
      locale,
      body: texts[key],
      reviewed,
    })),
  }));

const byKey = new Map<string, DefaultContentItem>(defaultContent.map((item) => [item.key, item]));

/** The built-in item with this key, if there is one. */
export function findDefaultContent(key: string): DefaultContentItem | undefined {
  return byKey.get(key);
}
