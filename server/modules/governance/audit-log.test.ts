import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { checkpointOptionsFromConfig, writeCheckpoints } from '../../audit/audit.checkpoint-write.ts';
import { asSuperuserWithoutTriggers } from '../../audit/audit.test-support.ts';
import { createKysely } from '../../db/kysely.ts';
import { anonymous, errorPaths } from '../users/users.test-support.ts';

let t: TestApp;
let societyId: string;
let otherSocietyId: string;
let admin: TestClient;
let dpo: TestClient;
let teamIds: string[];
let otherTeamId: string;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
  otherSocietyId = await createSociety(t);
  admin = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }));
  dpo = await actAs(t, await createUser(t, { societyId, roles: ['dpo'] }));
  teamIds = [];
  for (const name of ['Test Team One', 'Test Team Two', 'Test Team Three']) {
    const res = await admin.request({ method: 'POST', url: '/api/teams', body: { name } });
    teamIds.push(res.json().id);
  }
  const otherAdmin = await actAs(
    t,
    await createUser(t, { societyId: otherSocietyId, roles: ['administrator'] }),
  );
  otherTeamId = (
    await otherAdmin.request({ method: 'POST', url: '/api/teams', body: { name: 'Test Team' } })
  ).json().id;
});
afterAll(() => t.close());

const browse = (query: string) => dpo.request({ method: 'GET', url: `/api/audit/events${query}` });

describe('GET /api/audit/events', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/audit/events')).statusCode).toBe(401);
  });

  it('is for the data protection officer only, not administrators', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/audit/events' });
    expect(res.statusCode).toBe(403);
  });

  it('names each invalid filter', async () => {
    const res = await browse(
      '?kind=case.eaten&subjectId=nope&actorUserId=1&from=yesterday&to=2025-13-01&limit=201&societyId=x',
    );
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual([
      'querystring.actorUserId',
      'querystring.from',
      'querystring.kind',
      'querystring.limit',
      'querystring.societyId',
      'querystring.subjectId',
      'querystring.to',
    ]);
    const backwards = await browse('?from=2025-03-02&to=2025-03-01');
    expect(backwards.json().errors).toEqual([
      expect.objectContaining({ path: 'querystring.to', code: 'before-from' }),
    ]);
    const cursor = await browse('?cursor=bm9uc2Vuc2U');
    expect(cursor.json().errors).toEqual([expect.objectContaining({ path: 'querystring.cursor' })]);
  });

  it('lists this society’s events newest first, ids only, never another society’s', async () => {
    const res = await browse('');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { seq: string; kind: string; subjectId: string; actorUserId: string }[];
    expect(items.map((e) => e.subjectId)).toEqual([...teamIds].reverse());
    expect(items.map((e) => Number(e.seq))).toEqual([3, 2, 1]);
    expect(items[0]).toMatchObject({
      kind: 'team.created',
      actorUserId: admin.user.id,
      actorRoles: ['administrator'],
      subjectType: 'team',
      payload: {},
    });
    expect(items.map((e) => e.subjectId)).not.toContain(otherTeamId);
  });

  it('filters by subject, actor, kind and period, and pages with a cursor', async () => {
    const bySubject = (await browse(`?subjectId=${teamIds[1]}`)).json().items;
    expect(bySubject.map((e: { subjectId: string }) => e.subjectId)).toEqual([teamIds[1]]);
    expect((await browse(`?actorUserId=${dpo.user.id}`)).json().items).toEqual([]);
    expect((await browse(`?actorUserId=${admin.user.id}&kind=team.created`)).json().items).toHaveLength(3);
    expect((await browse('?kind=settings.changed')).json().items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await browse(`?from=${today}&to=${today}`)).json().items).toHaveLength(3);
    expect((await browse('?to=2020-01-01')).json().items).toEqual([]);
    expect(
      (await browse(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).json().items,
    ).toEqual([]);
    const first = (await browse('?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await browse(`?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((e: { subjectId: string }) => e.subjectId)).toEqual([teamIds[0]]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('GET /api/audit/status', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/audit/status')).statusCode).toBe(401);
  });

  it('is for the data protection officer only', async () => {
    expect((await admin.request({ method: 'GET', url: '/api/audit/status' })).statusCode).toBe(403);
  });

  it('verifies this society’s chain, and finds an event altered behind Passage’s back', async () => {
    const res = await dpo.request({ method: 'GET', url: '/api/audit/status' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      events: 3,
      lastSeq: '3',
      problems: [],
      checkpointsMatched: 0,
    });
    await writeCheckpoints(
      createKysely(t.db.system),
      checkpointOptionsFromConfig(t.config, t.keys.keyring.current.key),
    );
    const checkpointed = (await dpo.request({ method: 'GET', url: '/api/audit/status' })).json();
    expect(checkpointed).toMatchObject({ ok: true, checkpointsMatched: 1, checkpointLinesRejected: 0 });
    await asSuperuserWithoutTriggers(
      t.db,
      `update audit_events set payload = '{"fields":["name"]}' where society_id = $1 and seq = 2`,
      [societyId],
    );
    const after = (await dpo.request({ method: 'GET', url: '/api/audit/status' })).json();
    expect(after.ok).toBe(false);
    expect(after.problems[0]).toMatchObject({ seq: '2', kind: 'hash-mismatch' });
  });
});
