import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditCount, auditRows, createTeamRow, errorPaths } from '../users/users.test-support.ts';
import { createOrganisationRow, createServiceRow, uniqueSuffix } from './directory.test-support.ts';

let t: TestApp;
let societyId: string;
let otherSocietyId: string;
let focal: TestClient;
let caseworker: TestClient;
let volunteer: TestClient;
let dpo: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
  otherSocietyId = await createSociety(t);
  const as = async (role: 'focal-point' | 'caseworker' | 'volunteer' | 'dpo' | 'administrator') =>
    actAs(t, await createUser(t, { societyId, roles: [role] }));
  [focal, caseworker, volunteer, dpo, admin] = await Promise.all([
    as('focal-point'),
    as('caseworker'),
    as('volunteer'),
    as('dpo'),
    as('administrator'),
  ]);
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((s) => s.id);

describe('POST /api/organisations/:organisationId/services', () => {
  const add = (client: TestClient, organisationId: string, body: unknown) =>
    client.request({ method: 'POST', url: `/api/organisations/${organisationId}/services`, body });

  it('asks who is calling', async () => {
    const id = await createOrganisationRow(t, societyId);
    expect(
      (await anonymous(t, 'POST', `/api/organisations/${id}/services`, { name: 'Advice' })).statusCode,
    ).toBe(401);
  });

  it('does not find another society’s organisation', async () => {
    const theirs = await createOrganisationRow(t, otherSocietyId);
    expect((await add(focal, theirs, { name: 'Test Advice' })).statusCode).toBe(404);
  });

  it('refuses a caseworker and an administrator', async () => {
    const id = await createOrganisationRow(t, societyId);
    expect((await add(caseworker, id, { name: 'Test Advice' })).statusCode).toBe(403);
    expect((await add(admin, id, { name: 'Test Advice' })).statusCode).toBe(403);
  });

  it('names each invalid field', async () => {
    const id = await createOrganisationRow(t, societyId);
    const res = await add(focal, id, {
      name: '',
      categories: ['legal-aid', 'haircuts'],
      languages: ['English'],
      url: 'javascript:alert(1)',
      status: 'active',
      organisationId: id,
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual([
      'body.categories.1',
      'body.languages.0',
      'body.name',
      'body.organisationId',
      'body.status',
      'body.url',
    ]);
  });

  it('lets only the society’s own organisation name a team, and only a team of the society', async () => {
    const before = await auditCount(t);
    const external = await createOrganisationRow(t, societyId);
    const team = await createTeamRow(t, societyId);
    const notOurs = await add(focal, external, { name: 'Test Advice', teamId: team });
    expect(notOurs.json().errors).toEqual([
      expect.objectContaining({ path: 'body.teamId', code: 'internal-only' }),
    ]);
    const own = (await focal.request({ method: 'POST', url: '/api/organisations/internal' })).json().id;
    const theirTeam = await createTeamRow(t, otherSocietyId);
    const unknown = await add(focal, own, { name: 'Test Advice', teamId: theirTeam });
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ path: 'body.teamId', code: 'unknown-team' }),
    ]);
    expect(await auditCount(t)).toBe(before + 1); // the internal organisation, made on first use
  });

  it('adds a service with its categories and languages once each, and audits the organisation’s id', async () => {
    const own = (await focal.request({ method: 'POST', url: '/api/organisations/internal' })).json().id;
    const team = await createTeamRow(t, societyId);
    const body = {
      name: 'Test psychosocial support',
      teamId: team,
      categories: ['psychological-first-aid', 'psychological-first-aid'],
      languages: ['ar', 'ti', 'ar'],
      phone: '+00 555 0100',
    };
    const res = await add(focal, own, body);
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const service = res.json();
    expect(service).toMatchObject({
      ...body,
      organisationId: own,
      categories: ['psychological-first-aid'],
      languages: ['ar', 'ti'],
      isConfidential: false,
      status: 'active',
      allowedActions: ['change'],
    });
    expect(await auditRows(t, 'service.created', service.id)).toEqual([
      expect.objectContaining({ subject_type: 'service', payload: { organisationId: own } }),
    ]);
  });
});

describe('GET /api/services', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/services')).statusCode).toBe(401);
  });

  it('hides confidential services, and the services of confidential organisations, from a volunteer and the dpo', async () => {
    const open = await createOrganisationRow(t, societyId, { name: 'A Test Clinic' });
    const shelter = await createOrganisationRow(t, societyId, {
      name: 'B Test Shelter',
      isConfidential: true,
    });
    const category = 'cash-assistance';
    const visible = await createServiceRow(t, societyId, open, { categories: [category] });
    const secret = await createServiceRow(t, societyId, open, {
      categories: [category],
      isConfidential: true,
    });
    const sheltered = await createServiceRow(t, societyId, shelter, { categories: [category] });
    await createServiceRow(t, otherSocietyId, await createOrganisationRow(t, otherSocietyId), {
      categories: [category],
    });
    const url = `/api/services?category=${category}`;
    expect(ids(await volunteer.request({ method: 'GET', url }))).toEqual([visible]);
    expect(ids(await dpo.request({ method: 'GET', url }))).toEqual([visible]);
    expect(ids(await admin.request({ method: 'GET', url }))).toEqual([visible]);
    expect(new Set(ids(await caseworker.request({ method: 'GET', url })))).toEqual(
      new Set([visible, secret, sheltered]),
    );
  });

  it('names each invalid filter', async () => {
    const res = await focal.request({
      method: 'GET',
      url: '/api/services?organisationId=42&category=x&limit=500',
    });
    expect(errorPaths(res)).toEqual([
      'querystring.category',
      'querystring.limit',
      'querystring.organisationId',
    ]);
  });

  it('lists one organisation’s services a page at a time', async () => {
    const id = await createOrganisationRow(t, societyId);
    const made = [];
    for (const name of ['Test C', 'Test A', 'Test B'])
      made.push(await createServiceRow(t, societyId, id, { name }));
    const first = (
      await focal.request({ method: 'GET', url: `/api/services?organisationId=${id}&limit=2` })
    ).json();
    const next = await focal.request({
      method: 'GET',
      url: `/api/services?organisationId=${id}&limit=2&cursor=${first.nextCursor}`,
    });
    expect([...first.items, ...next.json().items].map((s: { id: string }) => s.id)).toEqual([
      made[1],
      made[2],
      made[0],
    ]);
    expect(next.json().nextCursor).toBeNull();
  });
});

describe('GET /api/services/:serviceId', () => {
  it('asks who is calling', async () => {
    const id = await createServiceRow(t, societyId, await createOrganisationRow(t, societyId));
    expect((await anonymous(t, 'GET', `/api/services/${id}`)).statusCode).toBe(401);
  });

  it('does not find another society’s service, nor a confidential one for a volunteer or an administrator', async () => {
    const theirs = await createServiceRow(t, otherSocietyId, await createOrganisationRow(t, otherSocietyId));
    expect((await focal.request({ method: 'GET', url: `/api/services/${theirs}` })).statusCode).toBe(404);
    const shelter = await createOrganisationRow(t, societyId, { isConfidential: true });
    const hidden = await createServiceRow(t, societyId, shelter);
    expect((await volunteer.request({ method: 'GET', url: `/api/services/${hidden}` })).statusCode).toBe(404);
    expect((await admin.request({ method: 'GET', url: `/api/services/${hidden}` })).statusCode).toBe(404);
  });

  it('returns the service with its version as ETag', async () => {
    const organisation = await createOrganisationRow(t, societyId, { name: `Test Org ${uniqueSuffix()}` });
    const id = await createServiceRow(t, societyId, organisation, { categories: ['legal-aid'] });
    const res = await caseworker.request({ method: 'GET', url: `/api/services/${id}` });
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      id,
      organisationId: organisation,
      categories: ['legal-aid'],
      allowedActions: [],
    });
  });
});

describe('PATCH /api/services/:serviceId', () => {
  const change = (client: TestClient, id: string, body: unknown, version: string | null = '"1"') =>
    client.request({
      method: 'PATCH',
      url: `/api/services/${id}`,
      body,
      headers: version === null ? {} : { 'if-match': version },
    });
  const aService = async () => createServiceRow(t, societyId, await createOrganisationRow(t, societyId));

  it('asks who is calling', async () => {
    expect((await anonymous(t, 'PATCH', `/api/services/${await aService()}`, { name: 'x' })).statusCode).toBe(
      401,
    );
  });

  it('does not find another society’s service', async () => {
    const theirs = await createServiceRow(t, otherSocietyId, await createOrganisationRow(t, otherSocietyId));
    expect((await change(focal, theirs, { name: 'Test Renamed' })).statusCode).toBe(404);
  });

  it('refuses a caseworker and an administrator', async () => {
    expect((await change(caseworker, await aService(), { name: 'Test Renamed' })).statusCode).toBe(403);
    expect((await change(admin, await aService(), { name: 'Test Renamed' })).statusCode).toBe(403);
  });

  it('names each invalid field, and refuses a team for an external organisation’s service', async () => {
    const id = await aService();
    const res = await change(focal, id, { status: 'open', categories: 'legal-aid', organisationId: id });
    expect(errorPaths(res)).toEqual(['body.categories', 'body.organisationId', 'body.status']);
    const team = await change(focal, id, { teamId: await createTeamRow(t, societyId) });
    expect(team.json().errors[0]).toMatchObject({ path: 'body.teamId', code: 'internal-only' });
  });

  it('asks for the version changed, and refuses a stale one', async () => {
    const id = await aService();
    expect((await change(focal, id, { name: 'Test Renamed' }, null)).statusCode).toBe(428);
    expect((await change(focal, id, { name: 'Test Renamed' }, '"2"')).statusCode).toBe(412);
  });

  it('changes the service, moves the version on and audits the names of the fields changed', async () => {
    const id = await aService();
    const body = { status: 'temporarily-closed', categories: ['legal-aid'], description: 'Tuesdays.' };
    const res = await change(focal, id, body);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ ...body, version: 2 });
    const [event] = await auditRows(t, 'service.changed', id);
    expect(event?.payload).toEqual({
      organisationId: res.json().organisationId,
      fields: ['categories', 'description', 'status'],
    });
    expect((await change(focal, id, { description: null }, '"2"')).json()).toMatchObject({
      description: null,
    });
  });
});
