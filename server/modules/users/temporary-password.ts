import { randomInt } from 'node:crypto';
import { checkNewPassword } from '../auth/password.ts';

// Base32 without the letters people misread when copying from a screen (no 0/o, 1/l/i): 31 symbols.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A temporary password for a new or reset account: 20 random symbols in groups of four (about 99 bits), easy to
 * read out and type once. It passes the password policy, and must be changed at the first sign-in.
 */
export function newTemporaryPassword(): string {
  for (;;) {
    const symbols = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)] ?? 'a').join('');
    const password = (symbols.match(/.{4}/g) ?? []).join('-');
    if (checkNewPassword(password) === undefined) return password;
  }
}
