import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContentItem, ContentKind } from '../../../../common/content.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { currentLocale } from '../../i18n/i18n.ts';
import { contentListQuery } from './content-queries.ts';
import { contentLanguages, groupByKind, languageLabel, translationStatus } from './content-status.ts';
import { StatusBadge } from './status-badge.tsx';

function KindTable(props: { kind: ContentKind; items: ContentItem[]; languages: string[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const kindName = t(`content:kinds.${props.kind}`);
  const titleId = `kind-${props.kind}`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack>
        <Title order={2} size="h3" id={titleId}>
          {kindName}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t('content:list.caption', { kind: kindName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('content:list.key')}</Table.Th>
                {props.languages.map((language) => (
                  <Table.Th scope="col" key={language}>
                    {languageLabel(language, locale)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.items.map((item) => (
                <Table.Tr key={item.key}>
                  <Table.Th scope="row" fw={400}>
                    <Group gap={6}>
                      <Anchor component={Link} to={`/content/${item.key}`} ff="monospace" dir="ltr">
                        {item.key}
                      </Anchor>
                      {item.source === 'society' && (
                        <Text span size="xs" c="dimmed">
                          {t('content:status.own')}
                        </Text>
                      )}
                    </Group>
                  </Table.Th>
                  {props.languages.map((language) => (
                    <Table.Td key={language}>
                      <StatusBadge status={translationStatus(item, language)} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/** Every text of the society grouped by what it is for, with the state of each language at a glance. */
export function ContentListScreen() {
  const { t } = useTranslation();
  const content = useQuery(contentListQuery);
  const items = content.data ?? [];
  const languages = contentLanguages(items);
  const editable = items.some((item) => item.allowedActions.includes('edit'));
  return (
    <Stack>
      <Title order={1}>{t('content:title')}</Title>
      <Text>{t('content:intro')}</Text>
      {content.isSuccess && !editable && <Text size="sm">{t('content:readOnly')}</Text>}
      {content.isPending && <Loading />}
      <ProblemAlert error={content.error} />
      {groupByKind(items).map((group) => (
        <KindTable key={group.kind} kind={group.kind} items={group.items} languages={languages} />
      ))}
    </Stack>
  );
}
