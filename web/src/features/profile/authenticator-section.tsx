import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renewRecoveryCodes, startEnrolment } from '../../api/auth.ts';
import { isApiProblem } from '../../api/problem.ts';
import { refreshSession } from '../../app/session.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { RecoveryCodesPanel } from '../../components/recovery-codes.tsx';
import { EnrolmentPanel } from '../auth/enrolment-panel.tsx';
import { Section } from './section.tsx';

/** Hides a problem the person chose themselves: cancelling the confirmation is not an error to show. */
function shownError(error: unknown): unknown {
  return isApiProblem(error, 'step-up-required') ? undefined : error;
}

/** The authenticator: new recovery codes, or a new authenticator app (both ask to confirm it is the person first). */
export function AuthenticatorSection({ mfaEnrolled }: { mfaEnrolled: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [codes, setCodes] = useState<string[]>();
  const renew = useMutation({ mutationFn: renewRecoveryCodes, onSuccess: (r) => setCodes(r.recoveryCodes) });
  const enrol = useMutation({ mutationFn: () => startEnrolment({ signingIn: false }) });
  const done = () => {
    setCodes(undefined);
    enrol.reset();
    renew.reset();
    void refreshSession(client);
  };
  return (
    <Section title={t('profile.authenticator.title')}>
      {codes ? (
        <RecoveryCodesPanel codes={codes} onDone={done} />
      ) : enrol.data ? (
        <EnrolmentPanel enrolment={enrol.data} signingIn={false} onEnrolled={setCodes} />
      ) : (
        <>
          <Text size="sm">
            {mfaEnrolled ? t('profile.authenticator.enrolled') : t('profile.authenticator.notEnrolled')}
          </Text>
          <Group>
            {mfaEnrolled && (
              <Button variant="default" loading={renew.isPending} onClick={() => renew.mutate()}>
                {t('profile.authenticator.renewCodes')}
              </Button>
            )}
            <Button variant="default" loading={enrol.isPending} onClick={() => enrol.mutate()}>
              {mfaEnrolled ? t('profile.authenticator.replace') : t('profile.authenticator.setUp')}
            </Button>
          </Group>
          <ProblemAlert error={shownError(renew.error ?? enrol.error)} />
        </>
      )}
    </Section>
  );
}
