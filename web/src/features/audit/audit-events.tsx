import { Alert, Anchor, Button, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEventQuery, AuditEventView } from '../../../../common/audit-log.ts';
import type { Member } from '../../../../common/users.ts';
import { browseAuditLog } from '../../api/audit-log.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { kindLabel, subjectLabel } from './labels.ts';
import { formatInZone } from './time-zone.ts';

/** The name of the member who did something: their name (isolated for direction), Passage itself, or "other". */
export function ActorName(props: { actorUserId: string | null; members: ReadonlyMap<string, Member> }) {
  const { t } = useTranslation();
  if (props.actorUserId === null) return <>{t('audit:events.system')}</>;
  const member = props.members.get(props.actorUserId);
  return member ? <bdi>{member.displayName}</bdi> : <>{t('audit:events.unknownMember')}</>;
}

function EventRow(props: {
  event: AuditEventView;
  members: ReadonlyMap<string, Member>;
  timeZone: string | undefined;
  onOpen: (event: AuditEventView) => void;
}) {
  const { t } = useTranslation();
  const { event } = props;
  return (
    <Table.Tr>
      <Table.Td>{formatInZone(event.occurredAt, currentLocale(), props.timeZone)}</Table.Td>
      <Table.Th scope="row" fw={400}>
        <Anchor component="button" type="button" ta="start" onClick={() => props.onOpen(event)}>
          {kindLabel(t, event.kind)}
        </Anchor>
      </Table.Th>
      <Table.Td>
        <ActorName actorUserId={event.actorUserId} members={props.members} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{subjectLabel(t, event.subjectType)}</Text>
        {event.subjectId && (
          <Code dir="ltr" fz="xs">
            {event.subjectId}
          </Code>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The events matching the applied filters, newest first, a page at a time ("show older events" fetches the
 * next page with the server's cursor). Opening an event shows everything it recorded.
 */
export function AuditEvents(props: {
  query: AuditEventQuery;
  members: ReadonlyMap<string, Member>;
  timeZone: string | undefined;
  onOpen: (event: AuditEventView) => void;
}) {
  const { t } = useTranslation();
  const events = useInfiniteQuery({
    queryKey: ['audit', 'events', props.query],
    queryFn: ({ pageParam }) =>
      browseAuditLog({ ...props.query, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="events-title">
      <Stack>
        <Title order={2} size="h3" id="events-title">
          {t('audit:events.title')}
        </Title>
        {events.isPending && <Loading />}
        <ProblemAlert error={events.error} />
        {events.isSuccess && items.length === 0 && (
          <Alert color="gray" variant="light" role="status">
            {t('audit:events.none')}
          </Alert>
        )}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="audit-events">
              <Table.Caption>{t('audit:events.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit:events.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit:events.kind')}</Table.Th>
                  <Table.Th scope="col">{t('audit:events.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit:events.subject')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((event) => (
                  <EventRow key={event.seq} event={event} {...props} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {items.length > 0 && (
          <Text size="sm" role="status">
            {t('audit:events.shown', {
              count: items.length,
              number: formatNumber(items.length, currentLocale()),
            })}
          </Text>
        )}
        {events.hasNextPage && (
          <Button
            variant="default"
            w="fit-content"
            loading={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t('audit:events.more')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
