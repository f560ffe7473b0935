import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Locale } from '../../../common/auth.ts';
import { chooseLanguage } from '../app/language.ts';
import { useSession } from '../app/session.ts';
import { currentLocale, languageNames, languages } from '../i18n/i18n.ts';

/**
 * The language menu, a native list (light, and familiar on any phone): each language named in itself; signed
 * in, the choice is saved to the profile.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const signedIn = session?.stage === 'active';
  const choose = (value: string) => {
    const locale = Locale.safeParse(value);
    if (locale.success) void chooseLanguage(locale.data, signedIn).catch(() => undefined);
  };
  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="sm"
      value={currentLocale()}
      onChange={(event) => choose(event.currentTarget.value)}
      data={languages.map((locale) => ({ value: locale, label: languageNames[locale] }))}
    />
  );
}
