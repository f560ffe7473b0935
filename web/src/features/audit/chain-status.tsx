import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../../common/audit-log.ts';
import { getAuditStatus } from '../../api/audit-log.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { formatInZone } from './time-zone.ts';

const problemKinds = [
  'seq-gap',
  'duplicate-seq',
  'prev-hash-mismatch',
  'hash-mismatch',
  'head-mismatch',
  'seal-mismatch',
  'checkpoint-mismatch',
  'truncated',
] as const;

const isProblemKind = (kind: string): kind is (typeof problemKinds)[number] =>
  (problemKinds as readonly string[]).includes(kind);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Counts({ status, timeZone }: { status: AuditStatus; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} m={0}>
      <Fact label={t('audit:status.events')}>{n(status.events)}</Fact>
      <Fact label={t('audit:status.lastEvent')}>
        {status.lastEventAt ? formatInZone(status.lastEventAt, locale, timeZone) : t('audit:status.none')}
      </Fact>
      <Fact label={t('audit:status.sealedReads')}>
        {t('audit:status.readsValue', { sealed: n(status.sealedReads), unsealed: n(status.unsealedReads) })}
      </Fact>
      <Fact label={t('audit:status.checkpoints')}>{n(status.checkpointsMatched)}</Fact>
    </SimpleGrid>
  );
}

function FirstProblem({ status }: { status: AuditStatus }) {
  const { t } = useTranslation();
  const first = status.problems[0];
  if (!first) return null;
  const kind = isProblemKind(first.kind) ? t(`audit:problems.${first.kind}`) : first.kind;
  return (
    <Stack gap={4}>
      <Text fw={700}>
        {first.seq
          ? t('audit:status.firstBroken', { seq: formatNumber(Number(first.seq), currentLocale()) })
          : t('audit:status.chainProblem')}
      </Text>
      <Text>{kind}</Text>
      <Code block lang="en" dir="ltr">
        {first.detail}
      </Code>
      {status.problems.length > 1 && (
        <Text size="sm">
          {t('audit:status.more', {
            count: status.problems.length - 1,
            number: formatNumber(status.problems.length - 1, currentLocale()),
          })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The state of the society's audit chain, verified on request as `passage audit verify` does: every event's hash
 * and link, every seal of the read log, and the signed checkpoints kept outside the database.
 */
export function ChainStatus({ timeZone }: { timeZone: string | undefined }) {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['audit', 'status'], queryFn: getAuditStatus, staleTime: 0 });
  const data = status.data;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="chain-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="chain-title">
            {t('audit:status.title')}
          </Title>
          <Button
            variant="default"
            size="xs"
            loading={status.isFetching}
            onClick={() => void status.refetch()}
          >
            {t('audit:status.again')}
          </Button>
        </Group>
        {status.isPending && <Loading />}
        <ProblemAlert error={status.error} />
        {data && (
          <Alert
            color={data.ok ? 'teal' : 'red'}
            variant="light"
            title={data.ok ? t('audit:status.verified') : t('audit:status.broken')}
            data-testid="chain-status"
          >
            <Stack gap="sm">
              <Text size="sm">
                {t('audit:status.checkedAt', {
                  time: formatInZone(data.checkedAt, currentLocale(), timeZone),
                })}
              </Text>
              {data.ok && data.events > 0 && (
                <Text size="sm" fw={700}>
                  {t('audit:status.verifiedUpTo', {
                    seq: formatNumber(Number(data.lastSeq), currentLocale()),
                  })}
                </Text>
              )}
              {!data.ok && <FirstProblem status={data} />}
              {!data.ok && <Text size="sm">{t('audit:status.tell')}</Text>}
              {data.checkpointsMatched === 0 && <Text size="sm">{t('audit:status.noCheckpoint')}</Text>}
              {data.checkpointLinesRejected > 0 && (
                <Text size="sm">
                  {t('audit:status.rejected', {
                    count: data.checkpointLinesRejected,
                    number: formatNumber(data.checkpointLinesRejected, currentLocale()),
                  })}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {data && <Counts status={data} timeZone={timeZone} />}
      </Stack>
    </Paper>
  );
}
