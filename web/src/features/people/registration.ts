import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { NewPersonBody } from '../../../../common/people.ts';
import { newIdempotencyKey, registerPerson } from '../../api/people.ts';

/**
 * Registers a person and opens their page. The form makes one Idempotency-Key when it opens and sends it with
 * every attempt: a double tap, or a repeat after an answer lost on a flaky connection, returns the person already
 * registered instead of a second one. If the answers changed after an attempt that reached Passage, it refuses
 * (409, `idempotency-key-reused`), and the screen says the person may already be registered.
 */
export function useRegistration() {
  const [key] = useState(newIdempotencyKey);
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationKey: ['people', 'register', key],
    mutationFn: (body: NewPersonBody) => registerPerson(body, key),
    onSuccess: async (person) => {
      client.setQueryData(['people', person.id], person);
      void client.invalidateQueries({ queryKey: ['people', 'list'] });
      await navigate(`/people/${person.id}`, { state: { registered: true } });
    },
  });
}
