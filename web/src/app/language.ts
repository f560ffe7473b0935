import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Locale, SessionView } from '../../../common/auth.ts';
import { changeLocale } from '../api/auth.ts';
import { currentLocale, rememberLanguageChoice, switchLanguage } from '../i18n/i18n.ts';
import { refreshSession } from './session.ts';

let chosenWhileSignedOut: Locale | undefined;

/** Switches the interface language; signed in, the choice is saved to the person's profile too. */
export async function chooseLanguage(locale: Locale, signedIn: boolean): Promise<void> {
  await switchLanguage(locale);
  rememberLanguageChoice(locale);
  if (signedIn) await changeLocale(locale);
  else chosenWhileSignedOut = locale;
}

/**
 * Keeps the interface in the signed-in person's language: a language chosen on the sign-in screens during this
 * visit is saved to their profile; otherwise the profile's language is used.
 */
export function useProfileLanguage(session: SessionView): void {
  const client = useQueryClient();
  const profileLocale = session.user.locale;
  useEffect(() => {
    const chosen = chosenWhileSignedOut;
    chosenWhileSignedOut = undefined;
    if (chosen && chosen !== profileLocale) {
      void changeLocale(chosen)
        .then(() => refreshSession(client))
        .catch(() => undefined);
    } else if (profileLocale !== currentLocale()) {
      void switchLanguage(profileLocale);
    }
  }, [client, profileLocale]);
}
