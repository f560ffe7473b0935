import { Alert, Anchor, Button, Checkbox, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { consentNs } from './strings.ts';
import { useMutation } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ShareCheckBody, ShareFieldGroup, type ShareDecision } from '../../../../common/consent.ts';
import { consentPurposes, type ConsentPurpose } from '../../../../common/consent-purposes.ts';
import { checkShare } from '../../api/consent.ts';
import { NotFound } from '../../components/not-found.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useOrganisations, useServices } from './consent-queries.ts';
import { useConsentPersonId } from './person-id.ts';
import { decisionView } from './reasons.ts';

/** The sharing gate's answer in the viewer's language: allowed (on what), or refused and why, by reason code. */
function Decision({ decision }: { decision: ShareDecision }) {
  const { t } = useTranslation(consentNs);
  const view = decisionView(decision);
  if (view.allowed)
    return (
      <Alert color="teal" role="status" title={t('consent:share.allowed')}>
        {view.on === 'consent' ? t('consent:share.onConsent') : t('consent:share.onLegalBasis')}
      </Alert>
    );
  return (
    <Alert color="red" role="status" title={t('consent:share.refused')}>
      <Text size="sm" data-reason={view.code}>
        {t(view.key)}
      </Text>
    </Alert>
  );
}

/**
 * The share check: the viewer picks a recipient, a purpose and the data, and asks the sharing gate (every
 * question is audited). Nothing is sent anywhere: later features share only through the same gate.
 */
export function ShareCheckPage() {
  const personId = useConsentPersonId();
  if (!personId) return <NotFound />;
  return <ShareCheck personId={personId} />;
}

function ShareCheck({ personId }: { personId: string }) {
  const { t } = useTranslation(consentNs);
  const organisations = useOrganisations();
  const [organisationId, setOrganisationId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [purpose, setPurpose] = useState<ConsentPurpose>('referral');
  const [fields, setFields] = useState<ShareFieldGroup[]>([]);
  const [checked, setChecked] = useState(false);
  const services = useServices(organisationId);
  const body = ShareCheckBody.safeParse({
    recipient: { organisationId, ...(serviceId ? { serviceId } : {}) },
    purpose,
    fields,
  });
  const check = useMutation({ mutationFn: (b: ShareCheckBody) => checkShare(personId, b) });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (body.success) check.mutate(body.data);
  };
  const reset = () => check.reset();
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Anchor component={Link} to={`/people/${personId}`} size="sm">
          {t('consent:form.back')}
        </Anchor>
        <Title order={1}>{t('consent:share.title')}</Title>
        <Text size="sm">{t('consent:share.intro')}</Text>
        <NativeSelect
          label={t('consent:form.organisation')}
          value={organisationId}
          onChange={(e) => {
            setOrganisationId(e.currentTarget.value);
            setServiceId('');
            reset();
          }}
          error={checked && !organisationId ? t('consent:missing.recipient') : undefined}
          required
          data={[
            { value: '', label: t('consent:form.pickOrganisation') },
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        {organisationId !== '' && (services.data?.length ?? 0) > 0 && (
          <NativeSelect
            label={t('consent:form.service')}
            value={serviceId}
            onChange={(e) => {
              setServiceId(e.currentTarget.value);
              reset();
            }}
            data={[
              { value: '', label: t('consent:form.anyService') },
              ...(services.data ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
        <NativeSelect
          label={t('consent:form.purpose')}
          value={purpose}
          onChange={(e) => {
            setPurpose(e.currentTarget.value as ConsentPurpose);
            reset();
          }}
          data={consentPurposes.map((p) => ({ value: p, label: t(`consent:purpose.${p}`) }))}
        />
        <Checkbox.Group
          label={t('consent:share.fields')}
          value={fields}
          onChange={(v) => {
            setFields(v);
            reset();
          }}
          error={checked && fields.length === 0 ? t('consent:missing.fieldGroups') : undefined}
          required
        >
          <Stack gap="xs" mt="xs">
            {ShareFieldGroup.options.map((g) => (
              <Checkbox key={g} value={g} label={t(`consent:fieldGroup.${g}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <ProblemAlert error={check.error} />
        {check.data && <Decision decision={check.data} />}
        <div>
          <Button type="submit" loading={check.isPending}>
            {t('consent:share.ask')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
