import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { z } from 'zod';
import { getPerson } from '../../api/people.ts';

/** The id of the person in the address, or undefined when the address does not hold a valid one. */
export function usePersonId(): string | undefined {
  const { personId } = useParams();
  const parsed = z.uuid().safeParse(personId);
  return parsed.success ? parsed.data : undefined;
}

/** The person as the viewer may see them (reading it is written to the read log by the server). */
export function usePerson(personId: string) {
  return useQuery({ queryKey: ['people', personId], queryFn: () => getPerson(personId) });
}
