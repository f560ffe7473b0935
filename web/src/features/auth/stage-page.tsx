import { Anchor, Container, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { SessionStage, SessionView } from '../../../../common/auth.ts';
import { signOut } from '../../api/auth.ts';
import { pathForSession, refreshSession, useSession } from '../../app/session.ts';
import { Loading } from '../../components/loading.tsx';

/** Moves on after a sign-in step: reads the session again (new token, new CSRF token) and opens its next screen. */
export function useNextStage(): () => Promise<void> {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    const session = await refreshSession(client);
    await navigate(pathForSession(session), { replace: true });
  };
}

/**
 * The frame of one sign-in step: shown only while the session is at that step (otherwise to the right one),
 * with a way to start again from the e-mail address.
 */
export function StagePage(props: {
  stage: SessionStage;
  title: string;
  children: (session: SessionView) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data: session, isPending, error } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  if (isPending) return <Loading />;
  if (error) throw error;
  if (session?.stage !== props.stage) return <Navigate to={pathForSession(session)} replace />;
  const startAgain = async () => {
    await signOut().catch(() => undefined);
    client.setQueryData(['session'], null);
    await navigate('/sign-in', { replace: true });
  };
  return (
    <Container size={480} px={0} py="lg">
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={1} size="h2">
            {props.title}
          </Title>
          {props.children(session)}
          <Anchor component="button" type="button" size="sm" onClick={() => void startAgain()}>
            {t('auth.startAgain')}
          </Anchor>
        </Stack>
      </Paper>
    </Container>
  );
}
