import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/auth.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { fieldMessage } from '../../components/problems.ts';
import { StagePage, useNextStage } from './stage-page.tsx';

/** The length a new password needs (the server checks it too, with the list of common passwords). */
export const minimumPasswordLength = 12;

/** A form to choose a new password: the current one, the new one twice; used at first sign-in and in the profile. */
export function NewPasswordForm(props: {
  email: string;
  signingIn: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [chosen, setChosen] = useState('');
  const [repeated, setRepeated] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const tooShort = Array.from(chosen).length < minimumPasswordLength;
  const mismatch = chosen !== repeated;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!current || tooShort || mismatch) return;
    setBusy(true);
    setError(undefined);
    try {
      await changePassword({ currentPassword: current, newPassword: chosen }, { signingIn: props.signingIn });
      setCurrent('');
      setChosen('');
      setRepeated('');
      setChecked(false);
      await props.onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const currentError =
    (checked && !current ? t('fields.required') : undefined) ??
    fieldMessage(error, 'body.currentPassword', t);
  const newError =
    (checked && tooShort ? t('fields.passwordTooShort') : undefined) ??
    fieldMessage(error, 'body.newPassword', t);
  const shownFieldError = currentError ?? newError;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {/* Tells a password manager whose password this is; never shown. */}
        <input type="email" autoComplete="username" value={props.email} readOnly hidden />
        <PasswordInput
          label={props.signingIn ? t('password.temporary') : t('password.current')}
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          error={currentError}
          autoComplete="current-password"
          required
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.rule', { length: formatNumber(minimumPasswordLength, currentLocale()) })}
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value)}
          error={newError}
          autoComplete="new-password"
          required
        />
        <PasswordInput
          label={t('password.repeat')}
          value={repeated}
          onChange={(event) => setRepeated(event.currentTarget.value)}
          error={checked && mismatch ? t('fields.passwordsDiffer') : undefined}
          autoComplete="new-password"
          required
        />
        {!shownFieldError && <ProblemAlert error={error} />}
        <Button type="submit" loading={busy} w="fit-content">
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** The forced password change at first sign-in (or after an administrator reset it). */
export function PasswordPage() {
  const { t } = useTranslation();
  const next = useNextStage();
  return (
    <StagePage stage="password-change" title={t('password.title')}>
      {(session) => (
        <>
          <Text size="sm">{t('password.intro')}</Text>
          <NewPasswordForm email={session.user.email} signingIn onChanged={next} />
        </>
      )}
    </StagePage>
  );
}
