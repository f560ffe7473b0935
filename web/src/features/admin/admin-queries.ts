import { useQuery } from '@tanstack/react-query';
import type { Member } from '../../../../common/users.ts';
import { societyQuery } from '../../api/society.ts';
import { listTeams } from '../../api/teams.ts';
import { membersQuery } from '../../api/users.ts';

/** The query keys of the administration area, so a change refreshes every screen that shows it. */
export const adminKeys = {
  members: membersQuery.queryKey,
  member: (userId: string) => ['admin', 'member', userId] as const,
  teams: ['teams'] as const,
  society: societyQuery.queryKey,
};

/** Every member of the society. */
export function useMembers() {
  return useQuery(membersQuery);
}

/** Every team of the society. */
export function useTeams() {
  return useQuery({ queryKey: adminKeys.teams, queryFn: listTeams });
}

/** The current society's profile and settings. */
export function useSociety() {
  return useQuery(societyQuery);
}

/** Members sorted by name as the reader's language sorts them. */
export function byName(members: readonly Member[], locale: string): Member[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...members].sort((a, b) => collator.compare(a.displayName, b.displayName));
}
