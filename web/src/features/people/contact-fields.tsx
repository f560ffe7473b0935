import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnswerFieldset } from './answer-fields.tsx';
import { isRefused, type FieldIssues } from './field-issues.ts';
import type { ContactForm, PhoneForm, SafeContactForm } from './groups-form.ts';

const noMemory = { autoComplete: 'off', spellCheck: false } as const;
const phoneKinds = ['mobile', 'home', 'work', 'other'] as const;

function PhoneRows(props: { phones: PhoneForm[]; onChange: (p: PhoneForm[]) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { phones, onChange, disabled } = props;
  const setAt = (index: number, change: Partial<PhoneForm>) =>
    onChange(phones.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <Stack gap="xs">
      {phones.map((phone, index) => (
        <Group key={index} align="flex-end" wrap="wrap" gap="xs">
          <TextInput
            type="tel"
            inputMode="tel"
            label={t('people:contact.phoneNumber', { n: index + 1 })}
            value={phone.number}
            onChange={(e) => setAt(index, { number: e.currentTarget.value })}
            disabled={disabled}
            dir="ltr"
            {...noMemory}
          />
          <NativeSelect
            label={t('people:contact.phoneKind', { n: index + 1 })}
            value={phone.kind}
            onChange={(e) => setAt(index, { kind: e.currentTarget.value as PhoneForm['kind'] })}
            data={phoneKinds.map((k) => ({ value: k, label: t(`people:contact.phoneKinds.${k}`) }))}
            disabled={disabled}
          />
          {phones.length > 1 && (
            <Button
              variant="subtle"
              color="red.8"
              disabled={disabled}
              onClick={() => onChange(phones.filter((_, i) => i !== index))}
            >
              {t('people:contact.removePhone', { n: index + 1 })}
            </Button>
          )}
        </Group>
      ))}
      {phones.length < 5 && (
        <Button
          variant="default"
          w="fit-content"
          disabled={disabled}
          onClick={() => onChange([...phones, { number: '', kind: 'mobile' }])}
        >
          {t('people:contact.addPhone')}
        </Button>
      )}
    </Stack>
  );
}

function SafeContactFields(props: {
  value: SafeContactForm;
  onChange: (v: SafeContactForm) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { value, onChange, disabled } = props;
  const set = (change: Partial<SafeContactForm>) => onChange({ ...value, ...change, recorded: true });
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('people:contact.mayCall')}
        checked={value.mayCall}
        disabled={disabled}
        onChange={(e) => set({ mayCall: e.currentTarget.checked })}
      />
      <Checkbox
        label={t('people:contact.mayText')}
        checked={value.mayText}
        disabled={disabled}
        onChange={(e) => set({ mayText: e.currentTarget.checked })}
      />
      <TextInput
        label={t('people:contact.safeTimes')}
        description={t('people:contact.safeTimesHint')}
        value={value.safeTimes}
        disabled={disabled}
        onChange={(e) => set({ safeTimes: e.currentTarget.value })}
        dir="auto"
        {...noMemory}
      />
      <TextInput
        label={t('people:contact.codeWord')}
        description={t('people:contact.codeWordHint')}
        value={value.codeWord}
        disabled={disabled}
        onChange={(e) => set({ codeWord: e.currentTarget.value })}
        dir="auto"
        {...noMemory}
      />
    </Stack>
  );
}

/** The contact fields of a person, with the safe-contact preferences (may we call or text, when, a code word). */
export function ContactFieldsForm(props: {
  value: ContactForm;
  onChange: (value: ContactForm) => void;
  issues: FieldIssues;
  at: string;
}) {
  const { t } = useTranslation();
  const { value, onChange, issues } = props;
  const set = <K extends keyof ContactForm>(key: K, field: ContactForm[K]) =>
    onChange({ ...value, [key]: field });
  const refused = (key: keyof ContactForm) => isRefused(issues, props.at ? `${props.at}.${key}` : key);
  return (
    <Stack>
      <AnswerFieldset
        legend={t('people:contact.safeContact')}
        description={t('people:contact.safeContactHint')}
        mode={value.safeContact.mode}
        onMode={(mode) => set('safeContact', { ...value.safeContact, mode })}
        invalid={refused('safeContact')}
      >
        {(disabled) => (
          <SafeContactFields
            value={value.safeContact.value}
            onChange={(v) => set('safeContact', { ...value.safeContact, value: v })}
            disabled={disabled}
          />
        )}
      </AnswerFieldset>
      <AnswerFieldset
        legend={t('people:contact.phones')}
        mode={value.phones.mode}
        onMode={(mode) => set('phones', { ...value.phones, mode })}
        invalid={refused('phones')}
      >
        {(disabled) => (
          <PhoneRows
            phones={value.phones.value}
            onChange={(p) => set('phones', { ...value.phones, value: p })}
            disabled={disabled}
          />
        )}
      </AnswerFieldset>
      <AnswerFieldset
        legend={t('people:contact.email')}
        mode={value.email.mode}
        onMode={(mode) => set('email', { ...value.email, mode })}
        invalid={refused('email')}
      >
        {(disabled) => (
          <TextInput
            type="email"
            label={t('people:contact.emailAddress')}
            value={value.email.value}
            onChange={(e) => set('email', { ...value.email, value: e.currentTarget.value })}
            disabled={disabled}
            dir="ltr"
            {...noMemory}
          />
        )}
      </AnswerFieldset>
      <AnswerFieldset
        legend={t('people:contact.address')}
        mode={value.address.mode}
        onMode={(mode) => set('address', { ...value.address, mode })}
        invalid={refused('address')}
      >
        {(disabled) => (
          <Textarea
            label={t('people:contact.addressText')}
            value={value.address.value}
            onChange={(e) => set('address', { ...value.address, value: e.currentTarget.value })}
            disabled={disabled}
            autosize
            minRows={2}
            dir="auto"
            {...noMemory}
          />
        )}
      </AnswerFieldset>
    </Stack>
  );
}
