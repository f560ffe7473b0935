import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listPeople } from '../../api/people.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { PeopleSearch } from './people-search.tsx';
import { PeopleTable } from './people-table.tsx';

/** The people in the viewer's scope, newest first, with search and the way to register someone. */
export function PeopleListPage() {
  const { t } = useTranslation();
  const [assigned, setAssigned] = useState<'me' | 'any'>('any');
  const people = useInfiniteQuery({
    queryKey: ['people', 'list', assigned],
    queryFn: ({ pageParam }) => listPeople({ assigned, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack maw={960}>
      <Title order={1}>{t('people:list.title')}</Title>
      <Group>
        <Button component={Link} to="/people/new" size="lg">
          {t('people:register.quickButton')}
        </Button>
        <Button component={Link} to="/people/new/full" variant="default" size="lg">
          {t('people:register.fullButton')}
        </Button>
      </Group>
      <PeopleSearch />
      <Title order={2} size="h3">
        {t('people:list.inScope')}
      </Title>
      <SegmentedControl
        w="fit-content"
        value={assigned}
        onChange={(value) => setAssigned(value === 'me' ? 'me' : 'any')}
        aria-label={t('people:list.show')}
        data={[
          { value: 'any', label: t('people:list.all') },
          { value: 'me', label: t('people:list.mine') },
        ]}
      />
      <ProblemAlert error={people.error} />
      {people.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('people:list.empty')}</Text>
      ) : (
        <PeopleTable people={items} caption={t('people:list.caption')} />
      )}
      {people.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          loading={people.isFetchingNextPage}
          onClick={() => void people.fetchNextPage()}
        >
          {t('people:list.more')}
        </Button>
      )}
    </Stack>
  );
}
