import type { FastifyInstance } from 'fastify';
import { access } from '../access/rules.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { serializeError } from './logging.ts';

// Every marker stands for personal data or a credential: none may ever reach a log line.
const marker = {
  bodyName: 'ZZ-MARKER-NAME-Testperson',
  bodyNote: 'ZZ-MARKER-NOTE-Testperson',
  query: 'ZZ-MARKER-QUERY-Testperson',
  authorization: 'ZZ-MARKER-TOKEN-fake',
  cookie: 'ZZ-MARKER-COOKIE-fake',
  detail: 'ZZ-MARKER-DETAIL-Testperson',
  where: 'ZZ-MARKER-WHERE-Testperson',
  hint: 'ZZ-MARKER-HINT-Testperson',
  message: 'ZZ-MARKER-MESSAGE-Testperson',
  realValue: 'ZZ-MARKER-REAL-Testperson',
};

/** An error shaped like the one pg raises on a unique violation, with values where PostgreSQL puts them. */
function pgLikeError(): Error {
  return Object.assign(
    new Error(`duplicate key value violates unique constraint, near "${marker.message}"`),
    {
      severity: 'ERROR',
      code: '23505',
      detail: `Key (name)=(${marker.detail}) already exists.`,
      where: `PL/pgSQL function fake_trigger() line 3, value ${marker.where}`,
      hint: `Try another name than ${marker.hint}.`,
      schema: 'public',
      table: 'fake_people',
      constraint: 'fake_people_name_key',
    },
  );
}

async function markerRoutes(app: FastifyInstance) {
  app.post('/api/test/people', { config: { access: access.public } }, () => ({ ok: true }));
  app.get('/api/test/duplicate', { config: { access: access.public } }, () => {
    throw pgLikeError();
  });
  app.get('/api/test/real-database-error', { config: { access: access.public } }, async () => {
    // PostgreSQL quotes the offending value in its message: "invalid input syntax for type uuid: "…"".
    await t.db.app.query('select $1::uuid', [marker.realValue]);
    return { ok: true };
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ extraRoutes: markerRoutes });
});
afterAll(() => t.close());
beforeEach(() => {
  t.logLines.length = 0;
});

type LogLine = { reqId?: string; msg?: string; req?: { url?: string }; err?: Record<string, unknown> };

function parsedLines(): LogLine[] {
  return t.logLines.map((line) => JSON.parse(line) as LogLine);
}

/** Fails if any captured log line contains any marker. */
function expectNoMarkerLogged(): void {
  const all = t.logLines.join('\n');
  for (const value of Object.values(marker)) expect(all).not.toContain(value);
}

/** The log lines of one request: there must be some, or the absence of markers proves nothing. */
function linesOf(requestId: unknown): LogLine[] {
  expect(typeof requestId).toBe('string');
  const lines = parsedLines().filter((l) => l.reqId === requestId);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  return lines;
}

describe('request logging keeps personal data and credentials out', () => {
  it('logs the request id and route of a request, but not its body, query string or credentials', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/test/people?search=${marker.query}`,
      headers: {
        authorization: `Bearer ${marker.authorization}`,
        cookie: `passage_session=${marker.cookie}`,
        'content-type': 'application/json',
        origin: t.config.origin.origin,
      },
      payload: JSON.stringify({ name: marker.bodyName, notes: [marker.bodyNote] }),
    });
    expect(res.statusCode).toBe(200);
    const lines = linesOf(res.headers['x-request-id']);
    expect(lines.some((l) => l.req?.url === '/api/test/people')).toBe(true);
    expectNoMarkerLogged();
  });

  it('logs a database error by code and constraint, without its message, detail, where or hint', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/test/duplicate?q=${marker.query}` });
    expect(res.statusCode).toBe(500);
    const errorLine = linesOf(res.headers['x-request-id']).find((l) => l.msg === 'unexpected error');
    expect(errorLine?.err).toMatchObject({
      code: '23505',
      table: 'fake_people',
      constraint: 'fake_people_name_key',
    });
    expect(errorLine?.err?.stack).toContain('logging.test.ts');
    expectNoMarkerLogged();
    expect(res.body).not.toContain('ZZ-MARKER');
  });

  it('keeps a value quoted by PostgreSQL itself out of the log', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/real-database-error' });
    expect(res.statusCode).toBe(500);
    const errorLine = linesOf(res.headers['x-request-id']).find((l) => l.msg === 'unexpected error');
    expect(errorLine?.err).toMatchObject({ type: 'DatabaseError', code: '22P02' });
    expectNoMarkerLogged();
  });

  it('keeps a malformed body out of the log', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/people',
      headers: { 'content-type': 'application/json', origin: t.config.origin.origin },
      payload: `{"name": "${marker.bodyName}",`,
    });
    expect(res.statusCode).toBe(400);
    linesOf(res.headers['x-request-id']);
    expectNoMarkerLogged();
  });

  it('keeps the query string of an unknown address out of the log', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/nothing-here?name=${marker.query}`,
      headers: { authorization: `Bearer ${marker.authorization}` },
    });
    expect(res.statusCode).toBe(404);
    const lines = linesOf(res.headers['x-request-id']);
    expect(lines.some((l) => l.req?.url === '/api/nothing-here')).toBe(true);
    expectNoMarkerLogged();
  });
});

describe('serializeError', () => {
  it('keeps the class, code, object names and call frames of a database error, and nothing it quotes', () => {
    const logged = serializeError(pgLikeError());
    expect(logged).toMatchObject({
      type: 'Error',
      code: '23505',
      severity: 'ERROR',
      schema: 'public',
      table: 'fake_people',
      constraint: 'fake_people_name_key',
    });
    expect(logged).not.toHaveProperty('detail');
    expect(logged).not.toHaveProperty('where');
    expect(logged).not.toHaveProperty('hint');
    expect(logged).not.toHaveProperty('message');
    expect(String(logged.stack)).toMatch(/^\s+at /);
    expect(JSON.stringify(logged)).not.toContain('ZZ-MARKER');
  });

  it('drops a message built from input, also from the stack, whose first line repeats it', () => {
    const error = new Error(`could not file the referral for\n${marker.bodyName}`);
    const logged = serializeError(error);
    expect(logged.type).toBe('Error');
    expect(String(logged.stack)).toContain('logging.test.ts');
    expect(JSON.stringify(logged)).not.toContain('ZZ-MARKER');
  });

  it('serializes the cause of a wrapped error by the same rules', () => {
    const wrapped = new Error(`saving ${marker.bodyName} failed`, { cause: pgLikeError() });
    const logged = serializeError(wrapped);
    expect(logged.cause).toMatchObject({ code: '23505', constraint: 'fake_people_name_key' });
    expect(JSON.stringify(logged)).not.toContain('ZZ-MARKER');
  });

  it('logs only the type of something thrown that is not an Error', () => {
    expect(serializeError(marker.bodyName)).toEqual({ type: 'string' });
  });
});
