import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Organisation, Service } from '../../../common/directory.ts';
import { serviceCategoryTerms, serviceTaxonomy } from '../../../common/taxonomy.ts';

// The Open Referral HSDS 3.0 view of the directory: the `organization` object with its `services`, with HSDS field
// names. HSDS allows additional properties; Passage adds a few, prefixed `passage_`, where HSDS has no term (the
// kind of organisation, a National Society's country, the protective-referral authority, confidentiality).

const phone = z.object({
  id: z.uuid(),
  organization_id: z.uuid().optional(),
  service_id: z.uuid().optional(),
  number: z.string(),
});

const taxonomyTerm = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  taxonomy: z.string(),
  taxonomy_id: z.uuid(),
  taxonomy_detail: z.object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    version: z.string(),
  }),
  language: z.string(),
});

const attribute = z.object({
  id: z.uuid(),
  link_id: z.uuid(),
  link_type: z.string(),
  link_entity: z.string(),
  taxonomy_term_id: z.uuid(),
  taxonomy_term: taxonomyTerm,
});

const hsdsService = z.object({
  id: z.uuid(),
  organization_id: z.uuid(),
  name: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
  email: z.string().optional(),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  phones: z.array(phone),
  languages: z.array(z.object({ id: z.uuid(), service_id: z.uuid(), code: z.string() })),
  attributes: z.array(attribute),
  passage_confidential: z.boolean(),
});

/** GET /api/hsds/organizations/:organisationId: an HSDS 3.0 `organization` with its `services`. */
export const HsdsOrganization = z.object({
  id: z.uuid(),
  name: z.string(),
  alternate_name: z.string().optional(),
  description: z.string(),
  email: z.string().optional(),
  website: z.string().optional(),
  phones: z.array(phone),
  services: z.array(hsdsService),
  passage_kind: z.enum(['internal', 'external', 'national-society']),
  passage_country: z.string().optional(),
  passage_protective_role: z.enum(['nrm', 'child-protection', 'police']).optional(),
  passage_confidential: z.boolean(),
});
/** An HSDS 3.0 `organization` with its `services`. */
export type HsdsOrganization = z.infer<typeof HsdsOrganization>;

// HSDS wants a UUID on every object, including those Passage keeps as columns (a phone number, a language, a
// service's category). They get a name-based (version 5) UUID of the record and the part, so they stay stable.
const idNamespace = Buffer.from(serviceTaxonomy.id.replaceAll('-', ''), 'hex');

/** A stable name-based UUID (RFC 9562 version 5) for a part of a record: the same parts give the same id. */
export function derivedId(...parts: string[]): string {
  const hash = createHash('sha1').update(idNamespace).update(parts.join('/')).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const present = <K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> =>
  value === null ? {} : ({ [key]: value } as Record<K, V>);

function categoryAttribute(service: Service, code: Service['categories'][number]) {
  const term = serviceCategoryTerms[code];
  return {
    id: derivedId(service.id, 'category', code),
    link_id: service.id,
    link_type: 'service_category',
    link_entity: 'service',
    taxonomy_term_id: term.id,
    taxonomy_term: {
      id: term.id,
      code: term.code,
      name: term.labels.en,
      description: term.description,
      taxonomy: serviceTaxonomy.name,
      taxonomy_id: serviceTaxonomy.id,
      taxonomy_detail: { ...serviceTaxonomy },
      language: 'en',
    },
  };
}

function toHsdsService(service: Service): z.infer<typeof hsdsService> {
  return {
    id: service.id,
    organization_id: service.organisationId,
    name: service.name,
    ...present('description', service.description),
    ...present('url', service.url),
    ...present('email', service.email),
    status: service.status === 'temporarily-closed' ? 'temporarily closed' : service.status,
    phones:
      service.phone === null
        ? []
        : [{ id: derivedId(service.id, 'phone'), service_id: service.id, number: service.phone }],
    languages: service.languages.map((code) => ({
      id: derivedId(service.id, 'language', code),
      service_id: service.id,
      code,
    })),
    attributes: service.categories.map((code) => categoryAttribute(service, code)),
    passage_confidential: service.isConfidential,
  };
}

/** The HSDS 3.0 `organization` of an organisation as the actor sees it (with the services they may see). */
export function toHsdsOrganization(organisation: Organisation): HsdsOrganization {
  const o = organisation;
  return {
    id: o.id,
    name: o.name,
    ...present('alternate_name', o.alternateName),
    // HSDS requires a description; an organisation without one has an empty one.
    description: o.description ?? '',
    ...present('email', o.email),
    ...present('website', o.website),
    phones:
      o.phone === null ? [] : [{ id: derivedId(o.id, 'phone'), organization_id: o.id, number: o.phone }],
    services: o.services.map(toHsdsService),
    passage_kind: o.kind,
    ...present('passage_country', o.country),
    ...present('passage_protective_role', o.protectiveRole),
    passage_confidential: o.isConfidential,
  };
}
