import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import type { ProblemCode } from '../../common/problems.ts';
import { societyRoles, type Role, type SocietyRole } from '../../common/roles.ts';
import {
  actAs,
  actAtStage,
  createFastUser,
  createNetworkCoordinator,
  type TestClient,
  type TestUser,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import type { SessionStage } from './actor.ts';
import {
  isOutsideMatrix,
  routeMatrix,
  webAppFileUrls,
  type MatrixEntry,
  type MatrixRequest,
} from './route-matrix.data.ts';
import {
  createCast,
  createPendingUser,
  createPlace,
  createTeamMember,
  fixturesFor,
  type Cast,
  type Place,
} from './route-matrix.test-support.ts';

// The matrix of issue 3: every route of route-matrix.data.ts × every role × own society / another society's
// record / no membership, plus anonymous callers and sessions still signing in. The expectations come from the
// table; this file only derives each case's answer from it, in the order the guard and services decide.

type Pending = Exclude<SessionStage, 'active'>;
type Caller = SocietyRole | 'network-coordinator' | 'no-membership';
type Context =
  | { kind: 'anonymous' }
  | { kind: 'scraper' }
  | { kind: 'signing-in'; stage: Pending }
  | { kind: 'signed-in'; as: Caller; place: 'own' | 'other'; stepUp: boolean };
type Expected = { status: number; code?: ProblemCode };
type MatrixCase = { name: string; entry: MatrixEntry; context: Context; expected: Expected };

const pendingStages: readonly Pending[] = ['password-change', 'mfa', 'mfa-enrolment'];
const callers: readonly Caller[] = [...societyRoles, 'network-coordinator'];

function isRoleList(who: MatrixEntry['who']): who is readonly (SocietyRole | 'network-coordinator')[] {
  return typeof who !== 'string' && !('signingIn' in who);
}

/** Whether an active caller passes the role check of an entry (before step-up and scope). */
function passesRoles(entry: MatrixEntry, as: Caller): boolean {
  if (!isRoleList(entry.who)) return true;
  return as !== 'no-membership' && entry.who.includes(as);
}

/** The answer a case must get, derived from the table in the order the guard and the services decide. */
function expectedOf(entry: MatrixEntry, context: Context): Expected {
  const ok = { status: entry.success };
  const { who } = entry;
  if (who === 'public') return ok;
  if (who === 'scraper') return context.kind === 'scraper' ? ok : { status: 404, code: 'not-found' };
  if (context.kind === 'anonymous' || context.kind === 'scraper')
    return { status: 401, code: 'unauthenticated' };
  const stage = context.kind === 'signing-in' ? context.stage : 'active';
  if (typeof who !== 'string' && 'signingIn' in who) {
    if (!who.signingIn.includes(stage)) return { status: 409, code: 'conflict' };
  } else if (stage !== 'active') return { status: 401, code: 'mfa-required' };
  if (context.kind === 'signing-in') return ok;
  if (!passesRoles(entry, context.as)) return { status: 403, code: 'forbidden' };
  if (entry.stepUp && !context.stepUp) return { status: 401, code: 'step-up-required' };
  if (context.place === 'other') return { status: 404, code: 'not-found' };
  const societyless = context.as === 'no-membership' || context.as === 'network-coordinator';
  if (entry.withoutSociety && societyless) return { status: entry.withoutSociety.status, code: 'not-found' };
  return ok;
}

/** How a case's caller reads in its name: "as caseworker in own society", "anonymously"… */
function callerName(entry: MatrixEntry, context: Context): string {
  switch (context.kind) {
    case 'anonymous':
      return 'anonymously';
    case 'scraper':
      return 'as the metrics scraper';
    case 'signing-in':
      return `while signing in (at ${context.stage})`;
    case 'signed-in': {
      const noStepUp = entry.stepUp && !context.stepUp ? ' without a fresh second factor' : '';
      if (context.as === 'no-membership') return `as a signed-in user with no membership${noStepUp}`;
      const place = context.place === 'other' ? "on another society's record" : 'in own society';
      return `as ${context.as} ${place}${noStepUp}`;
    }
  }
}

/** Every context an entry is tried in. */
function contextsOf(entry: MatrixEntry): Context[] {
  const stepUp = entry.stepUp === true;
  const list: Context[] = [{ kind: 'anonymous' }];
  if (entry.who === 'scraper') list.push({ kind: 'scraper' });
  for (const as of callers) {
    list.push({ kind: 'signed-in', as, place: 'own', stepUp });
    if (entry.targetsRecord) list.push({ kind: 'signed-in', as, place: 'other', stepUp });
  }
  list.push({ kind: 'signed-in', as: 'no-membership', place: 'own', stepUp });
  // The guard treats every stage short of `active` alike, except on the routes of signing in itself.
  const stages = typeof entry.who !== 'string' && 'signingIn' in entry.who ? pendingStages : ['mfa' as const];
  for (const stage of stages) list.push({ kind: 'signing-in', stage });
  if (stepUp)
    for (const as of [...callers, 'no-membership' as const])
      if (passesRoles(entry, as)) list.push({ kind: 'signed-in', as, place: 'own', stepUp: false });
  return list;
}

const casesByRoute: MatrixCase[][] = routeMatrix.map((entry) =>
  contextsOf(entry).map((context) => {
    const expected = expectedOf(entry, context);
    const name = `${entry.method} ${entry.path} ${callerName(entry, context)} → ${expected.status}`;
    return { name, entry, context, expected };
  }),
);
// Interleaved (the first case of every route, then the second…), so that the cases running side by side are of
// different routes; `inTurn` keeps the cases of one route in order.
const longest = Math.max(...casesByRoute.map((list) => list.length));
const cases = Array.from({ length: longest }, (_, i) => casesByRoute.flatMap((list) => list[i] ?? [])).flat();

const turns = new Map<MatrixEntry, Promise<unknown>>();
/** Runs a case after the earlier cases of the same route, whatever their outcome. */
function inTurn<T>(entry: MatrixEntry, work: () => Promise<T>): Promise<T> {
  const next = (turns.get(entry) ?? Promise.resolve()).then(work, work);
  turns.set(
    entry,
    next.catch(() => undefined),
  );
  return next;
}

const metricsToken = randomBytes(24).toString('base64url');
let t: TestApp;
let own: Place;
let other: Place;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp({ env: { PASSAGE_METRICS_TOKEN: metricsToken } });
  own = await createPlace(t);
  other = await createPlace(t);
  cast = await createCast(t, own, societyRoles);
});
afterAll(() => t.close());

/**
 * The user a case acts as, and their roles: a shared one, or a new one when the request changes the actor's own
 * account. Anonymous and signing-in cases stand in a caseworker (their requests never get past the guard).
 */
async function actorFor(c: MatrixCase): Promise<{ user: TestUser; roles: Role[] }> {
  const fresh = c.entry.freshActor === true;
  const { context } = c;
  const pendingAs = async (stage: Pending) => ({
    user: fresh ? await createPendingUser(t, own, stage) : (cast.pending.get(stage) as TestUser),
    roles: ['caseworker' as const],
  });
  switch (context.kind) {
    case 'anonymous':
    case 'scraper':
      return pendingAs('mfa');
    case 'signing-in':
      return pendingAs(context.stage);
    case 'signed-in': {
      const { as } = context;
      if (as === 'network-coordinator')
        return { user: fresh ? await createNetworkCoordinator(t, [own.id]) : cast.coordinator, roles: [as] };
      if (as === 'no-membership') return { user: fresh ? await createFastUser(t) : cast.outsider, roles: [] };
      const user = fresh ? await createTeamMember(t, own, [as]) : (cast.members.get(as) as TestUser);
      return { user, roles: [as] };
    }
  }
}

async function clientFor(context: Context, actor: TestUser): Promise<TestClient | undefined> {
  if (context.kind === 'signing-in') return actAtStage(t, actor, context.stage);
  if (context.kind === 'signed-in') return actAs(t, actor, { stepUp: context.stepUp });
  return undefined;
}

async function send(c: MatrixCase, actor: TestUser, request: MatrixRequest): Promise<LightMyRequestResponse> {
  const headers = { ...request.headers };
  // Only the scraper holds the metrics token: everyone else asks without it.
  if (c.entry.who === 'scraper' && c.context.kind !== 'scraper') delete headers.authorization;
  const client = await clientFor(c.context, actor);
  const { method } = c.entry;
  if (client) return client.request({ method, url: request.url, body: request.body, headers });
  return t.app.inject({
    method,
    url: request.url,
    headers: {
      origin: t.config.origin.origin,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
  });
}

describe('the access-control matrix', () => {
  it('has a row for every route of the inventory, and none for a route that is not there', () => {
    const inventory = t.app.routeInventory;
    const webFiles = webAppFileUrls();
    const routes = inventory
      .filter((route) => !isOutsideMatrix(route, inventory, webFiles))
      .map((route) => `${route.method} ${route.url}`);
    const rows = routeMatrix.map((entry) => `${entry.method} ${entry.path}`);
    expect(
      routes.filter((route) => !rows.includes(route)),
      'routes missing from the matrix',
    ).toEqual([]);
    expect(
      rows.filter((row) => !routes.includes(row)),
      'rows for routes that do not exist',
    ).toEqual([]);
    expect(new Set(rows).size, 'a route listed twice').toBe(rows.length);
  });

  it.concurrent.for(cases.map((c) => [c.name, c] as const))('%s', ([, c], { expect }) =>
    inTurn(c.entry, () => runCase(c, expect)),
  );
});

/** Sends a case's request (changed by `alter`, if given) as its actor, in its context. */
async function sendCase(
  c: MatrixCase,
  alter: (request: MatrixRequest) => MatrixRequest = (request) => request,
): Promise<LightMyRequestResponse> {
  const actor = await actorFor(c);
  const theirs = c.context.kind === 'signed-in' && c.context.place === 'other';
  const fixtures = fixturesFor({
    t,
    target: theirs ? other : own,
    theirs,
    actor: actor.user,
    actorRoles: actor.roles,
    metricsToken,
  });
  return send(c, actor.user, alter(await c.entry.request(fixtures)));
}

async function runCase(c: MatrixCase, expect: ExpectStatic): Promise<void> {
  const res = await sendCase(c);
  expect(res.statusCode, res.body).toBe(c.expected.status);
  if (c.expected.code) expect(res.json<{ code: string }>().code).toBe(c.expected.code);
}

/** A context in which an entry's request succeeds (the first role it allows), or none for the scraper's. */
function allowedContext(entry: MatrixEntry): Context | undefined {
  const stepUp = entry.stepUp === true;
  const { who } = entry;
  if (who === 'public') return { kind: 'anonymous' };
  if (who === 'scraper') return undefined;
  if (who === 'signed-in') return { kind: 'signed-in', as: 'caseworker', place: 'own', stepUp };
  if (!isRoleList(who)) {
    const stage = who.signingIn.find((s): s is Pending => s !== 'active');
    if (who.signingIn.includes('active') || !stage)
      return { kind: 'signed-in', as: 'caseworker', place: 'own', stepUp };
    return { kind: 'signing-in', stage };
  }
  const as = who.find((role) => role !== 'network-coordinator');
  return as ? { kind: 'signed-in', as, place: 'own', stepUp } : undefined;
}

const writes = routeMatrix.flatMap((entry) => {
  const context = allowedContext(entry);
  if (entry.method === 'GET' || !context) return [];
  const name = `${entry.method} ${entry.path} refuses a society and roles smuggled into its body, or reads none`;
  return [[name, { name, entry, context, expected: { status: entry.success } }] as const];
});

describe('mass assignment', () => {
  it.concurrent.for(writes)('%s', ([, c], { expect }) =>
    inTurn(c.entry, async () => {
      let smuggled: string[] = [];
      const res = await sendCase(c, (request) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        // Only fields the request does not legitimately carry (PUT /api/me/society names a society).
        const extra = Object.fromEntries(
          Object.entries({ societyId: other.id, roles: ['administrator'] }).filter(([key]) => !(key in body)),
        );
        if (request.body !== undefined) smuggled = Object.keys(extra).map((key) => `body.${key}`);
        return { ...request, body: { ...body, ...extra } };
      });
      if (smuggled.length === 0) {
        expect(res.statusCode, res.body).toBe(c.expected.status);
        return;
      }
      expect(res.statusCode, res.body).toBe(400);
      const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(smuggled));
    }),
  );
});
