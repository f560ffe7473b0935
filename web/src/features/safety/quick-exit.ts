import { currentCsrfToken, rememberCsrfToken } from '../../api/client.ts';

/**
 * Where quick exit goes: a neutral page outside Passage. Set PASSAGE_QUICK_EXIT_URL when building to choose
 * another (a local news or weather page people commonly visit); it must be an https address.
 */
export function quickExitUrl(): string {
  return __PASSAGE_QUICK_EXIT_URL__;
}

const cleanups = new Set<() => void>();

/** Registers something to forget on quick exit (the query cache, open dialogs); returns the unregister function. */
export function onQuickExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Leaves Passage at once: hides the page, ends the session in the background, forgets what is in memory, and
 * replaces this history entry with the neutral page, so the back button cannot return here.
 */
export function quickExit(): void {
  // SECURITY: blank the screen first; everything else happens after it is no longer visible.
  document.documentElement.style.visibility = 'hidden';
  const token = currentCsrfToken();
  if (token) {
    // keepalive lets the sign-out outlive this page; sendBeacon cannot carry the CSRF header.
    void fetch('/api/auth/sign-out', {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      headers: { 'x-csrf-token': token },
    }).catch(() => undefined);
  }
  rememberCsrfToken(undefined);
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Leaving must never be stopped by a cleanup that failed.
    }
  }
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be unavailable; nothing sensitive is kept there anyway.
  }
  window.location.replace(quickExitUrl());
}
