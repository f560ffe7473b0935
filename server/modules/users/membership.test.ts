import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import {
  anonymous,
  auditCount,
  auditRows,
  createTeamRow,
  errorPaths,
  rolesIn,
} from './users.test-support.ts';

let t: TestApp;
let societyId: string;
let otherSocietyId: string;
let admin: TestClient;
let caseworker: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t, { name: 'A Test Society' });
  otherSocietyId = await createSociety(t, { name: 'B Test Society' });
  admin = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }), { stepUp: true });
  caseworker = await actAs(t, await createUser(t, { societyId, roles: ['caseworker'] }));
});
afterAll(() => t.close());

const putRoles = (client: TestClient, userId: string, roles: unknown, version: string | null = '"1"') =>
  client.request({
    method: 'PUT',
    url: `/api/users/${userId}/roles`,
    body: { roles },
    headers: version === null ? {} : { 'if-match': version },
  });

describe('PUT /api/users/:userId/roles', () => {
  it('asks who is calling', async () => {
    expect(
      (await anonymous(t, 'PUT', `/api/users/${caseworker.user.id}/roles`, { roles: ['dpo'] })).statusCode,
    ).toBe(401);
  });

  it('does not find a user of another society', async () => {
    const outsider = await createUser(t, { societyId: otherSocietyId, roles: ['caseworker'] });
    const res = await putRoles(admin, outsider.id, ['dpo']);
    expect(res.statusCode).toBe(404);
    expect(await rolesIn(t, otherSocietyId, outsider.id)).toEqual(['caseworker']);
  });

  it('refuses a caseworker', async () => {
    const target = await createUser(t, { societyId, roles: ['volunteer'] });
    expect((await putRoles(caseworker, target.id, ['caseworker'])).statusCode).toBe(403);
  });

  it('asks an administrator for a fresh second factor before changing roles', async () => {
    const target = await createUser(t, { societyId, roles: ['volunteer'] });
    const res = await putRoles(await actAs(t, admin.user), target.id, ['administrator']);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('step-up-required');
    expect(await rolesIn(t, societyId, target.id)).toEqual(['volunteer']);
  });

  it('names each invalid field, and refuses a society or a user id in the body', async () => {
    const target = await createUser(t, { societyId, roles: ['volunteer'] });
    const res = await putRoles(admin, target.id, ['volunteer', 'superuser']);
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.roles.1']);
    expect(errorPaths(await putRoles(admin, target.id, []))).toEqual(['body.roles']);
    const smuggled = await admin.request({
      method: 'PUT',
      url: `/api/users/${target.id}/roles`,
      body: { roles: ['volunteer'], societyId: otherSocietyId, userId: admin.user.id },
      headers: { 'if-match': '"1"' },
    });
    expect(errorPaths(smuggled)).toEqual(['body.societyId', 'body.userId']);
  });

  it('asks which version is changed, and refuses a stale one', async () => {
    const target = await createUser(t, { societyId, roles: ['volunteer'] });
    const missing = await putRoles(admin, target.id, ['caseworker'], null);
    expect(missing.statusCode).toBe(428);
    const stale = await putRoles(admin, target.id, ['caseworker'], '"7"');
    expect(stale.statusCode).toBe(412);
    expect(await rolesIn(t, societyId, target.id)).toEqual(['volunteer']);
  });

  it('replaces the roles, audits what was added and removed, and bumps the version', async () => {
    const target = await createUser(t, { societyId, roles: ['volunteer', 'trainer'] });
    const res = await putRoles(admin, target.id, ['caseworker', 'trainer']);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ roles: ['caseworker', 'trainer'], version: 2 });
    const events = await auditRows(t, 'membership.roles-changed', target.id);
    expect(events).toEqual([
      expect.objectContaining({
        society_id: societyId,
        actor_user_id: admin.user.id,
        actor_roles: ['administrator'],
        subject_type: 'membership',
        payload: { userId: target.id, added: ['caseworker'], removed: ['volunteer'] },
      }),
    ]);
  });

  it('applies a change on the member’s very next request', async () => {
    const other = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }));
    expect((await other.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    expect((await putRoles(admin, other.user.id, ['caseworker'])).statusCode).toBe(200);
    expect((await other.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await putRoles(admin, other.user.id, ['caseworker', 'dpo'], '"2"')).statusCode).toBe(200);
    expect((await other.request({ method: 'GET', url: '/api/audit/events' })).statusCode).toBe(200);
  });

  it('keeps an administrator when two administrators demote each other at the same moment', async () => {
    // A race: run it in a few societies at once so a missing lock shows.
    const race = async () => {
      const society = await createSociety(t);
      const stepUp = { stepUp: true };
      const a = await actAs(t, await createUser(t, { societyId: society, roles: ['administrator'] }), stepUp);
      const b = await actAs(t, await createUser(t, { societyId: society, roles: ['administrator'] }), stepUp);
      const results = await Promise.all([
        putRoles(a, b.user.id, ['caseworker']),
        putRoles(b, a.user.id, ['caseworker']),
      ]);
      const roles = [await rolesIn(t, society, a.user.id), await rolesIn(t, society, b.user.id)];
      return { statuses: results.map((r) => r.statusCode).sort(), roles };
    };
    for (const { statuses, roles } of await Promise.all([race(), race(), race()])) {
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(roles.filter((r) => r?.includes('administrator'))).toHaveLength(1);
    }
  });
});

describe('DELETE /api/users/:userId/membership', () => {
  const remove = (client: TestClient, userId: string) =>
    client.request({ method: 'DELETE', url: `/api/users/${userId}/membership` });

  it('asks who is calling', async () => {
    expect((await anonymous(t, 'DELETE', `/api/users/${caseworker.user.id}/membership`)).statusCode).toBe(
      401,
    );
  });

  it('does not find a user of another society', async () => {
    const outsider = await createUser(t, { societyId: otherSocietyId, roles: ['caseworker'] });
    expect((await remove(admin, outsider.id)).statusCode).toBe(404);
    expect(await rolesIn(t, otherSocietyId, outsider.id)).toEqual(['caseworker']);
  });

  it('refuses a caseworker', async () => {
    const target = await createUser(t, { societyId, roles: ['volunteer'] });
    expect((await remove(caseworker, target.id)).statusCode).toBe(403);
    expect(await rolesIn(t, societyId, target.id)).toEqual(['volunteer']);
  });

  it('removes the member, audits it, and moves their session to their other society', async () => {
    const teamId = await createTeamRow(t, societyId);
    const target = await createUser(t, { societyId, roles: ['caseworker'], teamIds: [teamId] });
    await t.db.system.query(
      `insert into memberships (society_id, user_id, roles) values ($1, $2, '{volunteer}')`,
      [otherSocietyId, target.id],
    );
    const session = await actAs(t, target);
    expect((await session.request({ method: 'GET', url: '/api/society' })).json().id).toBe(societyId);
    expect((await remove(admin, target.id)).statusCode).toBe(204);
    expect(await rolesIn(t, societyId, target.id)).toBeUndefined();
    const places = await t.db.system.query('select 1 from team_members where user_id = $1', [target.id]);
    expect(places.rowCount).toBe(0);
    expect((await remove(admin, target.id)).statusCode).toBe(404);
    expect(await auditRows(t, 'membership.revoked', target.id)).toEqual([
      expect.objectContaining({ society_id: societyId, payload: { userId: target.id } }),
    ]);
    const after = await session.request({ method: 'GET', url: '/api/society' });
    expect(after.statusCode).toBe(200);
    expect(after.json().id).toBe(otherSocietyId);
  });
});

describe('an administrator acting on themself', () => {
  it('cannot raise or change their own privileges by any route, and nothing is written', async () => {
    const me = admin.user.id;
    const before = await auditCount(t);
    const attempts = [
      await putRoles(admin, me, ['administrator', 'dpo', 'focal-point']),
      await admin.request({ method: 'DELETE', url: `/api/users/${me}/membership` }),
      await admin.request({ method: 'POST', url: `/api/users/${me}/password-reset` }),
      await admin.request({ method: 'POST', url: `/api/users/${me}/mfa-reset` }),
      await admin.request({ method: 'POST', url: `/api/users/${me}/sign-out-everywhere` }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    expect(await rolesIn(t, societyId, me)).toEqual(['administrator']);
    expect(await auditCount(t)).toBe(before);
    expect((await admin.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
  });

  it('cannot add themself again with other roles', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      body: { email: admin.user.email, displayName: 'Test Self', roles: ['dpo'] },
    });
    expect(res.statusCode).toBe(409);
    expect(await rolesIn(t, societyId, admin.user.id)).toEqual(['administrator']);
  });
});
