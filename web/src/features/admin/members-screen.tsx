import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { SocietyRole, societyRoles } from '../../../../common/roles.ts';
import type { Member } from '../../../../common/users.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatList, formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { byName, useMembers, useTeams } from './admin-queries.ts';

function MemberRow({ member, teamNames }: { member: Member; teamNames: Map<string, string> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const teams = member.teamIds.map((id) => teamNames.get(id) ?? id);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/administration/members/${member.id}`}>
          <bdi>{member.displayName}</bdi>
        </Anchor>
      </Table.Td>
      <Table.Td>
        <bdi dir="ltr">{member.email}</bdi>
      </Table.Td>
      <Table.Td>
        {formatList(
          member.roles.map((role) => t(`roles.${role}`)),
          locale,
        )}
      </Table.Td>
      <Table.Td>
        {teams.length > 0 ? <bdi>{formatList(teams, locale)}</bdi> : t('admin:members.noTeam')}
      </Table.Td>
      <Table.Td>{member.mfaEnrolled ? t('admin:members.mfaYes') : t('admin:members.mfaNo')}</Table.Td>
      <Table.Td>
        <Badge variant={member.status === 'active' ? 'default' : 'outline'} color="dark">
          {t(`admin:members.status.${member.status}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

/** The members of the society with their roles, teams and authenticator, filtered by role. */
export function MembersScreen() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const members = useMembers();
  const teams = useTeams();
  const [role, setRole] = useState<SocietyRole | ''>('');
  const location = useLocation();
  const state: unknown = location.state;
  const removed =
    typeof state === 'object' && state !== null && 'notice' in state && state.notice === 'removed';
  if (members.isPending) return <Loading />;
  const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const shown = byName(members.data ?? [], locale).filter((m) => role === '' || m.roles.includes(role));
  return (
    <Stack component="section" aria-labelledby="members-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} id="members-title">
          {t('admin:members.title')}
        </Title>
        <Button component={Link} to="/administration/members/new">
          {t('admin:members.add')}
        </Button>
      </Group>
      {removed && (
        <Text size="sm" role="status" c="teal.9">
          {t('admin:member.removed')}
        </Text>
      )}
      <NativeSelect
        label={t('admin:members.filterRole')}
        value={role}
        onChange={(event) => {
          const chosen = SocietyRole.safeParse(event.currentTarget.value);
          setRole(chosen.success ? chosen.data : '');
        }}
        data={[
          { value: '', label: t('admin:members.anyRole') },
          ...societyRoles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
        ]}
        maw={320}
      />
      <ProblemAlert error={members.error ?? teams.error} />
      <Text size="sm" role="status">
        {t('admin:members.count', { count: shown.length, number: formatNumber(shown.length, locale) })}
      </Text>
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin:members.columns.name')}</Table.Th>
                <Table.Th>{t('admin:members.columns.email')}</Table.Th>
                <Table.Th>{t('admin:members.columns.roles')}</Table.Th>
                <Table.Th>{t('admin:members.columns.teams')}</Table.Th>
                <Table.Th>{t('admin:members.columns.authenticator')}</Table.Th>
                <Table.Th>{t('admin:members.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((member) => (
                <MemberRow key={member.id} member={member} teamNames={teamNames} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
