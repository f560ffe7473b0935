import {
  administrator,
  adminUsers,
  anyMember,
  everyMember,
  fresh,
  ifMatch,
  type MatrixEntry,
} from './route-matrix.shape.ts';

// Rows of the access-control matrix (route-matrix.data.ts): the society, its teams, members, notifications and
// audit log, and the system routes.

/** Societies, teams, members and notifications of the current society. */
export const societyEntries: MatrixEntry[] = [
  {
    method: 'GET',
    path: '/api/societies/:societyId',
    who: everyMember,
    basis: `${anyMember}; a society the user does not belong to is not found`,
    success: 200,
    targetsRecord: true,
    request: (fx) => ({ url: `/api/societies/${fx.societyId}` }),
  },
  {
    method: 'GET',
    path: '/api/society',
    who: everyMember,
    basis: anyMember,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/society' }),
  },
  {
    method: 'PATCH',
    path: '/api/society/settings',
    who: administrator,
    basis: adminUsers,
    success: 200,
    targetsRecord: false,
    request: async (fx) => {
      const { version, suppressionThreshold } = await fx.societySettings();
      const body = { suppressionThreshold: suppressionThreshold === 10 ? 11 : 10 };
      return { url: '/api/society/settings', body, headers: ifMatch(version) };
    },
  },
  {
    method: 'GET',
    path: '/api/notifications',
    who: everyMember,
    basis: `${anyMember}; each reads their own notifications`,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/notifications' }),
  },
  {
    method: 'POST',
    path: '/api/notifications/:notificationId/read',
    who: everyMember,
    basis: `${anyMember}; each reads their own notifications`,
    success: 204,
    targetsRecord: true,
    request: async (fx) => ({ url: `/api/notifications/${await fx.newNotification()}/read` }),
  },
  {
    method: 'POST',
    path: '/api/notifications/read-all',
    who: everyMember,
    basis: `${anyMember}; each reads their own notifications`,
    success: 204,
    targetsRecord: false,
    request: () => ({ url: '/api/notifications/read-all' }),
  },
  {
    method: 'GET',
    path: '/api/teams',
    who: everyMember,
    basis: `${anyMember}: cases are assigned to teams`,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/teams' }),
  },
  {
    method: 'POST',
    path: '/api/teams',
    who: administrator,
    basis: adminUsers,
    success: 201,
    targetsRecord: false,
    request: () => ({ url: '/api/teams', body: { name: fresh('Matrix Test Team') } }),
  },
  {
    method: 'GET',
    path: '/api/teams/:teamId',
    who: everyMember,
    basis: `${anyMember}: cases are assigned to teams`,
    success: 200,
    targetsRecord: true,
    request: (fx) => ({ url: `/api/teams/${fx.teamId}` }),
  },
  {
    method: 'PATCH',
    path: '/api/teams/:teamId',
    who: administrator,
    basis: adminUsers,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const team = await fx.newTeam();
      const body = { name: fresh('Matrix Renamed Team') };
      return { url: `/api/teams/${team.id}`, body, headers: ifMatch(team.version) };
    },
  },
  {
    method: 'PUT',
    path: '/api/teams/:teamId/members',
    who: administrator,
    basis: adminUsers,
    success: 200,
    targetsRecord: true,
    request: async (fx) => {
      const team = await fx.newTeam();
      const body = { userIds: [fx.memberId] };
      return { url: `/api/teams/${team.id}/members`, body, headers: ifMatch(team.version) };
    },
  },
];

/** Members of the current society (server/modules/users/users.routes.ts). */
export const userEntries: MatrixEntry[] = [
  {
    method: 'GET',
    path: '/api/users',
    who: ['administrator', 'dpo'],
    basis: `${adminUsers}; the data protection officer reads them to follow the audit log`,
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/users' }),
  },
  {
    method: 'POST',
    path: '/api/users',
    who: administrator,
    basis: `${adminUsers}; adding a member opens the society to a new account, so it needs a fresh factor`,
    success: 201,
    targetsRecord: false,
    stepUp: true,
    request: () => ({
      url: '/api/users',
      body: {
        email: `${fresh('matrix.person').replace(' ', '.')}@example.invalid`,
        displayName: 'Matrix Test Person',
        roles: ['volunteer'],
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/users/:userId',
    who: ['administrator', 'dpo'],
    basis: `${adminUsers}; the data protection officer reads them to follow the audit log`,
    success: 200,
    targetsRecord: true,
    request: (fx) => ({ url: `/api/users/${fx.memberId}` }),
  },
  {
    method: 'PUT',
    path: '/api/users/:userId/roles',
    who: administrator,
    basis: `${adminUsers}; granting roles opens case content, so it needs a fresh factor`,
    success: 200,
    targetsRecord: true,
    stepUp: true,
    request: async (fx) => {
      const member = await fx.newMember();
      const body = { roles: ['caseworker'] };
      return { url: `/api/users/${member.id}/roles`, body, headers: ifMatch(member.version) };
    },
  },
  {
    method: 'DELETE',
    path: '/api/users/:userId/membership',
    who: administrator,
    basis: adminUsers,
    success: 204,
    targetsRecord: true,
    request: async (fx) => ({ url: `/api/users/${(await fx.newMember()).id}/membership` }),
  },
  {
    method: 'POST',
    path: '/api/users/:userId/password-reset',
    who: administrator,
    basis: `${adminUsers}; taking over an account's sign-in needs a fresh factor`,
    success: 200,
    targetsRecord: true,
    stepUp: true,
    request: async (fx) => ({ url: `/api/users/${(await fx.newMember()).id}/password-reset` }),
  },
  {
    method: 'POST',
    path: '/api/users/:userId/mfa-reset',
    who: administrator,
    basis: `${adminUsers}; taking over an account's sign-in needs a fresh factor`,
    success: 200,
    targetsRecord: true,
    stepUp: true,
    request: async (fx) => ({ url: `/api/users/${(await fx.newMember()).id}/mfa-reset` }),
  },
  {
    method: 'POST',
    path: '/api/users/:userId/sign-out-everywhere',
    who: administrator,
    basis: `${adminUsers}; ending someone's sessions protects and reveals nothing`,
    success: 200,
    targetsRecord: true,
    request: async (fx) => ({ url: `/api/users/${(await fx.newMember()).id}/sign-out-everywhere` }),
  },
];

/** Governance: the audit log (server/modules/governance/). */
export const governanceEntries: MatrixEntry[] = [
  {
    method: 'GET',
    path: '/api/audit/events',
    who: ['dpo'],
    basis: 'PRODUCT.md: the data protection officer sees audit and governance data',
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/audit/events' }),
  },
  {
    method: 'GET',
    path: '/api/audit/status',
    who: ['dpo'],
    basis: 'PRODUCT.md: the data protection officer sees audit and governance data',
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/audit/status' }),
  },
];

/** Health, readiness, metrics, the API description and the demo accounts. */
export const systemEntries: MatrixEntry[] = [
  {
    method: 'GET',
    path: '/api/health',
    who: 'public',
    basis: 'load balancers ask without signing in',
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/health' }),
  },
  {
    method: 'GET',
    path: '/api/ready',
    who: 'public',
    basis: 'load balancers ask without signing in',
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/ready' }),
  },
  {
    method: 'GET',
    path: '/api/metrics',
    who: 'scraper',
    basis: 'metrics are for the configured scraper; to anyone else the route does not exist',
    success: 200,
    targetsRecord: false,
    request: (fx) => ({ url: '/api/metrics', headers: { authorization: `Bearer ${fx.metricsToken}` } }),
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    who: 'public',
    basis: 'the API description (off in production unless enabled)',
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/openapi.json' }),
  },
  {
    method: 'GET',
    path: '/api/demo/accounts',
    who: 'public',
    basis: 'demo mode only: the fake accounts are shown on the sign-in page',
    success: 200,
    targetsRecord: false,
    request: () => ({ url: '/api/demo/accounts' }),
  },
];
