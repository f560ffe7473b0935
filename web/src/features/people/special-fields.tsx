import { Alert, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HtcdsGender, MigrationStatus } from '../../../../common/people.ts';
import { AnswerFieldset, ChoiceSelect } from './answer-fields.tsx';
import { isRefused, type FieldIssues } from './field-issues.ts';
import type { SpecialForm } from './groups-form.ts';

const noMemory = { autoComplete: 'off', spellCheck: false } as const;

/**
 * The special-category fields (gender identity and SOGIESC, health, migration status): optional, "not recorded"
 * by default, and seen only by the assigned caseworker and the focal points.
 */
export function SpecialFieldsForm(props: {
  value: SpecialForm;
  onChange: (value: SpecialForm) => void;
  issues: FieldIssues;
  at: string;
}) {
  const { t } = useTranslation();
  const { value, onChange, issues } = props;
  const set = <K extends keyof SpecialForm>(key: K, field: SpecialForm[K]) =>
    onChange({ ...value, [key]: field });
  const refused = (key: keyof SpecialForm) => isRefused(issues, props.at ? `${props.at}.${key}` : key);
  const text = (key: 'sogiesc' | 'health') => (
    <AnswerFieldset
      legend={t(`people:special.${key}`)}
      mode={value[key].mode}
      onMode={(mode) => set(key, { ...value[key], mode })}
      invalid={refused(key)}
    >
      {(disabled) => (
        <Textarea
          label={t(`people:special.${key}Text`)}
          value={value[key].value}
          onChange={(e) => set(key, { ...value[key], value: e.currentTarget.value })}
          disabled={disabled}
          autosize
          minRows={2}
          dir="auto"
          {...noMemory}
        />
      )}
    </AnswerFieldset>
  );
  return (
    <Stack>
      <Alert variant="light" color="gray">
        {t('people:special.intro')}
      </Alert>
      <ChoiceSelect
        label={t('people:special.gender')}
        value={value.gender}
        onChange={(v) => set('gender', v)}
        options={HtcdsGender.options.map((g) => ({ value: g, label: t(`people:special.genders.${g}`) }))}
        invalid={refused('gender')}
      />
      {text('sogiesc')}
      {text('health')}
      <ChoiceSelect
        label={t('people:special.migrationStatus')}
        value={value.migrationStatus}
        onChange={(v) => set('migrationStatus', v)}
        options={MigrationStatus.options.map((m) => ({
          value: m,
          label: t(`people:special.migrationStatuses.${m}`),
        }))}
        invalid={refused('migrationStatus')}
      />
    </Stack>
  );
}
