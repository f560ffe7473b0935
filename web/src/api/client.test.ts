import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiRequest, onInterruption, onSessionActivity, rememberCsrfToken } from './client.ts';
import { ApiProblem } from './problem.ts';

type Call = { url: string; init: RequestInit };
let calls: Call[];
let answers: (() => Response)[];

function problem(status: number, code: string, detail = 'Safe detail.'): () => Response {
  return () =>
    new Response(JSON.stringify({ type: 't', title: 't', status, detail, code, requestId: 'req-9' }), {
      status,
      headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-9' },
    });
}
const json = (body: unknown) => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  calls = [];
  answers = [];
  rememberCsrfToken(undefined);
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return Promise.resolve(next());
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const Thing = z.object({ name: z.string() });

describe('apiRequest', () => {
  it('sends same-origin credentials, JSON, and the CSRF token only on writes', async () => {
    rememberCsrfToken('csrf-1');
    answers.push(json({ name: 'a' }), () => new Response(null, { status: 204 }));
    await apiRequest('/api/thing', Thing);
    await apiRequest('/api/thing', undefined, { method: 'POST', body: { name: 'b' } });
    const [read, write] = calls as [Call, Call];
    expect(read.init.credentials).toBe('same-origin');
    expect(read.init.headers).toEqual({ accept: 'application/json' });
    expect(write.init.headers).toEqual({
      accept: 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': 'csrf-1',
    });
    expect(write.init.body).toBe('{"name":"b"}');
  });

  it('sends no content type on a write without a body (the server refuses an empty JSON body)', async () => {
    rememberCsrfToken('csrf-1');
    answers.push(() => new Response(null, { status: 204 }));
    await apiRequest('/api/auth/sign-out', undefined, { method: 'POST' });
    expect(calls[0]?.init.headers).toEqual({ accept: 'application/json', 'x-csrf-token': 'csrf-1' });
  });

  it('sends the version a write changes as a quoted If-Match, and a stale one rejects with its code', async () => {
    rememberCsrfToken('csrf-1');
    answers.push(problem(412, 'precondition-failed'));
    const write = apiRequest('/api/thing', Thing, { method: 'PUT', body: { name: 'c' }, ifMatch: 7 });
    await expect(write).rejects.toMatchObject({ code: 'precondition-failed', status: 412 });
    expect(calls[0]?.init.headers).toMatchObject({ 'if-match': '"7"' });
  });

  it('parses the answer with the shared schema and refuses one that does not match', async () => {
    answers.push(json({ name: 'a' }), json({ name: 42 }));
    await expect(apiRequest('/api/thing', Thing)).resolves.toEqual({ name: 'a' });
    await expect(apiRequest('/api/thing', Thing)).rejects.toMatchObject({ code: 'invalid-response' });
  });

  it('rejects with the problem of an error answer', async () => {
    answers.push(problem(403, 'forbidden'));
    const error = await apiRequest('/api/thing', Thing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ code: 'forbidden', status: 403, requestId: 'req-9' });
  });

  it('names a dropped connection network-error', async () => {
    await expect(apiRequest('/api/thing', Thing)).rejects.toMatchObject({ code: 'network-error', status: 0 });
  });

  it('opens the step-up dialog on step-up-required and retries the request once it is confirmed', async () => {
    const handler = vi.fn(() => Promise.resolve());
    const off = onInterruption('step-up-required', handler);
    answers.push(problem(401, 'step-up-required'), json({ name: 'after' }));
    await expect(apiRequest('/api/thing', Thing, { method: 'POST' })).resolves.toEqual({ name: 'after' });
    expect(handler).toHaveBeenCalledOnce();
    expect(calls).toHaveLength(2);
    off();
  });

  it('retries with the CSRF token of the new session after signing in again', async () => {
    rememberCsrfToken('old');
    const off = onInterruption('unauthenticated', () => {
      rememberCsrfToken('new');
      return Promise.resolve();
    });
    answers.push(problem(401, 'unauthenticated'), () => new Response(null, { status: 204 }));
    await apiRequest('/api/me', undefined, { method: 'PATCH', body: { locale: 'fr' } });
    expect(calls.map((c) => (c.init.headers as Record<string, string>)['x-csrf-token'])).toEqual([
      'old',
      'new',
    ]);
    off();
  });

  it('gives up with the original problem when the person cancels', async () => {
    const off = onInterruption('step-up-required', (p) => Promise.reject(p));
    answers.push(problem(401, 'step-up-required'));
    await expect(apiRequest('/api/thing', Thing)).rejects.toMatchObject({ code: 'step-up-required' });
    expect(calls).toHaveLength(1);
    off();
  });

  it('never interrupts a sign-in step, whose 401 means a wrong password', async () => {
    const handler = vi.fn(() => Promise.resolve());
    const off = onInterruption('unauthenticated', handler);
    answers.push(problem(401, 'unauthenticated'));
    await expect(apiRequest('/api/auth/sign-in', Thing, { interrupt: false })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(handler).not.toHaveBeenCalled();
    off();
  });

  it('stops after two interruptions, so a dialog can never loop', async () => {
    const off = onInterruption('unauthenticated', () => Promise.resolve());
    answers.push(
      problem(401, 'unauthenticated'),
      problem(401, 'unauthenticated'),
      problem(401, 'unauthenticated'),
    );
    await expect(apiRequest('/api/thing', Thing)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(calls).toHaveLength(3);
    off();
  });

  it('reports activity for answers given with a live session, not for a 401', async () => {
    const seen: number[] = [];
    const off = onSessionActivity((at) => seen.push(at));
    answers.push(json({ name: 'a' }), problem(404, 'not-found'), problem(401, 'unauthenticated'));
    await apiRequest('/api/thing', Thing);
    await apiRequest('/api/thing', Thing).catch(() => undefined);
    await apiRequest('/api/thing', Thing, { interrupt: false }).catch(() => undefined);
    expect(seen).toHaveLength(2);
    off();
  });
});
