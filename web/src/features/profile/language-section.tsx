import { Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Locale } from '../../../../common/auth.ts';
import { chooseLanguage } from '../../app/language.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { currentLocale, languageNames, languages } from '../../i18n/i18n.ts';
import { Section } from './section.tsx';

/** The interface language, saved to the profile so every device uses it. */
export function LanguageSection() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  // Shown as chosen at once, while the language's strings load and the profile is saved.
  const [pending, setPending] = useState<Locale>();
  const choose = (value: string) => {
    const locale = Locale.safeParse(value);
    if (!locale.success) return;
    setError(undefined);
    setPending(locale.data);
    chooseLanguage(locale.data, true)
      .catch(setError)
      .finally(() => setPending(undefined));
  };
  return (
    <Section title={t('profile.language.title')}>
      <Radio.Group value={pending ?? currentLocale()} onChange={choose} label={t('profile.language.label')}>
        <Stack gap="xs" mt="xs">
          {languages.map((locale) => (
            <Radio key={locale} value={locale} label={<span lang={locale}>{languageNames[locale]}</span>} />
          ))}
        </Stack>
      </Radio.Group>
      <ProblemAlert error={error} />
    </Section>
  );
}
