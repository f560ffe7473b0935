import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentPurpose } from '../../../common/consent-purposes.ts';
import { NewConsentBody } from '../../../common/consent.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditCount, auditRows, errorPaths } from '../users/users.test-support.ts';
import {
  createCaseTeam,
  createOrganisation,
  createService,
  errorCodes,
  registerThrough,
  type CaseTeamFixture,
} from '../people/people.test-support.ts';

let t: TestApp;
let f: CaseTeamFixture;
let other: CaseTeamFixture;
let legalAid: string;
let nationalSociety: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCaseTeam(t);
  other = await createCaseTeam(t);
  legalAid = await createOrganisation(t, f.societyId, { name: 'Test Legal Aid' });
  nationalSociety = await createOrganisation(t, f.societyId, { kind: 'national-society' });
});
afterAll(() => t.close());

const allPoints = [
  'consents-to-interview',
  'purpose-explained',
  'uses-of-data',
  'research-use',
  'may-request-own-data',
  'storage-period',
  'how-to-withdraw',
];

function consentBody(change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    purpose: 'referral',
    recipientOrganisationId: legalAid,
    fieldGroups: ['identity-minimal', 'case-summary'],
    givenBy: { by: 'person' },
    method: 'verbal',
    language: 'ar',
    interpreter: { used: false },
    personAlone: true,
    informationPoints: allPoints,
    ...change,
  };
}

async function adult(): Promise<string> {
  const body = {
    knownAs: 'Test Adult',
    identity: { birth: { answer: 'given', value: { precision: 'day', date: '1980-05-05' } } },
  };
  return (await registerThrough(f.caseworker, body)).id;
}

describe('POST /api/people/:personId/consents', () => {
  it('asks who is calling', async () => {
    const id = await adult();
    expect((await anonymous(t, 'POST', `/api/people/${id}/consents`, consentBody())).statusCode).toBe(401);
  });

  it('does not find a person of another society, nor one outside the case team', async () => {
    const theirs = await registerThrough(other.caseworker);
    const res = await f.focalPoint.request({
      method: 'POST',
      url: `/api/people/${theirs.id}/consents`,
      body: consentBody(),
    });
    expect(res.statusCode).toBe(404);
    const ours = await adult();
    const outside = await f.outsider.request({
      method: 'POST',
      url: `/api/people/${ours}/consents`,
      body: consentBody(),
    });
    expect(outside.statusCode).toBe(404);
  });

  it('refuses roles outside the case team', async () => {
    const id = await adult();
    for (const client of [f.coordinator, f.volunteer, f.dpo])
      expect(
        (await client.request({ method: 'POST', url: `/api/people/${id}/consents`, body: consentBody() }))
          .statusCode,
      ).toBe(403);
  });

  it('names each invalid field', async () => {
    const id = await adult();
    const body = consentBody({
      recipientOrganisationId: undefined,
      fieldGroups: ['everything'],
      givenBy: { by: 'child-assent', adultConsent: 'not-asked' },
      language: 'Arabic',
      informationPoints: ['told-a-story'],
    });
    const res = await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/consents`, body });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual([
      'body.fieldGroups.0',
      'body.givenBy.guardianNotAskedReason',
      'body.informationPoints.0',
      'body.language',
    ]);
  });

  it('refuses use for immigration enforcement: it is not a purpose that exists, in the schema or the database', async () => {
    const id = await adult();
    const purpose = 'immigration-enforcement';
    expect(ConsentPurpose.safeParse(purpose).success).toBe(false);
    expect(NewConsentBody.safeParse(consentBody({ purpose })).success).toBe(false);
    const res = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/consents`,
      body: consentBody({ purpose }),
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.purpose']);
    const basis = {
      kind: 'legal-obligation',
      purpose,
      reason: 'legal-duty',
      fieldGroups: ['identity'],
      justification: 'Test justification text',
    };
    const legal = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/legal-bases`,
      body: basis,
    });
    expect(errorPaths(legal)).toEqual(['body.purpose']);
    // Even written past the API, the database refuses it.
    await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/consents`, body: consentBody() });
    const valid = { ...basis, purpose: 'protective-referral', protectiveTarget: 'police' };
    expect(
      (await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/legal-bases`, body: valid }))
        .statusCode,
    ).toBe(201);
    const client = await t.db.superuser();
    try {
      const where = 'where person_id = $2';
      await expect(client.query(`update consents set purpose = $1 ${where}`, [purpose, id])).rejects.toThrow(
        /check constraint/,
      );
      await expect(
        client.query(`update legal_bases set purpose = $1 ${where}`, [purpose, id]),
      ).rejects.toThrow(/check constraint/);
    } finally {
      await client.end();
    }
  });

  it('refuses an organisation not in the registry, a service of another, and the wrong kind of recipient', async () => {
    const id = await adult();
    const post = (body: Record<string, unknown>) =>
      f.caseworker.request({ method: 'POST', url: `/api/people/${id}/consents`, body });
    const theirs = await createOrganisation(t, other.societyId);
    expect(errorCodes(await post(consentBody({ recipientOrganisationId: theirs })))).toEqual({
      'body.recipientOrganisationId': 'unknown-organisation',
    });
    const service = await createService(t, f.societyId, nationalSociety);
    expect(errorCodes(await post(consentBody({ recipientServiceId: service })))).toEqual({
      'body.recipientServiceId': 'service-not-of-organisation',
    });
    expect(errorCodes(await post(consentBody({ purpose: 'cross-border' })))).toEqual({
      'body.recipientOrganisationId': 'wrong-kind-of-recipient',
    });
    const police = await createOrganisation(t, f.societyId, { protectiveRole: 'police' });
    expect(errorCodes(await post(consentBody({ recipientOrganisationId: police })))).toEqual({
      'body.recipientOrganisationId': 'wrong-kind-of-recipient',
    });
    const nrm = await post(
      consentBody({
        purpose: 'protective-referral',
        protectiveTarget: 'nrm',
        recipientOrganisationId: police,
      }),
    );
    expect(errorCodes(nrm)).toEqual({ 'body.recipientOrganisationId': 'wrong-kind-of-recipient' });
  });

  it('refuses a consent given in the future or expiring before it was given', async () => {
    const id = await adult();
    const post = (body: Record<string, unknown>) =>
      f.caseworker.request({ method: 'POST', url: `/api/people/${id}/consents`, body });
    expect(errorCodes(await post(consentBody({ givenAt: '2999-01-01T00:00:00Z' })))).toEqual({
      'body.givenAt': 'in-the-future',
    });
    const res = await post(
      consentBody({ givenAt: '2026-01-02T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }),
    );
    expect(errorCodes(res)).toEqual({ 'body.expiresAt': 'before-given' });
  });

  it('records a referral consent to a named organisation, with what the person agreed to share, and audits it', async () => {
    const id = await adult();
    const res = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/consents`,
      body: consentBody(),
    });
    expect(res.statusCode).toBe(201);
    const consent = res.json();
    expect(consent).toMatchObject({
      personId: id,
      purpose: 'referral',
      recipientOrganisationId: legalAid,
      fieldGroups: ['identity-minimal', 'case-summary'],
      qualityFlags: [],
      status: 'active',
      withdrawal: null,
    });
    expect(await auditRows(t, 'consent.recorded', id)).toEqual([
      expect.objectContaining({
        actor_user_id: f.caseworker.user.id,
        payload: {
          consentId: consent.id,
          purpose: 'referral',
          decision: 'given',
          fieldGroups: ['identity-minimal', 'case-summary'],
          recipientOrganisationId: legalAid,
          qualityFlags: [],
        },
      }),
    ]);
  });

  it('records consent given with someone present, through a dependent interpreter, half informed, and flags it', async () => {
    const id = await adult();
    const body = consentBody({
      personAlone: false,
      interpreter: { used: true, independent: false },
      informationPoints: allPoints.slice(0, 3),
    });
    const res = await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/consents`, body });
    expect(res.statusCode).toBe(201);
    expect(res.json().qualityFlags).toEqual([
      'not-alone',
      'interpreter-not-independent',
      'information-incomplete',
    ]);
    const queue = await f.focalPoint.request({ method: 'GET', url: '/api/consents/flagged' });
    expect(queue.json().items).toContainEqual(
      expect.objectContaining({ id: res.json().id, personCode: expect.any(String) }),
    );
    expect((await f.caseworker.request({ method: 'GET', url: '/api/consents/flagged' })).statusCode).toBe(
      403,
    );
  });

  it('records a child’s assent without a guardian, with the reason, and flags it', async () => {
    const { id } = await registerThrough(f.caseworker, { knownAs: 'Test Child' });
    const body = consentBody({
      purpose: 'services',
      recipientOrganisationId: undefined,
      givenBy: {
        by: 'child-assent',
        adultConsent: 'not-asked',
        guardianNotAskedReason: 'guardian-may-be-involved',
      },
    });
    const res = await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/consents`, body });
    expect(res.statusCode).toBe(201);
    expect(res.json().givenBy).toEqual(body.givenBy);
    expect(res.json().qualityFlags).toEqual(['guardian-not-asked']);
    const alone = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/consents`,
      body: consentBody({ purpose: 'statistics', recipientOrganisationId: undefined }),
    });
    expect(alone.json().qualityFlags).toEqual(['presumed-child-without-assent']);
  });

  it('records a refusal, which needs no data groups', async () => {
    const id = await adult();
    const body = consentBody({
      purpose: 'research',
      decision: 'refused',
      recipientOrganisationId: undefined,
      fieldGroups: [],
    });
    const res = await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/consents`, body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ decision: 'refused', status: 'refused', fieldGroups: [] });
  });
});

describe('GET /api/people/:personId/consents', () => {
  it('asks who is calling, and does not find a person outside the case team', async () => {
    const id = await adult();
    expect((await anonymous(t, 'GET', `/api/people/${id}/consents`)).statusCode).toBe(401);
    expect((await f.outsider.request({ method: 'GET', url: `/api/people/${id}/consents` })).statusCode).toBe(
      404,
    );
  });

  it('shows the consents, newest first, to the case team', async () => {
    const id = await adult();
    await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/consents`, body: consentBody() });
    await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/consents`,
      body: consentBody({ purpose: 'services', recipientOrganisationId: undefined }),
    });
    const res = await f.teammate.request({ method: 'GET', url: `/api/people/${id}/consents` });
    expect(res.statusCode).toBe(200);
    expect(res.json().consents.map((c: { purpose: string }) => c.purpose)).toEqual(['services', 'referral']);
    expect(res.json().legalBases).toEqual([]);
  });
});

describe('POST /api/people/:personId/consents/:consentId/withdrawal', () => {
  async function recorded(): Promise<{ personId: string; consentId: string }> {
    const personId = await adult();
    const res = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${personId}/consents`,
      body: consentBody(),
    });
    return { personId, consentId: res.json().id };
  }
  const url = (r: { personId: string; consentId: string }) =>
    `/api/people/${r.personId}/consents/${r.consentId}/withdrawal`;

  it('asks who is calling', async () => {
    expect((await anonymous(t, 'POST', url(await recorded()), {})).statusCode).toBe(401);
  });

  it('does not find a consent of another person, nor a person outside the case team', async () => {
    const r = await recorded();
    const another = await adult();
    expect(
      (await f.caseworker.request({ method: 'POST', url: url({ ...r, personId: another }), body: {} }))
        .statusCode,
    ).toBe(404);
    expect((await f.outsider.request({ method: 'POST', url: url(r), body: {} })).statusCode).toBe(404);
  });

  it('refuses roles outside the case team', async () => {
    const r = await recorded();
    expect((await f.coordinator.request({ method: 'POST', url: url(r), body: {} })).statusCode).toBe(403);
  });

  it('names an unknown effect and refuses a withdrawal before the consent was given', async () => {
    const r = await recorded();
    expect(
      errorPaths(await f.caseworker.request({ method: 'POST', url: url(r), body: { effect: 'forget' } })),
    ).toEqual(['body.effect']);
    const early = await f.caseworker.request({
      method: 'POST',
      url: url(r),
      body: { withdrawnAt: '2000-01-01T00:00:00Z' },
    });
    expect(errorCodes(early)).toEqual({ 'body.withdrawnAt': 'before-given' });
  });

  it('refuses to withdraw twice', async () => {
    const r = await recorded();
    expect((await f.caseworker.request({ method: 'POST', url: url(r), body: {} })).statusCode).toBe(200);
    const before = await auditCount(t);
    expect((await f.caseworker.request({ method: 'POST', url: url(r), body: {} })).statusCode).toBe(409);
    expect(await auditCount(t)).toBe(before);
  });

  it('withdraws a consent never used to share: nobody to tell, nothing to delete', async () => {
    const r = await recorded();
    const res = await f.teammate.request({
      method: 'POST',
      url: url(r),
      body: { effect: 'stop-future-sharing' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      consent: { status: 'withdrawn', withdrawal: { effect: 'stop-future-sharing' } },
      deletionRequests: [],
      notifiedUsers: 0,
    });
    expect(await auditRows(t, 'consent.withdrawn', r.personId)).toEqual([
      expect.objectContaining({
        actor_user_id: f.teammate.user.id,
        payload: { consentId: r.consentId, effect: 'stop-future-sharing', deletionRequests: 0, notified: 0 },
      }),
    ]);
  });
});
