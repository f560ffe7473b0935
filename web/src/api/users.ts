import {
  Member,
  MemberPage,
  NewMemberResult,
  SessionsEndedResult,
  TemporaryPasswordResult,
  type MembershipRoles,
  type NewMemberBody,
} from '../../../common/users.ts';
import type { SocietyRole } from '../../../common/roles.ts';
import { apiRequest } from './client.ts';

const memberPath = (userId: string) => `/api/users/${encodeURIComponent(userId)}`;

/**
 * Every member of the current society (optionally those holding one role), read page by page. A society has
 * hundreds of members at most, so screens sort and look names up in the whole list.
 */
export async function listAllMembers(role?: SocietyRole): Promise<Member[]> {
  const members: Member[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200' });
    if (role) query.set('role', role);
    if (cursor) query.set('cursor', cursor);
    const page: MemberPage = await apiRequest(`/api/users?${query.toString()}`, MemberPage);
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return members;
}

/** One member of the current society, with what the administrator may do to them. */
export function getMember(userId: string) {
  return apiRequest(memberPath(userId), Member);
}

/** Adds a member; a new account's temporary password comes back once. */
export function addMember(body: NewMemberBody) {
  return apiRequest('/api/users', NewMemberResult, { method: 'POST', body });
}

/** Replaces a member's roles, if the member is still at the version the administrator saw. */
export function grantRoles(userId: string, roles: MembershipRoles, version: number) {
  return apiRequest(`${memberPath(userId)}/roles`, Member, {
    method: 'PUT',
    body: { roles },
    ifMatch: version,
  });
}

/** Removes a member from the current society (the account stays). */
export function removeMember(userId: string) {
  return apiRequest(`${memberPath(userId)}/membership`, undefined, { method: 'DELETE' });
}

/** Gives a member a new temporary password (after a step-up); it is shown once. */
export async function resetPassword(userId: string) {
  return (
    await apiRequest(`${memberPath(userId)}/password-reset`, TemporaryPasswordResult, { method: 'POST' })
  ).temporaryPassword;
}

/** Removes a member's authenticator so they set up a new one (after a step-up); answers the sessions ended. */
export async function resetAuthenticator(userId: string) {
  return (await apiRequest(`${memberPath(userId)}/mfa-reset`, SessionsEndedResult, { method: 'POST' }))
    .sessionsEnded;
}

/** Ends every session of a member; answers how many ended. */
export async function signOutMember(userId: string) {
  return (
    await apiRequest(`${memberPath(userId)}/sign-out-everywhere`, SessionsEndedResult, { method: 'POST' })
  ).sessionsEnded;
}

/** The query of every member of the current society, shared by the screens that show names. */
export const membersQuery = { queryKey: ['members'] as const, queryFn: () => listAllMembers() };
