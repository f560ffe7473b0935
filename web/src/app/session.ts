import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { SessionStage, SessionView } from '../../../common/auth.ts';
import { getSession } from '../api/auth.ts';

/** The query of the current session (who, where, roles, CSRF token); null when nobody is signed in. */
export const sessionQuery = {
  queryKey: ['session'] as const,
  queryFn: () => getSession(),
  staleTime: Infinity,
};

/** The current session as the app knows it. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** The session of a signed-in screen (the gate renders those only with an active session). */
export function useActiveSession(): SessionView {
  const { data } = useSession();
  if (!data) throw new Error('useActiveSession is used outside the signed-in gate.');
  return data;
}

/** Reads the session again from the server (after each sign-in step, a society switch or a language change). */
export function refreshSession(client: QueryClient): Promise<SessionView | null> {
  return client.query({ ...sessionQuery, staleTime: 0 });
}

/** The screen of each sign-in stage. Addresses name steps only, never a person. */
export const stagePaths: Record<SessionStage, string> = {
  'password-change': '/sign-in/password',
  mfa: '/sign-in/code',
  'mfa-enrolment': '/sign-in/authenticator',
  active: '/',
};

/** Where a session in this state belongs: the sign-in page when there is none. */
export function pathForSession(session: SessionView | null | undefined): string {
  return session ? stagePaths[session.stage] : '/sign-in';
}
