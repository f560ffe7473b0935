import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { getDemoAccounts } from '../../api/demo.ts';

/** The demo accounts query: nothing outside demo mode (the address answers 404 there). */
export function useDemoAccounts() {
  return useQuery({ queryKey: ['demo-accounts'], queryFn: getDemoAccounts, staleTime: 10_000, retry: false });
}

// The demo panels are fetched only when demo mode answers: a real deployment never downloads them.
/** The demo accounts panel of the sign-in page, loaded on demand. */
export const LazyDemoAccountsPanel = lazy(async () => ({
  default: (await import('./demo-accounts.tsx')).DemoAccountsPanel,
}));
/** The demo code hint of the code page, loaded on demand. */
export const LazyDemoCodeHint = lazy(async () => ({
  default: (await import('./demo-accounts.tsx')).DemoCodeHint,
}));
