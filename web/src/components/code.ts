import { TotpCode } from '../../../common/auth.ts';
import { normaliseDigits } from '../i18n/format.ts';

/** The six-digit code as the server expects it (Arabic-Indic digits converted), or undefined if it is not one. */
export function parseCode(typed: string): string | undefined {
  const parsed = TotpCode.safeParse(normaliseDigits(typed).replace(/\s/g, ''));
  return parsed.success ? parsed.data : undefined;
}
