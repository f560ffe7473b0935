import { Button, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../../common/audit-log.ts';
import type { Member } from '../../../../common/users.ts';
import { PassageDialog } from '../../components/guard-modal.tsx';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ActorName } from './audit-events.tsx';
import { kindLabel, payloadValue, subjectLabel } from './labels.ts';
import { formatInZone } from './time-zone.ts';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {props.label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
    </div>
  );
}

function Id({ children }: { children: string }) {
  return (
    <Code dir="ltr" fz="sm">
      {children}
    </Code>
  );
}

function Payload({ payload }: { payload: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(payload);
  if (entries.length === 0) return <Text size="sm">{t('audit:detail.noPayload')}</Text>;
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0}>
      {entries.map(([name, value]) => (
        <Fact key={name} label={name}>
          <Id>{payloadValue(value)}</Id>
        </Fact>
      ))}
    </SimpleGrid>
  );
}

/**
 * One audit event in full: when, what, who with which roles, about which record, the request it came from and
 * the details it recorded (ids, codes and field names, as the server gives them). From here the officer may
 * narrow the log to the same record or the same member.
 */
export function EventDetail(props: {
  event: AuditEventView;
  members: ReadonlyMap<string, Member>;
  timeZone: string | undefined;
  onClose: () => void;
  onFilter: (filter: { subjectId: string } | { actorUserId: string }) => void;
}) {
  const { t } = useTranslation();
  const { event } = props;
  const locale = currentLocale();
  const roles = event.actorRoles.map((role) => t(`roles.${role}`));
  return (
    <PassageDialog title={t('audit:detail.title', { seq: event.seq })} onClose={props.onClose}>
      <Stack>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0}>
          <Fact label={t('audit:detail.kind')}>{kindLabel(t, event.kind)}</Fact>
          <Fact label={t('audit:detail.kindCode')}>
            <Id>{event.kind}</Id>
          </Fact>
          <Fact label={t('audit:detail.time')}>{formatInZone(event.occurredAt, locale, props.timeZone)}</Fact>
          <Fact label={t('audit:detail.seq')}>
            <Id>{event.seq}</Id>
          </Fact>
          <Fact label={t('audit:detail.actor')}>
            <ActorName actorUserId={event.actorUserId} members={props.members} />
          </Fact>
          <Fact label={t('audit:detail.roles')}>
            {roles.length > 0 ? formatList(roles, locale) : t('audit:detail.noRoles')}
          </Fact>
          {event.actorUserId && (
            <Fact label={t('audit:detail.actorId')}>
              <Id>{event.actorUserId}</Id>
            </Fact>
          )}
          <Fact label={t('audit:detail.subjectType')}>{subjectLabel(t, event.subjectType)}</Fact>
          {event.subjectId && (
            <Fact label={t('audit:detail.subjectId')}>
              <Id>{event.subjectId}</Id>
            </Fact>
          )}
          {event.requestId && (
            <Fact label={t('audit:detail.requestId')}>
              <Id>{event.requestId}</Id>
            </Fact>
          )}
        </SimpleGrid>
        <Title order={3} size="h5">
          {t('audit:detail.payload')}
        </Title>
        <Payload payload={event.payload} />
        <Group>
          {event.subjectId && (
            <Button variant="default" onClick={() => props.onFilter({ subjectId: event.subjectId ?? '' })}>
              {t('audit:detail.filterRecord')}
            </Button>
          )}
          {event.actorUserId && (
            <Button
              variant="default"
              onClick={() => props.onFilter({ actorUserId: event.actorUserId ?? '' })}
            >
              {t('audit:detail.filterActor')}
            </Button>
          )}
        </Group>
      </Stack>
    </PassageDialog>
  );
}
