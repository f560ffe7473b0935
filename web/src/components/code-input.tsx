import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A field for a six-digit authenticator code; accepts Western, Arabic-Indic and Eastern Arabic-Indic digits. */
export function CodeInput(props: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('auth.code.label')}
      description={t('auth.code.description')}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={12}
      required
      autoFocus={props.autoFocus}
      // Digits read left to right in every language.
      dir="ltr"
      styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
