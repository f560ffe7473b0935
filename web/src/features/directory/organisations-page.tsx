import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { directoryNs } from './strings.ts';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganisationKind, type OrganisationListQuery } from '../../../../common/directory.ts';
import { codeName } from '../../components/iso-codes.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { categoryLabel, useOrganisation, useOrganisationList } from './directory-queries.ts';

/**
 * Whether the viewer keeps the directory, read from the allowed actions of the society's own organisation (the
 * list carries none): a keeper may change every entry they see.
 */
function useMayAdd(internalId: string | undefined) {
  const own = useOrganisation(internalId ?? '');
  return own.data?.allowedActions.includes('change') === true;
}

/** The query with its name and kind filters changed; a filter without a value is left out (the API takes none). */
function withFilters(
  query: OrganisationListQuery,
  change: { q?: string | undefined; kind?: OrganisationKind | undefined },
): OrganisationListQuery {
  const { q, kind, ...rest } = { ...query, ...change };
  return { ...rest, ...(q ? { q } : {}), ...(kind ? { kind } : {}) };
}

/** The organisation registry: search by name, filter by kind, and open one; keepers may add one. */
export function OrganisationsPage() {
  const { t } = useTranslation(directoryNs);
  const locale = currentLocale();
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState<OrganisationListQuery>({ limit: 200 });
  const list = useOrganisationList(query);
  const mayAdd = useMayAdd(list.data?.items.find((o) => o.kind === 'internal')?.id);
  const search = (event: SyntheticEvent) => {
    event.preventDefault();
    const q = term.trim();
    setQuery((current) => withFilters(current, { q }));
  };
  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={1}>{t('directory:list.title')}</Title>
        {mayAdd && (
          <Button component={Link} to="/organisations/new">
            {t('directory:list.add')}
          </Button>
        )}
      </Group>
      <Group component="form" onSubmit={search} role="search" align="flex-end" wrap="wrap">
        <TextInput
          label={t('directory:list.search')}
          value={term}
          onChange={(e) => setTerm(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('directory:list.kind')}
          value={query.kind ?? ''}
          onChange={(e) => {
            const kind = OrganisationKind.safeParse(e.currentTarget.value);
            setQuery((current) => withFilters(current, { kind: kind.success ? kind.data : undefined }));
          }}
          data={[
            { value: '', label: t('directory:list.anyKind') },
            ...OrganisationKind.options.map((k) => ({ value: k, label: t(`directory:kind.${k}`) })),
          ]}
        />
        <Button type="submit" variant="default">
          {t('directory:list.searchButton')}
        </Button>
      </Group>
      <ProblemAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data?.items.length === 0 && <Text c="dimmed">{t('directory:list.none')}</Text>}
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.data?.items.map((o) => (
          <Paper key={o.id} withBorder p="sm" component="li">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/organisations/${o.id}`} fw={600}>
                <bdi>{o.name}</bdi>
              </Anchor>
              <Group gap={4}>
                <Badge variant="light">{t(`directory:kind.${o.kind}`)}</Badge>
                {o.isConfidential && (
                  <Badge color="grape" variant="light">
                    {t('directory:confidential')}
                  </Badge>
                )}
                {o.status === 'inactive' && <Badge color="gray">{t('directory:status.inactive')}</Badge>}
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {[
                o.country ? codeName('region', o.country, locale) : '',
                o.protectiveRole ? t(`directory:protectiveRole.${o.protectiveRole}`) : '',
                formatList(
                  o.categories.map((c) => categoryLabel(c, locale)),
                  locale,
                ),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
