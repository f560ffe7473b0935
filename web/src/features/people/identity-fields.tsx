import { Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeMultiSelect } from '../../components/code-pickers.tsx';
import { codeName, scriptCodes } from '../../components/iso-codes.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { AnswerFieldset, ChoiceSelect } from './answer-fields.tsx';
import type { Answered } from './answers.ts';
import { isRefused, type FieldIssues } from './field-issues.ts';
import { BirthFields } from './birth-fields.tsx';
import type { IdentityForm, NameForm } from './identity-form.ts';

// SECURITY: autoComplete is off on every field about the person, so the browser keeps no copy of what was typed.
const noMemory = { autoComplete: 'off', spellCheck: false } as const;

function NameFields(props: {
  legend: string;
  field: Answered<NameForm>;
  onChange: (field: Answered<NameForm>) => void;
  invalid: boolean;
  description?: string;
}) {
  const { t } = useTranslation();
  const { field, onChange } = props;
  const set = (part: keyof NameForm, text: string) =>
    onChange({ ...field, value: { ...field.value, [part]: text } });
  return (
    <AnswerFieldset
      legend={props.legend}
      description={props.description}
      mode={field.mode}
      onMode={(mode) => onChange({ ...field, mode })}
      invalid={props.invalid}
    >
      {(disabled) => (
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('people:identity.given')}
            value={field.value.given}
            onChange={(e) => set('given', e.currentTarget.value)}
            disabled={disabled}
            dir="auto"
            miw={200}
            {...noMemory}
          />
          <TextInput
            label={t('people:identity.family')}
            value={field.value.family}
            onChange={(e) => set('family', e.currentTarget.value)}
            disabled={disabled}
            dir="auto"
            miw={200}
            {...noMemory}
          />
        </Group>
      )}
    </AnswerFieldset>
  );
}

/** The identity fields of a person: names, aliases, sex, birth, citizenship and languages, each optional. */
export function IdentityFieldsForm(props: {
  value: IdentityForm;
  onChange: (value: IdentityForm) => void;
  issues: FieldIssues;
  /** Where the identity fields sit in the body checked ('identity' at registration, '' for a change). */
  at: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { value, onChange, issues } = props;
  const set = <K extends keyof IdentityForm>(key: K, field: IdentityForm[K]) =>
    onChange({ ...value, [key]: field });
  const refused = (key: keyof IdentityForm) => isRefused(issues, props.at ? `${props.at}.${key}` : key);
  const listField = (key: 'citizenship' | 'languages', kind: 'region' | 'language', max: number) => {
    const field = value[key];
    return (
      <AnswerFieldset
        legend={t(`people:identity.${key}`)}
        mode={field.mode}
        onMode={(mode) => set(key, { ...field, mode })}
        invalid={refused(key)}
      >
        {(disabled) => (
          <CodeMultiSelect
            kind={kind}
            label={t(`people:identity.${key}Pick`)}
            description={key === 'languages' ? t('people:identity.languagesHint') : undefined}
            value={field.value}
            onChange={(codes) => set(key, { ...field, value: codes })}
            maxValues={max}
            disabled={disabled}
            nothingFound={t('people:noMatch')}
          />
        )}
      </AnswerFieldset>
    );
  };
  return (
    <Stack>
      <NameFields
        legend={t('people:identity.nameOriginal')}
        description={t('people:identity.nameOriginalHint')}
        field={value.nameOriginal}
        onChange={(f) => set('nameOriginal', f)}
        invalid={refused('nameOriginal')}
      />
      <ChoiceSelect
        label={t('people:identity.script')}
        value={value.nameOriginalScript}
        onChange={(v) => set('nameOriginalScript', v)}
        options={scriptCodes.map((code) => ({
          value: code,
          label: `${codeName('script', code, locale)} (${code})`,
        }))}
        invalid={refused('nameOriginalScript')}
      />
      <NameFields
        legend={t('people:identity.nameLatin')}
        field={value.nameLatin}
        onChange={(f) => set('nameLatin', f)}
        invalid={refused('nameLatin')}
      />
      <AnswerFieldset
        legend={t('people:identity.aliases')}
        mode={value.aliases.mode}
        onMode={(mode) => set('aliases', { ...value.aliases, mode })}
        invalid={refused('aliases')}
      >
        {(disabled) => (
          <Textarea
            label={t('people:identity.aliasesPick')}
            description={t('people:identity.aliasesHint')}
            value={value.aliases.value.join('\n')}
            onChange={(e) => set('aliases', { ...value.aliases, value: e.currentTarget.value.split('\n') })}
            disabled={disabled}
            autosize
            minRows={2}
            dir="auto"
            {...noMemory}
          />
        )}
      </AnswerFieldset>
      <ChoiceSelect
        label={t('people:identity.sex')}
        description={t('people:identity.sexHint')}
        value={value.sex}
        onChange={(v) => set('sex', v)}
        options={(['female', 'male'] as const).map((s) => ({
          value: s,
          label: t(`people:identity.sexes.${s}`),
        }))}
        invalid={refused('sex')}
      />
      <BirthFields field={value.birth} onChange={(f) => set('birth', f)} invalid={refused('birth')} />
      {listField('citizenship', 'region', 5)}
      {listField('languages', 'language', 10)}
    </Stack>
  );
}
