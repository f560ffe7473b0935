import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { NotFound } from '../../components/not-found.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { isApiProblem } from '../../api/problem.ts';
import { ConsentSection } from '../consent/consent-section.tsx';
import { AssignmentSection } from './assignment-section.tsx';
import { contactConfig, documentsConfig, identityConfig, specialConfig } from './group-configs.tsx';
import { GroupSection } from './group-section.tsx';
import { usePerson, usePersonId } from './person-query.ts';
import { PresumedChildNote } from './presumed-child.tsx';

/**
 * The person page: headed by the pseudonymous code (never a name: the heading is what shows on a screen someone
 * glances at), the "known as" name, each field group as the viewer may see it, who works with the person, and
 * their consents.
 */
export function PersonPage() {
  const personId = usePersonId();
  if (!personId) return <NotFound />;
  return <PersonScreen personId={personId} />;
}

function PersonScreen({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const person = usePerson(personId);
  if (isApiProblem(person.error, 'not-found')) return <NotFound />;
  if (person.isPending) return <Loading />;
  if (!person.data) return <ProblemAlert error={person.error} />;
  const p = person.data;
  const registered = (location.state as { registered?: boolean } | null)?.registered === true;
  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/people" size="sm">
        {t('people:person.back')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1} ff="monospace">
          {p.code}
        </Title>
        {p.presumedChild && (
          <Badge color="grape" variant="light">
            {t('people:presumedChild.badge')}
          </Badge>
        )}
      </Group>
      {registered && (
        <Alert color="teal" role="status">
          {t('people:person.registered', { code: p.code })}
        </Alert>
      )}
      <Text>
        {t('people:list.knownAs')}:{' '}
        {p.knownAs ? (
          <bdi>{p.knownAs}</bdi>
        ) : (
          <Text span c="dimmed" fs="italic">
            {t('people:list.noKnownAs')}
          </Text>
        )}
      </Text>
      {p.erased && (
        <Alert color="gray" title={t('people:person.erasedTitle')}>
          {t('people:person.erased')}
        </Alert>
      )}
      {p.presumedChild && !p.erased && <PresumedChildNote />}
      <GroupSection person={p} config={identityConfig} />
      <GroupSection person={p} config={contactConfig} />
      <GroupSection person={p} config={documentsConfig} />
      <GroupSection person={p} config={specialConfig} />
      {p.allowedActions.includes('assign') && <AssignmentSection key={p.version} person={p} />}
      {!p.erased && <ConsentSection personId={p.id} allowedActions={p.allowedActions} />}
    </Stack>
  );
}
