import type { AreaStrings } from '../../i18n/areas.ts';

/** The strings of the directory area, one file per language, fetched when the area opens. */
export const directoryStrings: AreaStrings = {
  namespace: 'directory',
  loaders: {
    en: () => import('./i18n/en.json'),
    fr: () => import('./i18n/fr.json'),
    es: () => import('./i18n/es.json'),
    ar: () => import('./i18n/ar.json'),
  },
};

/** The namespaces the directory screens read: fully qualified keys ('directory:…') type-check against these. */
export const directoryNs = ['translation', 'directory'] as const;
