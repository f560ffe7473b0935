import { useIdle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { SessionView } from '../../../../common/auth.ts';
import { getSession, signOut } from '../../api/auth.ts';
import { onInterruption, onSessionActivity } from '../../api/client.ts';
import { refreshSession } from '../../app/session.ts';
import { Cover } from '../../components/cover.tsx';
import { lockDelayMs, sessionDeadline, sessionPhase } from './session-clock.ts';

// The dialogs load when first needed; until then an opaque cover hides the screen at once.
const ExpiryDialog = lazy(async () => ({ default: (await import('./expiry-dialog.tsx')).ExpiryDialog }));
const LockDialog = lazy(async () => ({ default: (await import('../safety/lock-dialog.tsx')).LockDialog }));
const ReauthDialog = lazy(async () => ({ default: (await import('./reauth-dialog.tsx')).ReauthDialog }));

type GuardState = 'open' | 'warning' | 'locked' | 'ended';
type Waiter = { resolve: () => void; reject: () => void };

const lockFlag = 'passage.locked';
const inputEvents: (keyof DocumentEventMap)[] = [
  'keydown',
  'pointerdown',
  'pointermove',
  'wheel',
  'touchstart',
];

function readLockFlag(): boolean {
  try {
    return sessionStorage.getItem(lockFlag) === '1';
  } catch {
    return false;
  }
}

function writeLockFlag(locked: boolean): void {
  try {
    if (locked) sessionStorage.setItem(lockFlag, '1');
    else sessionStorage.removeItem(lockFlag);
  } catch {
    // Without storage the lock lasts until the page is reloaded, which asks for the session again anyway.
  }
}

/**
 * Watches over a signed-in screen: locks it after minutes without input, warns a minute before the session's
 * idle timeout, and when the session has ended (or a request says so) asks to sign in again over the page,
 * keeping what was typed underneath, then retries the requests that failed.
 */
export function SessionGuard({ session, children }: { session: SessionView; children: ReactNode }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [state, setState] = useState<GuardState>(() => (readLockFlag() ? 'locked' : 'open'));
  const [now, setNow] = useState(() => Date.now());
  const lastContact = useRef(Date.now());
  const waiters = useRef<Waiter[]>([]);
  const idleMs = session.idleTimeoutSeconds * 1000;
  const idle = useIdle(lockDelayMs(idleMs), { events: inputEvents, initialState: false });
  const deadline = sessionDeadline(lastContact.current, idleMs);

  useEffect(() => onSessionActivity((at) => void (lastContact.current = at)), []);
  useEffect(
    () =>
      onInterruption('unauthenticated', (problem) => {
        setState('ended');
        return new Promise<void>((resolve, reject) => {
          waiters.current.push({ resolve, reject: () => reject(problem) });
        });
      }),
    [],
  );
  useEffect(
    () =>
      onInterruption('mfa-required', async (problem) => {
        await refreshSession(client);
        throw problem;
      }),
    [client],
  );
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    if (idle && (state === 'open' || state === 'warning')) setState('locked');
  }, [idle, state]);
  useEffect(() => writeLockFlag(state === 'locked'), [state]);
  useEffect(() => {
    if (state === 'ended') return;
    const phase = sessionPhase(now, deadline);
    if (phase === 'ended') {
      // SECURITY: end it on the server too, rather than leave it to expire a little later.
      void signOut().catch(() => undefined);
      setState('ended');
    } else if (phase === 'warning' && state === 'open') setState('warning');
    else if (phase === 'live' && state === 'warning') setState('open');
  }, [now, deadline, state]);

  const settle = (signedIn: boolean) => {
    const settled = waiters.current;
    waiters.current = [];
    for (const waiter of settled) (signedIn ? waiter.resolve : waiter.reject)();
  };
  const leave = async () => {
    settle(false);
    writeLockFlag(false);
    await signOut().catch(() => undefined);
    client.clear();
    await navigate('/sign-in', { replace: true });
  };
  const signedInAgain = (next: SessionView) => {
    if (next.user.id !== session.user.id) {
      // SECURITY: someone else signed in: nothing on this page is theirs to see or to send.
      settle(false);
      client.clear();
      window.location.replace('/');
      return;
    }
    lastContact.current = Date.now();
    client.setQueryData(['session'], next);
    setState('open');
    settle(true);
  };
  const stay = async () => {
    const fresh = await getSession().catch(() => null);
    if (fresh) client.setQueryData(['session'], fresh);
  };

  return (
    <>
      <div inert={state !== 'open'}>{children}</div>
      <Suspense fallback={state === 'warning' ? null : <Cover />}>
        {state === 'warning' && (
          <ExpiryDialog
            secondsLeft={(deadline - now) / 1000}
            onStay={() => void stay()}
            onSignOut={() => void leave()}
          />
        )}
        {state === 'locked' && (
          <LockDialog
            mfa={session.mfaEnrolled}
            onUnlocked={() => setState('open')}
            onSessionEnded={() => setState('ended')}
            onSignOut={() => void leave()}
          />
        )}
        {state === 'ended' && (
          <ReauthDialog
            email={session.user.email}
            onSignedIn={signedInAgain}
            onSignOut={() => void leave()}
          />
        )}
      </Suspense>
    </>
  );
}
