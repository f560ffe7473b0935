import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TeamName, type Team } from '../../../../common/teams.ts';
import { isApiProblem } from '../../api/problem.ts';
import { createTeam } from '../../api/teams.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatList, formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { adminKeys, byName, useMembers, useTeams } from './admin-queries.ts';
import { RenameTeamForm, TeamMembersForm } from './team-forms.tsx';

function CreateTeamForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const create = useMutation({
    mutationFn: createTeam,
    onSuccess: () => {
      setName('');
      setChecked(false);
      return client.invalidateQueries({ queryKey: adminKeys.teams });
    },
  });
  const parsed = TeamName.safeParse(name);
  const taken = isApiProblem(create.error, 'conflict');
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (parsed.success) create.mutate(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <TextInput
          label={t('admin:teams.name')}
          description={t('admin:teams.nameHint')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={
            checked && !parsed.success ? t('fields.required') : taken ? t('admin:teams.nameTaken') : undefined
          }
          autoComplete="off"
          required
          miw={280}
        />
        <Button type="submit" loading={create.isPending}>
          {t('admin:teams.create')}
        </Button>
      </Group>
      {!taken && <ProblemAlert error={create.error} />}
    </form>
  );
}

type Editing = { teamId: string; what: 'rename' | 'members' };

function TeamCard(props: {
  team: Team;
  names: Map<string, string>;
  editing: Editing | undefined;
  edit: (e?: Editing) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { team, editing } = props;
  const memberNames = team.memberIds.map((id) => props.names.get(id) ?? id);
  const count = team.memberIds.length;
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap="xs">
        <Title order={3} size="h4">
          <bdi>{team.name}</bdi>
        </Title>
        <Text size="sm">{t('admin:teams.memberCount', { count, number: formatNumber(count, locale) })}</Text>
        {count > 0 && (
          <Text size="sm">
            <bdi>{formatList(memberNames, locale)}</bdi>
          </Text>
        )}
        {editing?.what === 'rename' && <RenameTeamForm team={team} onDone={() => props.edit()} />}
        {editing?.what === 'members' && <TeamMembersForm team={team} onDone={() => props.edit()} />}
        {!editing && (
          <Group gap="xs">
            {team.allowedActions.includes('rename') && (
              <Button
                size="xs"
                variant="default"
                onClick={() => props.edit({ teamId: team.id, what: 'rename' })}
              >
                {t('admin:teams.rename')}
              </Button>
            )}
            {team.allowedActions.includes('change-members') && (
              <Button
                size="xs"
                variant="default"
                onClick={() => props.edit({ teamId: team.id, what: 'members' })}
              >
                {t('admin:teams.changeMembers')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The society's teams: create one, rename one, choose its members. */
export function TeamsScreen() {
  const { t } = useTranslation();
  const teams = useTeams();
  const members = useMembers();
  const [editing, setEditing] = useState<Editing>();
  if (teams.isPending) return <Loading />;
  const names = new Map(byName(members.data ?? [], currentLocale()).map((m) => [m.id, m.displayName]));
  const list = teams.data ?? [];
  return (
    <Stack component="section" aria-labelledby="teams-title">
      <Title order={2} id="teams-title">
        {t('admin:teams.title')}
      </Title>
      <CreateTeamForm />
      <ProblemAlert error={teams.error ?? members.error} />
      {list.length === 0 ? (
        <Text>{t('admin:teams.none')}</Text>
      ) : (
        <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((team) => (
            <TeamCard
              key={team.id}
              team={team}
              names={names}
              editing={editing?.teamId === team.id ? editing : undefined}
              edit={setEditing}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
