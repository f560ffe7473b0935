import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../../common/auth.ts';
import type { OrganisationListQuery } from '../../../../common/directory.ts';
import { serviceCategoryTerms, type ServiceCategory } from '../../../../common/taxonomy.ts';
import { getOrganisation, listOrganisations } from '../../api/directory.ts';

/** The query keys of the directory screens. */
export const directoryKeys = {
  all: ['organisations'] as const,
  list: (query: OrganisationListQuery) => ['organisations', 'list', query] as const,
  one: (organisationId: string) => ['organisations', organisationId] as const,
};

/** One page of organisations for the filters (the search term stays in the screen, never in the address). */
export function useOrganisationList(query: OrganisationListQuery) {
  return useQuery({ queryKey: directoryKeys.list(query), queryFn: () => listOrganisations(query) });
}

/** One organisation with its services and the actions the viewer may take. */
export function useOrganisation(organisationId: string) {
  return useQuery({
    queryKey: directoryKeys.one(organisationId),
    queryFn: () => getOrganisation(organisationId),
    enabled: organisationId !== '',
  });
}

/** A service category's label in the interface language (the taxonomy carries its own translations). */
export function categoryLabel(code: ServiceCategory, locale: Locale): string {
  return serviceCategoryTerms[code].labels[locale];
}
