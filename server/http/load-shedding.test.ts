import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { access } from '../access/rules.ts';

let t: TestApp;
let handled = 0;
beforeAll(async () => {
  t = await createTestApp({
    env: { PASSAGE_MAX_EVENT_LOOP_DELAY_MS: '150' },
    extraRoutes: async (app) => {
      app.get('/api/test-counted', { config: { access: access.public } }, () => {
        handled += 1;
        return { handled };
      });
    },
  });
});
afterAll(() => t.close());

function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Busy on purpose: the lag a runaway computation would cause.
  }
}

describe('load shedding', () => {
  it('answers 503 problem+json with Retry-After while the event loop lags, and recovers', async () => {
    const health = async () => (await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode;
    // On a busy machine the lag of start-up itself can still be in the sample: wait for the loop to settle.
    await expect.poll(health, { timeout: 10_000 }).toBe(200);
    let shed: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    for (let attempt = 0; attempt < 20 && !shed; attempt++) {
      blockEventLoop(800);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const before = handled;
      const res = await t.app.inject({ method: 'GET', url: '/api/test-counted' });
      if (res.statusCode === 503) {
        shed = res;
        // A shed request never reaches its route.
        expect(handled).toBe(before);
      }
    }
    expect(shed?.headers['retry-after']).toBe('5');
    expect(shed?.headers['content-type']).toContain('application/problem+json');
    expect(shed?.json()).toMatchObject({ code: 'service-unavailable', status: 503 });
    await expect.poll(health, { timeout: 10_000 }).toBe(200);
  });
});
