import { SocietyProfile, type SocietySettingsBody } from '../../../common/societies.ts';
import { apiRequest } from './client.ts';

/** The current society's profile and settings (any member may read them: the time zone, for one). */
export function getSociety() {
  return apiRequest('/api/society', SocietyProfile);
}

/** Changes some settings of the current society, if it is still at the version the administrator saw. */
export function changeSettings(body: SocietySettingsBody, version: number) {
  return apiRequest('/api/society/settings', SocietyProfile, { method: 'PATCH', body, ifMatch: version });
}

/** The query of the current society's profile, shared by every screen that needs it (its time zone, say). */
export const societyQuery = { queryKey: ['society'] as const, queryFn: getSociety };
