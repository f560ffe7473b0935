import { Divider, NavLink, NativeSelect, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink as RouterLink, useLocation, useNavigate } from 'react-router';
import type { SessionView } from '../../../common/auth.ts';
import { signOut, switchSociety } from '../api/auth.ts';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SessionGuard } from '../features/auth/session-guard.tsx';
import { StepUpHost } from '../features/auth/step-up.tsx';
import { useProfileLanguage } from './language.ts';
import { navigationFor } from './navigation.ts';
import { ScreenOutlet } from './router.tsx';
import { pathForSession, refreshSession, useSession } from './session.ts';
import { Shell } from './shell.tsx';

function SocietySwitcher({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  if (session.memberships.length < 2) return null;
  const onChange = async (societyId: string) => {
    setError(undefined);
    try {
      await switchSociety(societyId);
      // Nothing read in one society may show in another: drop every cached answer, then start at home.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      await refreshSession(client);
      await navigate('/', { replace: true });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('shell.society')}
        value={session.society?.societyId ?? ''}
        onChange={(event) => void onChange(event.currentTarget.value)}
        data={session.memberships.map((m) => ({ value: m.societyId, label: m.societyName }))}
      />
      <ProblemAlert error={error} />
    </Stack>
  );
}

function Navigation({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const leave = async () => {
    await signOut().catch(() => undefined);
    client.clear();
    await navigate('/sign-in', { replace: true });
  };
  return (
    <Stack gap="xs" h="100%">
      <SocietySwitcher session={session} />
      {session.society?.isDemo && (
        <Text size="sm" fw={700}>
          {t('shell.demoSociety')}
        </Text>
      )}
      {navigationFor(session.roles).map((item) => (
        <NavLink
          key={item.key}
          component={RouterLink}
          to={item.path}
          label={t(`nav.${item.key}`)}
          active={item.path === '/' ? pathname === '/' : pathname.startsWith(item.path)}
          // Filled: the light variant's hover shade left the active entry below 4.5:1 contrast.
          variant="filled"
        />
      ))}
      <Divider mt="auto" />
      <Text size="sm" c="dimmed">
        {t('shell.signedInAs')} <bdi>{session.user.displayName}</bdi>
      </Text>
      <NavLink component="button" label={t('shell.signOut')} onClick={() => void leave()} />
    </Stack>
  );
}

/** The signed-in part of the app: only with an active session; otherwise to the right step of signing in. */
export function SignedInLayout() {
  const { data: session, isPending, error } = useSession();
  if (isPending) return <Loading />;
  if (error) throw error;
  if (session?.stage !== 'active') return <Navigate to={pathForSession(session)} replace />;
  return <ActiveLayout session={session} />;
}

function ActiveLayout({ session }: { session: SessionView }) {
  useProfileLanguage(session);
  return (
    <SessionGuard session={session}>
      <StepUpHost session={session} />
      <Shell navigation={<Navigation session={session} />}>
        <ScreenOutlet />
      </Shell>
    </SessionGuard>
  );
}
