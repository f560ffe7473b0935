import { MultiSelect, NativeSelect } from '@mantine/core';
import { useMemo } from 'react';
import { currentLocale } from '../i18n/i18n.ts';
import { codeOptions, countryCodes, languageCodes } from './iso-codes.ts';

/** Several countries or languages picked by name (in the interface language) or by ISO code. */
export function CodeMultiSelect(props: {
  kind: 'region' | 'language';
  label: string;
  description?: string | undefined;
  value: string[];
  onChange: (codes: string[]) => void;
  maxValues: number;
  disabled?: boolean | undefined;
  error?: string | undefined;
  /** What the list says when nothing matches what was typed. */
  nothingFound: string;
}) {
  const locale = currentLocale();
  const data = useMemo(
    () => codeOptions(props.kind, props.kind === 'region' ? countryCodes : languageCodes, locale),
    [props.kind, locale],
  );
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      data={data}
      value={props.value}
      onChange={props.onChange}
      maxValues={props.maxValues}
      disabled={props.disabled}
      error={props.error}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={props.nothingFound}
    />
  );
}

/** One country picked from the list (native, so it works the same with a screen reader and on any phone). */
export function CountrySelect(props: {
  label: string;
  description?: string | undefined;
  value: string;
  onChange: (code: string) => void;
  /** Entries shown before the countries, such as "not recorded". */
  leading: readonly { value: string; label: string }[];
  required?: boolean | undefined;
  error?: string | undefined;
  disabled?: boolean | undefined;
}) {
  const locale = currentLocale();
  const countries = useMemo(() => codeOptions('region', countryCodes, locale), [locale]);
  return (
    <NativeSelect
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      data={[...props.leading, ...countries]}
      required={props.required}
      error={props.error}
      disabled={props.disabled}
    />
  );
}
