import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditCount, auditRows, errorPaths } from '../users/users.test-support.ts';
import { createOrganisationRow, createServiceRow, uniqueSuffix } from './directory.test-support.ts';

let t: TestApp;
let societyId: string;
let otherSocietyId: string;
let focal: TestClient;
let admin: TestClient;
let caseworker: TestClient;
let volunteer: TestClient;
let coordinator: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t, { name: 'Test Society of Organisations' });
  otherSocietyId = await createSociety(t);
  const as = async (role: 'focal-point' | 'administrator' | 'caseworker' | 'volunteer' | 'coordinator') =>
    actAs(t, await createUser(t, { societyId, roles: [role] }));
  [focal, admin, caseworker, volunteer, coordinator] = await Promise.all([
    as('focal-point'),
    as('administrator'),
    as('caseworker'),
    as('volunteer'),
    as('coordinator'),
  ]);
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((o) => o.id);

describe('GET /api/organisations', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/organisations')).statusCode).toBe(401);
  });

  it('lists this society’s organisations only, and never a confidential one to a volunteer or an administrator', async () => {
    const prefix = `Listed ${uniqueSuffix()}`;
    const open = await createOrganisationRow(t, societyId, { name: `${prefix} open` });
    const shelter = await createOrganisationRow(t, societyId, {
      name: `${prefix} shelter`,
      isConfidential: true,
    });
    const theirs = await createOrganisationRow(t, otherSocietyId, { name: `${prefix} theirs` });
    const url = `/api/organisations?q=${encodeURIComponent(prefix)}`;
    expect(ids(await volunteer.request({ method: 'GET', url }))).toEqual([open]);
    expect(ids(await coordinator.request({ method: 'GET', url }))).toEqual([open]);
    expect(ids(await admin.request({ method: 'GET', url }))).toEqual([open]);
    expect(ids(await caseworker.request({ method: 'GET', url }))).toEqual([open, shelter]);
    expect(ids(await focal.request({ method: 'GET', url }))).not.toContain(theirs);
  });

  it('names each invalid filter', async () => {
    const res = await focal.request({
      method: 'GET',
      url: '/api/organisations?kind=charity&category=haircuts&limit=0&societyId=x',
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual([
      'querystring.category',
      'querystring.kind',
      'querystring.limit',
      'querystring.societyId',
    ]);
    const cursor = await focal.request({ method: 'GET', url: '/api/organisations?cursor=bm90LWEtY3Vyc29y' });
    expect(cursor.json().errors[0]).toMatchObject({ path: 'querystring.cursor', code: 'invalid-cursor' });
  });

  it('filters by kind, protective role, category of a visible service and name, literally', async () => {
    const prefix = `Filter ${uniqueSuffix()}`;
    const nrm = await createOrganisationRow(t, societyId, {
      name: `${prefix} 100% NRM`,
      protectiveRole: 'nrm',
    });
    const xland = await createOrganisationRow(t, societyId, {
      name: `${prefix} Xland`,
      kind: 'national-society',
    });
    await createServiceRow(t, societyId, xland, { categories: ['legal-aid', 'interpretation'] });
    await createServiceRow(t, societyId, nrm, { categories: ['legal-aid'], isConfidential: true });
    await createServiceRow(t, societyId, nrm, { categories: ['child-protection'], status: 'defunct' });
    const q = `q=${encodeURIComponent(prefix)}`;
    const get = (client: TestClient, filter: string) =>
      client.request({ method: 'GET', url: `/api/organisations?${q}&${filter}` });
    expect(ids(await get(volunteer, 'kind=national-society'))).toEqual([xland]);
    expect(ids(await get(volunteer, 'protectiveRole=nrm'))).toEqual([nrm]);
    expect(ids(await get(volunteer, 'category=legal-aid'))).toEqual([xland]);
    expect(ids(await get(caseworker, 'category=legal-aid'))).toEqual([nrm, xland]);
    expect(ids(await get(caseworker, 'category=child-protection'))).toEqual([]);
    expect(ids(await focal.request({ method: 'GET', url: '/api/organisations?q=100%25' }))).toEqual([nrm]);
    const listed = (await get(volunteer, 'kind=national-society')).json().items[0];
    expect(listed).toMatchObject({ country: 'XE', categories: ['interpretation', 'legal-aid'] });
    expect((await get(volunteer, 'protectiveRole=nrm')).json().items[0].categories).toEqual([]);
  });

  it('pages by name with a cursor until the last page', async () => {
    const prefix = `Paged ${uniqueSuffix()}`;
    const made = [];
    for (const letter of ['C', 'A', 'B'])
      made.push(await createOrganisationRow(t, societyId, { name: `${prefix} ${letter}` }));
    const seen: string[] = [];
    let url = `/api/organisations?q=${encodeURIComponent(prefix)}&limit=2`;
    for (;;) {
      const page = (await caseworker.request({ method: 'GET', url })).json();
      seen.push(...page.items.map((o: { id: string }) => o.id));
      if (page.nextCursor === null) break;
      url = `/api/organisations?q=${encodeURIComponent(prefix)}&limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual([made[1], made[2], made[0]]);
  });
});

describe('POST /api/organisations', () => {
  const add = (client: TestClient, body: unknown) =>
    client.request({ method: 'POST', url: '/api/organisations', body });
  const legalAid = () => ({ kind: 'external', name: `Test Legal Aid ${uniqueSuffix()}` });

  it('asks who is calling', async () => {
    expect((await anonymous(t, 'POST', '/api/organisations', legalAid())).statusCode).toBe(401);
  });

  it('refuses a caseworker, a volunteer and an administrator: the focal point keeps the directory', async () => {
    expect((await add(caseworker, legalAid())).statusCode).toBe(403);
    expect((await add(volunteer, legalAid())).statusCode).toBe(403);
    expect((await add(admin, legalAid())).statusCode).toBe(403);
  });

  it('names each invalid field and refuses a society or an internal kind in the body', async () => {
    const res = await add(focal, {
      kind: 'internal',
      name: ' ',
      email: 'not-an-address',
      phone: 'call us',
      website: 'ftp://files.example.invalid',
      country: 'nl',
      protectiveRole: 'army',
      societyId: otherSocietyId,
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual([
      'body.country',
      'body.email',
      'body.kind',
      'body.name',
      'body.phone',
      'body.protectiveRole',
      'body.societyId',
      'body.website',
    ]);
  });

  it('asks a National Society for its country and keeps protective roles to external organisations', async () => {
    const before = await auditCount(t);
    const noCountry = await add(focal, {
      kind: 'national-society',
      name: 'Test Red Cross',
      protectiveRole: 'police',
    });
    expect(noCountry.statusCode).toBe(400);
    expect(noCountry.json().errors).toEqual([
      expect.objectContaining({ path: 'body.country', code: 'required' }),
      expect.objectContaining({ path: 'body.protectiveRole', code: 'external-only' }),
    ]);
    expect(await auditCount(t)).toBe(before);
  });

  it('adds an organisation to the society’s directory and audits its kind only', async () => {
    const body = {
      kind: 'external',
      name: '  Test Legal Aid Clinic  ',
      email: 'clinic@example.invalid',
      phone: '+00 1234 5678',
      website: 'https://clinic.example.invalid',
      protectiveRole: 'nrm',
    };
    const res = await add(focal, body);
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const organisation = res.json();
    expect(organisation).toMatchObject({
      ...body,
      name: 'Test Legal Aid Clinic',
      alternateName: null,
      country: null,
      isConfidential: false,
      status: 'active',
      version: 1,
      services: [],
      allowedActions: ['change', 'add-service'],
    });
    const { rows } = await t.db.system.query('select society_id from organisations where id = $1', [
      organisation.id,
    ]);
    expect(rows).toEqual([{ society_id: societyId }]);
    expect(await auditRows(t, 'organisation.created', organisation.id)).toEqual([
      expect.objectContaining({
        society_id: societyId,
        actor_user_id: focal.user.id,
        subject_type: 'organisation',
        payload: { kind: 'external' },
      }),
    ]);
  });

  it('lets a focal point add a National Society with its country', async () => {
    const res = await add(focal, {
      kind: 'national-society',
      name: 'Test Red Cross of Xland',
      country: 'XE',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'national-society', country: 'XE' });
  });
});

describe('POST /api/organisations/internal', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'POST', '/api/organisations/internal')).statusCode).toBe(401);
  });

  it('refuses a caseworker and an administrator', async () => {
    expect(
      (await caseworker.request({ method: 'POST', url: '/api/organisations/internal' })).statusCode,
    ).toBe(403);
    expect((await admin.request({ method: 'POST', url: '/api/organisations/internal' })).statusCode).toBe(
      403,
    );
  });

  it('makes the society’s own organisation once, named after the society, then returns it', async () => {
    const first = await focal.request({ method: 'POST', url: '/api/organisations/internal' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      kind: 'internal',
      name: 'Test Society of Organisations',
      version: 1,
    });
    const again = await focal.request({ method: 'POST', url: '/api/organisations/internal' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await auditRows(t, 'organisation.created', first.json().id)).toEqual([
      expect.objectContaining({ payload: { kind: 'internal' }, actor_user_id: focal.user.id }),
    ]);
  });
});

describe('GET /api/organisations/:organisationId', () => {
  it('asks who is calling', async () => {
    const id = await createOrganisationRow(t, societyId);
    expect((await anonymous(t, 'GET', `/api/organisations/${id}`)).statusCode).toBe(401);
  });

  it('does not find another society’s organisation, nor a confidential one for a volunteer', async () => {
    const theirs = await createOrganisationRow(t, otherSocietyId);
    expect((await focal.request({ method: 'GET', url: `/api/organisations/${theirs}` })).statusCode).toBe(
      404,
    );
    const shelter = await createOrganisationRow(t, societyId, { isConfidential: true });
    expect(
      (await volunteer.request({ method: 'GET', url: `/api/organisations/${shelter}` })).statusCode,
    ).toBe(404);
    expect(
      (await coordinator.request({ method: 'GET', url: `/api/organisations/${shelter}` })).statusCode,
    ).toBe(404);
    expect((await admin.request({ method: 'GET', url: `/api/organisations/${shelter}` })).statusCode).toBe(
      404,
    );
    expect(
      (await caseworker.request({ method: 'GET', url: `/api/organisations/${shelter}` })).statusCode,
    ).toBe(200);
  });

  it('refuses an id that is not one', async () => {
    expect(errorPaths(await focal.request({ method: 'GET', url: '/api/organisations/legal-aid' }))).toEqual([
      'params.organisationId',
    ]);
  });

  it('returns the organisation with the services the reader may see and its version as ETag', async () => {
    const id = await createOrganisationRow(t, societyId);
    const open = await createServiceRow(t, societyId, id, { name: 'A open service' });
    const hidden = await createServiceRow(t, societyId, id, {
      name: 'B hidden service',
      isConfidential: true,
    });
    const seen = await volunteer.request({ method: 'GET', url: `/api/organisations/${id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.headers.etag).toBe('"1"');
    expect(seen.json()).toMatchObject({ id, allowedActions: [] });
    expect(seen.json().services.map((s: { id: string }) => s.id)).toEqual([open]);
    const all = (await focal.request({ method: 'GET', url: `/api/organisations/${id}` })).json();
    expect(all.services.map((s: { id: string }) => s.id)).toEqual([open, hidden]);
    expect(all.allowedActions).toEqual(['change', 'add-service']);
  });
});

describe('PATCH /api/organisations/:organisationId', () => {
  const change = (client: TestClient, id: string, body: unknown, version: string | null = '"1"') =>
    client.request({
      method: 'PATCH',
      url: `/api/organisations/${id}`,
      body,
      headers: version === null ? {} : { 'if-match': version },
    });

  it('asks who is calling', async () => {
    const id = await createOrganisationRow(t, societyId);
    expect((await anonymous(t, 'PATCH', `/api/organisations/${id}`, { name: 'Renamed' })).statusCode).toBe(
      401,
    );
  });

  it('does not find another society’s organisation', async () => {
    const theirs = await createOrganisationRow(t, otherSocietyId);
    expect((await change(focal, theirs, { name: 'Renamed' })).statusCode).toBe(404);
  });

  it('refuses a caseworker and an administrator', async () => {
    const id = await createOrganisationRow(t, societyId);
    expect((await change(caseworker, id, { name: 'Renamed' })).statusCode).toBe(403);
    expect((await change(admin, id, { name: 'Renamed' })).statusCode).toBe(403);
  });

  it('names each invalid field, a change of kind included', async () => {
    const id = await createOrganisationRow(t, societyId);
    const res = await change(focal, id, { name: '', kind: 'internal', status: 'closed', website: 'nowhere' });
    expect(errorPaths(res)).toEqual(['body.kind', 'body.name', 'body.status', 'body.website']);
  });

  it('keeps a National Society’s country and protective roles on external organisations', async () => {
    const id = await createOrganisationRow(t, societyId, { kind: 'national-society' });
    const res = await change(focal, id, { country: null, protectiveRole: 'police' });
    expect(res.json().errors.map((e: { code: string }) => e.code)).toEqual(['required', 'external-only']);
  });

  it('asks for the version changed, and refuses a stale one', async () => {
    const id = await createOrganisationRow(t, societyId);
    expect((await change(focal, id, { name: 'Renamed' }, null)).statusCode).toBe(428);
    expect((await change(focal, id, { name: 'Renamed' }, '"7"')).statusCode).toBe(412);
  });

  it('changes the details, moves the version on and audits the names of the fields changed', async () => {
    const id = await createOrganisationRow(t, societyId, { isConfidential: true });
    const body = {
      name: 'Test Shelter',
      description: 'Safe rooms.',
      isConfidential: true,
      email: 'x@example.invalid',
    };
    const res = await change(focal, id, body);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ ...body, version: 2 });
    expect((await auditRows(t, 'organisation.changed', id))[0]?.payload).toEqual({
      fields: ['description', 'email', 'name'],
    });
    const cleared = await change(focal, id, { description: null }, '"2"');
    expect(cleared.json()).toMatchObject({ description: null, version: 3 });
  });

  it('writes nothing when nothing changes', async () => {
    const id = await createOrganisationRow(t, societyId, { name: 'Test Unchanged' });
    const res = await change(focal, id, { name: 'Test Unchanged' });
    expect(res.json().version).toBe(1);
    expect(await auditRows(t, 'organisation.changed', id)).toEqual([]);
  });
});
