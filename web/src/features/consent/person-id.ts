import { useParams } from 'react-router';
import { z } from 'zod';

/** The id of the person in the address, or undefined when the address does not hold a valid one. */
export function useConsentPersonId(): string | undefined {
  const parsed = z.uuid().safeParse(useParams().personId);
  return parsed.success ? parsed.data : undefined;
}
