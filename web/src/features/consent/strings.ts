import type { AreaStrings } from '../../i18n/areas.ts';

/** The strings of the consent screens, one file per language, fetched when the area opens. */
export const consentStrings: AreaStrings = {
  namespace: 'consent',
  loaders: {
    en: () => import('./i18n/en.json'),
    fr: () => import('./i18n/fr.json'),
    es: () => import('./i18n/es.json'),
    ar: () => import('./i18n/ar.json'),
  },
};

/** The namespaces the consent screens read: fully qualified keys ('consent:…') type-check against these. */
export const consentNs = ['translation', 'consent'] as const;
