import { z } from 'zod';
import { Locale } from './auth.ts';
import { rolesWithoutPersonalData, SocietyRole } from './roles.ts';

/** Path parameters naming one society. */
export const SocietyParams = z.strictObject({ societyId: z.uuid() });
/** Path parameters naming one society. */
export type SocietyParams = z.infer<typeof SocietyParams>;

/** A society as the API shows it. */
export const Society = z.object({
  id: z.uuid(),
  name: z.string(),
  country: z.string().length(2),
  timeZone: z.string(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
/** A society as the API shows it. */
export type Society = z.infer<typeof Society>;

/** What a member may do to the society's profile; the web app shows a control for each allowed one. */
export const SocietyAction = z.enum(['change-settings']);
/** What a member may do to the society's profile. */
export type SocietyAction = z.infer<typeof SocietyAction>;

/** Whether a string names a time zone this runtime knows (IANA names such as `Europe/Amsterdam`, or `UTC`). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name. */
export const TimeZone = z.string().refine(isTimeZone, 'not a known time zone');

/** A role a society may let sign in without a second factor: only roles that see no personal data. */
export const MfaOptionalRole = SocietyRole.refine(
  (role) => rolesWithoutPersonalData.includes(role),
  'only roles that see no personal data may sign in without a second factor',
);

/** GET /api/society: the current society's profile and settings. */
export const SocietyProfile = Society.extend({
  mfaOptionalRoles: z.array(SocietyRole),
  suppressionThreshold: z.number().int(),
  defaultLocale: Locale,
  retentionMonths: z.number().int().nullable(),
  allowedActions: z.array(SocietyAction),
});
/** GET /api/society */
export type SocietyProfile = z.infer<typeof SocietyProfile>;

/**
 * How long the society keeps a person's information after it stops working with them, in whole months (1 to 600),
 * as the information notice states it; null while the society has not decided (the notice then says so).
 */
export const RetentionMonths = z.int().min(1).max(600).nullable();
/** Months of retention, or null while undecided. */
export type RetentionMonths = z.infer<typeof RetentionMonths>;

/**
 * PATCH /api/society/settings: the settings to change (at least one). The society's name, country and id are not
 * settings and are refused.
 */
export const SocietySettingsBody = z
  .strictObject({
    timeZone: TimeZone.optional(),
    mfaOptionalRoles: z.array(MfaOptionalRole).max(7).optional(),
    suppressionThreshold: z.int().min(5).max(100).optional(),
    defaultLocale: Locale.optional(),
    retentionMonths: RetentionMonths.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'name at least one setting to change',
    // Only when the fields themselves are fine: an unknown field is the one problem to report then.
    when: (payload) => payload.issues.length === 0,
  });
/** PATCH /api/society/settings */
export type SocietySettingsBody = z.infer<typeof SocietySettingsBody>;
