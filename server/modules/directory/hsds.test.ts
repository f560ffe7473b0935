import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Locale } from '../../../common/auth.ts';
import { knownCategories, serviceCategoryCodes, serviceCategoryTerms } from '../../../common/taxonomy.ts';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous } from '../users/users.test-support.ts';
import { derivedId } from './directory.hsds.ts';
import { createOrganisationRow } from './directory.test-support.ts';
import { extractSchema, schemaErrors } from './hsds-check.test-support.ts';

type Schema = Record<string, unknown>;
const readJson = (path: string | URL) => JSON.parse(readFileSync(path, 'utf8')) as Schema;
/** The extract of the HSDS 3.0 compiled `organization` schema kept beside this module. */
const extract = readJson(new URL('./hsds-organization.schema.json', import.meta.url));
/** The official compiled schema and example, where the standards folder is at hand (not in the repository). */
const standards = process.env.HSDS_STANDARDS_DIR ?? '/work/shared/standards/hsds-3.0';
const official = `${standards}/schema/compiled/organization.json`;

let t: TestApp;
let societyId: string;
let focal: TestClient;
let volunteer: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
  focal = await actAs(t, await createUser(t, { societyId, roles: ['focal-point'] }));
  volunteer = await actAs(t, await createUser(t, { societyId, roles: ['volunteer'] }));
});
afterAll(() => t.close());

/** An organisation with a contact, an alternate name and two services, made through the API. */
async function aFullOrganisation(): Promise<string> {
  const organisation = await focal.request({
    method: 'POST',
    url: '/api/organisations',
    body: {
      kind: 'national-society',
      name: 'Test Red Cross of Xland',
      alternateName: 'TRCX',
      email: 'focal-point@xland.example.invalid',
      phone: '+00 555 0199',
      website: 'https://xland.example.invalid',
      country: 'XE',
    },
  });
  const id = organisation.json<{ id: string }>().id;
  const add = (body: unknown) =>
    focal.request({ method: 'POST', url: `/api/organisations/${id}/services`, body });
  const legal = await add({
    name: 'Test legal advice',
    categories: ['legal-aid', 'interpretation'],
    languages: ['ar', 'ti'],
    url: 'https://xland.example.invalid/legal',
    phone: '+00 555 0100',
  });
  await add({ name: 'Test safe rooms', categories: ['safe-accommodation'], isConfidential: true });
  const legalId = legal.json<{ id: string }>().id;
  await focal.request({
    method: 'PATCH',
    url: `/api/services/${legalId}`,
    body: { status: 'temporarily-closed' },
    headers: { 'if-match': '"1"' },
  });
  return id;
}

describe('GET /api/hsds/organizations/:organisationId', () => {
  it('asks who is calling', async () => {
    const id = await createOrganisationRow(t, societyId);
    expect((await anonymous(t, 'GET', `/api/hsds/organizations/${id}`)).statusCode).toBe(401);
  });

  it('does not find another society’s organisation, nor a confidential one for a volunteer', async () => {
    const theirs = await createOrganisationRow(t, await createSociety(t));
    expect(
      (await focal.request({ method: 'GET', url: `/api/hsds/organizations/${theirs}` })).statusCode,
    ).toBe(404);
    const shelter = await createOrganisationRow(t, societyId, { isConfidential: true });
    const res = await volunteer.request({ method: 'GET', url: `/api/hsds/organizations/${shelter}` });
    expect(res.statusCode).toBe(404);
  });

  it('answers an HSDS 3.0 organization that validates against the HSDS schema', async () => {
    const id = await aFullOrganisation();
    const res = await focal.request({ method: 'GET', url: `/api/hsds/organizations/${id}` });
    expect(res.statusCode).toBe(200);
    const hsds = res.json();
    expect(schemaErrors(extract, hsds)).toEqual([]);
    if (existsSync(official)) expect(schemaErrors(readJson(official), hsds)).toEqual([]);
    expect(hsds).toMatchObject({
      id,
      name: 'Test Red Cross of Xland',
      alternate_name: 'TRCX',
      description: '',
      website: 'https://xland.example.invalid',
      phones: [{ number: '+00 555 0199', organization_id: id }],
      passage_kind: 'national-society',
      passage_country: 'XE',
      passage_confidential: false,
    });
    const [legal, rooms] = hsds.services;
    expect(legal).toMatchObject({
      status: 'temporarily closed',
      organization_id: id,
      url: 'https://xland.example.invalid/legal',
    });
    expect(legal.languages.map((l: { code: string }) => l.code)).toEqual(['ar', 'ti']);
    expect(legal.attributes.map((a: { taxonomy_term: { code: string } }) => a.taxonomy_term.code)).toEqual([
      'legal-aid',
      'interpretation',
    ]);
    expect(legal.attributes[0]).toMatchObject({
      link_id: legal.id,
      link_entity: 'service',
      taxonomy_term_id: serviceCategoryTerms['legal-aid'].id,
      taxonomy_term: { name: 'Legal aid', taxonomy_detail: { version: '1.0.0' } },
    });
    expect(rooms).toMatchObject({ name: 'Test safe rooms', passage_confidential: true });
    expect(rooms).not.toHaveProperty('description');
  });

  it('leaves confidential services out for a volunteer', async () => {
    const id = await aFullOrganisation();
    const hsds = (await volunteer.request({ method: 'GET', url: `/api/hsds/organizations/${id}` })).json();
    expect(hsds.services.map((s: { name: string }) => s.name)).toEqual(['Test legal advice']);
  });
});

describe('the HSDS schema check', () => {
  const valid = {
    id: '5b4a1b44-3f0e-4c3b-8f7e-1b1c4c3b8f7e',
    name: 'Test Organisation',
    description: '',
    services: [{ id: '6b4a1b44-3f0e-4c3b-8f7e-1b1c4c3b8f7e', name: 'Test Service', status: 'active' }],
  };

  it('accepts the official HSDS example and a minimal organisation', () => {
    expect(schemaErrors(extract, valid)).toEqual([]);
    const example = `${standards}/examples/organization_full.json`;
    if (existsSync(example)) expect(schemaErrors(extract, readJson(example))).toEqual([]);
  });

  it('names what breaks the schema: a missing description, an id that is no UUID, an unknown status', () => {
    const noDescription: Record<string, unknown> = { ...valid };
    delete noDescription.description;
    const broken = { ...noDescription, id: 'org-1', services: [{ ...valid.services[0], status: 'open' }] };
    expect(schemaErrors(extract, broken)).toEqual([
      '$: lacks required description',
      '$.id: is not a uuid',
      '$.services[0].status: is not one of the enum',
    ]);
    expect(schemaErrors(extract, { ...valid, phones: [{ number: 5 }] })).toEqual([
      '$.phones[0]: lacks required id',
      '$.phones[0].number: is integer, not string',
    ]);
  });

  it.runIf(existsSync(official))('keeps an extract equal to what the official compiled schema gives', () => {
    const kept = { ...extract };
    delete kept.$comment;
    expect(kept).toEqual(extractSchema(readJson(official)));
  });
});

describe('the service taxonomy', () => {
  it('gives every category a UUID of its own and a label in every language of the interface', () => {
    const terms = serviceCategoryCodes.map((code) => serviceCategoryTerms[code]);
    expect(terms.map((term) => term.code)).toEqual(serviceCategoryCodes);
    expect(new Set(terms.map((term) => term.id)).size).toBe(terms.length);
    for (const term of terms) {
      expect(schemaErrors({ type: 'string', format: 'uuid' }, term.id)).toEqual([]);
      for (const locale of Locale.options)
        expect(term.labels[locale].length, `${term.code} ${locale}`).toBeGreaterThan(2);
    }
  });

  it('leaves out of a stored list a code this version of the taxonomy does not know', () => {
    expect(knownCategories(['legal-aid', 'haircuts', 'interpretation'])).toEqual([
      'legal-aid',
      'interpretation',
    ]);
  });

  it('derives the same version-5 UUID from the same parts, and another from other parts', () => {
    const id = derivedId('5b4a1b44-3f0e-4c3b-8f7e-1b1c4c3b8f7e', 'phone');
    expect(id).toBe(derivedId('5b4a1b44-3f0e-4c3b-8f7e-1b1c4c3b8f7e', 'phone'));
    expect(id).not.toBe(derivedId('5b4a1b44-3f0e-4c3b-8f7e-1b1c4c3b8f7e', 'language', 'ar'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
