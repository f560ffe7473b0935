import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditCount, auditRows, errorPaths } from '../users/users.test-support.ts';

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

async function currentVersion(): Promise<string> {
  return (await admin.request({ method: 'GET', url: '/api/society' })).headers.etag as string;
}

const patch = (client: TestClient, body: unknown, version: string | null) =>
  client.request({
    method: 'PATCH',
    url: '/api/society/settings',
    body,
    headers: version === null ? {} : { 'if-match': version },
  });

describe('GET /api/societies/:societyId', () => {
  it('shows a society the user belongs to, and does not find another', async () => {
    expect((await caseworker.request({ method: 'GET', url: `/api/societies/${societyId}` })).statusCode).toBe(
      200,
    );
    expect(
      (await caseworker.request({ method: 'GET', url: `/api/societies/${otherSocietyId}` })).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/society', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/society')).statusCode).toBe(401);
  });

  it('shows any member the current society’s settings, and only administrators may change them', async () => {
    const res = await caseworker.request({ method: 'GET', url: '/api/society' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: societyId,
      timeZone: 'UTC',
      mfaOptionalRoles: [],
      suppressionThreshold: 10,
      defaultLocale: 'en',
      retentionMonths: null,
      allowedActions: [],
    });
    expect(res.headers.etag).toBe(`"${res.json().version}"`);
    const mine = await admin.request({ method: 'GET', url: '/api/society' });
    expect(mine.json().allowedActions).toEqual(['change-settings']);
  });
});

describe('PATCH /api/society/settings', () => {
  it('asks who is calling', async () => {
    expect(
      (await anonymous(t, 'PATCH', '/api/society/settings', { suppressionThreshold: 12 })).statusCode,
    ).toBe(401);
  });

  it('refuses a caseworker', async () => {
    expect((await patch(caseworker, { suppressionThreshold: 12 }, await currentVersion())).statusCode).toBe(
      403,
    );
  });

  it('names each invalid setting', async () => {
    const res = await patch(
      admin,
      {
        timeZone: 'Mars/Olympus_Mons',
        mfaOptionalRoles: ['trainer', 'caseworker'],
        suppressionThreshold: 4,
        defaultLocale: 'de',
      },
      await currentVersion(),
    );
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual([
      'body.defaultLocale',
      'body.mfaOptionalRoles.1',
      'body.suppressionThreshold',
      'body.timeZone',
    ]);
    expect(errorPaths(await patch(admin, { suppressionThreshold: 101 }, '"1"'))).toEqual([
      'body.suppressionThreshold',
    ]);
    expect(errorPaths(await patch(admin, { suppressionThreshold: 7.5 }, '"1"'))).toEqual([
      'body.suppressionThreshold',
    ]);
    expect(errorPaths(await patch(admin, {}, '"1"'))).toEqual(['body']);
  });

  it.each([0, 601, 60.5, '60', -12])('refuses %j months of retention', async (retentionMonths) => {
    const res = await patch(admin, { retentionMonths }, await currentVersion());
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.retentionMonths']);
  });

  it('refuses the society’s identity or another society in the body', async () => {
    const res = await patch(
      admin,
      { name: 'Renamed', id: otherSocietyId, country: 'FR' },
      await currentVersion(),
    );
    expect(errorPaths(res)).toEqual(['body.country', 'body.id', 'body.name']);
  });

  it('asks which version is changed and refuses a stale one', async () => {
    expect((await patch(admin, { suppressionThreshold: 12 }, null)).statusCode).toBe(428);
    expect((await patch(admin, { suppressionThreshold: 12 }, '"999"')).statusCode).toBe(412);
  });

  it('changes the settings, audits the field names, and lets coordinators sign in without a second factor', async () => {
    const coordinator = await createUser(t, { societyId, roles: ['coordinator'], mfa: false });
    const signIn = () =>
      anonymous(t, 'POST', '/api/auth/sign-in', { email: coordinator.email, password: coordinator.password });
    expect((await signIn()).json()).toEqual({ stage: 'mfa-enrolment' });
    const before = await currentVersion();
    const res = await patch(
      admin,
      {
        timeZone: 'europe/amsterdam',
        mfaOptionalRoles: ['trainer', 'coordinator'],
        suppressionThreshold: 10,
      },
      before,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      timeZone: 'Europe/Amsterdam',
      mfaOptionalRoles: ['coordinator', 'trainer'],
      suppressionThreshold: 10,
    });
    expect(res.headers.etag).toBe(`"${Number(JSON.parse(before)) + 1}"`);
    // Only what changed is recorded: the threshold was already 10.
    expect((await auditRows(t, 'settings.changed', societyId)).map((e) => e.payload)).toEqual([
      { fields: ['timeZone', 'mfaOptionalRoles'] },
    ]);
    expect((await signIn()).json()).toEqual({ stage: 'active' });
    const { rows } = await t.db.system.query('select time_zone from societies where id = $1', [
      otherSocietyId,
    ]);
    expect(rows).toEqual([{ time_zone: 'UTC' }]);
  });

  it('writes nothing when nothing changes', async () => {
    const version = await currentVersion();
    const events = await auditCount(t);
    const res = await patch(admin, { defaultLocale: 'en' }, version);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(version);
    expect(await auditCount(t)).toBe(events);
  });

  it('sets the retention period, audits its field name only, and clears it again when undecided', async () => {
    const before = (await auditRows(t, 'settings.changed', societyId)).length;
    const set = await patch(admin, { retentionMonths: 84 }, await currentVersion());
    expect(set.statusCode).toBe(200);
    expect(set.json().retentionMonths).toBe(84);
    expect((await caseworker.request({ method: 'GET', url: '/api/society' })).json().retentionMonths).toBe(
      84,
    );
    const cleared = await patch(admin, { retentionMonths: null }, await currentVersion());
    expect(cleared.json().retentionMonths).toBeNull();
    const { rows } = await t.db.system.query('select retention_months from societies where id = $1', [
      societyId,
    ]);
    expect(rows).toEqual([{ retention_months: null }]);
    const events = (await auditRows(t, 'settings.changed', societyId)).slice(before);
    expect(events.map((e) => e.payload)).toEqual([
      { fields: ['retentionMonths'] },
      { fields: ['retentionMonths'] },
    ]);
  });

  it('keeps the database refusing a period out of range, whatever the code does', async () => {
    await expect(
      t.db.system.query('update societies set retention_months = 601 where id = $1', [societyId]),
    ).rejects.toThrow(/check constraint/);
  });
});
