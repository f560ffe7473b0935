import { Alert, Button, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isPresumedChild, NewPersonBody } from '../../../../common/people.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ContactFieldsForm } from './contact-fields.tsx';
import { DocumentsFieldsForm } from './documents-fields.tsx';
import { issuesOfProblem, issuesOfZod, isRefused, type FieldIssues } from './field-issues.ts';
import { fullBody, type FullForm } from './full-form.ts';
import { emptyContact, emptyDocuments, emptySpecial } from './groups-form.ts';
import { IdentityFieldsForm } from './identity-fields.tsx';
import { emptyIdentity, identityToApi } from './identity-form.ts';
import { KnownAsInput } from './known-as-input.tsx';
import { PresumedChildNote } from './presumed-child.tsx';
import { useRegistration } from './registration.ts';
import { SpecialFieldsForm } from './special-fields.tsx';

function Part(props: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={props.id}>
      <Stack>
        <Title order={2} size="h3" id={props.id}>
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Paper>
  );
}

function emptyFull(): FullForm {
  return {
    knownAs: '',
    identity: emptyIdentity(),
    contact: emptyContact(),
    documents: emptyDocuments(),
    withSpecial: false,
    special: emptySpecial(),
  };
}

/** Full registration: every field optional, each with "declined" and "unknown"; special categories on request. */
export function FullRegistrationPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState(emptyFull);
  const [checked, setChecked] = useState<FieldIssues>([]);
  const register = useRegistration();
  const set =
    <K extends keyof FullForm>(key: K) =>
    (value: FullForm[K]) =>
      setForm({ ...form, [key]: value });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (register.isPending) return;
    const parsed = NewPersonBody.safeParse(fullBody(form));
    setChecked(parsed.success ? [] : issuesOfZod(parsed.error));
    if (parsed.success) register.mutate(parsed.data);
  };
  const issues = [...checked, ...issuesOfProblem(register.error)];
  const birth = identityToApi(form.identity, 'omit').birth;
  return (
    <Stack maw={880}>
      <Title order={1}>{t('people:register.fullTitle')}</Title>
      <Text>{t('people:register.fullIntro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Part id="part-known-as" title={t('people:knownAs.title')}>
            <KnownAsInput
              value={form.knownAs}
              onChange={set('knownAs')}
              invalid={isRefused(issues, 'knownAs')}
            />
          </Part>
          <Part id="part-identity" title={t('people:groups.identity')}>
            {isPresumedChild(birth, new Date()) && <PresumedChildNote />}
            <IdentityFieldsForm
              value={form.identity}
              onChange={set('identity')}
              issues={issues}
              at="identity"
            />
          </Part>
          <Part id="part-contact" title={t('people:groups.contact')}>
            <ContactFieldsForm value={form.contact} onChange={set('contact')} issues={issues} at="contact" />
          </Part>
          <Part id="part-documents" title={t('people:groups.documents')}>
            <DocumentsFieldsForm
              value={form.documents}
              onChange={set('documents')}
              issues={issues}
              at="documents"
            />
          </Part>
          <Part id="part-special" title={t('people:groups.special')}>
            <Switch
              label={t('people:register.withSpecial')}
              checked={form.withSpecial}
              onChange={(e) => set('withSpecial')(e.currentTarget.checked)}
            />
            {form.withSpecial && (
              <SpecialFieldsForm
                value={form.special}
                onChange={set('special')}
                issues={issues}
                at="special"
              />
            )}
          </Part>
          {checked.length > 0 && (
            <Alert color="red" role="alert">
              {t('people:register.checkAnswers')}
            </Alert>
          )}
          <ProblemAlert error={register.error} messages={{ conflict: t('people:register.alreadySent') }} />
          <Button type="submit" size="lg" loading={register.isPending}>
            {t('people:register.fullSubmit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
