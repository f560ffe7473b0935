import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestClient } from '../../test/factories.ts';
import {
  createTestApp,
  offlineKeys,
  testConfig,
  unreachableDatabase,
  type TestApp,
} from '../../test/harness.ts';
import { buildApp } from '../app.ts';
import type { RouteEntry } from './guard.ts';
import { access } from './rules.ts';
import { webAppFileUrls } from './route-matrix.data.ts';

/**
 * Every route an anonymous caller can reach. Adding a public route means adding it here, in review. The HEAD twin
 * of a GET route and the built web app's files (served to anyone by design) are implied.
 */
const publicRoutes = [
  // The API docs UI and the API description (off in production unless PASSAGE_API_DOCS is set).
  'GET /api/docs',
  'HEAD /api/docs/',
  'GET /api/docs/json',
  'GET /api/docs/yaml',
  'GET /api/docs/static/index.html',
  'GET /api/docs/static/swagger-initializer.js',
  'GET /api/docs/static/*',
  'GET /api/openapi.json',
  // Load balancers.
  'GET /api/health',
  'GET /api/ready',
  // Signing in starts without a session.
  'POST /api/auth/sign-in',
  // Demo mode only: the fake accounts shown on the sign-in page.
  'GET /api/demo/accounts',
];

/** Routes only the metrics scraper reaches, by bearer token; to anyone else they do not exist. */
const scraperRoutes = ['GET /api/metrics'];

const safeMethods = new Set(['GET', 'HEAD']);
const label = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
/** An address for a route template: any id will do, the guard answers before anything reads it. */
const addressOf = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace('*', 'anything');

let t: TestApp;
let inventory: readonly RouteEntry[];
let guarded: readonly RouteEntry[];
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  inventory = t.app.routeInventory;
  guarded = inventory.filter((r) => r.access.kind !== 'public' && r.access.kind !== 'scraper');
  const societyId = await createSociety(t);
  admin = await actAs(t, await createUser(t, { societyId, roles: ['administrator'] }), { stepUp: true });
});
afterAll(() => t.close());

describe('the route inventory', () => {
  it('gives every route one of the declared kinds of access rule', () => {
    expect(inventory.length).toBeGreaterThan(30);
    const kinds = new Set(['public', 'scraper', 'signed-in', 'signing-in', 'society']);
    expect(inventory.filter((r) => !kinds.has(r.access.kind)).map(label)).toEqual([]);
  });

  it('refuses to start with a route that declares no access rule, and lists one that does', async () => {
    const config = testConfig();
    const db = unreachableDatabase();
    const build = async (withRule: boolean) => {
      const app = await buildApp({
        config,
        db,
        ...offlineKeys(config),
        jobsRunning: () => true,
        extraRoutes: async (extra) => {
          extra.get('/api/test-route', withRule ? { config: { access: access.signedIn } } : {}, () => 'x');
        },
      });
      try {
        await app.ready();
        return app.routeInventory.map(label);
      } finally {
        await app.close();
      }
    };
    try {
      await expect(build(false)).rejects.toThrow('Route GET /api/test-route declares no access rule.');
      expect(await build(true)).toContain('GET /api/test-route');
    } finally {
      await db.close();
    }
  });

  it('lets anonymous callers reach the reviewed public list and nothing else', () => {
    const webFiles = webAppFileUrls();
    const isPublic = (r: RouteEntry) => r.access.kind === 'public';
    const reachable = inventory
      .filter(isPublic)
      .filter((r) => !webFiles.has(r.url))
      .filter(
        (r) =>
          !(
            r.method === 'HEAD' && inventory.some((g) => g.method === 'GET' && g.url === r.url && isPublic(g))
          ),
      )
      .map(label);
    // The web app's shell for client-side addresses (unknown /api/ addresses stay 404), served once it is built.
    const shell = webFiles.size > 0 ? ['GET /*'] : [];
    expect(reachable.sort()).toEqual([...publicRoutes, ...shell].sort());
    expect(inventory.filter((r) => webFiles.has(r.url)).every(isPublic)).toBe(true);
  });

  it('keeps the metrics to the scraper list', () => {
    const scraped = inventory.filter((r) => r.access.kind === 'scraper' && r.method !== 'HEAD').map(label);
    expect(scraped).toEqual(scraperRoutes);
  });
});

describe('every guarded route', () => {
  it('answers 401 to an anonymous caller before reading the body, and 404 where only the scraper may ask', async () => {
    const wrong: string[] = [];
    for (const route of inventory.filter((r) => r.access.kind !== 'public')) {
      const write = !safeMethods.has(route.method);
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: addressOf(route.url),
        headers: { origin: t.config.origin.origin, ...(write ? { 'content-type': 'application/json' } : {}) },
        ...(write ? { payload: '{"not json' } : {}),
      });
      const expected = route.access.kind === 'scraper' ? [404, 'not-found'] : [401, 'unauthenticated'];
      const code = route.method === 'HEAD' ? expected[1] : res.json<{ code: string }>().code;
      if (res.statusCode !== expected[0] || code !== expected[1])
        wrong.push(`${label(route)} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a signed-in write without the session’s CSRF token or from another origin', async () => {
    const other = await actAs(t, admin.user, { stepUp: true });
    const origin = t.config.origin.origin;
    const token = admin.csrfToken;
    const variants: Record<string, Record<string, string>> = {
      'no token': { origin },
      'another session’s token': { origin, 'x-csrf-token': other.csrfToken },
      'another origin': { origin: 'https://evil.example', 'x-csrf-token': token },
      'no origin': { 'x-csrf-token': token },
    };
    const wrong: string[] = [];
    for (const route of guarded.filter((r) => !safeMethods.has(r.method)))
      for (const [variant, headers] of Object.entries(variants)) {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: addressOf(route.url),
          headers: { cookie: admin.cookie, ...headers },
        });
        if (res.statusCode !== 403 || res.json<{ code: string }>().code !== 'csrf-rejected')
          wrong.push(`${label(route)} with ${variant} → ${res.statusCode}`);
      }
    expect(wrong).toEqual([]);
  });

  it('refuses a public write from another origin or with none, and accepts a same-origin fetch without one', async () => {
    for (const route of inventory.filter((r) => r.access.kind === 'public' && !safeMethods.has(r.method)))
      for (const origin of ['https://evil.example', undefined]) {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: addressOf(route.url),
          headers: origin ? { origin } : {},
          payload: {},
        });
        expect(res.json<{ code: string }>().code, label(route)).toBe('csrf-rejected');
      }
    const sameSite = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'sec-fetch-site': 'same-origin' },
      payload: { locale: 'en' },
    });
    expect(sameSite.statusCode).toBe(204);
  });

  it('answers 401 to a session past its absolute lifetime, and to a signed-out one, even if recently used', async () => {
    const expired = await actAs(t, admin.user, { stepUp: true });
    const signedOut = await actAs(t, admin.user, { stepUp: true });
    await t.db.system.query(
      `update sessions set absolute_expires_at = now() - interval '1 second' where csrf_token = $1`,
      [expired.csrfToken],
    );
    await t.db.system.query(
      `update sessions set ended_at = now(), ended_reason = 'signed-out' where csrf_token = $1`,
      [signedOut.csrfToken],
    );
    const wrong: string[] = [];
    for (const route of guarded)
      for (const [name, client] of [
        ['expired', expired],
        ['signed out', signedOut],
      ] as const) {
        const res = await client.request({ method: route.method, url: addressOf(route.url) });
        if (res.statusCode !== 401) wrong.push(`${label(route)} ${name} → ${res.statusCode}`);
      }
    expect(wrong).toEqual([]);
    expect((await admin.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
  });
});
