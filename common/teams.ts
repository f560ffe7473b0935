import { z } from 'zod';

/** What a member may do to a team; the web app shows a control for each allowed one. */
export const TeamAction = z.enum(['rename', 'change-members']);
/** What a member may do to a team. */
export type TeamAction = z.infer<typeof TeamAction>;

/** Path parameters naming one team of the current society. */
export const TeamParams = z.strictObject({ teamId: z.uuid() });
/** Path parameters naming one team of the current society. */
export type TeamParams = z.infer<typeof TeamParams>;

/** A team's name: what colleagues call it, never a person's name. */
export const TeamName = z.string().trim().min(1).max(120);

/** A team of the current society. */
export const Team = z.object({
  id: z.uuid(),
  name: z.string(),
  memberIds: z.array(z.uuid()),
  version: z.number().int(),
  allowedActions: z.array(TeamAction),
});
/** A team of the current society. */
export type Team = z.infer<typeof Team>;

/** GET /api/teams: every team of the society, by name (a society has few; `nextCursor` is always null). */
export const TeamPage = z.object({ items: z.array(Team), nextCursor: z.string().nullable() });
/** GET /api/teams */
export type TeamPage = z.infer<typeof TeamPage>;

/** POST /api/teams and PATCH /api/teams/:teamId */
export const TeamNameBody = z.strictObject({ name: TeamName });
/** POST /api/teams and PATCH /api/teams/:teamId */
export type TeamNameBody = z.infer<typeof TeamNameBody>;

/** PUT /api/teams/:teamId/members: the team's complete new list of members (members of the society). */
export const TeamMembersBody = z.strictObject({ userIds: z.array(z.uuid()).max(500) });
/** PUT /api/teams/:teamId/members */
export type TeamMembersBody = z.infer<typeof TeamMembersBody>;
