import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { QuickExitButton, useQuickExitShortcut } from '../features/safety/quick-exit-button.tsx';
import classes from './shell.module.css';

/**
 * The frame of every screen: a header with the neutral name, the language menu and quick exit, a navigation
 * panel when signed in (a drawer on phones), and the main region a skip link leads to.
 */
export function Shell({ navigation, children }: { navigation?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // On a phone the closed menu is only moved off the screen: it must be out of reach of keys and readers too.
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  useQuickExitShortcut();
  useEffect(close, [pathname, close]);
  return (
    <AppShell
      header={{ height: 60 }}
      {...(navigation ? { navbar: { width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } } } : {})}
      padding="md"
    >
      <a href="#main" className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {navigation && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
              />
            )}
            {/* On a phone the menu button, the languages and quick exit leave no room for the name. */}
            <Text component="span" fw={700} size="lg" {...(navigation ? { visibleFrom: 'xs' } : {})}>
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <QuickExitButton />
          </Group>
        </Group>
      </AppShell.Header>
      {navigation && (
        <AppShell.Navbar p="md" aria-label={t('shell.navigation')} inert={isPhone && !opened}>
          {navigation}
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
