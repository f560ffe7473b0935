import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { directoryNs } from './strings.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Service } from '../../../../common/directory.ts';
import { isApiProblem } from '../../api/problem.ts';
import { codeName } from '../../components/iso-codes.ts';
import { Loading } from '../../components/loading.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { categoryLabel, useOrganisation } from './directory-queries.ts';

function Contact({ email, phone, web }: { email: string | null; phone: string | null; web: string | null }) {
  return (
    <Group gap="md" wrap="wrap">
      {email && (
        <Anchor href={`mailto:${email}`} size="sm" dir="ltr">
          {email}
        </Anchor>
      )}
      {phone && (
        <Anchor href={`tel:${phone}`} size="sm" dir="ltr">
          {phone}
        </Anchor>
      )}
      {web && (
        <Anchor href={web} size="sm" dir="ltr" target="_blank" rel="noreferrer">
          {web}
        </Anchor>
      )}
    </Group>
  );
}

function ServiceCard({ service, organisationId }: { service: Service; organisationId: string }) {
  const { t } = useTranslation(directoryNs);
  const locale = currentLocale();
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>
            <bdi>{service.name}</bdi>
          </Text>
          <Group gap={4}>
            {service.isConfidential && (
              <Badge color="grape" variant="light">
                {t('directory:confidential')}
              </Badge>
            )}
            <Badge variant="light" color={service.status === 'active' ? 'teal' : 'gray'}>
              {t(`directory:serviceStatus.${service.status}`)}
            </Badge>
          </Group>
        </Group>
        {service.description && (
          <Text size="sm">
            <bdi>{service.description}</bdi>
          </Text>
        )}
        {service.categories.length > 0 && (
          <Text size="sm">
            {formatList(
              service.categories.map((c) => categoryLabel(c, locale)),
              locale,
            )}
          </Text>
        )}
        {service.languages.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('directory:service.languages')}:{' '}
            {formatList(
              service.languages.map((l) => codeName('language', l, locale)),
              locale,
            )}
          </Text>
        )}
        <Contact email={service.email} phone={service.phone} web={service.url} />
        {service.allowedActions.includes('change') && (
          <div>
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={`/organisations/${organisationId}/services/${service.id}/edit`}
            >
              {t('directory:service.edit')}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** One organisation with its services (the HSDS shape), and the keeper's controls the server allows. */
export function OrganisationPage() {
  const { t } = useTranslation(directoryNs);
  const locale = currentLocale();
  const organisationId = useParams().organisationId ?? '';
  const organisation = useOrganisation(organisationId);
  if (isApiProblem(organisation.error, 'not-found', 'validation-failed')) return <NotFound />;
  if (organisation.isPending) return <Loading />;
  if (!organisation.data) return <ProblemAlert error={organisation.error} />;
  const o = organisation.data;
  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/organisations" size="sm">
        {t('directory:back')}
      </Anchor>
      <Title order={1}>
        <bdi>{o.name}</bdi>
      </Title>
      <Group gap={4}>
        <Badge variant="light">{t(`directory:kind.${o.kind}`)}</Badge>
        {o.isConfidential && (
          <Badge color="grape" variant="light">
            {t('directory:confidential')}
          </Badge>
        )}
        {o.protectiveRole && (
          <Badge color="blue" variant="light">
            {t(`directory:protectiveRole.${o.protectiveRole}`)}
          </Badge>
        )}
        {o.status === 'inactive' && <Badge color="gray">{t('directory:status.inactive')}</Badge>}
      </Group>
      {o.alternateName && (
        <Text c="dimmed">
          <bdi>{o.alternateName}</bdi>
        </Text>
      )}
      {o.country && (
        <Text size="sm">
          {t('directory:field.country')}: {codeName('region', o.country, locale)}
        </Text>
      )}
      {o.description && (
        <Text>
          <bdi>{o.description}</bdi>
        </Text>
      )}
      <Contact email={o.email} phone={o.phone} web={o.website} />
      {o.allowedActions.includes('change') && (
        <div>
          <Button variant="default" component={Link} to={`/organisations/${o.id}/edit`}>
            {t('directory:edit')}
          </Button>
        </div>
      )}
      <Group justify="space-between">
        <Title order={2}>{t('directory:services')}</Title>
        {o.allowedActions.includes('add-service') && (
          <Button variant="light" component={Link} to={`/organisations/${o.id}/services/new`}>
            {t('directory:service.add')}
          </Button>
        )}
      </Group>
      {o.services.length === 0 && <Text c="dimmed">{t('directory:noServices')}</Text>}
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {o.services.map((s) => (
          <ServiceCard key={s.id} service={s} organisationId={o.id} />
        ))}
      </Stack>
    </Stack>
  );
}
