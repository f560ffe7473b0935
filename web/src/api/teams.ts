import { Team, TeamPage } from '../../../common/teams.ts';
import { apiRequest } from './client.ts';

const teamPath = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

/** Every team of the current society, by name. */
export async function listTeams(): Promise<Team[]> {
  return (await apiRequest('/api/teams', TeamPage)).items;
}

/** Creates a team. */
export function createTeam(name: string) {
  return apiRequest('/api/teams', Team, { method: 'POST', body: { name } });
}

/** Renames a team, if it is still at the version the administrator saw. */
export function renameTeam(teamId: string, name: string, version: number) {
  return apiRequest(teamPath(teamId), Team, { method: 'PATCH', body: { name }, ifMatch: version });
}

/** Sets a team's complete list of members, if it is still at the version the administrator saw. */
export function setTeamMembers(teamId: string, userIds: readonly string[], version: number) {
  return apiRequest(`${teamPath(teamId)}/members`, Team, {
    method: 'PUT',
    body: { userIds },
    ifMatch: version,
  });
}
