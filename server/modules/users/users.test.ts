import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actAs,
  createSociety,
  createUser,
  sessionTokenOf,
  type TestClient,
} from '../../../test/factories.ts';
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
let dpo: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
  otherSocietyId = await createSociety(t);
  admin = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }), { stepUp: true });
  caseworker = await actAs(t, await createUser(t, { societyId, roles: ['caseworker'] }));
  dpo = await actAs(t, await createUser(t, { societyId, roles: ['dpo'] }));
});
afterAll(() => t.close());

describe('GET /api/users', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/users')).statusCode).toBe(401);
  });

  it('refuses members who neither manage nor audit users', async () => {
    const res = await caseworker.request({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('names each invalid query parameter', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/users?limit=0&role=boss&societyId=x' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.limit', 'querystring.role', 'querystring.societyId']);
    const cursor = await admin.request({ method: 'GET', url: '/api/users?cursor=bm90LWEtY3Vyc29y' });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0]).toMatchObject({ path: 'querystring.cursor', code: 'invalid-cursor' });
  });

  it('lists the members of this society only, decrypted, a page at a time', async () => {
    const outsider = await createUser(t, { societyId: otherSocietyId, roles: ['administrator'] });
    const seen: { id: string; email: string; roles: string[] }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await admin.request({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const page = res.json<{ items: typeof seen; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const ids = seen.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining([admin.user.id, caseworker.user.id, dpo.user.id]));
    expect(ids).not.toContain(outsider.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.find((m) => m.id === caseworker.user.id)).toMatchObject({
      email: caseworker.user.email,
      roles: ['caseworker'],
    });
  });

  it('filters by role, and shows which actions the caller may take on each member', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/users?role=administrator' });
    const items = res.json().items as { id: string; allowedActions: string[] }[];
    expect(items.map((m) => m.id)).toEqual([admin.user.id]);
    expect(items[0]?.allowedActions).toEqual([]);
    const others = (await admin.request({ method: 'GET', url: '/api/users?role=caseworker' })).json().items;
    expect(others[0].allowedActions).toEqual([
      'change-roles',
      'remove',
      'reset-password',
      'reset-mfa',
      'sign-out-everywhere',
    ]);
  });

  it('lets the data protection officer list members, with no action allowed', async () => {
    const res = await dpo.request({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(200);
    for (const m of res.json().items) expect(m.allowedActions).toEqual([]);
  });
});

describe('GET /api/users/:userId', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', `/api/users/${caseworker.user.id}`)).statusCode).toBe(401);
  });

  it('does not find a user of another society, or an account with no membership', async () => {
    const outsider = await createUser(t, { societyId: otherSocietyId, roles: ['caseworker'] });
    const loner = await createUser(t);
    for (const id of [outsider.id, loner.id]) {
      const res = await admin.request({ method: 'GET', url: `/api/users/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not-found');
    }
  });

  it('refuses a caseworker', async () => {
    expect((await caseworker.request({ method: 'GET', url: `/api/users/${admin.user.id}` })).statusCode).toBe(
      403,
    );
  });

  it('refuses an id that is not one', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/users/not-an-id' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['params.userId']);
  });

  it('returns the member with their version as ETag', async () => {
    const res = await dpo.request({ method: 'GET', url: `/api/users/${caseworker.user.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      id: caseworker.user.id,
      email: caseworker.user.email,
      roles: ['caseworker'],
      teamIds: [],
      mfaEnrolled: true,
      status: 'active',
      version: 1,
      allowedActions: [],
    });
  });
});

describe('POST /api/users', () => {
  const newMember = (extra: Record<string, unknown> = {}) => ({
    email: `new.person.${Math.random().toString(36).slice(2)}@example.invalid`,
    displayName: 'Test Newcomer',
    roles: ['caseworker'],
    ...extra,
  });

  it('asks who is calling', async () => {
    expect((await anonymous(t, 'POST', '/api/users', newMember())).statusCode).toBe(401);
  });

  it('refuses a caseworker and the data protection officer', async () => {
    for (const client of [caseworker, dpo])
      expect(
        (await client.request({ method: 'POST', url: '/api/users', body: newMember() })).statusCode,
      ).toBe(403);
  });

  it('asks an administrator for a fresh second factor before adding anyone', async () => {
    const before = await auditCount(t);
    const notSteppedUp = await actAs(t, admin.user);
    const res = await notSteppedUp.request({ method: 'POST', url: '/api/users', body: newMember() });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('step-up-required');
    expect(await auditCount(t)).toBe(before);
  });

  it('names each invalid field', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      body: { email: 'nope', displayName: ' ', roles: ['network-coordinator'], locale: 'de', teamIds: ['x'] },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual([
      'body.displayName',
      'body.email',
      'body.locale',
      'body.roles.0',
      'body.teamIds.0',
    ]);
    const empty = await admin.request({ method: 'POST', url: '/api/users', body: newMember({ roles: [] }) });
    expect(errorPaths(empty)).toEqual(['body.roles']);
  });

  it('refuses a society, a single role or a password in the body (mass assignment)', async () => {
    const before = await auditCount(t);
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      body: newMember({ societyId: otherSocietyId, role: 'administrator', password: 'chosen by admin' }),
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.password', 'body.role', 'body.societyId']);
    expect(await auditCount(t)).toBe(before);
  });

  it('refuses a team of another society, naming it', async () => {
    const ours = await createTeamRow(t, societyId);
    const theirs = await createTeamRow(t, otherSocietyId);
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      body: newMember({ teamIds: [ours, theirs] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'body.teamIds.1', code: 'unknown-team' }),
    ]);
  });

  it('refuses to add someone who is already a member', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      body: newMember({ email: caseworker.user.email.toUpperCase() }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
  });

  it('creates an account with a temporary password shown once, that must be changed at first sign-in', async () => {
    const teamId = await createTeamRow(t, societyId);
    const body = newMember({ roles: ['focal-point', 'caseworker', 'caseworker'], teamIds: [teamId] });
    const res = await admin.request({ method: 'POST', url: '/api/users', body });
    expect(res.statusCode).toBe(201);
    const result = res.json();
    expect(result).toMatchObject({
      accountCreated: true,
      member: {
        email: body.email,
        displayName: 'Test Newcomer',
        roles: ['caseworker', 'focal-point'],
        teamIds: [teamId],
        mfaEnrolled: false,
        locale: 'en',
        version: 1,
      },
    });
    expect(result.temporaryPassword).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
    const userId = result.member.id as string;
    expect(await rolesIn(t, societyId, userId)).toEqual(['caseworker', 'focal-point']);
    expect(await rolesIn(t, otherSocietyId, userId)).toBeUndefined();
    const created = await auditRows(t, 'user.created', userId);
    expect(created).toEqual([
      expect.objectContaining({ society_id: societyId, actor_user_id: admin.user.id, subject_type: 'user' }),
    ]);
    const granted = await auditRows(t, 'membership.granted', userId);
    expect(granted.map((e) => e.payload)).toEqual([{ userId, roles: ['caseworker', 'focal-point'] }]);
    expect(JSON.stringify([...created, ...granted])).not.toContain(body.email);
    const signIn = await anonymous(t, 'POST', '/api/auth/sign-in', {
      email: body.email,
      password: result.temporaryPassword,
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toEqual({ stage: 'password-change' });
    expect(sessionTokenOf(t, signIn)).toBeDefined();
  });

  it('adds an existing account of another society as it is: no new password, its own name', async () => {
    const elsewhere = await createUser(t, { societyId: otherSocietyId, roles: ['caseworker'] });
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      body: newMember({ email: ` ${elsewhere.email} `, displayName: 'Another Name', roles: ['volunteer'] }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      accountCreated: false,
      temporaryPassword: null,
      member: { id: elsewhere.id, email: elsewhere.email, roles: ['volunteer'] },
    });
    expect(res.json().member.displayName).not.toBe('Another Name');
    // The account reaches another society now too: this administrator cannot take it over by a reset.
    expect(res.json().member.allowedActions).toEqual(['change-roles', 'remove', 'sign-out-everywhere']);
    expect(await rolesIn(t, otherSocietyId, elsewhere.id)).toEqual(['caseworker']);
    expect(await auditRows(t, 'user.created', elsewhere.id)).toEqual([]);
    expect(await auditRows(t, 'membership.granted', elsewhere.id)).toHaveLength(1);
  });
});
