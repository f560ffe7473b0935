import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, errorPaths } from '../users/users.test-support.ts';
import { createCaseTeam, readsOf, registerThrough, type CaseTeamFixture } from './people.test-support.ts';

let t: TestApp;
let f: CaseTeamFixture;
let other: CaseTeamFixture;
let amal: string;
let namesake: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCaseTeam(t);
  other = await createCaseTeam(t);
  amal = (
    await registerThrough(f.caseworker, {
      knownAs: 'Testa',
      identity: {
        nameLatin: { answer: 'given', value: { given: 'Amál', family: 'Testerovna' } },
        aliases: { answer: 'given', value: ['Testalias Quinn'] },
      },
      contact: { phones: { answer: 'given', value: [{ number: '+31 (6) 000-00-042' }] } },
      documents: {
        documents: {
          answer: 'given',
          value: [{ type: 'passport', number: { answer: 'given', value: 'tp 0042-77' } }],
        },
      },
    })
  ).id;
  namesake = (await registerThrough(f.caseworker, { knownAs: 'Amal Otherfamily' })).id;
  await registerThrough(other.caseworker, { knownAs: 'Amal Testerovna' });
});
afterAll(() => t.close());

const search = (client: typeof f.caseworker, body: unknown) =>
  client.request({ method: 'POST', url: '/api/people/search', body });
const ids = (res: Awaited<ReturnType<typeof search>>) =>
  res.json().candidates.map((c: { id: string }) => c.id);

describe('POST /api/people/search', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'POST', '/api/people/search', { name: 'Amal' })).statusCode).toBe(401);
  });

  it('refuses roles outside the case team', async () => {
    expect((await search(f.coordinator, { name: 'Amal' })).statusCode).toBe(403);
  });

  it('asks for something to search by, and refuses anything else', async () => {
    expect(errorPaths(await search(f.caseworker, {}))).toEqual(['body.name']);
    expect(errorPaths(await search(f.caseworker, { birthDate: '1990' }))).toEqual([
      'body.birthDate',
      'body.name',
    ]);
  });

  it('finds people by name tokens in any case or accent, ranking more tokens in common first', async () => {
    const res = await search(f.caseworker, { name: 'AMAL testerovna' });
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual([amal, namesake]);
    expect(res.json().candidates[0]).toMatchObject({
      knownAs: 'Testa',
      matched: ['name-token'],
      nameTokensMatched: 2,
    });
    expect(ids(await search(f.caseworker, { name: 'quinn' }))).toEqual([amal]);
  });

  it('finds a person by the same phone number or document number however they are written', async () => {
    expect(ids(await search(f.caseworker, { phone: '+316000٠٠٠42' }))).toEqual([amal]);
    expect(ids(await search(f.caseworker, { documentNumber: 'TP-004277' }))).toEqual([amal]);
    const both = await search(f.caseworker, { name: 'Amal', documentNumber: 'TP004277' });
    expect(both.json().candidates[0]).toMatchObject({ id: amal, matched: ['document-number', 'name-token'] });
  });

  it('finds nobody outside the caller’s case team or society, and logs the names it shows', async () => {
    expect(ids(await search(f.outsider, { name: 'Amal' }))).toEqual([]);
    expect(ids(await search(other.focalPoint, { name: 'Testerovna' }))).not.toContain(amal);
    await search(f.teammate, { name: 'Quinn' });
    expect((await readsOf(t, amal)).at(-1)).toMatchObject({
      actor_user_id: f.teammate.user.id,
      fields: ['knownAs'],
    });
  });

  it('forgets an old name once it is changed', async () => {
    const { id } = await registerThrough(f.caseworker, { knownAs: 'Testold Name' });
    const res = await f.caseworker.request({
      method: 'PATCH',
      url: `/api/people/${id}/identity`,
      body: { knownAs: 'Testnew Name' },
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode).toBe(200);
    expect(ids(await search(f.caseworker, { name: 'Testold' }))).toEqual([]);
    expect(ids(await search(f.caseworker, { name: 'Testnew' }))).toEqual([id]);
  });
});
