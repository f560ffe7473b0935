import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stepUp } from '../../api/auth.ts';
import { isApiProblem } from '../../api/problem.ts';
import { parseCode } from '../../components/code.ts';
import { CodeInput } from '../../components/code-input.tsx';
import { GuardModal } from '../../components/guard-modal.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';

/**
 * Covers a screen left without input: the page stays as it was underneath, blurred and out of reach, until the
 * person proves it is them (a fresh code, or the password without an authenticator) or signs out.
 */
export function LockDialog(props: {
  mfa: boolean;
  onUnlocked: () => void;
  onSessionEnded: () => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const code = props.mfa ? parseCode(value) : undefined;
    if (props.mfa && !code) return setInvalid(true);
    setBusy(true);
    setError(undefined);
    try {
      await stepUp(code ? { code } : { password: value });
      props.onUnlocked();
    } catch (caught) {
      if (isApiProblem(caught, 'unauthenticated')) return props.onSessionEnded();
      setError(caught);
      setBusy(false);
    }
  };
  const fieldError = invalid
    ? t('fields.sixDigits')
    : fieldMessage(error, props.mfa ? 'body.code' : 'body.password', t);
  return (
    <GuardModal title={t('lock.title')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text size="sm">{props.mfa ? t('lock.bodyCode') : t('lock.bodyPassword')}</Text>
          {props.mfa ? (
            <CodeInput
              value={value}
              onChange={(next) => {
                setValue(next);
                setInvalid(false);
              }}
              error={fieldError}
              autoFocus
            />
          ) : (
            <PasswordInput
              label={t('auth.password')}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={fieldError}
              autoComplete="current-password"
              required
              data-autofocus
            />
          )}
          {!fieldError && <ProblemAlert error={error} />}
          <Group justify="space-between">
            <Button variant="subtle" onClick={props.onSignOut}>
              {t('shell.signOut')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('lock.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </GuardModal>
  );
}
