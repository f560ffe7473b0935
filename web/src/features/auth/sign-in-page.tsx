import { Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { Suspense, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Email, SignInBody } from '../../../../common/auth.ts';
import type { DemoAccount } from '../../../../common/demo.ts';
import { signIn } from '../../api/auth.ts';
import { pathForSession, useSession } from '../../app/session.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { LazyDemoAccountsPanel, useDemoAccounts } from './demo-query.ts';
import { useNextStage } from './stage-page.tsx';

/** The first step of signing in: e-mail address and password; in demo mode, the demo accounts to try. */
export function SignInPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  const next = useNextStage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const demo = useDemoAccounts();
  if (isPending) return <Loading />;
  if (session) return <Navigate to={pathForSession(session)} replace />;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const body = SignInBody.safeParse({ email, password });
    setInvalid(!body.success);
    if (!body.success) return;
    setBusy(true);
    setError(undefined);
    try {
      await signIn(body.data);
      setPassword('');
      await next();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const fillAccount = (account: DemoAccount) => {
    setEmail(account.email);
    setPassword(account.password);
    setInvalid(false);
  };
  return (
    <Container size={480} px={0} py="lg">
      <Stack>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack>
              <Title order={1} size="h2">
                {t('auth.signIn.title')}
              </Title>
              <TextInput
                label={t('auth.email')}
                type="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={invalid && !Email.safeParse(email).success ? t('fields.email') : undefined}
                autoComplete="username"
                dir="ltr"
                required
              />
              <PasswordInput
                label={t('auth.password')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={invalid && !password ? t('fields.required') : undefined}
                autoComplete="current-password"
                required
              />
              <ProblemAlert error={error} messages={{ unauthenticated: t('auth.signIn.wrong') }} />
              <Button type="submit" loading={busy}>
                {t('auth.signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        {demo.data && (
          <Suspense fallback={null}>
            <LazyDemoAccountsPanel onUse={fillAccount} />
          </Suspense>
        )}
      </Stack>
    </Container>
  );
}
