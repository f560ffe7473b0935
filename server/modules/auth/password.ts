import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** The shortest and longest passwords accepted (no composition rules, no truncation). */
export const passwordLength = { min: 12, max: 128 } as const;

// argon2id with the OWASP / ASVS minimum: 19 MiB, two passes, one lane (about 11 ms here).
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Words that make a password guessable in this setting, on top of the common-password list.
const contextWords = ['passage', 'redcross', 'redcrescent', 'croixrouge', 'cruzroja', 'trafficking', 'ifrc'];

const common: ReadonlySet<string> = new Set(dictionary['passwords-common']);

/** Why a new password is refused, as a field error code the web app translates. */
export type PasswordProblem = 'too-short' | 'too-long' | 'too-common';

/** Checks a new password: 12–128 characters, not on the bundled list of common passwords or about Passage. */
export function checkNewPassword(password: string): PasswordProblem | undefined {
  const length = Array.from(password).length; // code points: a long passphrase in any script counts fully
  if (length < passwordLength.min) return 'too-short';
  if (length > passwordLength.max) return 'too-long';
  const folded = password.normalize('NFKC').toLowerCase();
  const letters = folded.replace(/[^\p{L}\p{N}]/gu, '');
  // "password2024!!" is as guessable as "password": strip what people add at the ends.
  const core = letters.replace(/^\d+|\d+$/g, '');
  if (common.has(folded) || common.has(letters) || (core.length >= 4 && common.has(core)))
    return 'too-common';
  if (contextWords.some((w) => letters.includes(w) && letters.length - w.length < 8)) return 'too-common';
  if (new Set(letters).size <= 3) return 'too-common';
  return undefined;
}

// Hashing runs on libuv's thread pool: a cap keeps a burst of sign-ins from starving other work.
let running = 0;
const waiting: (() => void)[] = [];
const maxConcurrentHashes = 4;

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrentHashes) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Hashes a password with argon2id into a self-describing PHC string. */
export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, argonOptions));
}

// Verified against when the account does not exist, so both answers take the same time.
const dummyHash = hash('passage-dummy-password-for-timing', argonOptions);

/** Verifies a password against a stored hash, or against a dummy one when there is no account. */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const target = storedHash ?? (await dummyHash);
  const ok = await limited(() => verify(target, password).catch(() => false));
  return ok && storedHash !== undefined;
}
