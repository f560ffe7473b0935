import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navigationFor } from '../../app/navigation.ts';
import { useActiveSession } from '../../app/session.ts';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';

/** The first screen after signing in: where the person acts, with which roles, and the areas open to them. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const areas = navigationFor(session.roles).filter((item) => item.key !== 'home');
  return (
    <Stack maw={720}>
      <Title order={1}>{t('home.title')}</Title>
      {session.society?.isDemo && (
        <Alert color="orange" variant="light" title={t('demo.title')}>
          {t('demo.inApp')}
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Text>
            {session.society ? t('home.society') : t('home.noSociety')}{' '}
            {session.society && <bdi>{session.society.societyName}</bdi>}
          </Text>
          <Text>
            {t('home.roles')}{' '}
            {formatList(
              session.roles.map((role) => t(`roles.${role}`)),
              currentLocale(),
            )}
          </Text>
        </Stack>
      </Paper>
      <Title order={2} size="h3">
        {t('home.areas')}
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {areas.map((item) => (
          <li key={item.key}>
            <Anchor component={Link} to={item.path}>
              {t(`nav.${item.key}`)}
            </Anchor>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
