import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ShareCheckBody } from '../../../common/consent.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { contextOf, inActorSociety, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { createKysely } from '../../db/kysely.ts';
import { AppError } from '../../http/problem.ts';
import { anonymous, auditRows, errorPaths } from '../users/users.test-support.ts';
import {
  createCaseTeam,
  createOrganisation,
  createService,
  errorCodes,
  registerThrough,
  type CaseTeamFixture,
} from '../people/people.test-support.ts';
import { checkShare, recordShare } from './share.service.ts';

let t: TestApp;
let f: CaseTeamFixture;
let other: CaseTeamFixture;
let legalAid: string;
let shelter: string;
let society: string;
let teamService: string;

/** A stand-in for a later feature (a referral): it asks the gate and records the share it allowed. */
async function shareRoute(app: FastifyInstance): Promise<void> {
  app.post(
    '/api/test/people/:personId/share',
    { config: { access: access.roles('caseworker', 'focal-point') } },
    async (request) => {
      const { personId } = z.object({ personId: z.uuid() }).parse(request.params);
      const body = ShareCheckBody.parse(request.body);
      const deps: ModuleDeps = {
        db: createKysely(t.db.app),
        keys: t.keys,
        accountKeys: t.accountKeys,
        config: t.config,
      };
      const ctx = contextOf(request, deps);
      return inActorSociety(ctx, async (tx) => {
        const decision = await checkShare(tx, ctx, { personId, ...body });
        if (!decision.allowed) throw new AppError('forbidden', decision.reason.message);
        return { shareId: await recordShare(tx, ctx, { personId, ...body, allowed: decision }) };
      });
    },
  );
}

beforeAll(async () => {
  t = await createTestApp({ extraRoutes: shareRoute });
  f = await createCaseTeam(t);
  other = await createCaseTeam(t);
  legalAid = await createOrganisation(t, f.societyId, { name: 'Test Legal Aid' });
  shelter = await createOrganisation(t, f.societyId, { name: 'Test Shelter' });
  society = await createOrganisation(t, f.societyId, { kind: 'internal' });
  teamService = await createService(t, f.societyId, society, f.otherTeamId);
});
afterAll(() => t.close());

const informed = [
  'consents-to-interview',
  'purpose-explained',
  'uses-of-data',
  'research-use',
  'may-request-own-data',
  'storage-period',
  'how-to-withdraw',
];

async function consent(personId: string, change: Record<string, unknown>): Promise<string> {
  const body = {
    purpose: 'referral',
    fieldGroups: ['identity-minimal', 'case-summary'],
    givenBy: { by: 'person' },
    method: 'written',
    language: 'ti',
    interpreter: { used: true, independent: true },
    personAlone: true,
    informationPoints: informed,
    ...change,
  };
  const res = await f.caseworker.request({ method: 'POST', url: `/api/people/${personId}/consents`, body });
  if (res.statusCode !== 201) throw new Error(`consent failed: ${res.body}`);
  return res.json().id;
}

const check = (personId: string, body: unknown) =>
  f.caseworker.request({ method: 'POST', url: `/api/people/${personId}/share-check`, body });
const toLegalAid = { recipient: { organisationId: '' }, purpose: 'referral', fields: ['identity-minimal'] };

describe('POST /api/people/:personId/share-check', () => {
  it('asks who is calling', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect((await anonymous(t, 'POST', `/api/people/${id}/share-check`, toLegalAid)).statusCode).toBe(401);
  });

  it('does not find a person of another society, nor outside the case team', async () => {
    const theirs = await registerThrough(other.caseworker);
    const body = { ...toLegalAid, recipient: { organisationId: legalAid } };
    expect((await check(theirs.id, body)).statusCode).toBe(404);
    const ours = await registerThrough(f.caseworker);
    expect(
      (await f.outsider.request({ method: 'POST', url: `/api/people/${ours.id}/share-check`, body }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses roles outside the case team', async () => {
    const { id } = await registerThrough(f.caseworker);
    const body = { ...toLegalAid, recipient: { organisationId: legalAid } };
    expect(
      (await f.coordinator.request({ method: 'POST', url: `/api/people/${id}/share-check`, body }))
        .statusCode,
    ).toBe(403);
  });

  it('names each invalid field, and a recipient not in the registry', async () => {
    const { id } = await registerThrough(f.caseworker);
    const res = await check(id, { recipient: { name: 'Someone' }, purpose: 'gossip', fields: [] });
    expect(errorPaths(res)).toEqual([
      'body.fields',
      'body.purpose',
      'body.recipient.name',
      'body.recipient.organisationId',
    ]);
    const unknown = await check(id, {
      ...toLegalAid,
      recipient: { organisationId: await createOrganisation(t, other.societyId) },
    });
    expect(errorCodes(unknown)).toEqual({ 'body.recipient.organisationId': 'unknown-organisation' });
  });

  it('answers and audits both an allowed and a refused share, with ids and codes only', async () => {
    const { id } = await registerThrough(f.caseworker, { knownAs: 'Test Gate' });
    const consentId = await consent(id, { recipientOrganisationId: legalAid });
    const allowed = await check(id, { ...toLegalAid, recipient: { organisationId: legalAid } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toEqual({ allowed: true, basis: { consentId } });
    const refused = await check(id, { ...toLegalAid, recipient: { organisationId: shelter } });
    expect(refused.json()).toEqual({
      allowed: false,
      reason: { code: 'recipient-not-named', message: expect.stringMatching(/not the one named/) },
    });
    const events = await auditRows(t, 'share.checked', id);
    expect(events.map((e) => e.payload)).toEqual([
      {
        purpose: 'referral',
        recipientOrganisationId: legalAid,
        recipientServiceId: null,
        fieldGroups: ['identity-minimal'],
        allowed: true,
        reason: null,
        consentId,
        legalBasisId: null,
      },
      {
        purpose: 'referral',
        recipientOrganisationId: shelter,
        recipientServiceId: null,
        fieldGroups: ['identity-minimal'],
        allowed: false,
        reason: 'recipient-not-named',
        consentId: null,
        legalBasisId: null,
      },
    ]);
  });
});

describe('a consent withdrawn after a share', () => {
  it('refuses a share it allowed before: the journey of issue 5 through the API', async () => {
    const { id } = await registerThrough(f.caseworker, { knownAs: 'Test Journey' });
    await consent(id, { purpose: 'services' });
    const referral = await consent(id, {
      recipientOrganisationId: legalAid,
      fieldGroups: ['identity-minimal'],
    });
    const body = { ...toLegalAid, recipient: { organisationId: legalAid } };
    expect((await check(id, body)).json().allowed).toBe(true);
    const withdrawn = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/consents/${referral}/withdrawal`,
      body: {},
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await check(id, body)).json()).toMatchObject({
      allowed: false,
      reason: { code: 'consent-withdrawn' },
    });
  });

  it('asks an external recipient to delete through the focal points, and tells an internal team in Passage', async () => {
    const { id } = await registerThrough(f.caseworker, { knownAs: 'Test Shared' });
    const referral = await consent(id, { recipientOrganisationId: legalAid });
    const internal = await consent(id, { recipientOrganisationId: society });
    const share = (organisationId: string, serviceId?: string) =>
      f.caseworker.request({
        method: 'POST',
        url: `/api/test/people/${id}/share`,
        body: {
          recipient: { organisationId, ...(serviceId ? { serviceId } : {}) },
          purpose: 'referral',
          fields: ['case-summary'],
        },
      });
    expect((await share(legalAid)).statusCode).toBe(200);
    expect((await share(society, teamService)).statusCode).toBe(200);
    expect((await auditRows(t, 'share.recorded', id)).map((e) => e.payload.consentId)).toEqual([
      referral,
      internal,
    ]);

    const external = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/consents/${referral}/withdrawal`,
      body: {},
    });
    expect(external.json()).toMatchObject({
      deletionRequests: [{ recipientOrganisationId: legalAid, status: 'to-send' }],
      notifiedUsers: 1,
    });
    const inside = await f.caseworker.request({
      method: 'POST',
      url: `/api/people/${id}/consents/${internal}/withdrawal`,
      body: {},
    });
    expect(inside.json()).toMatchObject({
      deletionRequests: [{ recipientOrganisationId: society, status: 'notified' }],
      notifiedUsers: 1,
    });

    const { rows } = await t.db.system.query(
      `select recipient_user_id, kind, subject_type, subject_id from notifications where subject_id = any($1::uuid[]) order by created_at`,
      [[referral, internal]],
    );
    expect(rows).toEqual([
      {
        recipient_user_id: f.focalPoint.user.id,
        kind: 'consent.withdrawn',
        subject_type: 'consent',
        subject_id: referral,
      },
      {
        recipient_user_id: f.outsider.user.id,
        kind: 'consent.withdrawn',
        subject_type: 'consent',
        subject_id: internal,
      },
    ]);
    expect((await auditRows(t, 'consent.withdrawn', id)).map((e) => e.payload)).toEqual([
      { consentId: referral, effect: 'stop-and-delete-shared', deletionRequests: 1, notified: 1 },
      { consentId: internal, effect: 'stop-and-delete-shared', deletionRequests: 1, notified: 1 },
    ]);
  });
});
