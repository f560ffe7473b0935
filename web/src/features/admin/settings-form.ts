import type { Locale } from '../../../../common/auth.ts';
import { SocietySettingsBody, type SocietyProfile } from '../../../../common/societies.ts';
import { normaliseDigits } from '../../i18n/format.ts';

/**
 * The settings form as typed: numbers are text until they are checked (Arabic-Indic digits are accepted), and an
 * empty retention period means "not decided yet".
 */
export type SettingsDraft = {
  timeZone: string;
  defaultLocale: Locale;
  suppressionThreshold: string;
  mfaOptionalRoles: string[];
  retentionMonths: string;
};

/** The fields of the settings form, as the server names them in `body.<field>`. */
export const settingsFields = [
  'timeZone',
  'defaultLocale',
  'suppressionThreshold',
  'mfaOptionalRoles',
  'retentionMonths',
] as const;

/** The form filled with the society's current settings. */
export function draftOf(profile: SocietyProfile): SettingsDraft {
  return {
    timeZone: profile.timeZone,
    defaultLocale: profile.defaultLocale,
    suppressionThreshold: String(profile.suppressionThreshold),
    mfaOptionalRoles: [...profile.mfaOptionalRoles],
    retentionMonths: profile.retentionMonths === null ? '' : String(profile.retentionMonths),
  };
}

/** A whole number typed in any digits, or the text itself when it is not one (the schema then refuses it). */
function wholeNumber(text: string): number | string {
  const digits = normaliseDigits(text.trim());
  return /^\d{1,6}$/.test(digits) ? Number(digits) : text;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/** The settings of the form that differ from the society's current ones (not yet checked). */
function changedSettings(profile: SocietyProfile, draft: SettingsDraft): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  if (draft.timeZone !== profile.timeZone) change.timeZone = draft.timeZone;
  if (draft.defaultLocale !== profile.defaultLocale) change.defaultLocale = draft.defaultLocale;
  const limit = wholeNumber(draft.suppressionThreshold);
  if (limit !== profile.suppressionThreshold) change.suppressionThreshold = limit;
  if (!sameSet(draft.mfaOptionalRoles, profile.mfaOptionalRoles))
    change.mfaOptionalRoles = draft.mfaOptionalRoles;
  const months = draft.retentionMonths.trim() === '' ? null : wholeNumber(draft.retentionMonths);
  if (months !== profile.retentionMonths) change.retentionMonths = months;
  return change;
}

/**
 * The settings that differ from the society's current ones, checked with the server's own schema: the body of
 * PATCH /api/society/settings, `unchanged` when nothing differs, or the fields that are not valid.
 */
export function settingsChange(
  profile: SocietyProfile,
  draft: SettingsDraft,
): { body: SocietySettingsBody } | { unchanged: true } | { invalid: Set<string> } {
  const change = changedSettings(profile, draft);
  if (Object.keys(change).length === 0) return { unchanged: true };
  const parsed = SocietySettingsBody.safeParse(change);
  if (parsed.success) return { body: parsed.data };
  return { invalid: new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? ''))) };
}

/** Every time zone this browser knows (IANA names), with the current one even if the browser lacks it. */
export function timeZoneChoices(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...known])].sort();
}
