import { Anchor, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { consentNs } from './strings.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NewConsentBody } from '../../../../common/consent.ts';
import { recordConsent } from '../../api/consent.ts';
import { isApiProblem } from '../../api/problem.ts';
import { Loading } from '../../components/loading.tsx';
import { NotFound } from '../../components/not-found.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { currentLocale } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import {
  draftToBody,
  missingAt,
  newConsentDraft,
  placeOfServerField,
  stepsFor,
  type ConsentDraft,
  type ConsentStep,
} from './consent-draft.ts';
import { consentKeys, usePersonRecord } from './consent-queries.ts';
import {
  DataStep,
  ExpiryStep,
  GivenByStep,
  HowStep,
  InformationStep,
  PurposeStep,
} from './consent-steps.tsx';
import { useConsentPersonId } from './person-id.ts';
import { RecipientFields } from './recipient-fields.tsx';
import { ReviewStep } from './review-step.tsx';
import { localToday } from './withdraw-dialog.tsx';

/** The guided consent form: one question at a time in plain words, then a review read back to the person. */
export function ConsentFormPage() {
  const personId = useConsentPersonId();
  const person = usePersonRecord(personId ?? '');
  if (!personId || isApiProblem(person.error, 'not-found')) return <NotFound />;
  if (person.isPending) return <Loading />;
  if (!person.data) return <ProblemAlert error={person.error} />;
  return <ConsentForm personId={personId} presumedChild={person.data.presumedChild} />;
}

function serverErrors(error: unknown): { step: ConsentStep; fields: Record<string, string> } | undefined {
  if (!isApiProblem(error, 'validation-failed')) return undefined;
  const places = error.errors.flatMap((e) => placeOfServerField(e.path) ?? []);
  const first = places[0];
  if (!first) return undefined;
  return { step: first.step, fields: Object.fromEntries(places.map((p) => [p.field, p.field])) };
}

function ConsentForm({ personId, presumedChild }: { personId: string; presumedChild: boolean }) {
  const { t } = useTranslation(consentNs);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<ConsentDraft>(() =>
    newConsentDraft({ presumedChild, language: currentLocale() }),
  );
  const [step, setStep] = useState<ConsentStep>('purpose');
  const [missing, setMissing] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const record = useMutation({
    mutationFn: () => recordConsent(personId, NewConsentBody.parse(draftToBody(draft))),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: consentKeys.overview(personId) });
      void navigate(`/people/${personId}`);
    },
    onError: (error) => {
      const place = serverErrors(error);
      if (!place) return;
      setStep(place.step);
      setMissing(Object.keys(place.fields));
    },
  });
  const steps = stepsFor(draft);
  const index = Math.max(0, steps.indexOf(step));
  useEffect(() => heading.current?.focus(), [step]);
  const set = (change: Partial<ConsentDraft>) => setDraft((d) => ({ ...d, ...change }));
  const errors = Object.fromEntries(
    missing.map((key) => [key, t(`consent:missing.${key}` as 'consent:missing.purpose')]),
  );
  const go = (to: number) => {
    setMissing([]);
    setStep(steps[Math.min(Math.max(to, 0), steps.length - 1)] ?? 'purpose');
  };
  const next = (event: SyntheticEvent) => {
    event.preventDefault();
    const found = missingAt(step, draft, localToday());
    if (found.length > 0) return setMissing(found);
    if (step === 'review') return record.mutate();
    go(index + 1);
  };
  const props = { draft, set, errors };
  const locale = currentLocale();
  return (
    <form onSubmit={next} noValidate>
      <Stack maw={720}>
        <Anchor component={Link} to={`/people/${personId}`} size="sm">
          {t('consent:form.back')}
        </Anchor>
        <Title order={1}>{t('consent:form.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('consent:form.stepOf', {
            step: formatNumber(index + 1, locale),
            total: formatNumber(steps.length, locale),
          })}
        </Text>
        <Progress value={((index + 1) / steps.length) * 100} aria-hidden size="sm" />
        <Title order={2} ref={heading} tabIndex={-1}>
          {t(`consent:step.${step}`)}
        </Title>
        {step === 'purpose' && <PurposeStep {...props} />}
        {step === 'recipient' && (
          <RecipientFields
            purpose={draft.purpose}
            target={draft.protectiveTarget}
            organisationId={draft.recipientOrganisationId}
            serviceId={draft.recipientServiceId}
            onChange={(c) =>
              set({
                ...(c.target ? { protectiveTarget: c.target } : {}),
                ...(c.organisationId !== undefined ? { recipientOrganisationId: c.organisationId } : {}),
                ...(c.serviceId !== undefined ? { recipientServiceId: c.serviceId } : {}),
              })
            }
            errors={{ target: errors.protectiveTarget, organisation: errors.recipient }}
          />
        )}
        {step === 'givenBy' && <GivenByStep {...props} presumedChild={presumedChild} />}
        {step === 'how' && <HowStep {...props} />}
        {step === 'information' && <InformationStep {...props} />}
        {step === 'data' && <DataStep {...props} />}
        {step === 'expiry' && <ExpiryStep {...props} />}
        {step === 'review' && <ReviewStep draft={draft} presumedChild={presumedChild} />}
        {missing.length > 0 && (
          <Text c="red.8" size="sm" role="alert">
            {t('consent:form.fixFirst')}
          </Text>
        )}
        <ProblemAlert error={serverErrors(record.error) ? undefined : record.error} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => go(index - 1)} disabled={index === 0}>
            {t('consent:form.previous')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {step === 'review' ? t('consent:form.submit') : t('consent:form.next')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
