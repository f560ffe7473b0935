import type { Role } from '../../../common/roles.ts';

/** One entry of the main navigation: its address, its label key, and the roles it is shown to. */
export type NavItem = {
  key:
    | 'home'
    | 'people'
    | 'organisations'
    | 'consentReview'
    | 'legalBasisReview'
    | 'content'
    | 'administration'
    | 'audit'
    | 'profile';
  path: string;
  roles: readonly Role[] | 'all';
};

/**
 * The areas of the app, in navigation order. Whom an entry is shown to follows the roles the server gives in
 * GET /api/session; the server still decides every request, so this only hides what would be refused.
 */
export const navItems: readonly NavItem[] = [
  { key: 'home', path: '/', roles: 'all' },
  { key: 'people', path: '/people', roles: ['caseworker', 'focal-point'] },
  // GET /api/organisations is open to any member of a society (not to a network coordinator without one).
  {
    key: 'organisations',
    path: '/organisations',
    roles: ['volunteer', 'caseworker', 'focal-point', 'coordinator', 'trainer', 'dpo', 'administrator'],
  },
  { key: 'consentReview', path: '/reviews/consents', roles: ['focal-point'] },
  { key: 'legalBasisReview', path: '/reviews/legal-bases', roles: ['dpo'] },
  { key: 'content', path: '/content', roles: ['focal-point', 'administrator'] },
  { key: 'administration', path: '/administration', roles: ['administrator'] },
  { key: 'audit', path: '/audit', roles: ['dpo'] },
  { key: 'profile', path: '/profile', roles: 'all' },
];

/** The navigation entries for a person holding these roles in the current society. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  return navItems.filter((item) => item.roles === 'all' || item.roles.some((role) => roles.includes(role)));
}
