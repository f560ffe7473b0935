import { createHmac, randomInt, type KeyObject } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import { renderSVG } from 'uqr';

/** A new TOTP secret: 160 random bits, Base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The enrolment details shown once: the otpauth URI, a QR code of it as SVG, and the secret to type by hand. */
export function enrolmentFor(secret: string, label: string) {
  // The label is what the authenticator app shows; it must not reveal the person's role or organisation.
  const uri = generateURI({ issuer: 'Passage', label, secret });
  return { uri, secret, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** The outcome of checking a code: accepted with the time step it used (stored, so it is never accepted again). */
export type TotpCheck = { ok: true; timeStep: number } | { ok: false };

/**
 * Checks a six-digit code, accepting one 30-second step either side for clock drift. SECURITY: a code whose time
 * step is not after the last accepted one is refused, so an observed code cannot be replayed.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastTimeStep: number | null,
): Promise<TotpCheck> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return { ok: false };
  const result = await verify({
    secret,
    token,
    epochTolerance: 30,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? { ok: true, timeStep: result.timeStep } : { ok: false };
}

/** The current code for a secret (demo accounts and tests use it; the server never needs it otherwise). */
export function currentTotp(secret: string, at = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at / 1000) });
}

const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten single-use recovery codes of 16 characters (about 79 bits each), shown to the user once. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 16 }, () =>
      recoveryAlphabet.charAt(randomInt(recoveryAlphabet.length)),
    );
    return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
  });
}

/** Normalises a typed recovery code (case, spaces, dashes) before hashing. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The keyed hash stored for a recovery code. SECURITY: keyed, so a copy of the table cannot be brute-forced. */
export function recoveryCodeHash(key: KeyObject, userId: string, code: string): Buffer {
  return createHmac('sha256', key)
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest();
}
