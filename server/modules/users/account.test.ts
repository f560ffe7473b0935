import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient, type TestUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditCount, auditRows } from './users.test-support.ts';

let t: TestApp;
let societyId: string;
let otherSocietyId: string;
let admin: TestClient;
let caseworker: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
  otherSocietyId = await createSociety(t);
  admin = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }), { stepUp: true });
  caseworker = await actAs(t, await createUser(t, { societyId, roles: ['caseworker'] }), { stepUp: true });
});
afterAll(() => t.close());

const post = (client: TestClient, userId: string, action: string) =>
  client.request({ method: 'POST', url: `/api/users/${userId}/${action}` });
const signInWith = (user: TestUser, password: string) =>
  anonymous(t, 'POST', '/api/auth/sign-in', { email: user.email, password });
const isLive = async (client: TestClient) =>
  (await client.request({ method: 'GET', url: '/api/session' })).statusCode === 200;

describe.each(['password-reset', 'mfa-reset', 'sign-out-everywhere'])(
  'POST /api/users/:userId/%s',
  (action) => {
    it('asks who is calling', async () => {
      expect((await anonymous(t, 'POST', `/api/users/${caseworker.user.id}/${action}`)).statusCode).toBe(401);
    });

    it('does not find a user of another society', async () => {
      const outsider = await createUser(t, { societyId: otherSocietyId, roles: ['caseworker'] });
      const session = await actAs(t, outsider);
      expect((await post(admin, outsider.id, action)).statusCode).toBe(404);
      expect(await isLive(session)).toBe(true);
    });

    it('refuses a caseworker, even with a fresh second factor', async () => {
      const target = await actAs(t, await createUser(t, { societyId, roles: ['volunteer'] }));
      expect((await post(caseworker, target.user.id, action)).statusCode).toBe(403);
      expect(await isLive(target)).toBe(true);
    });

    it('refuses an administrator acting on themself', async () => {
      const before = await auditCount(t);
      expect((await post(admin, admin.user.id, action)).statusCode).toBe(403);
      expect(await isLive(admin)).toBe(true);
      expect(await auditCount(t)).toBe(before);
    });

    it('refuses an id that is not one', async () => {
      expect((await post(admin, 'someone', action)).statusCode).toBe(400);
    });
  },
);

describe.each(['password-reset', 'mfa-reset'])(
  'POST /api/users/:userId/%s (taking an account over)',
  (action) => {
    it('needs a fresh second factor', async () => {
      const stale = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }));
      const target = await createUser(t, { societyId, roles: ['volunteer'] });
      const res = await post(stale, target.id, action);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('step-up-required');
    });

    it('refuses an account that is also a member of another society', async () => {
      const shared = await createUser(t, { societyId: otherSocietyId, roles: ['administrator'] });
      await t.db.system.query(
        `insert into memberships (society_id, user_id, roles) values ($1, $2, '{volunteer}')`,
        [societyId, shared.id],
      );
      const res = await post(admin, shared.id, action);
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toMatch(/another society/);
      expect((await signInWith(shared, shared.password)).json()).toEqual({ stage: 'mfa' });
    });
  },
);

describe('resetting a password', () => {
  it('gives a temporary password once, ends every session, and the next sign-in changes it', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const sessions = [await actAs(t, user), await actAs(t, user)];
    const res = await post(admin, user.id, 'password-reset');
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
    for (const s of sessions) expect(await isLive(s)).toBe(false);
    expect((await signInWith(user, user.password)).statusCode).toBe(401);
    expect((await signInWith(user, temporaryPassword)).json()).toEqual({ stage: 'password-change' });
    expect(await auditRows(t, 'password.reset', user.id)).toEqual([
      expect.objectContaining({ society_id: societyId, actor_user_id: admin.user.id, payload: {} }),
    ]);
  });
});

describe('resetting the second factor', () => {
  it('removes the authenticator and recovery codes, ends every session, and the next sign-in enrols again', async () => {
    const user = await createUser(t, { societyId, roles: ['focal-point'] });
    await t.db.system.query(`insert into recovery_codes (user_id, code_hash) values ($1, '\\x00')`, [
      user.id,
    ]);
    const session = await actAs(t, user);
    const res = await post(admin, user.id, 'mfa-reset');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: 1 });
    expect(await isLive(session)).toBe(false);
    const { rows } = await t.db.system.query(
      `select mfa_secret_enc, mfa_enrolled_at, (select count(*) from recovery_codes where user_id = $1)::int as codes
       from users where id = $1`,
      [user.id],
    );
    expect(rows[0]).toEqual({ mfa_secret_enc: null, mfa_enrolled_at: null, codes: 0 });
    expect((await signInWith(user, user.password)).json()).toEqual({ stage: 'mfa-enrolment' });
    expect(await auditRows(t, 'mfa.reset', user.id)).toHaveLength(1);
  });
});

describe('signing a member out everywhere', () => {
  it('ends every session of the member, who can sign in again, and audits it', async () => {
    const user = await createUser(t, { societyId, roles: ['trainer'] });
    const sessions = [await actAs(t, user), await actAs(t, user)];
    const res = await post(admin, user.id, 'sign-out-everywhere');
    expect(res.json()).toEqual({ sessionsEnded: 2 });
    for (const s of sessions) expect(await isLive(s)).toBe(false);
    expect(await isLive(admin)).toBe(true);
    expect((await signInWith(user, user.password)).json()).toEqual({ stage: 'mfa' });
    expect((await auditRows(t, 'session.revoked', user.id)).map((e) => e.payload)).toEqual([
      { reason: 'administrator', sessions: 2 },
    ]);
  });
});
