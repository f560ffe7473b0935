import { Anchor, Button, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isPresumedChild, NewPersonBody } from '../../../../common/people.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { issuesOfProblem, issuesOfZod, isRefused, type FieldIssues } from './field-issues.ts';
import { KnownAsInput } from './known-as-input.tsx';
import { PresumedChildNote } from './presumed-child.tsx';
import { emptyQuick, quickBody, type QuickForm } from './quick-form.ts';
import { useRegistration } from './registration.ts';

function AgeQuestion(props: { form: QuickForm; onChange: (form: QuickForm) => void; invalid: boolean }) {
  const { t } = useTranslation();
  const { form, onChange } = props;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('people:quick.ageQuestion')}
        value={form.age}
        onChange={(age) => onChange({ ...form, age: age === 'estimate' ? 'estimate' : 'unsure' })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="unsure" label={t('people:quick.ageUnsure')} />
          <Radio value="estimate" label={t('people:quick.ageEstimate')} />
        </Stack>
      </Radio.Group>
      {form.age === 'estimate' && (
        <TextInput
          label={t('people:identity.ageYears')}
          description={t('people:quick.ageHint')}
          value={form.ageYears}
          onChange={(e) => onChange({ ...form, ageYears: e.currentTarget.value })}
          error={props.invalid ? t('people:quick.ageInvalid') : undefined}
          inputMode="numeric"
          maxLength={3}
          w={160}
          autoComplete="off"
        />
      )}
    </Stack>
  );
}

/**
 * Quick registration: a "known as" name, or nothing at all, the age question, and one big button (help never
 * waits for data). On a phone it fits one screen.
 */
export function QuickRegistrationPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState(emptyQuick);
  const [checked, setChecked] = useState<FieldIssues>([]);
  const register = useRegistration();
  const body = quickBody(form);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (register.isPending) return;
    const parsed = NewPersonBody.safeParse(body);
    setChecked(parsed.success ? [] : issuesOfZod(parsed.error));
    if (parsed.success) register.mutate(parsed.data);
  };
  const issues = [...checked, ...issuesOfProblem(register.error)];
  const presumedChild = form.age === 'unsure' || isPresumedChild(body.identity?.birth, new Date());
  return (
    <Stack maw={560}>
      <Title order={1}>{t('people:register.quickTitle')}</Title>
      <Text>{t('people:register.quickIntro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <KnownAsInput
            value={form.knownAs}
            onChange={(knownAs) => setForm({ ...form, knownAs })}
            invalid={isRefused(issues, 'knownAs')}
            size="lg"
          />
          <AgeQuestion form={form} onChange={setForm} invalid={isRefused(issues, 'identity.birth')} />
          {presumedChild && <PresumedChildNote />}
          <ProblemAlert error={register.error} messages={{ conflict: t('people:register.alreadySent') }} />
          <Button type="submit" size="xl" fullWidth loading={register.isPending}>
            {t('people:register.quickSubmit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/people/new/full">
        {t('people:register.toFull')}
      </Anchor>
    </Stack>
  );
}
