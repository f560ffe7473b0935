import { Alert, Button, Checkbox, Group, ScrollArea, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TeamName, type Team } from '../../../../common/teams.ts';
import { isApiProblem } from '../../api/problem.ts';
import { renameTeam, setTeamMembers } from '../../api/teams.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { currentLocale } from '../../i18n/i18n.ts';
import { adminKeys, byName, useMembers } from './admin-queries.ts';

/**
 * A team change saved with the version the administrator saw; when someone changed the team in the meantime,
 * the teams are read again and the administrator is told to look and decide again.
 */
function useTeamChange<T>(
  save: (value: T, version: number) => Promise<Team>,
  team: Team,
  onDone: () => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (value: T) => save(value, team.version),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.teams });
      await client.invalidateQueries({ queryKey: adminKeys.members });
      onDone();
    },
    onError: (error) => {
      if (isApiProblem(error, 'precondition-failed'))
        return client.invalidateQueries({ queryKey: adminKeys.teams });
      return undefined;
    },
  });
}

function ChangeProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiProblem(error, 'precondition-failed'))
    return (
      <Alert color="yellow" role="alert">
        {t('admin:teams.stale')}
      </Alert>
    );
  return <ProblemAlert error={error} messages={{ conflict: t('admin:teams.nameTaken') }} />;
}

/** Renames a team. */
export function RenameTeamForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(team.name);
  const rename = useTeamChange((value: string, version) => renameTeam(team.id, value, version), team, onDone);
  const parsed = TeamName.safeParse(name);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (parsed.success) rename.mutate(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label={t('admin:teams.newName')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={parsed.success ? undefined : t('fields.required')}
          autoComplete="off"
          data-autofocus
          required
        />
        <ChangeProblem error={rename.error} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={rename.isPending}>
            {t('admin:teams.saveName')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Chooses a team's members among the society's members. */
export function TeamMembersForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const { t } = useTranslation();
  const members = useMembers();
  const [chosen, setChosen] = useState<string[]>(team.memberIds);
  const save = useTeamChange(
    (userIds: string[], version) => setTeamMembers(team.id, userIds, version),
    team,
    onDone,
  );
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    save.mutate(chosen);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Checkbox.Group label={t('admin:teams.membersLabel')} value={chosen} onChange={setChosen}>
          <ScrollArea.Autosize mah={320} type="auto" mt="xs">
            <Stack gap={6}>
              {byName(members.data ?? [], currentLocale()).map((member) => (
                <Checkbox key={member.id} value={member.id} label={<bdi>{member.displayName}</bdi>} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Checkbox.Group>
        <ChangeProblem error={save.error} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('admin:teams.saveMembers')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
