import type { AreaStrings } from '../../i18n/areas.ts';

/** The audit log area's strings, one file per language, loaded when the area opens. */
export const auditStrings: AreaStrings = {
  namespace: 'audit',
  loaders: {
    en: () => import('./i18n/en.json'),
    fr: () => import('./i18n/fr.json'),
    es: () => import('./i18n/es.json'),
    ar: () => import('./i18n/ar.json'),
  },
};
