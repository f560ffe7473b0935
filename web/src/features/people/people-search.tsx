import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonSearchBody } from '../../../../common/people.ts';
import { searchPeople } from '../../api/people.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { PeopleTable } from './people-table.tsx';

type SearchBy = 'name' | 'phone' | 'documentNumber';

/**
 * Search by a name, a phone number or a document number. SECURITY: the term is sent in a POST body and kept in
 * this screen's memory only: never in the address, the history or the browser's form memory.
 */
export function PeopleSearch() {
  const { t } = useTranslation();
  const [by, setBy] = useState<SearchBy>('name');
  const [term, setTerm] = useState('');
  const [invalid, setInvalid] = useState(false);
  const search = useMutation({ mutationFn: searchPeople });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const body = PersonSearchBody.safeParse({ [by]: term });
    setInvalid(!body.success);
    if (body.success) search.mutate(body.data);
  };
  const clear = () => {
    setTerm('');
    setInvalid(false);
    search.reset();
  };
  const matched = (kinds: readonly string[]) =>
    kinds
      .map((kind) => t(`people:search.matched.${kind as 'name-token' | 'phone' | 'document-number'}`))
      .join(', ');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="people-search-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="people-search-title">
          {t('people:search.title')}
        </Title>
        <form onSubmit={submit} noValidate role="search" aria-labelledby="people-search-title">
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('people:search.by')}
              value={by}
              onChange={(e) => setBy(e.currentTarget.value as SearchBy)}
              data={(['name', 'phone', 'documentNumber'] as const).map((v) => ({
                value: v,
                label: t(`people:search.kinds.${v}`),
              }))}
            />
            <TextInput
              label={t('people:search.term')}
              value={term}
              onChange={(e) => setTerm(e.currentTarget.value)}
              error={invalid ? t('people:search.invalid') : undefined}
              autoComplete="off"
              spellCheck={false}
              dir="auto"
              type={by === 'phone' ? 'tel' : 'text'}
            />
            <Button type="submit" loading={search.isPending}>
              {t('people:search.submit')}
            </Button>
            {search.data && (
              <Button variant="subtle" onClick={clear}>
                {t('people:search.clear')}
              </Button>
            )}
          </Group>
        </form>
        <ProblemAlert error={search.error} />
        {search.data && (
          <div role="status">
            {search.data.candidates.length === 0 ? (
              <Text>{t('people:search.none')}</Text>
            ) : (
              <PeopleTable
                people={search.data.candidates}
                caption={t('people:search.caption', { total: search.data.candidates.length })}
                extra={(person) => {
                  const candidate = search.data.candidates.find((c) => c.id === person.id);
                  return candidate ? t('people:search.matchedBy', { kinds: matched(candidate.matched) }) : '';
                }}
              />
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
