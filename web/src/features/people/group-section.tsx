import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonAction, PersonFieldGroup } from '../../../../common/people.ts';
import { changePersonGroup, getPerson } from '../../api/people.ts';
import { isApiProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { issuesOfProblem, issuesOfZod, type FieldIssues } from './field-issues.ts';
import type { GroupConfig } from './group-configs.tsx';

const changeAction: Record<PersonFieldGroup, PersonAction> = {
  identity: 'change-identity',
  contact: 'change-contact',
  documents: 'change-documents',
  special: 'change-special',
};

function Masked({ reason }: { reason: 'restricted' | 'erased' }) {
  const { t } = useTranslation();
  return reason === 'erased' ? (
    <Text>{t('people:masked.erased')}</Text>
  ) : (
    <Alert variant="light" color="gray" title={t('people:masked.restrictedTitle')}>
      {t('people:masked.restricted')}
    </Alert>
  );
}

/**
 * One field group of the person page: read, or changed in place when the viewer may. A change is based on the
 * version the viewer saw: if someone changed the record meanwhile, Passage refuses (412) and the viewer reloads.
 */
export function GroupSection<G extends PersonFieldGroup, F>(props: {
  person: Person;
  config: GroupConfig<G, F>;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { person, config } = props;
  const view = person[config.group];
  const [form, setForm] = useState<F | null>(null);
  const [checked, setChecked] = useState<FieldIssues>([]);
  const change = useMutation({
    mutationFn: changePersonGroup<G>,
    onSuccess: (updated) => {
      client.setQueryData(['people', updated.id], updated);
      setForm(null);
    },
  });
  const stale = isApiProblem(change.error, 'precondition-failed');
  const title = t(`people:groups.${config.group}`);
  const edit = () => {
    if (view.access !== 'visible') return;
    change.reset();
    setChecked([]);
    setForm(config.fromApi(view.fields, person));
  };
  const reload = async () => {
    const fresh = await getPerson(person.id);
    client.setQueryData(['people', fresh.id], fresh);
    change.reset();
    const freshView = fresh[config.group];
    setForm(freshView.access === 'visible' ? config.fromApi(freshView.fields, fresh) : null);
  };
  const save = (event: SyntheticEvent) => {
    event.preventDefault();
    if (form === null) return;
    const parsed = config.schema.safeParse(config.toApi(form));
    setChecked(parsed.success ? [] : issuesOfZod(parsed.error));
    if (parsed.success)
      change.mutate({
        personId: person.id,
        group: config.group,
        fields: parsed.data,
        version: person.version,
      });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`group-${config.group}`}>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id={`group-${config.group}`}>
            {title}
          </Title>
          {view.access === 'visible' &&
            form === null &&
            person.allowedActions.includes(changeAction[config.group]) && (
              <Button
                variant="default"
                onClick={edit}
                aria-label={t('people:person.changeGroup', { group: title })}
              >
                {t('people:person.change')}
              </Button>
            )}
        </Group>
        {view.access === 'masked' ? (
          <Masked reason={view.reason} />
        ) : form === null ? (
          config.view(view.fields)
        ) : (
          <form onSubmit={save} noValidate>
            <Stack>
              {config.form({
                value: form,
                onChange: setForm,
                issues: [...checked, ...issuesOfProblem(change.error)],
              })}
              {checked.length > 0 && (
                <Alert color="red" role="alert">
                  {t('people:register.checkAnswers')}
                </Alert>
              )}
              {stale ? (
                <Alert color="orange" role="alert" title={t('people:person.staleTitle')}>
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">{t('people:person.stale')}</Text>
                    <Button size="xs" variant="default" onClick={() => void reload()}>
                      {t('people:person.reload')}
                    </Button>
                  </Stack>
                </Alert>
              ) : (
                <ProblemAlert error={change.error} />
              )}
              <Group>
                <Button type="submit" loading={change.isPending} disabled={stale}>
                  {t('people:person.save')}
                </Button>
                <Button variant="subtle" onClick={() => setForm(null)}>
                  {t('people:person.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
