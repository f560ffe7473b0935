import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import {
  decideLegalBasis,
  listFlaggedConsents,
  listLegalBasesForReview,
  reviewLegalBasis,
} from '../../api/consent.ts';
import { Loading } from '../../components/loading.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useAreaStrings } from '../../i18n/areas.ts';
import { ConsentCard, LegalBasisCard } from './consent-card.tsx';
import { organisationName, useOrganisations } from './consent-queries.ts';
import { consentNs, consentStrings } from './strings.ts';

const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** The focal points' queue: consents recorded with quality warnings, each with a way to the person. */
function FlaggedConsents() {
  const { t } = useTranslation(consentNs);
  const flagged = useQuery({ queryKey: ['consents', 'flagged'], queryFn: listFlaggedConsents });
  const organisations = useOrganisations();
  const names = (id: string | null) => organisationName(organisations.data, id);
  return (
    <Stack maw={860}>
      <Title order={1}>{t('consent:review.consentsTitle')}</Title>
      <Text size="sm">{t('consent:review.consentsIntro')}</Text>
      <ProblemAlert error={flagged.error} />
      {flagged.isPending && <Loading />}
      {flagged.data?.length === 0 && <Text c="dimmed">{t('consent:review.none')}</Text>}
      <Stack component="ul" gap="xs" style={listStyle}>
        {flagged.data?.map((c) => (
          <Stack key={c.id} gap={4} component="li">
            <Anchor component={Link} to={`/people/${c.personId}`}>
              {t('consent:review.person', { code: c.personCode })}
            </Anchor>
            <Stack component="ul" style={listStyle}>
              <ConsentCard consent={c} names={names} />
            </Stack>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

/** The data protection officer's queue: legal obligations to decide, and other bases to mark reviewed. */
function LegalBasesReview() {
  const { t } = useTranslation(consentNs);
  const client = useQueryClient();
  const queue = useQuery({ queryKey: ['legal-bases', 'review'], queryFn: listLegalBasesForReview });
  const organisations = useOrganisations();
  const names = (id: string | null) => organisationName(organisations.data, id);
  const refresh = () => client.invalidateQueries({ queryKey: ['legal-bases', 'review'] });
  const decide = useMutation({ mutationFn: decideLegalBasis, onSuccess: refresh });
  const review = useMutation({ mutationFn: reviewLegalBasis, onSuccess: refresh });
  return (
    <Stack maw={860}>
      <Title order={1}>{t('consent:review.basesTitle')}</Title>
      <Text size="sm">{t('consent:review.basesIntro')}</Text>
      <ProblemAlert error={queue.error ?? decide.error ?? review.error} />
      {queue.isPending && <Loading />}
      {queue.data?.length === 0 && <Text c="dimmed">{t('consent:review.none')}</Text>}
      <Stack component="ul" gap="xs" style={listStyle}>
        {queue.data?.map((b) => (
          <Stack key={b.id} gap={4} component="li">
            <Text fw={600} ff="monospace">
              {t('consent:review.person', { code: b.personCode })}
            </Text>
            <Stack component="ul" style={listStyle}>
              <LegalBasisCard
                basis={b}
                names={names}
                deciding={decide.isPending}
                onDecide={
                  b.kind === 'legal-obligation' && b.status === 'pending'
                    ? (decision) => decide.mutate({ personId: b.personId, legalBasisId: b.id, decision })
                    : undefined
                }
              />
            </Stack>
            {b.flaggedForDpo && !b.dpoReviewedAt && b.status !== 'pending' && (
              <div>
                <Button
                  size="xs"
                  variant="default"
                  loading={review.isPending}
                  onClick={() => review.mutate(b.id)}
                >
                  {t('consent:review.markReviewed')}
                </Button>
              </div>
            )}
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

/** The review queues (/reviews): consents for focal points, legal bases for the data protection officer. */
export function ReviewsArea() {
  useAreaStrings(consentStrings);
  return (
    <Routes>
      <Route path="consents" element={<FlaggedConsents />} />
      <Route path="legal-bases" element={<LegalBasesReview />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
