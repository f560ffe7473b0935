import { useQuery } from '@tanstack/react-query';
import { getConsents } from '../../api/consent.ts';
import { listAllOrganisations, listAllServices } from '../../api/directory.ts';
import { getPerson } from '../../api/people.ts';

/** The query keys of the consent screens, so a change refreshes what shows it. */
export const consentKeys = {
  overview: (personId: string) => ['people', personId, 'consents'] as const,
  person: (personId: string) => ['people', personId] as const,
  organisations: ['organisations', 'all'] as const,
  services: (organisationId: string) => ['services', organisationId] as const,
};

/** A person's consents and legal bases. */
export function useConsents(personId: string) {
  return useQuery({ queryKey: consentKeys.overview(personId), queryFn: () => getConsents(personId) });
}

/** The person (shared with the person page's query): its allowedActions decide which controls show. */
export function usePersonRecord(personId: string) {
  return useQuery({ queryKey: consentKeys.person(personId), queryFn: () => getPerson(personId) });
}

/** Every organisation the viewer may see, to pick a recipient by id and to name recipients. */
export function useOrganisations() {
  return useQuery({ queryKey: consentKeys.organisations, queryFn: listAllOrganisations, staleTime: 60_000 });
}

/** The services of one organisation, once one is picked. */
export function useServices(organisationId: string) {
  return useQuery({
    queryKey: consentKeys.services(organisationId),
    queryFn: () => listAllServices(organisationId),
    enabled: organisationId !== '',
    staleTime: 60_000,
  });
}

/** The name of an organisation by id, from the list the viewer may see (undefined when it is not visible). */
export function organisationName(
  organisations: readonly { id: string; name: string }[] | undefined,
  id: string | null,
): string | undefined {
  if (!id) return undefined;
  return organisations?.find((o) => o.id === id)?.name;
}
