import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditRows, createTeamRow, errorPaths } from '../users/users.test-support.ts';

let t: TestApp;
let societyId: string;
let otherSocietyId: string;
let admin: TestClient;
let caseworker: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
  otherSocietyId = await createSociety(t);
  admin = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }));
  caseworker = await actAs(t, await createUser(t, { societyId, roles: ['caseworker'] }));
});
afterAll(() => t.close());

const uniqueName = () => `Test Team ${Math.random().toString(36).slice(2, 8)}`;

describe('GET /api/teams', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/teams')).statusCode).toBe(401);
  });

  it('shows any member the teams of this society only, with no action for a caseworker', async () => {
    const ours = await createTeamRow(t, societyId);
    const theirs = await createTeamRow(t, otherSocietyId);
    const res = await caseworker.request({ method: 'GET', url: '/api/teams' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((team: { id: string }) => team.id);
    expect(ids).toContain(ours);
    expect(ids).not.toContain(theirs);
    expect(res.json().items[0].allowedActions).toEqual([]);
    expect(res.json().nextCursor).toBeNull();
  });
});

describe('POST /api/teams', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'POST', '/api/teams', { name: uniqueName() })).statusCode).toBe(401);
  });

  it('refuses a caseworker', async () => {
    const res = await caseworker.request({ method: 'POST', url: '/api/teams', body: { name: uniqueName() } });
    expect(res.statusCode).toBe(403);
  });

  it('names each invalid field and refuses a society in the body', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/teams',
      body: { name: '  ', societyId: otherSocietyId },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.name', 'body.societyId']);
    const long = await admin.request({ method: 'POST', url: '/api/teams', body: { name: 'x'.repeat(121) } });
    expect(errorPaths(long)).toEqual(['body.name']);
  });

  it('refuses a name another team of the society has', async () => {
    const name = uniqueName();
    expect((await admin.request({ method: 'POST', url: '/api/teams', body: { name } })).statusCode).toBe(201);
    const again = await admin.request({ method: 'POST', url: '/api/teams', body: { name } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ path: 'body.name', code: 'name-taken' });
  });

  it('creates a team in the administrator’s society and audits it', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/teams', body: { name: '  North Team  ' } });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const team = res.json();
    expect(team).toMatchObject({ name: 'North Team', memberIds: [], version: 1 });
    expect(team.allowedActions).toEqual(['rename', 'change-members']);
    const { rows } = await t.db.system.query('select society_id from teams where id = $1', [team.id]);
    expect(rows).toEqual([{ society_id: societyId }]);
    expect(await auditRows(t, 'team.created', team.id)).toEqual([
      expect.objectContaining({ society_id: societyId, actor_user_id: admin.user.id, subject_type: 'team' }),
    ]);
  });
});

describe('GET /api/teams/:teamId', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', `/api/teams/${await createTeamRow(t, societyId)}`)).statusCode).toBe(
      401,
    );
  });

  it('does not find a team of another society', async () => {
    const theirs = await createTeamRow(t, otherSocietyId);
    expect((await admin.request({ method: 'GET', url: `/api/teams/${theirs}` })).statusCode).toBe(404);
  });

  it('refuses an id that is not one', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/teams/north' });
    expect(errorPaths(res)).toEqual(['params.teamId']);
  });

  it('returns the team with its version as ETag', async () => {
    const id = await createTeamRow(t, societyId);
    const res = await caseworker.request({ method: 'GET', url: `/api/teams/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ id, version: 1, allowedActions: [] });
  });
});

describe('PATCH /api/teams/:teamId', () => {
  const rename = (client: TestClient, id: string, body: unknown, version: string | null = '"1"') =>
    client.request({
      method: 'PATCH',
      url: `/api/teams/${id}`,
      body,
      headers: version === null ? {} : { 'if-match': version },
    });

  it('asks who is calling', async () => {
    const id = await createTeamRow(t, societyId);
    expect((await anonymous(t, 'PATCH', `/api/teams/${id}`, { name: uniqueName() })).statusCode).toBe(401);
  });

  it('does not find a team of another society', async () => {
    const theirs = await createTeamRow(t, otherSocietyId);
    expect((await rename(admin, theirs, { name: uniqueName() })).statusCode).toBe(404);
  });

  it('refuses a caseworker', async () => {
    const id = await createTeamRow(t, societyId);
    expect((await rename(caseworker, id, { name: uniqueName() })).statusCode).toBe(403);
  });

  it('names each invalid field', async () => {
    const id = await createTeamRow(t, societyId);
    expect(errorPaths(await rename(admin, id, { name: '', version: 3 }))).toEqual([
      'body.name',
      'body.version',
    ]);
  });

  it('asks which version is changed, refuses a stale one, and refuses a name in use', async () => {
    const id = await createTeamRow(t, societyId);
    expect((await rename(admin, id, { name: uniqueName() }, null)).statusCode).toBe(428);
    expect((await rename(admin, id, { name: uniqueName() }, '"2"')).statusCode).toBe(412);
    const other = (
      await admin.request({ method: 'GET', url: `/api/teams/${await createTeamRow(t, societyId)}` })
    ).json();
    expect((await rename(admin, id, { name: other.name })).statusCode).toBe(409);
  });

  it('renames the team and audits the field', async () => {
    const id = await createTeamRow(t, societyId);
    const name = uniqueName();
    const res = await rename(admin, id, { name });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ name, version: 2 });
    expect((await auditRows(t, 'team.updated', id)).map((e) => e.payload)).toEqual([{ fields: ['name'] }]);
  });
});

describe('PUT /api/teams/:teamId/members', () => {
  const staff = (client: TestClient, id: string, body: unknown, version: string | null = '"1"') =>
    client.request({
      method: 'PUT',
      url: `/api/teams/${id}/members`,
      body,
      headers: version === null ? {} : { 'if-match': version },
    });

  it('asks who is calling', async () => {
    const id = await createTeamRow(t, societyId);
    expect((await anonymous(t, 'PUT', `/api/teams/${id}/members`, { userIds: [] })).statusCode).toBe(401);
  });

  it('does not find a team of another society', async () => {
    const theirs = await createTeamRow(t, otherSocietyId);
    expect((await staff(admin, theirs, { userIds: [] })).statusCode).toBe(404);
  });

  it('refuses a caseworker', async () => {
    const id = await createTeamRow(t, societyId);
    expect((await staff(caseworker, id, { userIds: [caseworker.user.id] })).statusCode).toBe(403);
  });

  it('names ids that are not members of this society', async () => {
    const id = await createTeamRow(t, societyId);
    const outsider = await createUser(t, { societyId: otherSocietyId, roles: ['caseworker'] });
    const res = await staff(admin, id, { userIds: [caseworker.user.id, outsider.id, 'x'] });
    expect(errorPaths(res)).toEqual(['body.userIds.2']);
    const named = await staff(admin, id, { userIds: [caseworker.user.id, outsider.id] });
    expect(named.statusCode).toBe(400);
    expect(named.json().errors).toEqual([
      expect.objectContaining({ path: 'body.userIds.1', code: 'not-a-member' }),
    ]);
  });

  it('asks which version is changed and refuses a stale one', async () => {
    const id = await createTeamRow(t, societyId);
    expect((await staff(admin, id, { userIds: [] }, null)).statusCode).toBe(428);
    expect((await staff(admin, id, { userIds: [caseworker.user.id] }, '"5"')).statusCode).toBe(412);
  });

  it('replaces the members, audits who joined and left, and the members’ teams follow', async () => {
    const id = await createTeamRow(t, societyId);
    const volunteer = await createUser(t, { societyId, roles: ['volunteer'] });
    expect((await staff(admin, id, { userIds: [volunteer.id] })).statusCode).toBe(200);
    const res = await staff(admin, id, { userIds: [caseworker.user.id, caseworker.user.id] }, '"2"');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ memberIds: [caseworker.user.id], version: 3 });
    expect((await auditRows(t, 'team.members-changed', id)).map((e) => e.payload)).toEqual([
      { added: [volunteer.id], removed: [] },
      { added: [caseworker.user.id], removed: [volunteer.id] },
    ]);
    const member = await admin.request({ method: 'GET', url: `/api/users/${caseworker.user.id}` });
    expect(member.json().teamIds).toContain(id);
  });
});
