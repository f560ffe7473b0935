import { z } from 'zod';
import { Email, Locale } from './auth.ts';
import { SocietyRole } from './roles.ts';

/** What an administrator may do to a member; the web app shows a control for each allowed one. */
export const MemberAction = z.enum([
  'change-roles',
  'remove',
  'reset-password',
  'reset-mfa',
  'sign-out-everywhere',
]);
/** What an administrator may do to a member. */
export type MemberAction = z.infer<typeof MemberAction>;

/** Path parameters naming one member of the current society. */
export const UserParams = z.strictObject({ userId: z.uuid() });
/** Path parameters naming one member of the current society. */
export type UserParams = z.infer<typeof UserParams>;

/** The roles of a membership: one or more society roles (repeats are folded into one). */
export const MembershipRoles = z.array(SocietyRole).min(1).max(7);
/** The roles of a membership. */
export type MembershipRoles = z.infer<typeof MembershipRoles>;

/** A member of the current society as administrators (and the data protection officer) see them. */
export const Member = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(SocietyRole),
  teamIds: z.array(z.uuid()),
  mfaEnrolled: z.boolean(),
  status: z.enum(['active', 'disabled']),
  locale: Locale,
  version: z.number().int(),
  allowedActions: z.array(MemberAction),
});
/** A member of the current society. */
export type Member = z.infer<typeof Member>;

/** GET /api/users: query parameters. */
export const MemberListQuery = z.strictObject({
  role: SocietyRole.optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
/** GET /api/users: query parameters. */
export type MemberListQuery = z.infer<typeof MemberListQuery>;

/** GET /api/users: one page of members. */
export const MemberPage = z.object({ items: z.array(Member), nextCursor: z.string().nullable() });
/** GET /api/users: one page of members. */
export type MemberPage = z.infer<typeof MemberPage>;

/**
 * POST /api/users: a new member. The society is always the administrator's current one; a body naming a society,
 * an owner or anything else is refused (strict).
 */
export const NewMemberBody = z.strictObject({
  email: Email,
  displayName: z.string().trim().min(1).max(200),
  roles: MembershipRoles,
  locale: Locale.optional(),
  teamIds: z.array(z.uuid()).max(50).optional(),
});
/** POST /api/users */
export type NewMemberBody = z.infer<typeof NewMemberBody>;

/**
 * POST /api/users: the member, and whether a new account was made. A new account's temporary password is shown
 * here once and never again; an existing account (same e-mail) keeps its password and name.
 */
export const NewMemberResult = z.object({
  member: Member,
  accountCreated: z.boolean(),
  temporaryPassword: z.string().nullable(),
});
/** POST /api/users */
export type NewMemberResult = z.infer<typeof NewMemberResult>;

/** PUT /api/users/:userId/roles: the member's complete new set of roles. */
export const RolesBody = z.strictObject({ roles: MembershipRoles });
/** PUT /api/users/:userId/roles */
export type RolesBody = z.infer<typeof RolesBody>;

/** POST /api/users/:userId/password-reset: the temporary password, shown once. */
export const TemporaryPasswordResult = z.object({ temporaryPassword: z.string() });
/** POST /api/users/:userId/password-reset */
export type TemporaryPasswordResult = z.infer<typeof TemporaryPasswordResult>;

/** POST /api/users/:userId/sign-out-everywhere and /mfa-reset: how many sessions ended. */
export const SessionsEndedResult = z.object({ sessionsEnded: z.number().int().min(0) });
/** How many sessions ended. */
export type SessionsEndedResult = z.infer<typeof SessionsEndedResult>;
