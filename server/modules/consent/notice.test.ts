import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditRows, errorPaths } from '../users/users.test-support.ts';
import {
  createCaseTeam,
  createOrganisation,
  readsOf,
  registerThrough,
  type CaseTeamFixture,
} from '../people/people.test-support.ts';

let t: TestApp;
let f: CaseTeamFixture;
let other: CaseTeamFixture;
let legalAid: string;
let shelter: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCaseTeam(t);
  other = await createCaseTeam(t);
  legalAid = await createOrganisation(t, f.societyId, { name: 'Test Legal Aid Office' });
  shelter = await createOrganisation(t, f.societyId, { name: 'Test Withdrawn Shelter' });
});
afterAll(() => t.close());

async function consent(personId: string, change: Record<string, unknown>): Promise<string> {
  const body = {
    purpose: 'referral',
    fieldGroups: ['case-summary'],
    givenBy: { by: 'person' },
    method: 'verbal',
    language: 'fr',
    interpreter: { used: false },
    personAlone: true,
    informationPoints: ['consents-to-interview'],
    ...change,
  };
  const res = await f.caseworker.request({ method: 'POST', url: `/api/people/${personId}/consents`, body });
  return res.json().id;
}

const notice = (client: typeof f.caseworker, personId: string, query = '') =>
  client.request({ method: 'GET', url: `/api/people/${personId}/notice${query}` });

describe('GET /api/people/:personId/notice', () => {
  it('asks who is calling', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect((await anonymous(t, 'GET', `/api/people/${id}/notice`)).statusCode).toBe(401);
  });

  it('does not find a person of another society, nor outside the case team', async () => {
    const theirs = await registerThrough(other.caseworker);
    expect((await notice(f.focalPoint, theirs.id)).statusCode).toBe(404);
    const ours = await registerThrough(f.caseworker);
    expect((await notice(f.outsider, ours.id)).statusCode).toBe(404);
  });

  it('refuses roles outside the case team', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect((await notice(f.coordinator, id)).statusCode).toBe(403);
  });

  it('refuses a language that is not a language code', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect(errorPaths(await notice(f.caseworker, id, '?locale=French'))).toEqual(['querystring.locale']);
  });

  it('is composed in the person’s own language, names the recipients of active consents only, and never the person', async () => {
    const body = {
      knownAs: 'Test Noticeperson',
      identity: { languages: { answer: 'given', value: ['fr', 'ar'] } },
    };
    const { id, code } = await registerThrough(f.caseworker, body);
    await consent(id, { recipientOrganisationId: legalAid });
    const withdrawn = await consent(id, { recipientOrganisationId: shelter });
    await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/consents/${withdrawn}/withdrawal`,
      body: {},
    });
    const res = await notice(f.teammate, id);
    expect(res.statusCode).toBe(200);
    const text = JSON.stringify(res.json());
    expect(res.json().locale).toBe('fr');
    expect(text).toContain('Test Legal Aid Office');
    expect(text).not.toContain('Test Withdrawn Shelter');
    expect(text).not.toContain('Noticeperson');
    expect(text).not.toContain(code);
    expect(res.json().sections.map((s: { id: string }) => s.id)).toContain('purposes');
    expect((await readsOf(t, id)).at(-1)).toMatchObject({
      actor_user_id: f.teammate.user.id,
      fields: ['identity.languages'],
    });
    expect((await auditRows(t, 'person.notice-shown', id))[0]).toMatchObject({
      actor_user_id: f.teammate.user.id,
      payload: { locale: 'fr', fallback: expect.any(Boolean) },
    });
  });

  it('uses the language asked for, and says so when it falls back to another', async () => {
    const { id } = await registerThrough(f.caseworker);
    const res = await notice(f.caseworker, id, '?locale=ti');
    expect(res.json()).toMatchObject({ locale: 'ti', reviewed: false });
    expect(res.json().fallbackWarnings.length).toBeGreaterThan(0);
    expect((await auditRows(t, 'person.notice-shown', id))[0]?.payload).toEqual({
      locale: 'ti',
      fallback: true,
    });
  });

  it('says the period is not decided yet while the society has set none, never an invented figure', async () => {
    const { id } = await registerThrough(f.caseworker);
    const res = await notice(f.caseworker, id, '?locale=en');
    expect(res.statusCode).toBe(200);
    expect(retentionOf(res.json())).toBe('The period has not been decided yet; ask us and we will tell you.');
    const french = retentionOf((await notice(f.caseworker, id, '?locale=fr')).json());
    expect(french).toMatch(/pas encore été décidée/);
    expect(french).not.toMatch(/\d/);
  });

  it('states the retention period the society set, in the notice’s language', async () => {
    await t.db.system.query('update societies set retention_months = 36 where id = $1', [f.societyId]);
    try {
      const { id } = await registerThrough(f.caseworker);
      expect(retentionOf((await notice(f.caseworker, id, '?locale=en')).json())).toMatch(
        /^We keep your information for 36 months after we stop working with you\./,
      );
      expect(retentionOf((await notice(f.caseworker, id, '?locale=es')).json())).toMatch(/durante 36 meses/);
    } finally {
      await t.db.system.query('update societies set retention_months = null where id = $1', [f.societyId]);
    }
  });
});

/** The text of a notice's retention section. */
function retentionOf(body: { sections: { id: string; text: string }[] }): string | undefined {
  return body.sections.find((s) => s.id === 'retention')?.text;
}
