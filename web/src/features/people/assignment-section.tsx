import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../common/people.ts';
import { assignPerson, listTeams } from '../../api/people.ts';
import { isApiProblem } from '../../api/problem.ts';
import { useActiveSession } from '../../app/session.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { assignmentCandidates, assignmentChanged } from './assignment-form.ts';

/**
 * Who works with the person (shown only when `allowedActions` has 'assign', i.e. to a focal point): the team that
 * owns the record and the caseworkers assigned, ticked among those assigned and the chosen team's members. The
 * change is based on the version seen (412 if someone changed the record meanwhile).
 */
export function AssignmentSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const client = useQueryClient();
  const teams = useQuery({ queryKey: ['teams'], queryFn: listTeams });
  const [teamId, setTeamId] = useState(person.owningTeamId ?? '');
  const [caseworkers, setCaseworkers] = useState(person.assignedCaseworkerIds);
  const assign = useMutation({
    mutationFn: assignPerson,
    onSuccess: (updated) => client.setQueryData(['people', updated.id], updated),
  });
  const candidates = assignmentCandidates(person.assignedCaseworkerIds, teamId, teams.data ?? []);
  const who = (id: string, index: number) =>
    id === session.user.id ? t('people:assignment.you') : t('people:assignment.colleague', { n: index + 1 });
  const toggle = (id: string, on: boolean) =>
    setCaseworkers(on ? [...caseworkers, id] : caseworkers.filter((c) => c !== id));
  const save = () =>
    assign.mutate({
      personId: person.id,
      body: { caseworkerIds: caseworkers, teamId: teamId || null },
      version: person.version,
    });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="assignment-title">
      <Stack>
        <Title order={2} size="h3" id="assignment-title">
          {t('people:assignment.title')}
        </Title>
        <NativeSelect
          label={t('people:assignment.team')}
          value={teamId}
          onChange={(e) => setTeamId(e.currentTarget.value)}
          data={[
            { value: '', label: t('people:assignment.noTeam') },
            ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
        <Checkbox.Group label={t('people:assignment.caseworkers')} value={caseworkers}>
          <Stack gap="xs" mt="xs">
            {candidates.length === 0 && <Text size="sm">{t('people:assignment.none')}</Text>}
            {candidates.map((id, index) => (
              <Checkbox
                key={id}
                value={id}
                label={who(id, index)}
                onChange={(e) => toggle(id, e.currentTarget.checked)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {isApiProblem(assign.error, 'precondition-failed') ? (
          <Text role="alert" c="orange.9">
            {t('people:person.stale')}
          </Text>
        ) : (
          <ProblemAlert error={assign.error ?? teams.error} />
        )}
        <Group>
          <Button
            onClick={save}
            disabled={!assignmentChanged(person, teamId, caseworkers)}
            loading={assign.isPending}
          >
            {t('people:assignment.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
