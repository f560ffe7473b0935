import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditCount, auditRows, errorPaths } from '../users/users.test-support.ts';
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
let hospital: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCaseTeam(t);
  other = await createCaseTeam(t);
  hospital = await createOrganisation(t, f.societyId, { name: 'Test Hospital' });
});
afterAll(() => t.close());

const vital = (change: Record<string, unknown> = {}) => ({
  kind: 'vital-interest',
  purpose: 'referral',
  reason: 'emergency',
  recipientOrganisationId: hospital,
  fieldGroups: ['identity-minimal', 'special'],
  justification: 'Test justification: unconscious, needs urgent care.',
  ...change,
});

async function recordBasis(personId: string, body: Record<string, unknown> = vital()): Promise<string> {
  const res = await f.caseworker.request({
    method: 'POST',
    url: `/api/people/${personId}/legal-bases`,
    body,
  });
  if (res.statusCode !== 201) throw new Error(`basis failed: ${res.body}`);
  return res.json().id;
}

async function notifiedAbout(id: string): Promise<string[]> {
  const { rows } = await t.db.system.query<{ recipient_user_id: string }>(
    'select recipient_user_id from notifications where subject_id = $1 order by recipient_user_id',
    [id],
  );
  return rows.map((r) => r.recipient_user_id);
}

describe('POST /api/people/:personId/legal-bases', () => {
  it('asks who is calling', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect((await anonymous(t, 'POST', `/api/people/${id}/legal-bases`, vital())).statusCode).toBe(401);
  });

  it('does not find a person of another society', async () => {
    const theirs = await registerThrough(other.caseworker);
    const res = await f.focalPoint.request({
      method: 'POST',
      url: `/api/people/${theirs.id}/legal-bases`,
      body: vital(),
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses roles outside the case team', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect(
      (await f.dpo.request({ method: 'POST', url: `/api/people/${id}/legal-bases`, body: vital() }))
        .statusCode,
    ).toBe(403);
  });

  it('names each invalid field: a justification is needed, and a legal duty goes with a legal obligation', async () => {
    const { id } = await registerThrough(f.caseworker);
    const body = vital({ kind: 'consent', justification: 'short', fieldGroups: [] });
    const res = await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/legal-bases`, body });
    expect(errorPaths(res)).toEqual(['body.fieldGroups', 'body.justification', 'body.kind']);
    const mismatch = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/legal-bases`,
      body: vital({ reason: 'legal-duty' }),
    });
    expect(errorPaths(mismatch)).toEqual(['body.reason']);
  });

  it('records a vital-interest basis pending approval, encrypted, and asks the focal points', async () => {
    const { id } = await registerThrough(f.caseworker);
    const res = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/legal-bases`,
      body: vital(),
    });
    expect(res.statusCode).toBe(201);
    const basis = res.json();
    expect(basis).toMatchObject({
      status: 'pending',
      flaggedForDpo: true,
      justification: null,
      recipientOrganisationId: hospital,
    });
    expect(await notifiedAbout(basis.id)).toEqual([f.focalPoint.user.id]);
    const { rows } = await t.db.system.query('select justification_enc from legal_bases where id = $1', [
      basis.id,
    ]);
    expect(Buffer.from(rows[0].justification_enc).toString('utf8')).not.toContain('unconscious');
    expect((await auditRows(t, 'legal-basis.recorded', id))[0]?.payload).toEqual({
      legalBasisId: basis.id,
      kind: 'vital-interest',
      purpose: 'referral',
      fieldGroups: ['identity-minimal', 'special'],
      recipientOrganisationId: hospital,
    });
  });

  it('asks the data protection officer for a legal obligation to disclose', async () => {
    const { id } = await registerThrough(f.caseworker);
    const basisId = await recordBasis(id, vital({ kind: 'legal-obligation', reason: 'legal-duty' }));
    expect(await notifiedAbout(basisId)).toEqual([f.dpo.user.id]);
  });
});

describe('POST /api/people/:personId/legal-bases/:legalBasisId/decision', () => {
  const decide = (client: typeof f.focalPoint, personId: string, basisId: string, decision = 'approved') =>
    client.request({
      method: 'POST',
      url: `/api/people/${personId}/legal-bases/${basisId}/decision`,
      body: { decision },
    });

  it('asks who is calling', async () => {
    const { id } = await registerThrough(f.caseworker);
    const basisId = await recordBasis(id);
    expect(
      (
        await anonymous(t, 'POST', `/api/people/${id}/legal-bases/${basisId}/decision`, {
          decision: 'approved',
        })
      ).statusCode,
    ).toBe(401);
  });

  it('does not find a basis of another person or society', async () => {
    const { id } = await registerThrough(f.caseworker);
    const basisId = await recordBasis(id);
    const another = await registerThrough(f.caseworker);
    expect((await decide(f.focalPoint, another.id, basisId)).statusCode).toBe(404);
    const theirs = await registerThrough(other.caseworker);
    expect((await decide(other.focalPoint, theirs.id, basisId)).statusCode).toBe(404);
  });

  it('refuses a caseworker, a DPO on vital interest, and a focal point on a legal obligation', async () => {
    const { id } = await registerThrough(f.caseworker);
    const vitalId = await recordBasis(id);
    const obligationId = await recordBasis(id, vital({ kind: 'legal-obligation', reason: 'legal-duty' }));
    expect((await decide(f.caseworker, id, vitalId)).statusCode).toBe(403);
    expect((await decide(f.dpo, id, vitalId)).statusCode).toBe(403);
    expect((await decide(f.focalPoint, id, obligationId)).statusCode).toBe(403);
  });

  it('names an unknown decision', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect(errorPaths(await decide(f.focalPoint, id, await recordBasis(id), 'maybe'))).toEqual([
      'body.decision',
    ]);
  });

  it('refuses to decide twice', async () => {
    const { id } = await registerThrough(f.caseworker);
    const basisId = await recordBasis(id);
    expect((await decide(f.focalPoint, id, basisId)).statusCode).toBe(200);
    const before = await auditCount(t);
    expect((await decide(f.focalPoint, id, basisId, 'refused')).statusCode).toBe(409);
    expect(await auditCount(t)).toBe(before);
  });

  it('lets a focal point approve vital interest, which the gate then allows', async () => {
    const { id } = await registerThrough(f.caseworker);
    const basisId = await recordBasis(id);
    const body = { recipient: { organisationId: hospital }, purpose: 'referral', fields: ['special'] };
    const gate = () => f.caseworker.request({ method: 'POST', url: `/api/people/${id}/share-check`, body });
    expect((await gate()).json()).toMatchObject({ allowed: false, reason: { code: 'basis-pending' } });
    const res = await decide(f.focalPoint, id, basisId);
    expect(res.json()).toMatchObject({
      status: 'approved',
      decidedBy: f.focalPoint.user.id,
      flaggedForDpo: true,
    });
    expect((await gate()).json()).toEqual({ allowed: true, basis: { legalBasisId: basisId } });
    expect((await auditRows(t, 'legal-basis.decided', id))[0]?.payload).toEqual({
      legalBasisId: basisId,
      kind: 'vital-interest',
      decision: 'approved',
      selfApproved: false,
    });
  });

  it('records the DPO’s decision on a legal obligation as their review too', async () => {
    const { id } = await registerThrough(f.caseworker);
    const basisId = await recordBasis(id, vital({ kind: 'legal-obligation', reason: 'legal-duty' }));
    const res = await decide(f.dpo, id, basisId, 'refused');
    expect(res.json()).toMatchObject({ status: 'refused', flaggedForDpo: false });
    const gate = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/share-check`,
      body: { recipient: { organisationId: hospital }, purpose: 'referral', fields: ['special'] },
    });
    expect(gate.json()).toMatchObject({ allowed: false, reason: { code: 'basis-refused' } });
  });
});

describe('the data protection officer’s review', () => {
  it('asks who is calling and refuses anyone but the DPO', async () => {
    expect((await anonymous(t, 'GET', '/api/legal-bases/review')).statusCode).toBe(401);
    expect((await f.focalPoint.request({ method: 'GET', url: '/api/legal-bases/review' })).statusCode).toBe(
      403,
    );
  });

  it('lists unreviewed bases by code with their justification (an audited read), and marks one reviewed once', async () => {
    const { id, code } = await registerThrough(f.caseworker);
    const basisId = await recordBasis(id);
    const queue = await f.dpo.request({ method: 'GET', url: '/api/legal-bases/review' });
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === basisId);
    expect(item).toMatchObject({ personCode: code, justification: expect.stringMatching(/unconscious/) });
    expect(JSON.stringify(item)).not.toContain('Test Knownas');
    expect((await readsOf(t, id)).at(-1)).toMatchObject({
      actor_user_id: f.dpo.user.id,
      purpose: 'audit-review',
    });
    const theirs = await other.dpo.request({ method: 'POST', url: `/api/legal-bases/${basisId}/review` });
    expect(theirs.statusCode).toBe(404);
    const review = await f.dpo.request({ method: 'POST', url: `/api/legal-bases/${basisId}/review` });
    expect(review.json()).toMatchObject({ flaggedForDpo: false });
    expect(
      (await f.dpo.request({ method: 'POST', url: `/api/legal-bases/${basisId}/review` })).statusCode,
    ).toBe(409);
    expect(await auditRows(t, 'legal-basis.reviewed', id)).toHaveLength(1);
  });
});

describe('GET /api/people/:personId/consents with legal bases', () => {
  it('shows the case team the justification, and logs that read', async () => {
    const { id } = await registerThrough(f.caseworker);
    await recordBasis(id);
    const res = await f.teammate.request({ method: 'GET', url: `/api/people/${id}/consents` });
    expect(res.json().legalBases[0].justification).toMatch(/urgent care/);
    expect((await readsOf(t, id)).at(-1)).toMatchObject({
      actor_user_id: f.teammate.user.id,
      fields: ['legalBasis.justification'],
    });
  });
});
