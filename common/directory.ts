import { z } from 'zod';
import { ServiceCategory } from './taxonomy.ts';

/**
 * What an organisation is to the society: `internal` is the society itself (one per society, offering the
 * services of its teams), `external` a partner or an authority, `national-society` another National Society (with
 * its country), to which a cross-border referral goes.
 */
export const OrganisationKind = z.enum(['internal', 'external', 'national-society']);
/** What an organisation is to the society. */
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/**
 * The authority an external organisation is, when a protective referral (consent purpose `protective-referral`)
 * may go to it: the national referral mechanism, statutory child protection, or the police.
 */
export const ProtectiveRole = z.enum(['nrm', 'child-protection', 'police']);
/** The authority an external organisation is, for protective referrals. */
export type ProtectiveRole = z.infer<typeof ProtectiveRole>;

/** Whether an organisation still takes referrals. */
export const OrganisationStatus = z.enum(['active', 'inactive']);
/** Whether an organisation still takes referrals. */
export type OrganisationStatus = z.infer<typeof OrganisationStatus>;

/** The HSDS service statuses (HSDS writes `temporarily closed` with a space; it is mapped at the HSDS boundary). */
export const ServiceStatus = z.enum(['active', 'inactive', 'defunct', 'temporarily-closed']);
/** The HSDS service statuses. */
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** What a member may do to an organisation; the web app shows a control for each allowed one. */
export const OrganisationAction = z.enum(['change', 'add-service']);
/** What a member may do to an organisation. */
export type OrganisationAction = z.infer<typeof OrganisationAction>;

/** What a member may do to a service. */
export const ServiceAction = z.enum(['change']);
/** What a member may do to a service. */
export type ServiceAction = z.infer<typeof ServiceAction>;

const text = (max: number) => z.string().trim().min(1).max(max);
/** An organisation's or a service's name: never a person's. */
export const DirectoryName = text(300);
const description = text(4000);
const email = z.string().trim().max(254).pipe(z.email());
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()./-]{2,38}$/, 'A phone number: digits, spaces and + ( ) . / -');
const webAddress = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/ }));
/** An ISO 3166-1 alpha-2 country code, upper case (user-assigned codes such as `XE` for demo data). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code such as NL');
/** An ISO 639 language code, optionally with a region (HSDS `language.code`): `ar`, `ti`, `pt-BR`. */
export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'An ISO 639 code such as ar or pt-BR');

/** Path parameters naming one organisation of the current society. */
export const OrganisationParams = z.strictObject({ organisationId: z.uuid() });
/** Path parameters naming one organisation of the current society. */
export type OrganisationParams = z.infer<typeof OrganisationParams>;

/** Path parameters naming one service of the current society. */
export const ServiceParams = z.strictObject({ serviceId: z.uuid() });
/** Path parameters naming one service of the current society. */
export type ServiceParams = z.infer<typeof ServiceParams>;

/** A service of an organisation, in the HSDS `service` shape (Passage's camelCase names). */
export const Service = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  teamId: z.uuid().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  categories: z.array(ServiceCategory),
  languages: z.array(z.string()),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  url: z.string().nullable(),
  isConfidential: z.boolean(),
  status: ServiceStatus,
  version: z.number().int(),
  allowedActions: z.array(ServiceAction),
});
/** A service of an organisation. */
export type Service = z.infer<typeof Service>;

const organisationFields = {
  id: z.uuid(),
  kind: OrganisationKind,
  name: z.string(),
  alternateName: z.string().nullable(),
  country: z.string().nullable(),
  protectiveRole: ProtectiveRole.nullable(),
  isConfidential: z.boolean(),
  status: OrganisationStatus,
  version: z.number().int(),
};

/** An organisation with its contact details and the services the actor may see. */
export const Organisation = z.object({
  ...organisationFields,
  description: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  services: z.array(Service),
  allowedActions: z.array(OrganisationAction),
});
/** An organisation with its contact details and the services the actor may see. */
export type Organisation = z.infer<typeof Organisation>;

/** An organisation in a list: what a picker shows, with the categories of its services the actor may see. */
export const OrganisationSummary = z.object({ ...organisationFields, categories: z.array(ServiceCategory) });
/** An organisation in a list. */
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

const pageQuery = {
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
};

/** GET /api/organisations: filters (all optional) and the page wanted. `q` matches within the name. */
export const OrganisationListQuery = z.strictObject({
  kind: OrganisationKind.optional(),
  category: ServiceCategory.optional(),
  protectiveRole: ProtectiveRole.optional(),
  q: text(100).optional(),
  ...pageQuery,
});
/** GET /api/organisations: filters and page. */
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

/** GET /api/organisations: one page of organisations, by name. */
export const OrganisationPage = z.object({
  items: z.array(OrganisationSummary),
  nextCursor: z.string().nullable(),
});
/** GET /api/organisations: one page of organisations. */
export type OrganisationPage = z.infer<typeof OrganisationPage>;

/** GET /api/services: filters (all optional) and the page wanted. */
export const ServiceListQuery = z.strictObject({
  category: ServiceCategory.optional(),
  organisationId: z.uuid().optional(),
  ...pageQuery,
});
/** GET /api/services: filters and page. */
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;

/** GET /api/services: one page of services, by organisation name and service name. */
export const ServicePage = z.object({ items: z.array(Service), nextCursor: z.string().nullable() });
/** GET /api/services: one page of services. */
export type ServicePage = z.infer<typeof ServicePage>;

const organisationDetails = {
  name: DirectoryName,
  alternateName: text(300),
  description,
  email,
  phone,
  website: webAddress,
  country: CountryCode,
  protectiveRole: ProtectiveRole,
  isConfidential: z.boolean(),
};

/**
 * POST /api/organisations: a partner, an authority or another National Society. The society's own (internal)
 * organisation is made by POST /api/organisations/internal. A society id in the body is refused (strict).
 */
export const NewOrganisationBody = z.strictObject({
  kind: z.enum(['external', 'national-society']),
  name: organisationDetails.name,
  alternateName: organisationDetails.alternateName.optional(),
  description: organisationDetails.description.optional(),
  email: organisationDetails.email.optional(),
  phone: organisationDetails.phone.optional(),
  website: organisationDetails.website.optional(),
  country: organisationDetails.country.optional(),
  protectiveRole: organisationDetails.protectiveRole.optional(),
  isConfidential: organisationDetails.isConfidential.optional(),
});
/** POST /api/organisations */
export type NewOrganisationBody = z.infer<typeof NewOrganisationBody>;

/** PATCH /api/organisations/:organisationId: the fields to change; `null` clears an optional one. */
export const OrganisationChangeBody = z.strictObject({
  name: organisationDetails.name.optional(),
  alternateName: organisationDetails.alternateName.nullable().optional(),
  description: organisationDetails.description.nullable().optional(),
  email: organisationDetails.email.nullable().optional(),
  phone: organisationDetails.phone.nullable().optional(),
  website: organisationDetails.website.nullable().optional(),
  country: organisationDetails.country.nullable().optional(),
  protectiveRole: organisationDetails.protectiveRole.nullable().optional(),
  isConfidential: organisationDetails.isConfidential.optional(),
  status: OrganisationStatus.optional(),
});
/** PATCH /api/organisations/:organisationId */
export type OrganisationChangeBody = z.infer<typeof OrganisationChangeBody>;

const serviceDetails = {
  name: DirectoryName,
  description,
  teamId: z.uuid(),
  categories: z.array(ServiceCategory).max(20),
  languages: z.array(LanguageCode).max(40),
  email,
  phone,
  url: webAddress,
  isConfidential: z.boolean(),
};

/** POST /api/organisations/:organisationId/services: a service the organisation offers. */
export const NewServiceBody = z.strictObject({
  name: serviceDetails.name,
  description: serviceDetails.description.optional(),
  teamId: serviceDetails.teamId.optional(),
  categories: serviceDetails.categories.optional(),
  languages: serviceDetails.languages.optional(),
  email: serviceDetails.email.optional(),
  phone: serviceDetails.phone.optional(),
  url: serviceDetails.url.optional(),
  isConfidential: serviceDetails.isConfidential.optional(),
});
/** POST /api/organisations/:organisationId/services */
export type NewServiceBody = z.infer<typeof NewServiceBody>;

/** PATCH /api/services/:serviceId: the fields to change; `null` clears an optional one. */
export const ServiceChangeBody = z.strictObject({
  name: serviceDetails.name.optional(),
  description: serviceDetails.description.nullable().optional(),
  teamId: serviceDetails.teamId.nullable().optional(),
  categories: serviceDetails.categories.optional(),
  languages: serviceDetails.languages.optional(),
  email: serviceDetails.email.nullable().optional(),
  phone: serviceDetails.phone.nullable().optional(),
  url: serviceDetails.url.nullable().optional(),
  isConfidential: serviceDetails.isConfidential.optional(),
  status: ServiceStatus.optional(),
});
/** PATCH /api/services/:serviceId */
export type ServiceChangeBody = z.infer<typeof ServiceChangeBody>;
