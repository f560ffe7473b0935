import { QueryClient } from '@tanstack/react-query';
import { isApiProblem } from '../api/problem.ts';

/** The one query cache of the app: cleared on sign-out and quick exit, never persisted anywhere. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A problem the server named (403, 404, 409…) will not change on retry; a dropped connection may.
      retry: (failures, error) => failures < 2 && isApiProblem(error, 'network-error', 'service-unavailable'),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
