import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../common/auth.ts';
import { getSession, signIn, verifyMfa } from '../../api/auth.ts';
import { stagePaths } from '../../app/session.ts';
import { parseCode } from '../../components/code.ts';
import { CodeInput } from '../../components/code-input.tsx';
import { GuardModal } from '../../components/guard-modal.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';

/**
 * Signs the person in again over the page after their session ended, so the form they were filling stays as it
 * was; the requests that failed are retried once they are back.
 */
export function ReauthDialog(props: {
  email: string;
  onSignedIn: (session: SessionView) => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [email, setEmail] = useState(props.email);
  const [secret, setSecret] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const finish = async () => {
    const session = await getSession({ interrupt: false });
    if (!session) throw new Error('The new session is not readable.');
    if (session.stage === 'active') return props.onSignedIn(session);
    if (session.stage === 'mfa') return setStep('code');
    // A forced password change or a new authenticator is a full sign-in: the page is left for it.
    window.location.replace(stagePaths[session.stage]);
  };
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const code = step === 'code' ? parseCode(secret) : undefined;
    if (step === 'code' && !code) return setInvalid(true);
    setBusy(true);
    setError(undefined);
    try {
      if (code) await verifyMfa(code);
      else await signIn({ email, password: secret });
      setSecret('');
      await finish();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const codeError = invalid ? t('fields.sixDigits') : fieldMessage(error, 'body.code', t);
  return (
    <GuardModal title={t('reauth.title')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text size="sm">{t('reauth.body')}</Text>
          {step === 'password' ? (
            <>
              <TextInput
                label={t('auth.email')}
                type="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                autoComplete="username"
                required
              />
              <PasswordInput
                label={t('auth.password')}
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
                autoComplete="current-password"
                required
                data-autofocus
              />
            </>
          ) : (
            <CodeInput
              value={secret}
              onChange={(next) => {
                setSecret(next);
                setInvalid(false);
              }}
              error={codeError}
              autoFocus
            />
          )}
          {!codeError && <ProblemAlert error={error} />}
          <Group justify="space-between">
            <Button variant="subtle" onClick={props.onSignOut}>
              {t('reauth.signOut')}
            </Button>
            <Button type="submit" loading={busy}>
              {step === 'password' ? t('auth.signIn.submit') : t('auth.code.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </GuardModal>
  );
}
