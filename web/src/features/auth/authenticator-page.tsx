import { Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startEnrolment } from '../../api/auth.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RecoveryCodesPanel } from '../../components/recovery-codes.tsx';
import { EnrolmentPanel } from './enrolment-panel.tsx';
import { StagePage, useNextStage } from './stage-page.tsx';

function FirstEnrolment() {
  const { t } = useTranslation();
  const next = useNextStage();
  const [codes, setCodes] = useState<string[]>();
  const start = useMutation({ mutationFn: () => startEnrolment({ signingIn: true }) });
  const started = useRef(false);
  useEffect(() => {
    // Once per visit: each start makes a new secret, and the one shown must be the one confirmed.
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);
  if (codes) return <RecoveryCodesPanel codes={codes} onDone={() => void next()} />;
  if (start.error) return <ProblemAlert error={start.error} />;
  if (!start.data) return <Loading />;
  return (
    <>
      <Text size="sm">{t('enrol.intro')}</Text>
      <EnrolmentPanel enrolment={start.data} signingIn onEnrolled={setCodes} />
    </>
  );
}

/** Setting up an authenticator at first sign-in, then the recovery codes, shown once. */
export function AuthenticatorPage() {
  const { t } = useTranslation();
  return (
    <StagePage stage="mfa-enrolment" title={t('enrol.title')}>
      {() => <FirstEnrolment />}
    </StagePage>
  );
}
