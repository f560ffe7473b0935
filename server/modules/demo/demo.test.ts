import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actAs,
  createSociety,
  createUser,
  sessionCsrf,
  sessionTokenOf,
  type TestClient,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { sessionCookieName } from '../../access/session.ts';
import { verifyAudit } from '../../audit/audit.verify.ts';
import { createKysely } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';
import { checkNewPassword } from '../auth/password.ts';
import { currentTotp } from '../auth/totp.ts';
import { demoAccounts, demoPassword, demoSociety, type DemoAccount } from './demo.data.ts';
import { systemResetDemo, systemSeedDemoIfEmpty } from './demo.service.ts';
import { clearDemoSociety } from './demo.store.ts';

let t: TestApp;
let system: Kysely<Database>;
beforeAll(async () => {
  t = await createTestApp({ env: { PASSAGE_DEMO: 'true' } });
  system = createKysely(t.db.system); // never destroyed: it shares the test database's pool
});
afterAll(() => t.close());

const origin = () => t.config.origin.origin;
const accountsRoute = () => t.app.inject({ method: 'GET', url: '/api/demo/accounts' });
const demoSocietyId = async () =>
  (await system.selectFrom('societies').select('id').where('is_demo', '=', true).executeTakeFirstOrThrow())
    .id;

/** Signs a demo account in through the real screens, checking that the second factor is asked for. */
async function signInDemo(account: DemoAccount, code: string, password = demoPassword): Promise<TestClient> {
  const first = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin: origin() },
    payload: { email: account.email, password },
  });
  expect(first.json(), account.email).toEqual({ stage: 'mfa' });
  const pending = sessionTokenOf(t, first) as string;
  const cookie = `${sessionCookieName(t.config)}=${pending}`;
  const second = await t.app.inject({
    method: 'POST',
    url: '/api/auth/mfa',
    headers: { origin: origin(), cookie, 'x-csrf-token': await sessionCsrf(t, pending) },
    payload: { code },
  });
  expect(second.statusCode, account.email).toBe(200);
  const token = sessionTokenOf(t, second) as string;
  const user = { id: '', email: account.email, password, totpSecret: account.totpSecret };
  return {
    user,
    cookie: `${sessionCookieName(t.config)}=${token}`,
    csrfToken: await sessionCsrf(t, token),
    request: ({ method, url }) =>
      t.app.inject({ method, url, headers: { cookie: `${sessionCookieName(t.config)}=${token}` } }),
  };
}

describe('the demo accounts', () => {
  it('have a shared password the password policy accepts and distinct Base32 authenticator secrets', () => {
    expect(checkNewPassword(demoPassword)).toBeUndefined();
    const secrets = demoAccounts.map((a) => a.totpSecret);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(new Set(demoAccounts.map((a) => a.role)).size).toBe(8);
    for (const a of demoAccounts) expect(a.email).toMatch(/@demo\.passage\.invalid$/);
  });
});

describe('GET /api/demo/accounts before the demo society is loaded', () => {
  it('lists no account while none exists', async () => {
    const res = await accountsRoute();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isDemo: true, accounts: [] });
  });
});

describe('seeding the demo society', () => {
  it('loads it on an empty database, and not again once a society exists', async () => {
    const seeded = await systemSeedDemoIfEmpty(system, t);
    expect(seeded?.societyId).toBeDefined();
    expect(await systemSeedDemoIfEmpty(system, t)).toBeUndefined();
    const societies = await system
      .selectFrom('societies')
      .select(['id', 'name', 'is_demo', 'country'])
      .execute();
    expect(societies).toEqual([
      { id: seeded?.societyId, name: demoSociety.name, is_demo: true, country: demoSociety.country },
    ]);
    const memberships = await system.selectFrom('memberships').select('roles').execute();
    expect(memberships.flatMap((m) => m.roles).sort()).toEqual([
      'administrator',
      'caseworker',
      'caseworker',
      'coordinator',
      'dpo',
      'focal-point',
      'trainer',
      'volunteer',
    ]);
    const users = await system
      .selectFrom('users')
      .select(['is_demo', 'must_change_password', 'mfa_enrolled_at'])
      .execute();
    expect(users).toHaveLength(demoAccounts.length);
    for (const u of users) expect(u).toMatchObject({ is_demo: true, must_change_password: false });
    for (const u of users) expect(u.mfa_enrolled_at).not.toBeNull();
  });

  it('writes its creation to the demo society audit chain', async () => {
    const { rows } = await t.db.system.query<{ kind: string; n: string }>(
      'select kind, count(*) as n from audit_events where society_id = $1 group by kind order by kind',
      [await demoSocietyId()],
    );
    expect(rows).toEqual([
      { kind: 'membership.granted', n: '8' },
      { kind: 'organisation.created', n: '6' },
      { kind: 'service.created', n: '6' },
      { kind: 'society.created', n: '1' },
      { kind: 'team.created', n: '2' },
      { kind: 'user.created', n: String(demoAccounts.length) },
    ]);
  });

  it('does not load it when the database already has a society', async () => {
    const other = await createTestApp({ env: { PASSAGE_DEMO: 'true' } });
    try {
      await createSociety(other);
      expect(await systemSeedDemoIfEmpty(createKysely(other.db.system), other)).toBeUndefined();
      const { rows } = await other.db.system.query('select 1 from societies where is_demo');
      expect(rows).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});

describe('GET /api/demo/accounts', () => {
  it('answers 404, as if it did not exist, outside demo mode', async () => {
    const off = await createTestApp({ env: { PASSAGE_DEMO: 'false' } });
    try {
      const res = await off.app.inject({ method: 'GET', url: '/api/demo/accounts' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not-found');
      expect(off.app.routeInventory.some((r) => r.url === '/api/demo/accounts')).toBe(false);
    } finally {
      await off.close();
    }
  });

  it('lists every demo account, marked as demo data, with the code valid now, which signs in', async () => {
    const res = await accountsRoute();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ isDemo: true, societyName: demoSociety.name });
    expect(body.notice).toMatch(/^Demo data/);
    expect(body.accounts.map((a: { email: string }) => a.email)).toEqual(demoAccounts.map((a) => a.email));
    for (const a of body.accounts) {
      expect(a).toMatchObject({ isDemo: true, password: demoPassword });
      const now = Date.now();
      const valid = [await currentTotp(a.totpSecret, now), await currentTotp(a.totpSecret, now - 30_000)];
      expect(valid).toContain(a.currentCode);
    }
    const trainer = demoAccounts.find((a) => a.role === 'trainer') as DemoAccount;
    const shown = body.accounts.find((a: { role: string }) => a.role === 'trainer');
    await signInDemo(trainer, shown.currentCode);
  });
});

describe('signing in to the demo accounts', () => {
  it('takes each account through password and its fixed authenticator secret to its role', async () => {
    for (const account of demoAccounts) {
      // A step ahead: the trainer already used this step's code above, and a code is never accepted twice.
      const client = await signInDemo(account, await currentTotp(account.totpSecret, Date.now() + 30_000));
      const view = (await client.request({ method: 'GET', url: '/api/session' })).json();
      expect(view, account.email).toMatchObject({ stage: 'active', mfaEnrolled: true, isDemo: true });
      expect(view.roles, account.email).toEqual([account.role]);
      if (account.role === 'network-coordinator') expect(view.society).toBeNull();
      else expect(view.society).toMatchObject({ societyName: demoSociety.name, isDemo: true });
    }
  });
});

describe('passage demo --reset', () => {
  it('puts the demo society back as first loaded, under the same id, keeping its audit chain', async () => {
    const societyId = await demoSocietyId();
    const admin = demoAccounts.find((a) => a.role === 'administrator') as DemoAccount;
    const adminId = (
      await system
        .selectFrom('users')
        .select('id')
        .where('email_index', '=', t.accountKeys.emailIndex(admin.email))
        .executeTakeFirstOrThrow()
    ).id;
    const adminClient = await actAs(t, { ...admin, id: adminId, password: demoPassword });
    // What a demo visitor might have done: another team and member, a changed password, a disabled account.
    await system.insertInto('teams').values({ society_id: societyId, name: 'Demo team West' }).execute();
    const visitor = await createUser(t, { societyId, roles: ['caseworker'] });
    const visitorClient = await actAs(t, visitor);
    await system
      .updateTable('users')
      .set({ password_hash: 'x', status: 'disabled' })
      .where('is_demo', '=', true)
      .execute();

    expect(await systemResetDemo(system, t, { requestId: 'test-reset' })).toEqual({
      societyId,
      created: false,
    });

    for (const client of [adminClient, visitorClient])
      expect((await client.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    const teams = await system.selectFrom('teams').select('name').orderBy('name').execute();
    expect(teams.map((r) => r.name)).toEqual([...demoSociety.teams]);
    const members = await system
      .selectFrom('memberships')
      .select('user_id')
      .where('user_id', '=', visitor.id)
      .execute();
    expect(members).toEqual([]);
    expect((await system.selectFrom('societies').select('id').execute()).map((r) => r.id)).toEqual([
      societyId,
    ]);
    // Every account signs in again with the shared password; the time steps used before the reset are forgotten.
    for (const account of demoAccounts) await signInDemo(account, await currentTotp(account.totpSecret));

    const kinds = await system
      .selectFrom('audit_events')
      .select('kind')
      .where('society_id', '=', societyId)
      .execute();
    expect(kinds.filter((k) => k.kind === 'society.created')).toHaveLength(1);
    expect(kinds.filter((k) => k.kind === 'demo.reset')).toHaveLength(1);
    const report = await verifyAudit(system);
    expect(report.chains.find((c) => c.chainId === `society:${societyId}`)?.firstBroken).toBeFalsy();
  });

  it('refuses to clear a society that is not the demo society', async () => {
    const real = await createSociety(t);
    const member = await createUser(t, { societyId: real, roles: ['caseworker'] });
    await expect(system.transaction().execute((tx) => clearDemoSociety(tx, real))).rejects.toThrow(
      /not the demo society/,
    );
    const rows = await system
      .selectFrom('memberships')
      .select('user_id')
      .where('society_id', '=', real)
      .execute();
    expect(rows).toEqual([{ user_id: member.id }]);
  });
});
