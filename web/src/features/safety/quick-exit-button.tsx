import { Button } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { doubleEscapeDetector } from './double-escape.ts';
import { quickExit } from './quick-exit.ts';

/** Listens for Escape pressed twice quickly, anywhere in the app, and leaves at once. */
export function useQuickExitShortcut(): void {
  useEffect(() => {
    const isDouble = doubleEscapeDetector();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.repeat && isDouble(event.timeStamp)) quickExit();
    };
    // Capture phase: a dialog that stops Escape from bubbling cannot swallow the shortcut.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}

/** The quick-exit button shown on every screen: one tap leaves Passage for a neutral page. */
export function QuickExitButton() {
  const { t } = useTranslation();
  return (
    <Button color="red.8" size="sm" onClick={quickExit} title={t('safety.quickExitHint')}>
      {t('safety.quickExit')}
    </Button>
  );
}
