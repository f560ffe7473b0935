import { Button, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IdentityDocument } from '../../../../common/people.ts';
import { CountrySelect } from '../../components/code-pickers.tsx';
import { AnswerFieldset, ChoiceSelect } from './answer-fields.tsx';
import { isRefused, type FieldIssues } from './field-issues.ts';
import { emptyDocument, type DocumentForm, type DocumentsForm } from './groups-form.ts';

const documentTypes = IdentityDocument.shape.type.options;
const holders = ['person', 'withheld-by-others', 'authorities', 'lost'] as const;

function DocumentRow(props: {
  index: number;
  value: DocumentForm;
  onChange: (d: DocumentForm) => void;
  onRemove: () => void;
  disabled: boolean;
  refused: boolean;
}) {
  const { t } = useTranslation();
  const { value, onChange, disabled, index } = props;
  const set = (change: Partial<DocumentForm>) => onChange({ ...value, ...change });
  const states = [
    { value: '', label: t('people:answer.notRecorded') },
    { value: 'declined', label: t('people:answer.declined') },
    { value: 'unknown', label: t('people:answer.unknown') },
  ];
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('people:documents.document', { n: index + 1 })}
        </Title>
        <NativeSelect
          label={t('people:documents.type')}
          value={value.type}
          disabled={disabled}
          onChange={(e) => set({ type: e.currentTarget.value as DocumentForm['type'] })}
          data={documentTypes.map((type) => ({ value: type, label: t(`people:documents.types.${type}`) }))}
        />
        <AnswerFieldset
          legend={t('people:documents.number')}
          mode={value.number.mode}
          onMode={(mode) => set({ number: { ...value.number, mode } })}
          invalid={props.refused}
        >
          {(off) => (
            <TextInput
              label={t('people:documents.numberText')}
              value={value.number.value}
              disabled={disabled || off}
              onChange={(e) => set({ number: { ...value.number, value: e.currentTarget.value } })}
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </AnswerFieldset>
        <CountrySelect
          label={t('people:documents.issuingCountry')}
          value={value.issuingCountry}
          leading={states}
          disabled={disabled}
          onChange={(code) => set({ issuingCountry: code })}
        />
        <ChoiceSelect
          label={t('people:documents.heldBy')}
          description={t('people:documents.heldByHint')}
          value={value.heldBy}
          onChange={(heldBy) => set({ heldBy })}
          options={holders.map((h) => ({ value: h, label: t(`people:documents.holders.${h}`) }))}
        />
        <Button variant="subtle" color="red.8" w="fit-content" disabled={disabled} onClick={props.onRemove}>
          {t('people:documents.remove', { n: index + 1 })}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The identity documents of a person: each with its type, number, issuing country and who holds it. */
export function DocumentsFieldsForm(props: {
  value: DocumentsForm;
  onChange: (value: DocumentsForm) => void;
  issues: FieldIssues;
  at: string;
}) {
  const { t } = useTranslation();
  const field = props.value.documents;
  const path = props.at ? `${props.at}.documents` : 'documents';
  const setList = (list: DocumentForm[]) => props.onChange({ documents: { ...field, value: list } });
  return (
    <AnswerFieldset
      legend={t('people:documents.title')}
      mode={field.mode}
      onMode={(mode) => props.onChange({ documents: { ...field, mode } })}
      invalid={isRefused(props.issues, path)}
    >
      {(disabled) => (
        <Stack gap="sm">
          {field.value.map((document, index) => (
            <DocumentRow
              key={index}
              index={index}
              value={document}
              disabled={disabled}
              refused={isRefused(props.issues, `${path}.value.${index}`)}
              onChange={(d) => setList(field.value.map((old, i) => (i === index ? d : old)))}
              onRemove={() => setList(field.value.filter((_, i) => i !== index))}
            />
          ))}
          {field.value.length < 10 && (
            <Button
              variant="default"
              w="fit-content"
              disabled={disabled}
              onClick={() => setList([...field.value, emptyDocument()])}
            >
              {t('people:documents.add')}
            </Button>
          )}
        </Stack>
      )}
    </AnswerFieldset>
  );
}
