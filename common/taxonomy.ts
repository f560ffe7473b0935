import { z } from 'zod';
import type { Locale } from './auth.ts';

/**
 * The taxonomy of service categories (an HSDS 3.0 `taxonomy` object): the kinds of help PRODUCT.md and the seed
 * documents name ("first aid and healthcare, psychological first aid, legal aid, cash-based assistance, material
 * and social assistance, links to specialised services", shelter, the child-protection pathway, case work,
 * interpreters). Terms are versioned data: a new term, or a changed meaning, is a new `version`; a code, once
 * published, keeps its meaning and its id, because services, referrals and exports refer to it.
 */
export const serviceTaxonomy = {
  id: '74b43fc2-87b5-448a-b3c8-74f4b8696bb9',
  name: 'Passage service categories',
  description:
    'Categories of help offered to people at risk of, or survivors of, human trafficking, as named by the ' +
    'Red Cross and Red Crescent Movement (Trafficking Response Hub; Joint Pledge on human trafficking, 2024).',
  version: '1.0.0',
} as const;

/** The stable codes of the service categories, in the order they are shown. */
export const serviceCategoryCodes = [
  'first-aid-healthcare',
  'psychological-first-aid',
  'legal-aid',
  'cash-assistance',
  'material-assistance',
  'safe-accommodation',
  'specialised-support',
  'child-protection',
  'case-management',
  'interpretation',
] as const;

/** One service category, by its stable code (stored in `services.categories`). */
export const ServiceCategory = z.enum(serviceCategoryCodes);
/** One service category, by its stable code (stored in `services.categories`). */
export type ServiceCategory = z.infer<typeof ServiceCategory>;

/** A service category as an HSDS `taxonomy_term`, with its label in each language of the interface. */
export type ServiceCategoryTerm = {
  /** The term's HSDS id: fixed forever, like the code. */
  id: string;
  code: ServiceCategory;
  description: string;
  labels: Record<Locale, string>;
};

/** The terms of the service taxonomy, by code. */
export const serviceCategoryTerms: Record<ServiceCategory, ServiceCategoryTerm> = {
  'first-aid-healthcare': {
    id: '04145f8c-ea99-4833-b9a5-da462821263c',
    code: 'first-aid-healthcare',
    description: 'First aid, primary and emergency healthcare, and help to reach health services.',
    labels: {
      en: 'First aid and healthcare',
      fr: 'Premiers secours et soins de santé',
      es: 'Primeros auxilios y atención de salud',
      ar: 'الإسعافات الأولية والرعاية الصحية',
    },
  },
  'psychological-first-aid': {
    id: '4dc2aa59-cc4b-4f85-84b1-301c2615fb86',
    code: 'psychological-first-aid',
    description: 'Psychological first aid and longer psychosocial support, including counselling.',
    labels: {
      en: 'Psychological first aid and psychosocial support',
      fr: 'Premiers secours psychologiques et soutien psychosocial',
      es: 'Primeros auxilios psicológicos y apoyo psicosocial',
      ar: 'الإسعافات الأولية النفسية والدعم النفسي والاجتماعي',
    },
  },
  'legal-aid': {
    id: '13763a45-d594-4da8-821d-86be8b238bc1',
    code: 'legal-aid',
    description:
      'Legal information, advice and representation (residence, labour rights, criminal proceedings).',
    labels: { en: 'Legal aid', fr: 'Aide juridique', es: 'Asistencia jurídica', ar: 'المساعدة القانونية' },
  },
  'cash-assistance': {
    id: '1cf5c063-3fd5-4ba1-9f1b-573dfc72e8b2',
    code: 'cash-assistance',
    description: 'Cash or vouchers given to the person to meet their own needs.',
    labels: {
      en: 'Cash-based assistance',
      fr: 'Assistance monétaire',
      es: 'Asistencia en efectivo',
      ar: 'المساعدة النقدية',
    },
  },
  'material-assistance': {
    id: '8bf0782f-5f6d-42f3-8bfb-c27f564854cd',
    code: 'material-assistance',
    description: 'Food, clothing, hygiene items and other material and social assistance.',
    labels: {
      en: 'Material and social assistance (food, clothing, hygiene)',
      fr: 'Assistance matérielle et sociale (nourriture, vêtements, hygiène)',
      es: 'Asistencia material y social (alimentos, ropa, higiene)',
      ar: 'المساعدة المادية والاجتماعية (الغذاء والملابس ومستلزمات النظافة)',
    },
  },
  'safe-accommodation': {
    id: 'bfb6457b-72c6-458b-b8bd-804b37baffdf',
    code: 'safe-accommodation',
    description: 'Shelter and safe accommodation; their locations are confidential.',
    labels: {
      en: 'Shelter and safe accommodation',
      fr: 'Hébergement et mise à l’abri',
      es: 'Albergue y alojamiento seguro',
      ar: 'المأوى والسكن الآمن',
    },
  },
  'specialised-support': {
    id: '5c58fc5c-2743-49bd-bae8-dc321e7aeff2',
    code: 'specialised-support',
    description: 'Services specialised in supporting survivors of trafficking.',
    labels: {
      en: 'Specialised services for survivors of trafficking',
      fr: 'Services spécialisés pour les survivants de la traite',
      es: 'Servicios especializados para sobrevivientes de la trata',
      ar: 'خدمات متخصصة للناجين من الاتجار بالبشر',
    },
  },
  'child-protection': {
    id: '39c40c60-3368-4737-b7ab-02db978cd19f',
    code: 'child-protection',
    description: 'Protection of children, including unaccompanied children and appointed representatives.',
    labels: {
      en: 'Child protection',
      fr: 'Protection de l’enfance',
      es: 'Protección de la infancia',
      ar: 'حماية الطفل',
    },
  },
  'case-management': {
    id: 'd0ebf6c0-127a-4717-a793-aba0d20a1655',
    code: 'case-management',
    description: 'Protection case management and case work support under a standard operating procedure.',
    labels: {
      en: 'Protection case management',
      fr: 'Gestion de cas de protection',
      es: 'Gestión de casos de protección',
      ar: 'إدارة حالات الحماية',
    },
  },
  interpretation: {
    id: '3ecfb701-b0ab-44f6-a3ea-bf38a0911bbd',
    code: 'interpretation',
    description: 'Interpreters independent of the person’s community and of any recruiter.',
    labels: { en: 'Interpretation', fr: 'Interprétariat', es: 'Interpretación', ar: 'الترجمة الشفوية' },
  },
};

/** The label of a service category in a language of the interface. */
export function serviceCategoryLabel(code: ServiceCategory, locale: Locale): string {
  return serviceCategoryTerms[code].labels[locale];
}

/** The codes of a stored list that name a category of this taxonomy (a code from a newer version is left out). */
export function knownCategories(codes: readonly string[]): ServiceCategory[] {
  return codes.filter((code): code is ServiceCategory => ServiceCategory.safeParse(code).success);
}
