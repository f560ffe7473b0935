import { Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/i18n.ts';
import { AnswerFieldset } from './answer-fields.tsx';
import type { Answered } from './answers.ts';
import type { BirthForm } from './identity-form.ts';

// SECURITY: autoComplete is off on every field about the person, so the browser keeps no copy of what was typed.
const noMemory = { autoComplete: 'off', spellCheck: false } as const;

function monthOptions(locale: string): { value: string; label: string }[] {
  const name = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1).padStart(2, '0'),
    label: name.format(new Date(Date.UTC(2000, i, 15))),
  }));
}

function BirthValue(props: {
  birth: BirthForm;
  set: (change: Partial<BirthForm>) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { birth, set, disabled } = props;
  const year = (
    <TextInput
      label={t('people:identity.year')}
      description={t('people:identity.yearHint')}
      inputMode="numeric"
      maxLength={4}
      value={birth.year}
      disabled={disabled}
      onChange={(e) => set({ year: e.currentTarget.value })}
      miw={140}
      {...noMemory}
    />
  );
  switch (birth.precision) {
    case 'day':
      return (
        <TextInput
          type="date"
          label={t('people:identity.date')}
          value={birth.day}
          disabled={disabled}
          onChange={(e) => set({ day: e.currentTarget.value })}
          {...noMemory}
        />
      );
    case 'month':
      return (
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('people:identity.month')}
            value={birth.month}
            disabled={disabled}
            onChange={(e) => set({ month: e.currentTarget.value })}
            data={[{ value: '', label: t('people:identity.monthPick') }, ...monthOptions(currentLocale())]}
            miw={140}
          />
          {year}
        </Group>
      );
    case 'year':
      return year;
    case 'estimate':
      return (
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('people:identity.ageYears')}
            inputMode="numeric"
            maxLength={3}
            value={birth.ageYears}
            disabled={disabled}
            onChange={(e) => set({ ageYears: e.currentTarget.value })}
            miw={140}
            {...noMemory}
          />
          <TextInput
            type="date"
            label={t('people:identity.estimatedOn')}
            value={birth.estimatedOn}
            disabled={disabled}
            onChange={(e) => set({ estimatedOn: e.currentTarget.value })}
            miw={140}
            {...noMemory}
          />
        </Group>
      );
  }
}

/** The date of birth or age: its precision, then the value at that precision, or declined or unknown. */
export function BirthFields(props: {
  field: Answered<BirthForm>;
  onChange: (f: Answered<BirthForm>) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const { field, onChange } = props;
  const set = (change: Partial<BirthForm>) => onChange({ ...field, value: { ...field.value, ...change } });
  return (
    <AnswerFieldset
      legend={t('people:identity.birth')}
      description={t('people:identity.birthHint')}
      mode={field.mode}
      onMode={(mode) => onChange({ ...field, mode })}
      invalid={props.invalid}
    >
      {(disabled) => (
        <Stack gap="xs">
          <NativeSelect
            label={t('people:identity.precision')}
            value={field.value.precision}
            disabled={disabled}
            onChange={(e) => set({ precision: e.currentTarget.value as BirthForm['precision'] })}
            data={(['day', 'month', 'year', 'estimate'] as const).map((p) => ({
              value: p,
              label: t(`people:identity.precisions.${p}`),
            }))}
          />
          <BirthValue birth={field.value} set={set} disabled={disabled} />
        </Stack>
      )}
    </AnswerFieldset>
  );
}
