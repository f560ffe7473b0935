import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Consent, WithdrawalResult } from '../../../../common/consent.ts';
import type { PersonAction } from '../../../../common/people.ts';
import { decideLegalBasis } from '../../api/consent.ts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useAreaStrings } from '../../i18n/areas.ts';
import { ConsentCard, LegalBasisCard } from './consent-card.tsx';
import {
  consentKeys,
  organisationName,
  useConsents,
  useOrganisations,
  usePersonRecord,
} from './consent-queries.ts';
import { consentNs, consentStrings } from './strings.ts';
import { WithdrawDialog } from './withdraw-dialog.tsx';

/**
 * The consent section of the person page: what the person agreed to, purpose by purpose, and the other legal
 * bases, with the controls the server allows (record, withdraw, check a share, the notice, decide a basis).
 */
export function ConsentSection(props: { personId: string; allowedActions?: readonly PersonAction[] }) {
  return (
    <Suspense fallback={<Loading />}>
      <ConsentSectionBody {...props} />
    </Suspense>
  );
}

function WithdrawnNotice({ result }: { result: WithdrawalResult }) {
  const { t } = useTranslation(consentNs);
  return (
    <Alert color="teal" role="status">
      {t('consent:withdraw.done', {
        requests: result.deletionRequests.length,
        notified: result.notifiedUsers,
      })}
    </Alert>
  );
}

function ConsentSectionBody(props: {
  personId: string;
  allowedActions?: readonly PersonAction[] | undefined;
}) {
  const { personId } = props;
  useAreaStrings(consentStrings);
  const { t } = useTranslation(consentNs);
  const client = useQueryClient();
  const person = usePersonRecord(personId);
  const overview = useConsents(personId);
  const organisations = useOrganisations();
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [withdrawn, setWithdrawn] = useState<WithdrawalResult | null>(null);
  const decide = useMutation({
    mutationFn: decideLegalBasis,
    onSuccess: () => client.invalidateQueries({ queryKey: consentKeys.overview(personId) }),
  });
  const actions = props.allowedActions ?? person.data?.allowedActions ?? [];
  const names = (id: string | null) => organisationName(organisations.data, id);
  const base = `/people/${personId}/consent`;
  return (
    <Stack component="section" aria-labelledby="consent-heading" gap="sm">
      <Title order={2} id="consent-heading">
        {t('consent:section.title')}
      </Title>
      <Group gap="md" wrap="wrap">
        {actions.includes('record-consent') && (
          <Anchor component={Link} to={`${base}/new`}>
            {t('consent:section.record')}
          </Anchor>
        )}
        {actions.includes('check-share') && (
          <Anchor component={Link} to={`${base}/share-check`}>
            {t('consent:section.shareCheck')}
          </Anchor>
        )}
        {actions.includes('view-notice') && (
          <Anchor component={Link} to={`${base}/notice`}>
            {t('consent:section.notice')}
          </Anchor>
        )}
        {actions.includes('record-legal-basis') && (
          <Anchor component={Link} to={`${base}/legal-basis/new`}>
            {t('consent:section.legalBasis')}
          </Anchor>
        )}
      </Group>
      {withdrawn && <WithdrawnNotice result={withdrawn} />}
      <ProblemAlert error={overview.error ?? decide.error} />
      {overview.isPending && <Loading />}
      {overview.data && overview.data.consents.length === 0 && overview.data.legalBases.length === 0 && (
        <Text c="dimmed">{t('consent:section.none')}</Text>
      )}
      {overview.data && overview.data.consents.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('consent:section.consents')}
        >
          {overview.data.consents.map((c) => (
            <ConsentCard
              key={c.id}
              consent={c}
              names={names}
              onWithdraw={
                actions.includes('withdraw-consent') && c.status === 'active'
                  ? () => setWithdrawing(c)
                  : undefined
              }
            />
          ))}
        </Stack>
      )}
      {overview.data && overview.data.legalBases.length > 0 && (
        <>
          <Title order={3}>{t('consent:section.legalBases')}</Title>
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('consent:section.legalBases')}
          >
            {overview.data.legalBases.map((b) => (
              <LegalBasisCard
                key={b.id}
                basis={b}
                names={names}
                deciding={decide.isPending}
                onDecide={
                  actions.includes('decide-legal-basis') && b.status === 'pending'
                    ? (decision) => decide.mutate({ personId, legalBasisId: b.id, decision })
                    : undefined
                }
              />
            ))}
          </Stack>
        </>
      )}
      {withdrawing && (
        <WithdrawDialog
          personId={personId}
          consent={withdrawing}
          purposeLabel={t(`consent:purpose.${withdrawing.purpose}`)}
          onClose={() => setWithdrawing(null)}
          onDone={(result) => {
            setWithdrawing(null);
            setWithdrawn(result);
          }}
        />
      )}
    </Stack>
  );
}
