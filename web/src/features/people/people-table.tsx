import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonSummary } from '../../../../common/people.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';

/** A table of people: the pseudonymous code (the link), the "known as" name, and the routing flags. */
export function PeopleTable(props: {
  people: readonly PersonSummary[];
  caption: string;
  extra?: (p: PersonSummary) => string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people:list.code')}</Table.Th>
            <Table.Th scope="col">{t('people:list.knownAs')}</Table.Th>
            <Table.Th scope="col">{t('people:list.flags')}</Table.Th>
            <Table.Th scope="col">{t('people:list.registered')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/people/${person.id}`} ff="monospace">
                  {person.code}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {person.knownAs ? (
                  <bdi>{person.knownAs}</bdi>
                ) : (
                  <Text span c="dimmed" size="sm">
                    {t('people:list.noKnownAs')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {person.presumedChild && (
                    <Badge color="grape" variant="light">
                      {t('people:presumedChild.badge')}
                    </Badge>
                  )}
                  {person.assignedToMe && <Badge variant="light">{t('people:list.assignedToMe')}</Badge>}
                  {props.extra && (
                    <Text span size="sm">
                      {props.extra(person)}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{formatDateTime(person.createdAt, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
