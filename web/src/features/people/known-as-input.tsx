import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The "known as" name: what the person wants to be called, maybe not their name at all. SECURITY: the browser
 * keeps no copy of it (no autocomplete), and it is shown isolated from the text around it.
 */
export function KnownAsInput(props: {
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  size?: 'lg' | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('people:knownAs.label')}
      description={t('people:knownAs.hint')}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.invalid ? t('people:knownAs.invalid') : undefined}
      maxLength={120}
      size={props.size}
      autoComplete="off"
      spellCheck={false}
      dir="auto"
    />
  );
}
