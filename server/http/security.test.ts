import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let http: TestApp;
let https: TestApp;
beforeAll(async () => {
  [http, https] = await Promise.all([
    createTestApp(),
    createTestApp({ env: { PASSAGE_ORIGIN: 'https://passage.example.org' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([http.close(), https.close()]);
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The CSP directives of a response, by name. */
function csp(header: string | string[] | number | undefined): Map<string, string> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('security headers', () => {
  it('sends a strict content security policy that forbids framing', async () => {
    const res = await http.app.inject({ method: 'GET', url: '/api/health' });
    const policy = csp(res.headers['content-security-policy']);
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('forbids sniffing, referrers, framing and caching', async () => {
    const res = await http.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends the same headers on error responses', async () => {
    const notFound = await http.app.inject({ method: 'GET', url: '/api/nothing-here' });
    const malformed = await http.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    for (const res of [notFound, malformed]) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(csp(res.headers['content-security-policy']).get('frame-ancestors')).toBe("'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-request-id']).toMatch(uuidPattern);
    }
  });

  it('sends no HSTS when the origin is http', async () => {
    const res = await http.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS and upgrades insecure requests when the origin is https', async () => {
    const res = await https.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(csp(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('request ids', () => {
  it('answers every request with a fresh random request id', async () => {
    const [a, b] = await Promise.all([
      http.app.inject({ method: 'GET', url: '/api/health' }),
      http.app.inject({ method: 'GET', url: '/api/health' }),
    ]);
    expect(a?.headers['x-request-id']).toMatch(uuidPattern);
    expect(b?.headers['x-request-id']).toMatch(uuidPattern);
    expect(a?.headers['x-request-id']).not.toBe(b?.headers['x-request-id']);
  });

  it('ignores a request id sent by the client, so no one can forge log correlation', async () => {
    const res = await http.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'fake-forged-request-id' },
    });
    expect(res.headers['x-request-id']).toMatch(uuidPattern);
    expect(http.logLines.join('\n')).not.toContain('fake-forged-request-id');
  });
});
