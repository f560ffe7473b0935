import { Checkbox, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerMode, ChoiceAnswer } from './answers.ts';

/**
 * One optional field with its value and the two answers that carry none: "declined to say" and "unknown" (help
 * never waits for data). Choosing one of them disables the value.
 */
export function AnswerFieldset(props: {
  legend: string;
  mode: AnswerMode;
  onMode: (mode: AnswerMode) => void;
  description?: string | undefined;
  invalid?: boolean | undefined;
  children: (disabled: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const { mode, onMode } = props;
  return (
    <Fieldset legend={props.legend} variant="filled" radius="md">
      <Stack gap="xs">
        {props.description && (
          <Text size="sm" c="dimmed">
            {props.description}
          </Text>
        )}
        {props.children(mode !== 'value')}
        <Group gap="lg">
          <Checkbox
            label={t('people:answer.declined')}
            checked={mode === 'declined'}
            onChange={(event) => onMode(event.currentTarget.checked ? 'declined' : 'value')}
          />
          <Checkbox
            label={t('people:answer.unknown')}
            checked={mode === 'unknown'}
            onChange={(event) => onMode(event.currentTarget.checked ? 'unknown' : 'value')}
          />
        </Group>
        {props.invalid && (
          <Text size="sm" c="red.8">
            {t('people:answer.invalid')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

/** A field answered from a list, with "not recorded" (the default), "declined to say" and "unknown" in it. */
export function ChoiceSelect<T extends string>(props: {
  label: string;
  value: ChoiceAnswer<T>;
  options: readonly { value: T; label: string }[];
  onChange: (value: ChoiceAnswer<T>) => void;
  description?: string | undefined;
  invalid?: boolean | undefined;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={props.label}
      description={props.description}
      value={props.value}
      error={props.invalid ? t('people:answer.invalid') : undefined}
      onChange={(event) => props.onChange(event.currentTarget.value as ChoiceAnswer<T>)}
      data={[
        { value: '', label: t('people:answer.notRecorded') },
        ...props.options,
        { value: 'declined', label: t('people:answer.declined') },
        { value: 'unknown', label: t('people:answer.unknown') },
      ]}
    />
  );
}
