import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { Suspense, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoveryCodeBody } from '../../../../common/auth.ts';
import { signInWithRecoveryCode, verifyMfa } from '../../api/auth.ts';
import { parseCode } from '../../components/code.ts';
import { CodeInput } from '../../components/code-input.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';
import { LazyDemoCodeHint, useDemoAccounts } from './demo-query.ts';
import { StagePage, useNextStage } from './stage-page.tsx';

/** The second step of signing in: the authenticator's six-digit code, or one of the recovery codes instead. */
export function CodePage() {
  const { t } = useTranslation();
  return (
    <StagePage stage="mfa" title={t('auth.code.title')}>
      {(session) => <CodeForm email={session.user.email} />}
    </StagePage>
  );
}

function CodeForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const next = useNextStage();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const demo = useDemoAccounts();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const code = recovery ? undefined : parseCode(value);
    const recoveryCode = recovery ? RecoveryCodeBody.safeParse({ recoveryCode: value }) : undefined;
    if (recovery ? !recoveryCode?.success : !code) return setInvalid(true);
    setBusy(true);
    setError(undefined);
    try {
      if (code) await verifyMfa(code);
      else if (recoveryCode?.success) await signInWithRecoveryCode(recoveryCode.data.recoveryCode);
      await next();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const path = recovery ? 'body.recoveryCode' : 'body.code';
  const shownError = invalid
    ? recovery
      ? t('fields.recoveryCode')
      : t('fields.sixDigits')
    : fieldMessage(error, path, t);
  const toggle = () => {
    setRecovery(!recovery);
    setValue('');
    setInvalid(false);
    setError(undefined);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">{recovery ? t('auth.recovery.intro') : t('auth.code.intro')}</Text>
        {recovery ? (
          <TextInput
            label={t('auth.recovery.label')}
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              setInvalid(false);
            }}
            error={shownError}
            autoComplete="off"
            dir="ltr"
            required
            autoFocus
          />
        ) : (
          <CodeInput
            value={value}
            onChange={(typed) => {
              setValue(typed);
              setInvalid(false);
            }}
            error={shownError}
            autoFocus
          />
        )}
        {!shownError && <ProblemAlert error={error} />}
        <Button type="submit" loading={busy}>
          {t('auth.code.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={toggle}>
          {recovery ? t('auth.recovery.useCode') : t('auth.recovery.useRecovery')}
        </Anchor>
        {!recovery && demo.data && (
          <Suspense fallback={null}>
            <LazyDemoCodeHint email={email} onUse={setValue} />
          </Suspense>
        )}
      </Stack>
    </form>
  );
}
