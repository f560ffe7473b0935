import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A temporary password, shown this once: Passage never shows it again. The administrator passes it on in a safe
 * way; the person replaces it at their first sign-in.
 */
export function OneTimePassword({ password }: { password: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('admin:oneTime.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('admin:oneTime.safely')}</Text>
        <Group gap="sm">
          <Text size="sm" span>
            {t('admin:oneTime.label')}
          </Text>
          <Code fz="lg" dir="ltr" data-testid="temporary-password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('admin:oneTime.copied') : t('admin:oneTime.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('admin:oneTime.next')}</Text>
      </Stack>
    </Alert>
  );
}
