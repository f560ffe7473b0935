import { Badge, Button, Group, Stack, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endSession, listSessions, signOutEverywhere } from '../../api/auth.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Section } from './section.tsx';

/** Where the person is signed in: end another session, or every session at once. */
export function SessionsSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({ queryKey: ['me', 'sessions'], queryFn: listSessions });
  const end = useMutation({
    mutationFn: endSession,
    onSuccess: () => client.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
  const everywhere = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: async () => {
      client.clear();
      await navigate('/sign-in', { replace: true });
    },
  });
  const locale = currentLocale();
  return (
    <Section title={t('profile.sessions.title')}>
      {sessions.isPending ? (
        <Loading />
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('profile.sessions.device')}</Table.Th>
                <Table.Th>{t('profile.sessions.started')}</Table.Th>
                <Table.Th>{t('profile.sessions.lastSeen')}</Table.Th>
                <Table.Th>{t('profile.sessions.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(sessions.data ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.device ?? t('profile.sessions.unknownDevice')}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt, locale)}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt, locale)}</Table.Td>
                  <Table.Td>
                    {s.current ? (
                      <Badge variant="light">{t('profile.sessions.current')}</Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        loading={end.isPending && end.variables === s.id}
                        onClick={() => end.mutate(s.id)}
                      >
                        {t('profile.sessions.end')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack gap="xs">
        <ProblemAlert error={sessions.error ?? end.error ?? everywhere.error} />
        <Group>
          <Button
            color="red.8"
            variant="outline"
            loading={everywhere.isPending}
            onClick={() => everywhere.mutate()}
          >
            {t('profile.sessions.signOutEverywhere')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
