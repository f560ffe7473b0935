import type { AreaStrings } from '../../i18n/areas.ts';

/** The strings of the people area, one file per language, fetched when the area opens. */
export const peopleStrings: AreaStrings = {
  namespace: 'people',
  loaders: {
    en: () => import('./i18n/en.json'),
    fr: () => import('./i18n/fr.json'),
    es: () => import('./i18n/es.json'),
    ar: () => import('./i18n/ar.json'),
  },
};
