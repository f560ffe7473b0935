import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveSession } from '../../app/session.ts';
import { NewPasswordForm } from '../auth/password-page.tsx';
import { AuthenticatorSection } from './authenticator-section.tsx';
import { LanguageSection } from './language-section.tsx';
import { Section } from './section.tsx';
import { SessionsSection } from './sessions-section.tsx';

function PasswordSection({ email }: { email: string }) {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  return (
    <Section title={t('profile.password.title')}>
      {changed && (
        <Text size="sm" role="status" c="teal.9">
          {t('profile.password.changed')}
        </Text>
      )}
      <NewPasswordForm email={email} signingIn={false} onChanged={() => setChanged(true)} />
    </Section>
  );
}

/** The person's own profile: password, language, authenticator and recovery codes, and where they are signed in. */
export function ProfilePage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  return (
    <Stack maw={720}>
      <Title order={1}>{t('profile.title')}</Title>
      <Text>
        <bdi>{session.user.displayName}</bdi>
      </Text>
      <PasswordSection email={session.user.email} />
      <LanguageSection />
      <AuthenticatorSection mfaEnrolled={session.mfaEnrolled} />
      <SessionsSection />
    </Stack>
  );
}
