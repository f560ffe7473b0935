import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditRows, errorPaths } from '../users/users.test-support.ts';
import {
  createCaseTeam,
  errorCodes,
  ifMatch,
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

describe('PATCH /api/people/:personId/{group}', () => {
  it('asks who is calling', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect((await anonymous(t, 'PATCH', `/api/people/${id}/identity`, {})).statusCode).toBe(401);
  });

  it('does not find a person outside the case team', async () => {
    const { id } = await registerThrough(f.caseworker);
    const res = await f.outsider.request({
      method: 'PATCH',
      url: `/api/people/${id}/contact`,
      body: {},
      headers: ifMatch(1),
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses special-category fields to a teammate who is not assigned', async () => {
    const { id } = await registerThrough(f.caseworker);
    const body = { health: { answer: 'declined' } };
    const res = await f.teammate.request({
      method: 'PATCH',
      url: `/api/people/${id}/special`,
      body,
      headers: ifMatch(1),
    });
    expect(res.statusCode).toBe(403);
  });

  it('names each invalid field', async () => {
    const { id } = await registerThrough(f.caseworker);
    const body = {
      birth: { answer: 'given', value: { precision: 'month', date: '2001-13' } },
      languages: { answer: 'given', value: ['Arabic'] },
    };
    const res = await f.caseworker.request({
      method: 'PATCH',
      url: `/api/people/${id}/identity`,
      body,
      headers: ifMatch(1),
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.birth.value.date', 'body.languages.value.0']);
  });

  it('asks for If-Match and refuses a stale version', async () => {
    const { id } = await registerThrough(f.caseworker);
    const body = { email: { answer: 'declined' } };
    expect(
      (await f.caseworker.request({ method: 'PATCH', url: `/api/people/${id}/contact`, body })).statusCode,
    ).toBe(428);
    const stale = await f.caseworker.request({
      method: 'PATCH',
      url: `/api/people/${id}/contact`,
      body,
      headers: ifMatch(7),
    });
    expect(stale.statusCode).toBe(412);
  });

  it('changes some fields of a group, keeps the others, recomputes the child flag and audits field names', async () => {
    const { id } = await registerThrough(f.caseworker, {
      knownAs: 'Test Before',
      identity: { sex: { answer: 'given', value: 'male' } },
    });
    const body = {
      knownAs: 'Test After',
      birth: { answer: 'given', value: { precision: 'estimate', ageYears: 30, estimatedOn: '2024-01-01' } },
    };
    const res = await f.teammate.request({
      method: 'PATCH',
      url: `/api/people/${id}/identity`,
      body,
      headers: ifMatch(1),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ knownAs: 'Test After', presumedChild: false, version: 2 });
    expect(res.json().identity.fields.sex).toEqual({ answer: 'given', value: 'male' });
    expect(await auditRows(t, 'person.changed', id)).toEqual([
      expect.objectContaining({
        actor_user_id: f.teammate.user.id,
        payload: { group: 'identity', fields: ['birth', 'knownAs'] },
      }),
    ]);
    const cleared = await f.caseworker.request({
      method: 'PATCH',
      url: `/api/people/${id}/identity`,
      body: { birth: { answer: 'not-recorded' } },
      headers: ifMatch(2),
    });
    expect(cleared.json().presumedChild).toBe(true);
    expect(cleared.json().identity.fields.birth).toBeUndefined();
  });
});

describe('PUT /api/people/:personId/assignment', () => {
  it('asks who is calling', async () => {
    const { id } = await registerThrough(f.caseworker);
    expect(
      (await anonymous(t, 'PUT', `/api/people/${id}/assignment`, { caseworkerIds: [], teamId: null }))
        .statusCode,
    ).toBe(401);
  });

  it('does not find a person of another society', async () => {
    const theirs = await registerThrough(other.caseworker);
    const res = await f.focalPoint.request({
      method: 'PUT',
      url: `/api/people/${theirs.id}/assignment`,
      body: { caseworkerIds: [], teamId: null },
      headers: ifMatch(1),
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a caseworker: a focal point assigns', async () => {
    const { id } = await registerThrough(f.caseworker);
    const res = await f.caseworker.request({
      method: 'PUT',
      url: `/api/people/${id}/assignment`,
      body: { caseworkerIds: [], teamId: null },
      headers: ifMatch(1),
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses someone who is not a caseworker of the society, and an unknown team', async () => {
    const { id } = await registerThrough(f.caseworker);
    const body = {
      caseworkerIds: [f.caseworker.user.id, f.coordinator.user.id, other.caseworker.user.id],
      teamId: other.teamId,
    };
    const res = await f.focalPoint.request({
      method: 'PUT',
      url: `/api/people/${id}/assignment`,
      body,
      headers: ifMatch(1),
    });
    expect(errorCodes(res)).toEqual({
      'body.caseworkerIds.1': 'not-a-caseworker',
      'body.caseworkerIds.2': 'not-a-caseworker',
      'body.teamId': 'unknown-team',
    });
  });

  it('refuses a stale version', async () => {
    const { id } = await registerThrough(f.caseworker);
    const res = await f.focalPoint.request({
      method: 'PUT',
      url: `/api/people/${id}/assignment`,
      body: { caseworkerIds: [], teamId: null },
      headers: ifMatch(3),
    });
    expect(res.statusCode).toBe(412);
  });

  it('hands a person to another team and caseworker, who then sees them while the first no longer does', async () => {
    const { id } = await registerThrough(f.caseworker);
    const body = { caseworkerIds: [f.outsider.user.id], teamId: f.otherTeamId };
    const res = await f.focalPoint.request({
      method: 'PUT',
      url: `/api/people/${id}/assignment`,
      body,
      headers: ifMatch(1),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      assignedCaseworkerIds: [f.outsider.user.id],
      owningTeamId: f.otherTeamId,
      version: 2,
    });
    expect(
      (await f.outsider.request({ method: 'GET', url: `/api/people/${id}` })).json().special.access,
    ).toBe('visible');
    expect((await f.caseworker.request({ method: 'GET', url: `/api/people/${id}` })).statusCode).toBe(404);
    expect(await auditRows(t, 'person.assigned', id)).toEqual([
      expect.objectContaining({
        payload: { added: [f.outsider.user.id], removed: [f.caseworker.user.id], teamId: f.otherTeamId },
      }),
    ]);
  });
});
