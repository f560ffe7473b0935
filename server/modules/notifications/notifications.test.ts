import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient, type TestUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { NotificationKind, NotificationSubject } from '../../../common/notifications.ts';
import { inSociety } from '../../access/scope.ts';
import { createKysely } from '../../db/kysely.ts';
import { notify } from './notifications.service.ts';

let t: TestApp;
let societyId: string;
let otherSocietyId: string;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
  otherSocietyId = await createSociety(t);
});
afterAll(() => t.close());

const referral = (): NotificationSubject => ({ type: 'referral', id: randomUUID() });

/** Notifies through the app role in one society transaction, as a module's service would. */
function send(
  society: string,
  recipients: string[],
  kind: NotificationKind = 'referral.needs-answer',
  options: { subject?: NotificationSubject | null; smtpUrl?: string } = {},
): Promise<string[]> {
  const subject = options.subject === undefined ? referral() : (options.subject ?? undefined);
  return inSociety(createKysely(t.db.app), society, (tx) =>
    notify(tx, {
      recipients,
      kind,
      ...(subject ? { subject } : {}),
      config: { smtpUrl: options.smtpUrl },
    }),
  );
}

type Row = { id: string; recipient_user_id: string; email_status: string; read_at: Date | null };
async function rows(where: string, params: unknown[]): Promise<Row[]> {
  const { rows } = await t.db.system.query<Row>(
    `select id, recipient_user_id, email_status, read_at from notifications where ${where}`,
    params,
  );
  return rows;
}
/** A member signed in and acting in `society` (switched there explicitly). */
async function memberIn(society: string, also?: string): Promise<TestClient> {
  const user = await createUser(t, { societyId: society, roles: ['caseworker'] });
  if (also)
    await t.db.system.query(
      `insert into memberships (society_id, user_id, roles) values ($1, $2, '{volunteer}')`,
      [also, user.id],
    );
  const client = await actAs(t, user);
  const switched = await client.request({
    method: 'PUT',
    url: '/api/me/society',
    body: { societyId: society },
  });
  expect(switched.statusCode).toBe(204);
  return client;
}

describe('notify', () => {
  it('writes in the caller’s transaction: a rolled-back change leaves no notification', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const failing = inSociety(createKysely(t.db.app), societyId, async (tx) => {
      await notify(tx, {
        recipients: [user.id],
        kind: 'case.transferred',
        subject: { type: 'case', id: randomUUID() },
        config: { smtpUrl: 'smtp://127.0.0.1:1' },
      });
      throw new Error('the change failed after notifying');
    });
    await expect(failing).rejects.toThrow('the change failed after notifying');
    expect(await rows('recipient_user_id = $1', [user.id])).toEqual([]);
  });

  it('refuses a recipient who is not a member of the society, and writes nothing for the others', async () => {
    const member = await createUser(t, { societyId, roles: ['caseworker'] });
    const outsider = await createUser(t, { societyId: otherSocietyId, roles: ['caseworker'] });
    await expect(send(societyId, [member.id, outsider.id])).rejects.toMatchObject({ code: 'conflict' });
    expect(await rows('recipient_user_id in ($1, $2)', [member.id, outsider.id])).toEqual([]);
  });

  it('refuses a subject the kind cannot point to, and any field besides its type and id', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    await expect(send(societyId, [user.id], 'test.ping')).rejects.toThrow(/cannot be about a referral/);
    await expect(send(societyId, [user.id], 'case.transferred')).rejects.toThrow(
      /cannot be about a referral/,
    );
    const named = { type: 'referral', id: randomUUID(), name: 'Fake Person' } as NotificationSubject;
    await expect(send(societyId, [user.id], 'referral.inbound', { subject: named })).rejects.toThrow();
  });

  it('keeps notifications in-app only when no SMTP server is configured', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const [id] = await send(societyId, [user.id, user.id]);
    expect(await rows('recipient_user_id = $1', [user.id])).toEqual([
      { id, recipient_user_id: user.id, email_status: 'not-needed', read_at: null },
    ]);
  });

  it('lets the app role mark a notification read, but not change its e-mail state or delete it', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const [id] = await send(societyId, [user.id]);
    const asApp = (statement: string) =>
      inSociety(createKysely(t.db.app), societyId, (tx) => sql.raw(statement).execute(tx));
    await asApp(`update notifications set read_at = now() where id = '${id}'`);
    for (const statement of [
      `update notifications set email_status = 'sent', email_sent_at = now() where id = '${id}'`,
      `delete from notifications where id = '${id}'`,
    ])
      await expect(asApp(statement)).rejects.toThrow(/permission denied/);
  });

  it('marks the e-mail of an e-mailed kind pending when an SMTP server is configured', async () => {
    const a = await createUser(t, { societyId, roles: ['caseworker'] });
    const b = await createUser(t, { societyId, roles: ['focal-point'] });
    const ids = await send(societyId, [a.id, b.id], 'concern.urgent', {
      subject: { type: 'concern', id: randomUUID() },
      smtpUrl: 'smtp://127.0.0.1:1',
    });
    expect((await rows('id = any($1)', [ids])).map((r) => r.email_status)).toEqual(['pending', 'pending']);
  });
});

describe('GET /api/notifications', () => {
  it('asks an anonymous caller to sign in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('refuses a signed-in user who is not a member of any society', async () => {
    const res = await (
      await actAs(t, await createUser(t))
    ).request({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('names each invalid query parameter', async () => {
    const client = await memberIn(societyId);
    const res = await client.request({
      method: 'GET',
      url: '/api/notifications?limit=0&cursor=not-an-id&filter=everything&societyId=x',
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual([
      'querystring.cursor',
      'querystring.filter',
      'querystring.limit',
      'querystring.societyId',
    ]);
  });

  it('lists only the actor’s own notifications in the current society, newest first, by pages', async () => {
    const client = await memberIn(societyId, otherSocietyId);
    const colleague = await createUser(t, { societyId, roles: ['caseworker'] });
    const [first] = await send(societyId, [client.user.id], 'test.ping', { subject: null });
    const [second] = await send(societyId, [client.user.id, colleague.id]);
    const [third] = await send(societyId, [client.user.id], 'case.transferred', {
      subject: { type: 'case', id: randomUUID() },
    });
    await send(otherSocietyId, [client.user.id]);
    const page1 = await client.request({ method: 'GET', url: '/api/notifications?limit=2' });
    expect(page1.statusCode).toBe(200);
    const body = page1.json();
    expect(body.items.map((n: { id: string }) => n.id)).toEqual([third, second]);
    expect(body).toMatchObject({ nextCursor: second, unreadCount: 3 });
    expect(body.items[0]).toEqual({
      id: third,
      kind: 'case.transferred',
      subject: { type: 'case', id: expect.any(String) },
      urgent: false,
      createdAt: expect.any(String),
      readAt: null,
    });
    const page2 = await client.request({ method: 'GET', url: `/api/notifications?limit=2&cursor=${second}` });
    expect(page2.json()).toMatchObject({ items: [{ id: first, subject: null }], nextCursor: null });
  });
});

describe('POST /api/notifications/:notificationId/read', () => {
  const read = (client: TestClient, id: string) =>
    client.request({ method: 'POST', url: `/api/notifications/${id}/read` });

  it('asks an anonymous caller to sign in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${randomUUID()}/read`,
      headers: { origin: t.config.origin.origin },
    });
    expect(res.statusCode).toBe(401);
  });

  it('does not find someone else’s notification, one of another society, or an unknown one', async () => {
    const client = await memberIn(societyId, otherSocietyId);
    const colleague = await createUser(t, { societyId, roles: ['caseworker'] });
    const [theirs] = await send(societyId, [colleague.id]);
    const [elsewhere] = await send(otherSocietyId, [client.user.id]);
    for (const id of [theirs!, elsewhere!, randomUUID()]) {
      const res = await read(client, id);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not-found');
    }
    expect((await rows('id = any($1)', [[theirs, elsewhere]])).map((r) => r.read_at)).toEqual([null, null]);
  });

  it('refuses a signed-in user who is not a member of any society', async () => {
    const res = await read(await actAs(t, await createUser(t)), randomUUID());
    expect(res.statusCode).toBe(403);
  });

  it('names an invalid notification id', async () => {
    const res = await read(await memberIn(societyId), 'not-an-id');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['params.notificationId']);
  });

  it('refuses a request without the session’s security token', async () => {
    const client = await memberIn(societyId);
    const [id] = await send(societyId, [client.user.id]);
    const res = await client.request({
      method: 'POST',
      url: `/api/notifications/${id}/read`,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf-rejected');
    expect((await rows('id = $1', [id]))[0]?.read_at).toBeNull();
  });

  it('marks the actor’s notification read once, and the unread count drops', async () => {
    const client = await memberIn(societyId);
    const [id, other] = [
      ...(await send(societyId, [client.user.id])),
      ...(await send(societyId, [client.user.id])),
    ];
    expect((await read(client, id!)).statusCode).toBe(204);
    const firstRead = (await rows('id = $1', [id]))[0]?.read_at;
    expect(firstRead).toBeInstanceOf(Date);
    expect((await read(client, id!)).statusCode).toBe(204);
    expect((await rows('id = $1', [id]))[0]?.read_at).toEqual(firstRead);
    const list = (await client.request({ method: 'GET', url: '/api/notifications?filter=unread' })).json();
    expect(list).toMatchObject({ items: [{ id: other, readAt: null }], unreadCount: 1 });
  });
});

describe('POST /api/notifications/read-all', () => {
  const readAll = (client: TestClient) =>
    client.request({ method: 'POST', url: '/api/notifications/read-all' });

  it('asks an anonymous caller to sign in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { origin: t.config.origin.origin },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a signed-in user who is not a member of any society', async () => {
    expect((await readAll(await actAs(t, await createUser(t)))).statusCode).toBe(403);
  });

  it('marks all of the actor’s notifications in the current society read, and nobody else’s', async () => {
    const client = await memberIn(societyId, otherSocietyId);
    const colleague: TestUser = await createUser(t, { societyId, roles: ['caseworker'] });
    const mine = [
      ...(await send(societyId, [client.user.id, colleague.id])),
      ...(await send(societyId, [client.user.id])),
    ];
    const [elsewhere] = await send(otherSocietyId, [client.user.id]);
    expect((await readAll(client)).statusCode).toBe(204);
    const after = await rows('id = any($1) or id = $2', [mine, elsewhere]);
    const unread = after
      .filter((r) => r.read_at === null)
      .map((r) => r.recipient_user_id === colleague.id || r.id === elsewhere);
    expect(unread).toEqual([true, true]);
    expect((await client.request({ method: 'GET', url: '/api/notifications' })).json().unreadCount).toBe(0);
  });
});
