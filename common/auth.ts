import { z } from 'zod';
import { Role, SocietyRole } from './roles.ts';

/** Supported interface languages. More languages are data, added here and in the web app's resources. */
export const Locale = z.enum(['en', 'fr', 'es', 'ar']);
/** Supported interface languages. */
export type Locale = z.infer<typeof Locale>;

/** An e-mail address as typed at sign-in: trimmed; compared case-insensitively by the server. */
export const Email = z.string().trim().min(3).max(254).pipe(z.email());

/** A password as sent by a client (the server checks new passwords further: length, common words). */
export const Password = z.string().min(1).max(1024);

/** A six-digit authenticator code (Arabic-Indic digits are converted by the web app before sending). */
export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'six digits');

/** POST /api/auth/sign-in */
export const SignInBody = z.strictObject({ email: Email, password: Password });
/** POST /api/auth/sign-in */
export type SignInBody = z.infer<typeof SignInBody>;

/** POST /api/auth/mfa and /api/auth/mfa/enrolment/confirm */
export const MfaCodeBody = z.strictObject({ code: TotpCode });
/** POST /api/auth/mfa */
export type MfaCodeBody = z.infer<typeof MfaCodeBody>;

/** POST /api/auth/mfa/recovery */
export const RecoveryCodeBody = z.strictObject({ recoveryCode: z.string().trim().min(16).max(40) });
/** POST /api/auth/mfa/recovery */
export type RecoveryCodeBody = z.infer<typeof RecoveryCodeBody>;

/** POST /api/auth/step-up: a fresh authenticator code, or the password for accounts without MFA. */
export const StepUpBody = z.union([
  z.strictObject({ code: TotpCode }),
  z.strictObject({ password: Password }),
]);
/** POST /api/auth/step-up */
export type StepUpBody = z.infer<typeof StepUpBody>;

/** POST /api/me/password */
export const PasswordChangeBody = z.strictObject({ currentPassword: Password, newPassword: Password });
/** POST /api/me/password */
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

/** PATCH /api/me */
export const ProfileChangeBody = z.strictObject({ locale: Locale });
/** PATCH /api/me */
export type ProfileChangeBody = z.infer<typeof ProfileChangeBody>;

/** PUT /api/me/society: act in another society the user is a member of. */
export const SwitchSocietyBody = z.strictObject({ societyId: z.uuid() });
/** PUT /api/me/society */
export type SwitchSocietyBody = z.infer<typeof SwitchSocietyBody>;

/** Where a session is in signing in. */
export const SessionStage = z.enum(['password-change', 'mfa', 'mfa-enrolment', 'active']);
/** Where a session is in signing in. */
export type SessionStage = z.infer<typeof SessionStage>;

/** A society the user is a member of, as the society switcher shows it. */
export const MembershipView = z.object({
  societyId: z.uuid(),
  societyName: z.string(),
  isDemo: z.boolean(),
  roles: z.array(SocietyRole),
});
/** A society the user is a member of. */
export type MembershipView = z.infer<typeof MembershipView>;

/** GET /api/session: who is signed in, where, with which roles, and the CSRF token for writes. */
export const SessionView = z.object({
  stage: SessionStage,
  user: z.object({ id: z.uuid(), displayName: z.string(), email: z.string(), locale: Locale }),
  society: MembershipView.nullable(),
  roles: z.array(Role),
  memberships: z.array(MembershipView),
  mfaEnrolled: z.boolean(),
  csrfToken: z.string(),
  stepUpValidUntil: z.iso.datetime().nullable(),
  idleTimeoutSeconds: z.number().int(),
  isDemo: z.boolean(),
});
/** GET /api/session */
export type SessionView = z.infer<typeof SessionView>;

/** POST /api/auth/mfa/enrolment: shown once, to add Passage to an authenticator app. */
export const MfaEnrolment = z.object({ uri: z.string(), secret: z.string(), qrSvg: z.string() });
/** POST /api/auth/mfa/enrolment */
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

/** Recovery codes, shown once when MFA is enrolled or the codes are renewed. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
/** Recovery codes, shown once. */
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** One of the user's own sessions, as the profile page lists them. */
export const SessionSummary = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  device: z.string().nullable(),
  current: z.boolean(),
});
/** One of the user's own sessions. */
export type SessionSummary = z.infer<typeof SessionSummary>;

/** Path parameters naming one of the user's own sessions. */
export const SessionParams = z.strictObject({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });
/** Path parameters naming one of the user's own sessions. */
export type SessionParams = z.infer<typeof SessionParams>;
