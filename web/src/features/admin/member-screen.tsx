import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Member } from '../../../../common/users.ts';
import { getMember } from '../../api/users.ts';
import { useActiveSession } from '../../app/session.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatList } from '../../i18n/format.ts';
import { currentLocale, languageNames } from '../../i18n/i18n.ts';
import { adminKeys, useTeams } from './admin-queries.ts';
import { MemberActions } from './member-actions.tsx';
import { RolesEditor } from './roles-editor.tsx';

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

function Facts({ member }: { member: Member }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const names = member.teamIds.map((id) => teams.data?.find((team) => team.id === id)?.name ?? id);
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
      <Fact label={t('admin:members.columns.email')}>
        <bdi dir="ltr">{member.email}</bdi>
      </Fact>
      <Fact label={t('admin:member.language')}>
        <span lang={member.locale}>{languageNames[member.locale]}</span>
      </Fact>
      <Fact label={t('admin:members.columns.authenticator')}>
        {member.mfaEnrolled ? t('admin:members.mfaYes') : t('admin:members.mfaNo')}
      </Fact>
      <Fact label={t('admin:members.columns.status')}>{t(`admin:members.status.${member.status}`)}</Fact>
      <Fact label={t('admin:members.columns.teams')}>
        {names.length > 0 ? <bdi>{formatList(names, currentLocale())}</bdi> : t('admin:members.noTeam')}
      </Fact>
    </SimpleGrid>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={title}>
      <Stack>
        <Title order={3}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** One member: who they are, their roles (editable), and what may be done to their account. */
export function MemberScreen() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const session = useActiveSession();
  const member = useQuery({ queryKey: adminKeys.member(userId), queryFn: () => getMember(userId) });
  const back = (
    <Anchor component={Link} to="/administration">
      {t('admin:member.back')}
    </Anchor>
  );
  if (member.isPending) return <Loading />;
  if (!member.data)
    return (
      <Stack>
        <ProblemAlert error={member.error} />
        {back}
      </Stack>
    );
  const data = member.data;
  return (
    <Stack>
      {back}
      <Title order={2}>
        <bdi>{data.displayName}</bdi>
      </Title>
      <Facts member={data} />
      {data.id === session.user.id && <Text size="sm">{t('admin:member.self')}</Text>}
      <Part title={t('admin:member.roles')}>
        <RolesEditor key={data.id} member={data} />
      </Part>
      <Part title={t('admin:member.account')}>
        <MemberActions member={data} />
      </Part>
    </Stack>
  );
}
