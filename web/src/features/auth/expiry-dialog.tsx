import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GuardModal } from '../../components/guard-modal.tsx';
import { formatCountdown } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';

/** A minute before the session's idle timeout: how long is left, and a way to stay signed in. */
export function ExpiryDialog(props: { secondsLeft: number; onStay: () => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardModal title={t('expiry.title')} onClose={props.onStay}>
      <Stack>
        <Text size="sm" role="timer" aria-live="polite">
          {t('expiry.body', { time: formatCountdown(props.secondsLeft, currentLocale()) })}
        </Text>
        <Group justify="space-between">
          <Button variant="subtle" onClick={props.onSignOut}>
            {t('shell.signOut')}
          </Button>
          <Button onClick={props.onStay} data-autofocus>
            {t('expiry.stay')}
          </Button>
        </Group>
      </Stack>
    </GuardModal>
  );
}
