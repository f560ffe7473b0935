import { access } from '../access/rules.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemStatus } from '../../common/problems.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

const Body = z.strictObject({
  name: z.string().min(1),
  count: z.number().int(),
  nested: z.strictObject({ flag: z.boolean() }).optional(),
});

// A route that only exists in this test: the error handling under test is the whole app's.
async function echoRoute(app: FastifyInstance) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/api/test/echo',
      { config: { access: access.public }, schema: { body: Body } },
      (request) => request.body,
    );
  app.get('/api/test/crash', { config: { access: access.public } }, () => {
    throw new Error('database said: duplicate key (name)=(Zeynep Testperson)');
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PASSAGE_BODY_LIMIT: '2048' }, extraRoutes: echoRoute });
});
afterAll(() => t.close());

const post = (payload: string, contentType = 'application/json') =>
  t.app.inject({
    method: 'POST',
    url: '/api/test/echo',
    payload,
    headers: { 'content-type': contentType, origin: 'http://localhost:3000' },
  });

describe('problem+json for bad input', () => {
  it('answers malformed JSON with 400 malformed-json and a request id', async () => {
    const res = await post('{"name": "x",');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 400, code: 'malformed-json', title: expect.any(String) });
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });

  it('names each field of the wrong type by its path', async () => {
    const res = await post(JSON.stringify({ name: 5, count: 'three', nested: { flag: 'yes' } }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation-failed');
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['body.count', 'body.name', 'body.nested.flag']);
    expect(body.errors[0].code).toBe('invalid_type');
  });

  it('refuses unknown fields and names each one', async () => {
    const res = await post(JSON.stringify({ name: 'a', count: 1, societyId: 'x', role: 'admin' }));
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['body.role', 'body.societyId']);
  });

  it('answers an oversized body with 413 payload-too-large', async () => {
    const res = await post(JSON.stringify({ name: 'a'.repeat(5000), count: 1 }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload-too-large');
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await post('name=a', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported-media-type');
  });

  it('answers an empty JSON body with a problem, not a crash', async () => {
    const res = await post('');
    expect(res.statusCode).toBe(400);
    expect(['malformed-json', 'validation-failed']).toContain(res.json().code);
  });

  it('answers an unknown address with 404 not-found', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not-found');
  });

  it('turns an unexpected error into a generic 500 without its message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('internal');
    expect(res.body).not.toContain('Zeynep');
  });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ name: 'a', count: 2 }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'a', count: 2 });
  });

  it('only ever answers with codes from the closed list', async () => {
    const res = await Promise.all([post('{'), post('{}'), t.app.inject({ method: 'GET', url: '/api/x' })]);
    for (const r of res) expect(Object.keys(problemStatus)).toContain(r.json().code);
  });
});
