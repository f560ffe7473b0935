import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditCount, auditRows, errorPaths } from '../users/users.test-support.ts';
import {
  createCaseTeam,
  errorCodes,
  readsOf,
  registerThrough,
  type CaseTeamFixture,
} from './people.test-support.ts';

let t: TestApp;
let f: CaseTeamFixture;
let other: CaseTeamFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCaseTeam(t);
  other = await createCaseTeam(t);
});
afterAll(() => t.close());

const fullBody = {
  knownAs: 'Test Amal',
  identity: {
    nameOriginal: { answer: 'given', value: { given: 'أمل', family: 'اختبار' } },
    nameOriginalScript: { answer: 'given', value: 'Arab' },
    nameLatin: { answer: 'given', value: { given: 'Amal', family: 'Testfamily' } },
    aliases: { answer: 'declined' },
    sex: { answer: 'given', value: 'female' },
    birth: { answer: 'given', value: { precision: 'year', date: '1990' } },
    citizenship: { answer: 'given', value: ['SY'] },
    languages: { answer: 'given', value: ['ar', 'en'] },
  },
  contact: {
    phones: { answer: 'given', value: [{ number: '+31 6 0000 0001' }] },
    safeContact: {
      answer: 'given',
      value: { mayCall: false, mayText: true, safeTimes: 'mornings', codeWord: 'test-tulip' },
    },
  },
  documents: {
    documents: {
      answer: 'given',
      value: [
        {
          type: 'passport',
          number: { answer: 'given', value: 'TEST-0001' },
          issuingCountry: { answer: 'given', value: 'SY' },
          heldBy: { answer: 'given', value: 'withheld-by-others' },
        },
      ],
    },
  },
  special: { migrationStatus: { answer: 'given', value: 'asylum-seeker' }, health: { answer: 'unknown' } },
};

describe('POST /api/people', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'POST', '/api/people', { knownAs: 'Test' })).statusCode).toBe(401);
  });

  it.each(['coordinator', 'volunteer', 'dpo'] as const)(
    'refuses a %s: only the case team registers people',
    async (role) => {
      const before = await auditCount(t);
      const res = await f[role].request({ method: 'POST', url: '/api/people', body: { knownAs: 'Test' } });
      expect(res.statusCode).toBe(403);
      expect(await auditCount(t)).toBe(before);
    },
  );

  it('names each invalid field, and refuses a society or an owner in the body', async () => {
    const res = await f.caseworker.request({
      method: 'POST',
      url: '/api/people',
      body: {
        knownAs: '',
        societyId: other.societyId,
        identity: {
          sex: { answer: 'given', value: 'unknown-sex' },
          citizenship: { answer: 'given', value: ['syria'] },
        },
        contact: { phones: { answer: 'maybe' } },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual([
      'body.contact.phones.answer',
      'body.identity.citizenship.value.0',
      'body.identity.sex.value',
      'body.knownAs',
      'body.societyId',
    ]);
  });

  it('refuses a team the caseworker is not in', async () => {
    const res = await f.caseworker.request({
      method: 'POST',
      url: '/api/people',
      body: { teamId: f.otherTeamId },
    });
    expect(errorCodes(res)).toEqual({ 'body.teamId': 'not-your-team' });
  });

  it('refuses an Idempotency-Key used before for another registration', async () => {
    const headers = { 'idempotency-key': `test-key-${Math.random().toString(36).slice(2)}` };
    const first = await f.caseworker.request({
      method: 'POST',
      url: '/api/people',
      body: { knownAs: 'Test One' },
      headers,
    });
    expect(first.statusCode).toBe(201);
    const second = await f.caseworker.request({
      method: 'POST',
      url: '/api/people',
      body: { knownAs: 'Test Two' },
      headers,
    });
    expect(second.statusCode).toBe(409);
    expect(errorCodes(second)).toEqual({ 'headers.idempotency-key': 'idempotency-key-reused' });
  });

  it('registers a person with nothing at all: help never waits for data', async () => {
    const res = await f.caseworker.request({ method: 'POST', url: '/api/people', body: {} });
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toMatchObject({ knownAs: null, presumedChild: true, owningTeamId: f.teamId, version: 1 });
    expect(person.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(person.identity).toEqual({ access: 'visible', fields: {} });
    expect(person.assignedCaseworkerIds).toEqual([f.caseworker.user.id]);
    expect(await auditRows(t, 'person.registered', person.id)).toEqual([
      expect.objectContaining({
        society_id: f.societyId,
        actor_user_id: f.caseworker.user.id,
        payload: { fields: [], quick: true },
      }),
    ]);
  });

  it('registers a person with a "known as" name only, presumed a child until an age is known', async () => {
    const person = await registerThrough(f.caseworker, { knownAs: 'Test Quick' });
    expect(person).toMatchObject({ knownAs: 'Test Quick', presumedChild: true });
    expect((await auditRows(t, 'person.registered', person.id))[0]?.payload).toEqual({
      fields: ['knownAs'],
      quick: true,
    });
  });

  it('registers a person in full and audits the field names only', async () => {
    const res = await f.caseworker.request({ method: 'POST', url: '/api/people', body: fullBody });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const person = res.json();
    expect(person.presumedChild).toBe(false);
    expect(person.identity.fields.nameLatin).toEqual(fullBody.identity.nameLatin);
    expect(person.special.fields.migrationStatus).toEqual({ answer: 'given', value: 'asylum-seeker' });
    expect(person.allowedActions).toContain('change-special');
    const [event] = await auditRows(t, 'person.registered', person.id);
    expect(event?.payload.fields).toContain('identity.nameLatin');
    expect(JSON.stringify(event)).not.toContain('Testfamily');
  });

  it('returns the person it registered when the same request is repeated with its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `test-key-${Math.random().toString(36).slice(2)}` };
    const body = { knownAs: 'Test Flaky' };
    const first = await f.caseworker.request({ method: 'POST', url: '/api/people', body, headers });
    const again = await f.caseworker.request({ method: 'POST', url: '/api/people', body, headers });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await auditRows(t, 'person.registered', first.json().id)).toHaveLength(1);
  });
  it('registers one person when the same request arrives twice at once', async () => {
    const headers = { 'idempotency-key': `test-key-${Math.random().toString(36).slice(2)}` };
    const body = { knownAs: 'Test Twice' };
    const both = await Promise.all([
      f.caseworker.request({ method: 'POST', url: '/api/people', body, headers }),
      f.caseworker.request({ method: 'POST', url: '/api/people', body, headers }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(both.map((r) => r.json().id)).size).toBe(1);
  });
});

describe('GET /api/people/:personId', () => {
  it('asks who is calling', async () => {
    const person = await registerThrough(f.caseworker);
    expect((await anonymous(t, 'GET', `/api/people/${person.id}`)).statusCode).toBe(401);
  });

  it('does not find a person of another society, nor one outside the caseworker’s case team', async () => {
    const theirs = await registerThrough(other.caseworker);
    expect((await f.focalPoint.request({ method: 'GET', url: `/api/people/${theirs.id}` })).statusCode).toBe(
      404,
    );
    const ours = await registerThrough(f.caseworker);
    expect((await f.outsider.request({ method: 'GET', url: `/api/people/${ours.id}` })).statusCode).toBe(404);
  });

  it('refuses roles outside the case team before looking anything up', async () => {
    const person = await registerThrough(f.caseworker);
    for (const client of [f.coordinator, f.dpo, f.volunteer])
      expect((await client.request({ method: 'GET', url: `/api/people/${person.id}` })).statusCode).toBe(403);
  });

  it('refuses an id that is not one', async () => {
    const res = await f.caseworker.request({ method: 'GET', url: '/api/people/amal' });
    expect(errorPaths(res)).toEqual(['params.personId']);
  });

  it('masks special-category fields from a teammate who is not assigned, and logs each read by field', async () => {
    const { id } = await registerThrough(f.caseworker, fullBody);
    const res = await f.teammate.request({ method: 'GET', url: `/api/people/${id}` });
    expect(res.statusCode).toBe(200);
    const person = res.json();
    expect(person.special).toEqual({ access: 'masked', reason: 'restricted' });
    expect(person.identity.fields.nameOriginal.value.given).toBe('أمل');
    expect(person.allowedActions).not.toContain('change-special');
    expect(person.allowedActions).not.toContain('assign');
    const reads = await readsOf(t, id);
    const last = reads.at(-1);
    expect(last).toMatchObject({ actor_user_id: f.teammate.user.id, purpose: 'case-work' });
    expect(last?.fields).toContain('identity.nameLatin');
    expect(last?.fields).not.toContain('special.migrationStatus');
  });

  it('shows a focal point everything, with the version as ETag', async () => {
    const { id } = await registerThrough(f.caseworker, fullBody);
    const res = await f.focalPoint.request({ method: 'GET', url: `/api/people/${id}` });
    expect(res.headers.etag).toBe('"1"');
    expect(res.json().special.access).toBe('visible');
    expect(res.json().allowedActions).toContain('assign');
  });
});

describe('GET /api/people', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/people')).statusCode).toBe(401);
  });

  it('lists only the people in the caseworker’s scope, newest first, and logs the names read', async () => {
    const mine = await registerThrough(f.caseworker, { knownAs: 'Test Listed' });
    const outside = await registerThrough(f.outsider, { knownAs: 'Test Hidden' });
    const res = await f.teammate.request({ method: 'GET', url: '/api/people?limit=100' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(outside.id);
    expect(res.json().items[0]).toMatchObject({
      id: expect.any(String),
      code: expect.any(String),
      assignedToMe: false,
    });
    expect((await readsOf(t, mine.id)).at(-1)).toMatchObject({
      actor_user_id: f.teammate.user.id,
      fields: ['knownAs'],
    });
  });

  it('pages with a cursor and filters to the people assigned to the caller', async () => {
    await registerThrough(f.caseworker);
    await registerThrough(f.caseworker);
    const first = await f.caseworker.request({ method: 'GET', url: '/api/people?limit=1&assigned=me' });
    expect(first.json().items).toHaveLength(1);
    expect(first.json().items[0].assignedToMe).toBe(true);
    const next = await f.caseworker.request({
      method: 'GET',
      url: `/api/people?limit=1&assigned=me&cursor=${first.json().nextCursor}`,
    });
    expect(next.json().items[0].id).not.toBe(first.json().items[0].id);
  });

  it('refuses an unknown filter', async () => {
    const res = await f.caseworker.request({ method: 'GET', url: '/api/people?assigned=everyone' });
    expect(errorPaths(res)).toEqual(['querystring.assigned']);
  });
});
