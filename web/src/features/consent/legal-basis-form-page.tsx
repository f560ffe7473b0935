import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { consentNs } from './strings.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  LegalBasisKind,
  NewLegalBasisBody,
  ShareFieldGroup,
  type ProtectiveTarget,
} from '../../../../common/consent.ts';
import { consentPurposes, type ConsentPurpose } from '../../../../common/consent-purposes.ts';
import { recordLegalBasis } from '../../api/consent.ts';
import { NotFound } from '../../components/not-found.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldMessage } from '../../components/problems.ts';
import { namesRecipient } from './consent-draft.ts';
import { consentKeys } from './consent-queries.ts';
import { useConsentPersonId } from './person-id.ts';
import { RecipientFields } from './recipient-fields.tsx';

type Reason = NewLegalBasisBody['reason'];
const urgentReasons: Reason[] = ['emergency', 'child-at-risk', 'unable-to-decide'];

/**
 * Records a legal basis other than consent where consent cannot be valid: vital or public interest with a
 * justification (a focal point approves it; the data protection officer is told), or a legal obligation to
 * disclose (the data protection officer decides).
 */
export function LegalBasisFormPage() {
  const personId = useConsentPersonId();
  if (!personId) return <NotFound />;
  return <LegalBasisForm personId={personId} />;
}

function LegalBasisForm({ personId }: { personId: string }) {
  const { t } = useTranslation(consentNs);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [kind, setKind] = useState<LegalBasisKind>('vital-interest');
  const [purpose, setPurpose] = useState<ConsentPurpose>('protective-referral');
  const [reason, setReason] = useState<Reason>('emergency');
  const [target, setTarget] = useState<ProtectiveTarget | null>(null);
  const [organisationId, setOrganisationId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [fields, setFields] = useState<ShareFieldGroup[]>([]);
  const [justification, setJustification] = useState('');
  const [checked, setChecked] = useState(false);
  const body = NewLegalBasisBody.safeParse({
    kind,
    purpose,
    reason: kind === 'legal-obligation' ? 'legal-duty' : reason,
    ...(namesRecipient(purpose) && organisationId ? { recipientOrganisationId: organisationId } : {}),
    ...(namesRecipient(purpose) && serviceId ? { recipientServiceId: serviceId } : {}),
    ...(purpose === 'protective-referral' && target ? { protectiveTarget: target } : {}),
    fieldGroups: fields,
    justification,
  });
  const issues = new Set(checked ? (body.error?.issues ?? []).map((i) => String(i.path[0])) : []);
  const record = useMutation({
    mutationFn: (b: NewLegalBasisBody) => recordLegalBasis(personId, b),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: consentKeys.overview(personId) });
      void navigate(`/people/${personId}`);
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (body.success) record.mutate(body.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Anchor component={Link} to={`/people/${personId}`} size="sm">
          {t('consent:form.back')}
        </Anchor>
        <Title order={1}>{t('consent:basis.title')}</Title>
        <Text size="sm">{t('consent:basis.intro')}</Text>
        <Radio.Group label={t('consent:basis.kindLabel')} value={kind} onChange={(v) => setKind(v)}>
          <Stack gap="xs" mt="xs">
            {LegalBasisKind.options.map((k) => (
              <Radio
                key={k}
                value={k}
                label={t(`consent:basis.kind.${k}`)}
                description={t(`consent:basis.kindHelp.${k}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Alert variant="light">
          {kind === 'legal-obligation' ? t('consent:basis.needsDpo') : t('consent:basis.needsFocalPoint')}
        </Alert>
        {kind !== 'legal-obligation' && (
          <NativeSelect
            label={t('consent:basis.reasonLabel')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as Reason)}
            data={urgentReasons.map((r) => ({ value: r, label: t(`consent:basis.reason.${r}`) }))}
          />
        )}
        <NativeSelect
          label={t('consent:form.purpose')}
          value={purpose}
          onChange={(e) => {
            setPurpose(e.currentTarget.value as ConsentPurpose);
            setOrganisationId('');
            setServiceId('');
          }}
          data={consentPurposes.map((p) => ({ value: p, label: t(`consent:purpose.${p}`) }))}
        />
        {namesRecipient(purpose) && (
          <RecipientFields
            purpose={purpose}
            target={target}
            organisationId={organisationId}
            serviceId={serviceId}
            onChange={(c) => {
              if (c.target) setTarget(c.target);
              if (c.organisationId !== undefined) setOrganisationId(c.organisationId);
              if (c.serviceId !== undefined) setServiceId(c.serviceId);
            }}
            errors={{
              organisation: issues.has('recipientOrganisationId')
                ? t('consent:missing.recipient')
                : undefined,
            }}
          />
        )}
        <Checkbox.Group
          label={t('consent:share.fields')}
          value={fields}
          onChange={(v) => setFields(v)}
          error={issues.has('fieldGroups') ? t('consent:missing.fieldGroups') : undefined}
          required
        >
          <Stack gap="xs" mt="xs">
            {ShareFieldGroup.options.map((g) => (
              <Checkbox key={g} value={g} label={t(`consent:fieldGroup.${g}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label={t('consent:basis.justification')}
          description={t('consent:basis.justificationHelp')}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          autosize
          minRows={4}
          required
          error={
            issues.has('justification')
              ? t('consent:missing.justification')
              : fieldMessage(record.error, 'body.justification', t)
          }
        />
        <ProblemAlert error={record.error} />
        <div>
          <Button type="submit" loading={record.isPending}>
            {t('consent:basis.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
