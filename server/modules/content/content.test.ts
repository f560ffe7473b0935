import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous, auditCount, auditRows, errorPaths } from '../users/users.test-support.ts';

let t: TestApp;
let societyId: string;
let otherSocietyId: string;
let focalPoint: TestClient;
let admin: TestClient;
let caseworker: TestClient;
let volunteer: TestClient;
let otherFocalPoint: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
  otherSocietyId = await createSociety(t);
  focalPoint = await actAs(t, await createUser(t, { societyId, roles: ['focal-point'] }));
  admin = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }));
  caseworker = await actAs(t, await createUser(t, { societyId, roles: ['caseworker'] }));
  volunteer = await actAs(t, await createUser(t, { societyId, roles: ['volunteer'] }));
  otherFocalPoint = await actAs(
    t,
    await createUser(t, { societyId: otherSocietyId, roles: ['focal-point'] }),
  );
});
afterAll(() => t.close());

type Translation = {
  locale: string;
  body: string;
  reviewed: boolean;
  source: string;
  updatedAt: string | null;
  allowedActions: string[];
};
const translation = (item: { translations: Translation[] }, locale: string) =>
  item.translations.find((tr) => tr.locale === locale);

const edit = (
  client: TestClient,
  key: string,
  locale: string,
  body: unknown,
  version: string | null = '"0"',
) =>
  client.request({
    method: 'PUT',
    url: `/api/content/${key}/translations/${locale}`,
    body,
    headers: version === null ? {} : { 'if-match': version },
  });
const revert = (client: TestClient, key: string, locale: string, version: string | null) =>
  client.request({
    method: 'DELETE',
    url: `/api/content/${key}/translations/${locale}`,
    headers: version === null ? {} : { 'if-match': version },
  });

/** The society's content events about one key and language, oldest first. */
async function contentEvents(society: string, key: string, locale: string) {
  return (await auditRows(t, 'content.changed', society)).filter(
    (row) => row.payload.key === key && row.payload.locale === locale,
  );
}

/** A society's own item with no built-in default (as a removed default, or a later import, would leave). */
async function createSocietyOnlyItem(society: string, key: string, locales: string[]): Promise<void> {
  const { rows } = await t.db.system.query<{ id: string }>(
    `insert into content_items (society_id, key, kind) values ($1, $2, 'guidance') returning id`,
    [society, key],
  );
  for (const locale of locales)
    await t.db.system.query(
      `insert into content_translations (society_id, content_id, locale, body, reviewed) values ($1, $2, $3, $4, true)`,
      [society, rows[0]?.id, locale, `Test guidance (${locale})`],
    );
}

/** Waits until some session of the test database waits for a lock (a request blocked behind a transaction). */
async function waitForLockWait(): Promise<void> {
  // Only a superuser sees what other roles' sessions wait for.
  const watcher = await t.db.superuser();
  try {
    for (let i = 0; i < 200; i++) {
      const { rows } = await watcher.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if ((rows[0]?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('No request waited for the lock.');
  } finally {
    await watcher.end();
  }
}

describe('GET /api/content', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/content')).statusCode).toBe(401);
  });

  it('refuses a kind that is not one', async () => {
    const res = await volunteer.request({ method: 'GET', url: '/api/content?kind=poster' });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.kind']);
  });

  it('shows any member the built-in content of every kind, or of one kind, with no action for a volunteer', async () => {
    const res = await volunteer.request({ method: 'GET', url: '/api/content' });
    expect(res.statusCode).toBe(200);
    const keys = res.json().items.map((item: { key: string }) => item.key);
    expect(keys).toEqual(
      expect.arrayContaining(['emergency.guidance', 'emergency.numbers', 'notice.rights']),
    );
    expect(res.json().items[0]).toMatchObject({
      version: 0,
      source: 'default',
      hasDefault: true,
      allowedActions: [],
    });
    const emergency = await volunteer.request({ method: 'GET', url: '/api/content?kind=emergency-guidance' });
    expect(emergency.json().items.map((item: { key: string }) => item.key)).toEqual([
      'emergency.guidance',
      'emergency.numbers',
    ]);
  });
});

describe('GET /api/content/:key', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'GET', '/api/content/notice.rights')).statusCode).toBe(401);
  });

  it('does not find a key that has no content', async () => {
    expect((await volunteer.request({ method: 'GET', url: '/api/content/notice.unknown' })).statusCode).toBe(
      404,
    );
  });

  it('names an invalid key and an invalid language', async () => {
    const key = await volunteer.request({ method: 'GET', url: '/api/content/Notice%20Rights' });
    expect(errorPaths(key)).toEqual(['params.key']);
    const locale = await volunteer.request({
      method: 'GET',
      url: '/api/content/notice.rights?locale=French',
    });
    expect(errorPaths(locale)).toEqual(['querystring.locale']);
  });

  it('returns the built-in item with its version as ETag, and the text resolved for a language', async () => {
    const res = await focalPoint.request({ method: 'GET', url: '/api/content/notice.rights?locale=fr' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    const item = res.json();
    expect(item).toMatchObject({ key: 'notice.rights', kind: 'information-notice', fallbackLocale: 'en' });
    expect(item).toMatchObject({ source: 'default', allowedActions: ['edit'] });
    expect(item.translations.map((tr: Translation) => [tr.locale, tr.reviewed, tr.source])).toEqual([
      ['ar', false, 'default'],
      ['en', true, 'default'],
      ['es', false, 'default'],
      ['fr', false, 'default'],
    ]);
    expect(translation(item, 'fr')?.allowedActions).toEqual(['edit']);
    expect(item.resolved).toEqual({
      text: translation(item, 'fr')?.body,
      locale: 'fr',
      isFallback: false,
      reviewed: false,
    });
    const tigrinya = await focalPoint.request({ method: 'GET', url: '/api/content/notice.rights?locale=ti' });
    expect(tigrinya.json().resolved).toMatchObject({ locale: 'en', isFallback: true, reviewed: true });
  });
});

describe('PUT /api/content/:key/translations/:locale', () => {
  const body = { body: 'Test guidance: call the focal point first.', reviewed: true };

  it('asks who is calling', async () => {
    const res = await anonymous(t, 'PUT', '/api/content/emergency.guidance/translations/fr', body);
    expect(res.statusCode).toBe(401);
  });

  it('does not find a key that has no content', async () => {
    expect((await edit(focalPoint, 'guidance.unknown', 'fr', body)).statusCode).toBe(404);
  });

  it('refuses members who do not edit content', async () => {
    for (const client of [caseworker, volunteer])
      expect((await edit(client, 'emergency.guidance', 'fr', body)).statusCode).toBe(403);
  });

  it('names each invalid field, and refuses a society in the body', async () => {
    const res = await edit(focalPoint, 'emergency.guidance', 'fr', { body: '  ', societyId: otherSocietyId });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.body', 'body.reviewed', 'body.societyId']);
    expect(errorPaths(await edit(focalPoint, 'emergency.guidance', 'French', body))).toEqual([
      'params.locale',
    ]);
    const control = await edit(focalPoint, 'emergency.guidance', 'fr', {
      body: 'Call\u0007now',
      reviewed: false,
    });
    expect(errorPaths(control)).toEqual(['body.body']);
  });

  it('keeps the placeholders of a notice text: none lost, none invented', async () => {
    const res = await edit(focalPoint, 'notice.recipients', 'fr', {
      body: 'Nous partageons avec {recipiens}.',
      reviewed: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'missing-placeholder',
      'unknown-placeholder',
    ]);
    expect(res.json().errors[0].path).toBe('body.body');
  });

  it('asks which version is changed and refuses a stale one', async () => {
    expect((await edit(focalPoint, 'emergency.guidance', 'fr', body, null)).statusCode).toBe(428);
    expect((await edit(focalPoint, 'emergency.guidance', 'fr', body, '"3"')).statusCode).toBe(412);
  });

  it('refuses the second of two first edits made at once as stale', async () => {
    // Another first edit of the item is under way: its copy exists but is not committed yet.
    const other = await t.db.system.connect();
    try {
      await other.query('begin');
      await other.query(
        `insert into content_items (society_id, key, kind) values ($1, 'emergency.numbers', 'emergency-guidance')`,
        [societyId],
      );
      const pending = edit(focalPoint, 'emergency.numbers', 'en', {
        body: 'Test ambulance number.',
        reviewed: true,
      });
      await waitForLockWait();
      await other.query('commit');
      expect((await pending).statusCode).toBe(412);
    } finally {
      other.release();
    }
  });

  it('makes the society’s own copy at the first edit, for that language only, and audits it', async () => {
    const before = await auditCount(t);
    const res = await edit(admin, 'notice.controller', 'fr', {
      body: '{society} garde vos informations (test).\r\nMerci.',
      reviewed: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const item = res.json();
    expect(item).toMatchObject({ version: 1, source: 'society', hasDefault: true });
    expect(translation(item, 'fr')).toMatchObject({
      body: '{society} garde vos informations (test).\nMerci.',
      reviewed: true,
      source: 'society',
      allowedActions: ['edit', 'revert'],
    });
    expect(translation(item, 'fr')?.updatedAt).toEqual(expect.any(String));
    expect(translation(item, 'en')).toMatchObject({ source: 'default', allowedActions: ['edit'] });
    expect(await contentEvents(societyId, 'notice.controller', 'fr')).toEqual([
      expect.objectContaining({
        actor_user_id: admin.user.id,
        subject_type: 'society',
        payload: { key: 'notice.controller', locale: 'fr', change: 'edited', reviewed: true },
      }),
    ]);
    expect(await auditCount(t)).toBe(before + 1);
    // Another society still sees the built-in text.
    const theirs = await otherFocalPoint.request({ method: 'GET', url: '/api/content/notice.controller' });
    expect(theirs.json()).toMatchObject({ version: 0, source: 'default' });
  });

  it('moves to the next version on a later edit, writes nothing when nothing changes, and adds a language', async () => {
    const key = 'notice.purpose.statistics';
    expect(
      (await edit(focalPoint, key, 'es', { body: 'Para contar (prueba).', reviewed: false })).statusCode,
    ).toBe(200);
    const again = await edit(focalPoint, key, 'es', { body: 'Para contar (prueba).', reviewed: true }, '"1"');
    expect(again.json()).toMatchObject({ version: 2 });
    const before = await auditCount(t);
    const same = await edit(focalPoint, key, 'es', { body: 'Para contar (prueba).', reviewed: true }, '"2"');
    expect(same.json()).toMatchObject({ version: 2 });
    expect(await auditCount(t)).toBe(before);
    const tigrinya = await edit(
      focalPoint,
      key,
      'ti',
      { body: 'Test text in Tigrinya.', reviewed: false },
      '"2"',
    );
    expect(translation(tigrinya.json(), 'ti')).toMatchObject({
      source: 'society',
      allowedActions: ['edit', 'revert'],
    });
  });
});

describe('DELETE /api/content/:key/translations/:locale', () => {
  it('asks who is calling', async () => {
    expect((await anonymous(t, 'DELETE', '/api/content/notice.intro/translations/fr')).statusCode).toBe(401);
  });

  it('finds nothing to revert in a language the society never changed, or changed in another society only', async () => {
    expect((await revert(focalPoint, 'notice.unknown', 'fr', '"0"')).statusCode).toBe(404);
    expect((await revert(focalPoint, 'notice.intro', 'fr', '"0"')).statusCode).toBe(404);
    const mine = await edit(otherFocalPoint, 'notice.intro.heading', 'fr', {
      body: 'Vos informations (test)',
      reviewed: true,
    });
    expect(mine.statusCode).toBe(200);
    expect((await revert(focalPoint, 'notice.intro.heading', 'fr', '"1"')).statusCode).toBe(404);
  });

  it('refuses members who do not edit content', async () => {
    await edit(focalPoint, 'notice.rights.heading', 'fr', { body: 'Vos droits (test)', reviewed: true });
    expect((await revert(caseworker, 'notice.rights.heading', 'fr', '"1"')).statusCode).toBe(403);
  });

  it('names an invalid language', async () => {
    expect(errorPaths(await revert(focalPoint, 'notice.rights.heading', 'Fr', '"1"'))).toEqual([
      'params.locale',
    ]);
  });

  it('asks which version is changed, refuses a stale one, and keeps the fallback text of a society-only item', async () => {
    await edit(focalPoint, 'notice.retention.heading', 'fr', { body: 'Durée (test)', reviewed: true });
    expect((await revert(focalPoint, 'notice.retention.heading', 'fr', null)).statusCode).toBe(428);
    expect((await revert(focalPoint, 'notice.retention.heading', 'fr', '"7"')).statusCode).toBe(412);
    await createSocietyOnlyItem(societyId, 'guidance.local-test', ['en', 'fr']);
    const item = await focalPoint.request({ method: 'GET', url: '/api/content/guidance.local-test' });
    expect(item.json()).toMatchObject({ hasDefault: false, source: 'society', version: 1 });
    expect(translation(item.json(), 'en')?.allowedActions).toEqual(['edit']);
    expect((await revert(focalPoint, 'guidance.local-test', 'en', '"1"')).statusCode).toBe(409);
    const fr = await revert(focalPoint, 'guidance.local-test', 'fr', '"1"');
    expect(fr.json().translations.map((tr: Translation) => tr.locale)).toEqual(['en']);
  });

  it('shows the built-in text again, moves to the next version, and audits it', async () => {
    await edit(admin, 'notice.contact.heading', 'ar', { body: 'أسئلة (اختبار)', reviewed: true });
    const res = await revert(admin, 'notice.contact.heading', 'ar', '"1"');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ version: 2, source: 'default' });
    expect(translation(res.json(), 'ar')).toMatchObject({
      body: 'هل لديك أسئلة؟',
      reviewed: false,
      source: 'default',
    });
    expect(
      (await contentEvents(societyId, 'notice.contact.heading', 'ar')).map((row) => row.payload),
    ).toEqual([
      { key: 'notice.contact.heading', locale: 'ar', change: 'edited', reviewed: true },
      { key: 'notice.contact.heading', locale: 'ar', change: 'reverted' },
    ]);
    // A client still holding the first version cannot write over the revert.
    expect(
      (await edit(admin, 'notice.contact.heading', 'ar', { body: 'قديم', reviewed: true }, '"1"')).statusCode,
    ).toBe(412);
  });
});
