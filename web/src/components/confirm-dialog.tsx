import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PassageDialog } from './guard-modal.tsx';

/**
 * Asks before an action that cannot be taken back (removing a member, resetting a password): says what will
 * happen, and acts only on the explicit confirm button; Escape or Cancel leave everything as it was.
 */
export function ConfirmDialog(props: {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <PassageDialog title={props.title} onClose={props.onCancel}>
      <Stack>
        <Text size="sm">{props.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.8" onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </PassageDialog>
  );
}
