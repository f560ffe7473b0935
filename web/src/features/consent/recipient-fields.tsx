import { NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { consentNs } from './strings.ts';
import { useTranslation } from 'react-i18next';
import { ProtectiveTarget } from '../../../../common/consent.ts';
import type { ConsentPurpose } from '../../../../common/consent-purposes.ts';
import type { OrganisationSummary } from '../../../../common/directory.ts';
import { useOrganisations, useServices } from './consent-queries.ts';

/** The organisations a purpose may name: another National Society for a cross-border transfer, else any other. */
export function recipientsFor(
  organisations: readonly OrganisationSummary[],
  purpose: ConsentPurpose | null,
  target: ProtectiveTarget | null,
): OrganisationSummary[] {
  const active = organisations.filter((o) => o.status === 'active');
  if (purpose === 'cross-border') return active.filter((o) => o.kind === 'national-society');
  if (purpose === 'protective-referral')
    return active.filter((o) => target !== null && o.protectiveRole === target);
  return active;
}

/**
 * The recipient picked from the organisation registry by id (never typed in), and optionally one of its
 * services; for a protective referral, the authority first.
 */
export function RecipientFields(props: {
  purpose: ConsentPurpose | null;
  target: ProtectiveTarget | null;
  organisationId: string;
  serviceId: string;
  onChange: (change: { target?: ProtectiveTarget; organisationId?: string; serviceId?: string }) => void;
  errors: { target?: string | undefined; organisation?: string | undefined; service?: string | undefined };
}) {
  const { t } = useTranslation(consentNs);
  const organisations = useOrganisations();
  const services = useServices(props.organisationId);
  const choices = recipientsFor(organisations.data ?? [], props.purpose, props.target);
  return (
    <Stack>
      {props.purpose === 'protective-referral' && (
        <Radio.Group
          label={t('consent:form.target')}
          value={props.target ?? ''}
          onChange={(value) =>
            props.onChange({ target: value as ProtectiveTarget, organisationId: '', serviceId: '' })
          }
          error={props.errors.target}
          required
        >
          <Stack gap="xs" mt="xs">
            {ProtectiveTarget.options.map((target) => (
              <Radio key={target} value={target} label={t(`consent:target.${target}`)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <NativeSelect
        label={t('consent:form.organisation')}
        description={t('consent:form.organisationHelp')}
        value={props.organisationId}
        onChange={(e) => props.onChange({ organisationId: e.currentTarget.value, serviceId: '' })}
        error={props.errors.organisation}
        required={props.purpose !== 'protective-referral'}
        data={[
          { value: '', label: t('consent:form.pickOrganisation') },
          ...choices.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      {organisations.data && choices.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('consent:form.noOrganisations')}
        </Text>
      )}
      {props.organisationId !== '' && (services.data?.length ?? 0) > 0 && (
        <NativeSelect
          label={t('consent:form.service')}
          value={props.serviceId}
          onChange={(e) => props.onChange({ serviceId: e.currentTarget.value })}
          error={props.errors.service}
          data={[
            { value: '', label: t('consent:form.anyService') },
            ...(services.data ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      )}
    </Stack>
  );
}
