import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { consentNs } from './strings.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent, WithdrawalResult } from '../../../../common/consent.ts';
import { withdrawConsent } from '../../api/consent.ts';
import { PassageDialog } from '../../components/guard-modal.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';
import { consentKeys } from './consent-queries.ts';

type Effect = 'stop-future-sharing' | 'stop-and-delete-shared';

/** Today's date as YYYY-MM-DD in the viewer's time zone (the day a date field starts on). */
export function localToday(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** The moment a withdrawal took effect: now for today, else the end of the chosen earlier day. */
function withdrawnAt(day: string): string | undefined {
  if (day === localToday()) return undefined;
  return new Date(`${day}T12:00:00`).toISOString();
}

/**
 * Asks before withdrawing a consent: the date the person withdrew it, and whether recipients should also delete
 * what they received. Explains that recipients already shared with are told and a deletion request is recorded.
 */
export function WithdrawDialog(props: {
  personId: string;
  consent: Consent;
  purposeLabel: string;
  onClose: () => void;
  onDone: (result: WithdrawalResult) => void;
}) {
  const { t } = useTranslation(consentNs);
  const client = useQueryClient();
  const [effect, setEffect] = useState<Effect>('stop-and-delete-shared');
  const [day, setDay] = useState(localToday());
  const withdraw = useMutation({
    mutationFn: () =>
      withdrawConsent({
        personId: props.personId,
        consentId: props.consent.id,
        body: { effect, ...(withdrawnAt(day) ? { withdrawnAt: withdrawnAt(day) } : {}) },
      }),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: consentKeys.overview(props.personId) });
      props.onDone(result);
    },
  });
  const dayError = day === '' || day > localToday() ? t('consent:withdraw.dayInvalid') : undefined;
  return (
    <PassageDialog
      title={t('consent:withdraw.title', { purpose: props.purposeLabel })}
      onClose={props.onClose}
    >
      <Stack>
        <Text size="sm">{t('consent:withdraw.intro')}</Text>
        <TextInput
          type="date"
          label={t('consent:withdraw.day')}
          value={day}
          max={localToday()}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={dayError ?? fieldMessage(withdraw.error, 'body.withdrawnAt', t)}
        />
        <Radio.Group
          label={t('consent:withdraw.effect')}
          value={effect}
          onChange={(value) => setEffect(value)}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="stop-and-delete-shared" label={t('consent:withdraw.stopAndDelete')} />
            <Radio value="stop-future-sharing" label={t('consent:withdraw.stopOnly')} />
          </Stack>
        </Radio.Group>
        <Alert variant="light" color="blue">
          {effect === 'stop-and-delete-shared'
            ? t('consent:withdraw.explainDelete')
            : t('consent:withdraw.explainStop')}
        </Alert>
        <ProblemAlert error={withdraw.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.8"
            loading={withdraw.isPending}
            disabled={dayError !== undefined}
            onClick={() => withdraw.mutate()}
          >
            {t('consent:withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </PassageDialog>
  );
}
