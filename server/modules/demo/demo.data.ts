import type { Role, SocietyRole } from '../../../common/roles.ts';

// SECURITY: everything here is public on purpose. These accounts exist only while demo mode is on (never in
// production, never on an external database by default) and only in the demo society, which holds synthetic data.

/** The synthetic society loaded in demo mode; `XD` is a user-assigned ISO 3166 code, so no real country. */
export const demoSociety = {
  name: 'Demo National Society',
  country: 'XD',
  timeZone: 'Europe/Zurich',
  teams: ['Demo team North', 'Demo team South'],
} as const;

/** The demo network the network coordinator account coordinates; the demo society is its only member. */
export const demoNetwork = { code: 'DEMO', name: 'Demo network' } as const;

/** The password every demo account shares; shown on the sign-in page with the accounts. */
export const demoPassword = 'passage-demo-only';

/** A demo account: its role, fake e-mail address and name, team, and fixed authenticator secret (Base32). */
export type DemoAccount = {
  role: Role;
  email: string;
  displayName: string;
  team?: (typeof demoSociety.teams)[number];
  totpSecret: string;
};

/** One account per role (two caseworkers, in different teams), all under the reserved `.invalid` domain. */
export const demoAccounts: readonly DemoAccount[] = [
  {
    role: 'volunteer',
    email: 'volunteer@demo.passage.invalid',
    displayName: 'Demo Volunteer',
    team: 'Demo team North',
    totpSecret: 'DEMOVOLUNTEERAAAAAAAAAAAAAAAAAAA',
  },
  {
    role: 'caseworker',
    email: 'caseworker@demo.passage.invalid',
    displayName: 'Demo Caseworker North',
    team: 'Demo team North',
    totpSecret: 'DEMOCASEWORKERNORTHAAAAAAAAAAAAA',
  },
  {
    role: 'caseworker',
    email: 'caseworker.south@demo.passage.invalid',
    displayName: 'Demo Caseworker South',
    team: 'Demo team South',
    totpSecret: 'DEMOCASEWORKERSOUTHAAAAAAAAAAAAA',
  },
  {
    role: 'focal-point',
    email: 'focal-point@demo.passage.invalid',
    displayName: 'Demo Focal Point',
    totpSecret: 'DEMOFOCALPOINTAAAAAAAAAAAAAAAAAA',
  },
  {
    role: 'coordinator',
    email: 'coordinator@demo.passage.invalid',
    displayName: 'Demo Coordinator',
    totpSecret: 'DEMOCOORDINATORAAAAAAAAAAAAAAAAA',
  },
  {
    role: 'trainer',
    email: 'trainer@demo.passage.invalid',
    displayName: 'Demo Trainer',
    totpSecret: 'DEMOTRAINERAAAAAAAAAAAAAAAAAAAAA',
  },
  {
    role: 'dpo',
    email: 'dpo@demo.passage.invalid',
    displayName: 'Demo Data Protection Officer',
    totpSecret: 'DEMODPOAAAAAAAAAAAAAAAAAAAAAAAAA',
  },
  {
    role: 'administrator',
    email: 'administrator@demo.passage.invalid',
    displayName: 'Demo Administrator',
    totpSecret: 'DEMOADMINISTRATORAAAAAAAAAAAAAAA',
  },
  {
    role: 'network-coordinator',
    email: 'network-coordinator@demo.passage.invalid',
    displayName: 'Demo Network Coordinator',
    totpSecret: 'DEMONETWORKCOORDINATORAAAAAAAAAA',
  },
];

/** The society role of a demo account, or undefined for the network coordinator (who holds a network, not one). */
export function demoSocietyRole(account: DemoAccount): SocietyRole | undefined {
  return account.role === 'network-coordinator' ? undefined : account.role;
}
