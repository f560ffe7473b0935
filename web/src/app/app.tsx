import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { useEffect } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { directionOf } from '../i18n/i18n.ts';
import { Locale } from '../../../common/auth.ts';
import { queryClient } from './query-client.ts';
import { AppRouter } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** Keeps Mantine's direction in step with the language: the whole layout mirrors for Arabic. */
function DirectionFollowsLanguage() {
  const { setDirection } = useDirection();
  useEffect(() => {
    const follow = (language: string) => setDirection(directionOf(Locale.catch('en').parse(language)));
    i18next.on('languageChanged', follow);
    return () => i18next.off('languageChanged', follow);
  }, [setDirection]);
  return null;
}

/** The app: providers (query cache, direction, theme), an error boundary, and the screens. */
export function App() {
  const initialDirection = document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={initialDirection} detectDirection={false}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <DirectionFollowsLanguage />
          <ErrorBoundary>
            <AppRouter />
          </ErrorBoundary>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
