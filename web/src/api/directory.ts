import {
  Organisation,
  OrganisationPage,
  Service,
  ServicePage,
  type NewOrganisationBody,
  type NewServiceBody,
  type OrganisationChangeBody,
  type OrganisationListQuery,
  type ServiceChangeBody,
} from '../../../common/directory.ts';
import { apiRequest } from './client.ts';

function queryOf(values: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) query.set(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** One page of the organisations the viewer may see, by name, with optional filters. */
export function listOrganisations(query: OrganisationListQuery) {
  return apiRequest(`/api/organisations${queryOf(query)}`, OrganisationPage);
}

/** Every organisation the viewer may see (a society has a few hundred at most), for pickers and names. */
export async function listAllOrganisations() {
  const items: OrganisationPage['items'] = [];
  let cursor: string | undefined;
  do {
    const page = await listOrganisations({ limit: 200, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < 2000);
  return items;
}

/** Every service the viewer may see, optionally of one organisation. */
export async function listAllServices(organisationId?: string) {
  const items: ServicePage['items'] = [];
  let cursor: string | undefined;
  do {
    const page = await apiRequest(
      `/api/services${queryOf({ organisationId, limit: 200, cursor })}`,
      ServicePage,
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < 5000);
  return items;
}

/** One organisation with its services. */
export function getOrganisation(organisationId: string) {
  return apiRequest(`/api/organisations/${encodeURIComponent(organisationId)}`, Organisation);
}

/** Adds a partner, an authority or another National Society to the directory (a focal point). */
export function addOrganisation(body: NewOrganisationBody) {
  return apiRequest('/api/organisations', Organisation, { method: 'POST', body });
}

/** Changes an organisation, based on the version the viewer saw. */
export function changeOrganisation(input: {
  organisationId: string;
  body: OrganisationChangeBody;
  version: number;
}) {
  return apiRequest(`/api/organisations/${encodeURIComponent(input.organisationId)}`, Organisation, {
    method: 'PATCH',
    body: input.body,
    ifMatch: input.version,
  });
}

/** One service. */
export function getService(serviceId: string) {
  return apiRequest(`/api/services/${encodeURIComponent(serviceId)}`, Service);
}

/** Adds a service an organisation offers. */
export function addService(input: { organisationId: string; body: NewServiceBody }) {
  const path = `/api/organisations/${encodeURIComponent(input.organisationId)}/services`;
  return apiRequest(path, Service, { method: 'POST', body: input.body });
}

/** Changes a service, based on the version the viewer saw. */
export function changeService(input: { serviceId: string; body: ServiceChangeBody; version: number }) {
  return apiRequest(`/api/services/${encodeURIComponent(input.serviceId)}`, Service, {
    method: 'PATCH',
    body: input.body,
    ifMatch: input.version,
  });
}
