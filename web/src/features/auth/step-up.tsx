import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { SessionView } from '../../../../common/auth.ts';
import { onInterruption } from '../../api/client.ts';

type Waiter = { resolve: () => void; reject: () => void };

const StepUpDialog = lazy(async () => ({ default: (await import('./step-up-dialog.tsx')).StepUpDialog }));

/**
 * Answers 'step-up-required' for the whole signed-in app: any request that needs a fresh confirmation opens
 * this dialog and is retried once the person confirmed (or fails as before if they cancel).
 */
export function StepUpHost({ session }: { session: SessionView }) {
  const waiters = useRef<Waiter[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(
    () =>
      onInterruption(
        'step-up-required',
        (problem) =>
          new Promise<void>((resolve, reject) => {
            waiters.current.push({ resolve, reject: () => reject(problem) });
            setOpen(true);
          }),
      ),
    [],
  );
  const settle = (confirmed: boolean) => {
    const settled = waiters.current;
    waiters.current = [];
    setOpen(false);
    for (const waiter of settled) (confirmed ? waiter.resolve : waiter.reject)();
  };
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <StepUpDialog
        mfa={session.mfaEnrolled}
        onConfirmed={() => settle(true)}
        onCancel={() => settle(false)}
      />
    </Suspense>
  );
}
