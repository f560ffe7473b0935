import type { Locale } from '../../../common/auth.ts';

const arabicIndic = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Converts Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits to ASCII digits, so a code typed on an
 * Arabic or Persian keyboard reaches the server as the digits it expects.
 */
export function normaliseDigits(text: string): string {
  return text.replace(arabicIndic, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** A date and time in the person's language and conventions (digits, calendar words, order). */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A number in the person's language (Arabic shows Arabic-Indic digits). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A duration in whole minutes and seconds, e.g. 0:59, with the person's digits. */
export function formatCountdown(seconds: number, locale: Locale): string {
  const safe = Math.max(0, Math.round(seconds));
  const minutes = formatNumber(Math.floor(safe / 60), locale);
  const rest = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 }).format(safe % 60);
  return `${minutes}:${rest}`;
}

/** A list of words joined the way the person's language does ("A, B and C"). */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
