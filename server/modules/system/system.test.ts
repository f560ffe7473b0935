import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  offlineKeys,
  testConfig,
  unreachableDatabase,
  type TestApp,
} from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';

const metricsToken = 'fake-metrics-token-for-tests-0001';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PASSAGE_METRICS_TOKEN: metricsToken } });
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('answers 200 ok without touching anything else', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /api/ready', () => {
  it('answers ready with the database ok and jobs disabled when the worker is turned off', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: 'ok', jobs: 'disabled' });
  });

  it('answers ready with jobs ok when the worker is enabled and running', async () => {
    const running = await createTestApp({ env: { PASSAGE_JOBS: 'true' }, jobsRunning: () => true });
    try {
      const res = await running.app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ready', database: 'ok', jobs: 'ok' });
    } finally {
      await running.close();
    }
  });

  it('answers 503 problem+json when the worker is enabled but not running', async () => {
    const stopped = await createTestApp({ env: { PASSAGE_JOBS: 'true' }, jobsRunning: () => false });
    try {
      const res = await stopped.app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        status: 503,
        code: 'service-unavailable',
        detail: 'The job worker is not running.',
        requestId: res.headers['x-request-id'],
      });
    } finally {
      await stopped.close();
    }
  });

  it('answers 503 problem+json when the database cannot be reached, while health still answers', async () => {
    const db = unreachableDatabase();
    const config = testConfig();
    const app = await buildApp({ config, db, jobsRunning: () => true, ...offlineKeys(config) });
    try {
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        code: 'service-unavailable',
        detail: 'The database cannot be reached.',
      });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe('GET /api/metrics', () => {
  const scrape = (authorization?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: authorization === undefined ? {} : { authorization },
    });

  it('does not exist for a caller without the bearer token', async () => {
    const res = await scrape();
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not-found');
  });

  it('does not exist for a wrong token, a token of another length or another scheme', async () => {
    for (const header of [
      'Bearer fake-metrics-token-for-tests-0002',
      'Bearer fake',
      `Basic ${metricsToken}`,
      metricsToken,
    ]) {
      expect((await scrape(header)).statusCode).toBe(404);
    }
  });

  it('does not exist at all when no token is configured', async () => {
    const noToken = await createTestApp();
    try {
      const res = await noToken.app.inject({
        method: 'GET',
        url: '/api/metrics',
        headers: { authorization: 'Bearer ' },
      });
      expect(res.statusCode).toBe(404);
    } finally {
      await noToken.close();
    }
  });

  it('labels latency by route template, never by a raw address with ids', async () => {
    const societyId = randomUUID();
    const strayId = randomUUID();
    // Anonymous: refused before anything is looked up, still labelled by the route template.
    expect((await t.app.inject({ method: 'GET', url: `/api/societies/${societyId}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/nothing/${strayId}?q=x` })).statusCode).toBe(404);
    const res = await scrape(`Bearer ${metricsToken}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /passage_http_request_duration_seconds_count\{method="GET",route="\/api\/societies\/:societyId",status="4xx"\} \d+/,
    );
    // An unknown /api/ address is labelled as unmatched, or as the web app's catch-all route when it is built.
    expect(res.body).toMatch(/route="(unmatched|\/\*)"/);
    expect(res.body).toContain('passage_db_pool_connections');
    expect(res.body).toContain('passage_job_lag_seconds');
    expect(res.body).not.toContain(societyId);
    expect(res.body).not.toContain(strayId);
  });
});

describe('GET /api/openapi.json', () => {
  it('describes the API as OpenAPI 3.1, listing /api/health and not the metrics', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/health');
    expect(Object.keys(doc.paths)).not.toContain('/api/metrics');
  });

  const production = {
    NODE_ENV: 'production',
    PASSAGE_ORIGIN: 'https://passage.example.org',
    DATABASE_URL: 'postgres://owner:fake-password@db.example.org/passage',
  };

  it('is off in production', async () => {
    const prod = await createTestApp({ env: production });
    try {
      expect((await prod.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(404);
      expect((await prod.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });

  it('is served in production when PASSAGE_API_DOCS is true', async () => {
    const prod = await createTestApp({ env: { ...production, PASSAGE_API_DOCS: 'true' } });
    try {
      const res = await prod.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      expect(res.json().openapi).toBe('3.1.0');
    } finally {
      await prod.close();
    }
  });
});
