import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import { inject } from 'vitest';

const stepSeconds = 30;

// Each test file runs in its own process: the steps already used are kept in a file of the run's folder.
const usedStepsFile = () => path.join(inject('stateDir'), 'totp-steps.json');

const lastUsed = {
  get(secret: string): number | undefined {
    const file = usedStepsFile();
    if (!existsSync(file)) return undefined;
    return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>)[secret];
  },
  set(secret: string, step: number): void {
    const file = usedStepsFile();
    const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
    all[secret] = step;
    writeFileSync(file, JSON.stringify(all));
  },
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A code the server has not seen yet for this secret. The server accepts the current time step or the next one
 * and refuses any step not after the last it accepted, so each code here takes the earliest step still unused,
 * waiting for the clock when both are spent.
 */
export async function nextCode(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / stepSeconds);
    const used = lastUsed.get(secret) ?? Number.NEGATIVE_INFINITY;
    // The next step only while it is less than 25 s away, so clock skew cannot push it outside the window.
    const secondsIntoStep = (Date.now() / 1000) % stepSeconds;
    const candidates = secondsIntoStep > 5 ? [now, now + 1] : [now];
    const step = candidates.find((s) => s > used);
    if (step !== undefined) {
      lastUsed.set(secret, step);
      return generate({ secret, epoch: step * stepSeconds });
    }
    await sleep((stepSeconds - secondsIntoStep) * 1000 + 250);
  }
}

/** Converts a code's digits to Arabic-Indic ones (٠-٩), as a phone with an Arabic keyboard types them. */
export function arabicIndic(code: string): string {
  return code.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** Marks the current time step as used for a secret (after the app itself filled in the demo code). */
export function markCurrentStepUsed(secret: string): void {
  const now = Math.floor(Date.now() / 1000 / stepSeconds);
  lastUsed.set(secret, Math.max(lastUsed.get(secret) ?? now, now));
}
