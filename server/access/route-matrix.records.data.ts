import { everyMember, fresh, ifMatch, type MatrixEntry } from './route-matrix.shape.ts';

// Rows of the access-control matrix (route-matrix.data.ts): the organisation registry and translatable content.

const keepers =
  'PRODUCT.md: the focal point keeps the referral directory (the administrator has users, teams and configuration)';
const readers =
  'every member refers people or looks up services; confidential entries are a tier of their own';
const editors =
  'the focal point keeps guidance and notices right for the society; the administrator configures';

/** The organisation registry (server/modules/directory/directory.routes.ts). */
export const directoryEntries: MatrixEntry[] = [
  {
    method: 'GET',
    path: '/api/organisations',
    who: everyMember,
    basis: readers,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/organisations' }),
  },
  {
    method: 'POST',
    path: '/api/organisations',
    who: ['focal-point'],
    basis: keepers,
    success: 201,
    targetsRecord: false,
    request: () => ({
      url: '/api/organisations',
      body: { kind: 'external', name: fresh('Matrix Test Organisation') },
    }),
  },
  {
    method: 'POST',
    path: '/api/organisations/internal',
    who: ['focal-point'],
    basis: `${keepers}; the society's own entry exists already here (200; made at first, 201)`,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/organisations/internal' }),
  },
  {
    method: 'GET',
    path: '/api/organisations/:organisationId',
    who: everyMember,
    basis: readers,
    success: 200,
    targetsRecord: true,
    request: (fx) => ({ url: `/api/organisations/${fx.organisationId}` }),
  },
  {
    method: 'PATCH',
    path: '/api/organisations/:organisationId',
    who: ['focal-point'],
    basis: keepers,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const organisation = await fx.newOrganisation();
      const body = { description: 'Changed by the access matrix test.' };
      return { url: `/api/organisations/${organisation.id}`, body, headers: ifMatch(organisation.version) };
    },
  },
  {
    method: 'GET',
    path: '/api/hsds/organizations/:organisationId',
    who: everyMember,
    basis: `${readers}; the same record in HSDS 3.0 shape`,
    success: 200,
    targetsRecord: true,
    request: (fx) => ({ url: `/api/hsds/organizations/${fx.organisationId}` }),
  },
  {
    method: 'POST',
    path: '/api/organisations/:organisationId/services',
    who: ['focal-point'],
    basis: keepers,
    success: 201,
    targetsRecord: true,
    request: async (fx) => ({
      url: `/api/organisations/${(await fx.newOrganisation()).id}/services`,
      body: { name: fresh('Matrix Test Service') },
    }),
  },
  {
    method: 'GET',
    path: '/api/services',
    who: everyMember,
    basis: readers,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/services' }),
  },
  {
    method: 'GET',
    path: '/api/services/:serviceId',
    who: everyMember,
    basis: readers,
    success: 200,
    targetsRecord: true,
    request: (fx) => ({ url: `/api/services/${fx.serviceId}` }),
  },
  {
    method: 'PATCH',
    path: '/api/services/:serviceId',
    who: ['focal-point'],
    basis: keepers,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const service = await fx.newService();
      const body = { description: 'Changed by the access matrix test.' };
      return { url: `/api/services/${service.id}`, body, headers: ifMatch(service.version) };
    },
  },
];

/** Translatable content: guidance, emergency guidance, notices (server/modules/content/content.routes.ts). */
export const contentEntries: MatrixEntry[] = [
  {
    method: 'GET',
    path: '/api/content',
    who: everyMember,
    basis: 'every member reads the guidance of their society',
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/content' }),
  },
  {
    method: 'GET',
    path: '/api/content/:key',
    who: everyMember,
    basis: "every member reads the guidance of their society; another society's own item is not found",
    success: 200,
    targetsRecord: true,
    request: (fx) => ({ url: `/api/content/${fx.contentKey}` }),
  },
  {
    method: 'PUT',
    path: '/api/content/:key/translations/:locale',
    who: ['focal-point', 'administrator'],
    basis: editors,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const item = await fx.newContentItem();
      const body = { body: 'Test guidance (es)', reviewed: false };
      return { url: `/api/content/${item.key}/translations/es`, body, headers: ifMatch(item.version) };
    },
  },
  {
    method: 'DELETE',
    path: '/api/content/:key/translations/:locale',
    who: ['focal-point', 'administrator'],
    basis: editors,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const item = await fx.newContentItem();
      return { url: `/api/content/${item.key}/translations/fr`, headers: ifMatch(item.version) };
    },
  },
];
