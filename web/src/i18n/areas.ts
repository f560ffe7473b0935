import i18next from 'i18next';
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../common/auth.ts';
import { currentLocale } from './i18n.ts';

/** How an area loads its strings in one language (a dynamic import of its JSON file). */
export type AreaStringLoader = () => Promise<{ default: Record<string, unknown> }>;

/** An area's string files, one per interface language, fetched with the area and not before. */
export type AreaStrings = { namespace: string; loaders: Record<Locale, AreaStringLoader> };

const loading = new Map<string, Promise<void>>();

function loadArea(area: AreaStrings, locale: Locale): Promise<void> {
  const id = `${area.namespace}/${locale}`;
  let promise = loading.get(id);
  if (!promise) {
    promise = area.loaders[locale]().then((module) => {
      i18next.addResourceBundle(locale, area.namespace, module.default, true, true);
    });
    // A failed fetch (a flaky connection) may be tried again on the next render.
    promise.catch(() => loading.delete(id));
    loading.set(id, promise);
  }
  return promise;
}

/**
 * Makes an area's strings available in the current language, suspending the screen until they are loaded. Keys
 * of an area are written with its namespace: t('people:register.title'). The first screens stay small because
 * each area's strings travel with the area.
 */
export function useAreaStrings(area: AreaStrings): void {
  useTranslation(); // re-render when the language changes, so the new language's file is loaded
  use(loadArea(area, currentLocale()));
}
