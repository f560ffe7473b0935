import { lazy, Suspense, useEffect, useRef } from 'react';
import { MemoryRouter, Outlet, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { Loading } from '../components/loading.tsx';
import type { SessionView } from '../../../common/auth.ts';
import { pathForSession } from './session.ts';
import { Shell } from './shell.tsx';

// Each area is its own chunk, fetched when first opened: the sign-in screens never load the signed-in app.
const load = {
  signIn: () => import('../features/auth/sign-in-page.tsx'),
  password: () => import('../features/auth/password-page.tsx'),
  code: () => import('../features/auth/code-page.tsx'),
  authenticator: () => import('../features/auth/authenticator-page.tsx'),
  signedIn: () => import('./signed-in.tsx'),
  home: () => import('../features/home/home-page.tsx'),
  profile: () => import('../features/profile/profile-page.tsx'),
  administration: () => import('../features/admin/administration-page.tsx'),
  audit: () => import('../features/audit/audit-page.tsx'),
  content: () => import('../features/content/content-page.tsx'),
  people: () => import('../features/people/people-area.tsx'),
  organisations: () => import('../features/directory/directory-area.tsx'),
  reviews: () => import('../features/consent/reviews-area.tsx'),
  notFound: () => import('../components/not-found.tsx'),
};

const SignInPage = lazy(async () => ({ default: (await load.signIn()).SignInPage }));
const PasswordPage = lazy(async () => ({ default: (await load.password()).PasswordPage }));
const CodePage = lazy(async () => ({ default: (await load.code()).CodePage }));
const AuthenticatorPage = lazy(async () => ({ default: (await load.authenticator()).AuthenticatorPage }));
const SignedInLayout = lazy(async () => ({ default: (await load.signedIn()).SignedInLayout }));
const HomePage = lazy(async () => ({ default: (await load.home()).HomePage }));
const ProfilePage = lazy(async () => ({ default: (await load.profile()).ProfilePage }));
const AdministrationPage = lazy(async () => ({ default: (await load.administration()).AdministrationPage }));
const AuditPage = lazy(async () => ({ default: (await load.audit()).AuditPage }));
const ContentPage = lazy(async () => ({ default: (await load.content()).ContentPage }));
const PeopleArea = lazy(async () => ({ default: (await load.people()).PeopleArea }));
const DirectoryArea = lazy(async () => ({ default: (await load.organisations()).DirectoryArea }));
const ReviewsArea = lazy(async () => ({ default: (await load.reviews()).ReviewsArea }));
const NotFound = lazy(async () => ({ default: (await load.notFound()).NotFound }));

const signedInAreas: Record<string, () => Promise<unknown>> = {
  '/people': load.people,
  '/organisations': load.organisations,
  '/reviews': load.reviews,
  '/': load.home,
  '/profile': load.profile,
  '/administration': load.administration,
  '/audit': load.audit,
  '/content': load.content,
};

const signInSteps: Record<string, () => Promise<unknown>> = {
  '/sign-in': load.signIn,
  '/sign-in/password': load.password,
  '/sign-in/code': load.code,
  '/sign-in/authenticator': load.authenticator,
};

/** Starts fetching a sign-in step's code at once when the address names one (before the session is known). */
export function preloadScreenAt(pathname: string): void {
  void signInSteps[pathname]?.().catch(() => undefined);
}

/**
 * Starts fetching the code of the first screen as soon as the session is known, alongside the language file,
 * instead of after the first render: one round trip less on a slow connection.
 */
export function preloadFirstScreen(pathname: string, session: SessionView | null): void {
  const loads =
    session?.stage === 'active'
      ? [load.signedIn, signedInAreas[`/${pathname.split('/')[1] ?? ''}`] ?? load.notFound]
      : [signInSteps[pathForSession(session)]];
  for (const start of loads) void start?.().catch(() => undefined);
}

/** Where a screen's code is awaited and its failures caught, reset when the person goes elsewhere. */
export function ScreenOutlet() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary key={pathname}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}

function SignedOutLayout() {
  return (
    <Shell>
      <ScreenOutlet />
    </Shell>
  );
}

/**
 * SECURITY: the address bar follows the screen by replacing its one history entry, never adding one, so the
 * whole of Passage is a single entry in the browser's history: after quick exit, Back cannot return to it.
 */
function AddressBarFollows() {
  const { pathname, search, hash } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    const next = `${pathname}${search}${hash}`;
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (next !== here) window.history.replaceState(null, '', next);
    // A new screen takes the focus to its content (keyboard and screen-reader users start there), unless a
    // field of it already took it.
    const main = document.getElementById('main');
    if (!first.current && main && !main.contains(document.activeElement)) main.focus();
    first.current = false;
  }, [pathname, search, hash]);
  return null;
}

/** The app's screens. Addresses carry ids and step names only, never a name or a search term. */
export function AppRouter() {
  const start = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  return (
    <MemoryRouter initialEntries={[start]}>
      <AddressBarFollows />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<SignedOutLayout />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-in/password" element={<PasswordPage />} />
            <Route path="/sign-in/code" element={<CodePage />} />
            <Route path="/sign-in/authenticator" element={<AuthenticatorPage />} />
          </Route>
          <Route path="/" element={<SignedInLayout />}>
            <Route index element={<HomePage />} />
            <Route path="profile" element={<ProfilePage />} />
            <Route path="administration/*" element={<AdministrationPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="content/*" element={<ContentPage />} />
            <Route path="people/*" element={<PeopleArea />} />
            <Route path="organisations/*" element={<DirectoryArea />} />
            <Route path="reviews/*" element={<ReviewsArea />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </MemoryRouter>
  );
}
