import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../../../../common/demo.ts';
import { useDemoAccounts } from './demo-query.ts';

/** In demo mode only: the synthetic demo accounts, clearly labelled, each one a click away from the form. */
export function DemoAccountsPanel({ onUse }: { onUse: (account: DemoAccount) => void }) {
  const { t } = useTranslation();
  const { data } = useDemoAccounts();
  if (!data) return null;
  const password = data.accounts[0]?.password;
  return (
    <Alert color="orange" variant="light" title={t('demo.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('demo.notice')}</Text>
        <Text size="sm">
          {t('demo.society')} <bdi>{data.societyName}</bdi>
        </Text>
        {password && (
          <Text size="sm">
            {t('demo.password')}{' '}
            <Text span ff="monospace" dir="ltr">
              {password}
            </Text>
          </Text>
        )}
        {data.accounts.map((account) => (
          <Card key={account.email} withBorder padding="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={2} miw={0}>
                <Badge variant="light" w="fit-content">
                  {t(`roles.${account.role}`)}
                </Badge>
                <Text size="xs" dir="ltr" truncate="end">
                  {account.email}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="default"
                onClick={() => onUse(account)}
                aria-label={t('demo.useAccount', { role: t(`roles.${account.role}`) })}
              >
                {t('demo.use')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </Alert>
  );
}

/** In demo mode, the current authenticator code of the demo account being signed in, to fill in with a click. */
export function DemoCodeHint({ email, onUse }: { email: string; onUse: (code: string) => void }) {
  const { t } = useTranslation();
  const { data, refetch } = useDemoAccounts();
  const account = data?.accounts.find((a) => a.email === email);
  if (!account) return null;
  return (
    <Alert color="orange" variant="light" title={t('demo.title')}>
      <Stack gap="xs">
        <Text size="sm">
          {t('demo.code')}{' '}
          <Text span ff="monospace" dir="ltr">
            {account.currentCode}
          </Text>
        </Text>
        <Text size="xs">
          {t('demo.secret')}{' '}
          <Text span ff="monospace" dir="ltr">
            {account.totpSecret}
          </Text>
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => onUse(account.currentCode)}>
            {t('demo.fillCode')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => void refetch()}>
            {t('demo.newCode')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
