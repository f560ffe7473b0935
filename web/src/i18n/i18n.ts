import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Locale } from '../../../common/auth.ts';
import type en from './en.json';
import type adminEn from '../features/admin/i18n/en.json';
import type auditEn from '../features/audit/i18n/en.json';
import type consentEn from '../features/consent/i18n/en.json';
import type contentEn from '../features/content/i18n/en.json';
import type directoryEn from '../features/directory/i18n/en.json';
import type peopleEn from '../features/people/i18n/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Keys are checked against the English resources at compile time; the test suite checks the others.
    resources: {
      translation: typeof en;
      admin: typeof adminEn;
      audit: typeof auditEn;
      consent: typeof consentEn;
      content: typeof contentEn;
      directory: typeof directoryEn;
      people: typeof peopleEn;
    };
    // Every namespace is open to t() without naming it in useTranslation(): keys are written 'people:some.key'.
    defaultNS: ['translation', 'admin', 'audit', 'consent', 'content', 'directory', 'people'];
    returnNull: false;
  }
}

/** The interface languages, in the order the language switcher lists them. */
export const languages = Locale.options;

/** Each language's name in its own language, as the switcher shows it (never translated). */
export const languageNames: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

// One chunk per language, fetched only when chosen: English is not in the initial bundle either.
const loaders: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./en.json'),
  fr: () => import('./fr.json'),
  es: () => import('./es.json'),
  ar: () => import('./ar.json'),
};

const storageKey = 'passage.locale';

/** The writing direction of a language. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The language to start in: the last one chosen on this device, else the browser's, else English. */
export function initialLocale(): Locale {
  const stored = Locale.safeParse(safeStorageGet());
  if (stored.success) return stored.data;
  for (const tag of navigator.languages) {
    const match = Locale.safeParse(tag.slice(0, 2).toLowerCase());
    if (match.success) return match.data;
  }
  return 'en';
}

function safeStorageGet(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** The language the interface shows now. */
export function currentLocale(): Locale {
  return Locale.catch('en').parse(i18next.language);
}

/** Loads a language's strings (once), switches to it, and mirrors the page for right-to-left languages. */
export async function switchLanguage(locale: Locale): Promise<void> {
  await addLanguage(locale, loaders[locale]());
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

async function addLanguage(locale: Locale, loading: Promise<{ default: Record<string, unknown> }>) {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  i18next.addResourceBundle(locale, 'translation', (await loading).default, true, true);
}

/** Remembers on this device a language the person chose, for the next visit's sign-in screens. */
export function rememberLanguageChoice(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage: the choice then lasts until the tab closes.
  }
}

/** Starts i18next with no bundled strings and loads the first language (its file is requested first of all). */
export async function startI18n(locale: Locale): Promise<typeof i18next> {
  const loading = loaders[locale]();
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  await addLanguage(locale, loading);
  await switchLanguage(locale);
  return i18next;
}
