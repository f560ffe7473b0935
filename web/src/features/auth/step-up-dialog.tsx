import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stepUp } from '../../api/auth.ts';
import { parseCode } from '../../components/code.ts';
import { CodeInput } from '../../components/code-input.tsx';
import { PassageDialog } from '../../components/guard-modal.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';

/** Asks for a fresh authenticator code (or the password, for accounts without one); settles the waiting request. */
export function StepUpDialog(props: { mfa: boolean; onConfirmed: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const code = props.mfa ? parseCode(value) : undefined;
    if (props.mfa && !code) return setInvalid(true);
    setBusy(true);
    setError(undefined);
    try {
      await stepUp(code ? { code } : { password: value });
      props.onConfirmed();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const fieldError = fieldMessage(error, props.mfa ? 'body.code' : 'body.password', t);
  return (
    <PassageDialog onClose={props.onCancel} title={t('stepUp.title')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text size="sm">{props.mfa ? t('stepUp.withCode') : t('stepUp.withPassword')}</Text>
          {props.mfa ? (
            <CodeInput
              value={value}
              onChange={(next) => {
                setValue(next);
                setInvalid(false);
              }}
              error={invalid ? t('fields.sixDigits') : fieldError}
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
              autoFocus
            />
          )}
          {!fieldError && <ProblemAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('stepUp.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PassageDialog>
  );
}
