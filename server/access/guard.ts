import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type pg from 'pg';
import type { Config } from '../config.ts';
import { AppError } from '../http/problem.ts';
import { hasAnyRole, hasFreshStepUp, type Actor } from './actor.ts';
import { access, type RouteAccess } from './rules.ts';
import { loadActor, sessionCookieName, type SessionTimes } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in actor, set by the access guard for every route that is not public. */
    actor: Actor | undefined;
  }
}

/** One route of the app and the access rule it declared. */
export type RouteEntry = { method: string; url: string; access: RouteAccess };

/**
 * What the guard needs: the app-role database, the config, the session lifetimes, and which routes added by
 * plugins (which cannot carry our config) are public by design: the API docs UI and the web app's static files.
 */
export type GuardDeps = {
  /** The app-role pool: the session look-up runs as one named statement on it. */
  pool: pg.Pool;
  config: Config;
  times: SessionTimes;
  isPublicPluginRoute: (route: RouteOptions) => boolean;
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * SECURITY: the request must come from Passage's own origin. Browsers send `Origin` on every state-changing
 * request; `Sec-Fetch-Site: same-origin` is accepted when a privacy setting strips it.
 */
function checkOrigin(request: FastifyRequest, config: Config): void {
  const origin = request.headers.origin;
  if (
    origin === undefined
      ? request.headers['sec-fetch-site'] === 'same-origin'
      : origin === config.origin.origin
  )
    return;
  throw new AppError('csrf-rejected', 'The request did not come from Passage.');
}

async function authenticate(request: FastifyRequest, deps: GuardDeps): Promise<Actor> {
  const token = request.cookies[sessionCookieName(deps.config)];
  if (!token) throw new AppError('unauthenticated', 'Sign in to continue.');
  const actor = await loadActor(deps.pool, token, deps.times);
  if (!actor) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
  return actor;
}

function authorize(actor: Actor, rule: Exclude<RouteAccess, { kind: 'public' | 'scraper' }>): void {
  if (rule.kind === 'signing-in') {
    if (!rule.stages.includes(actor.stage))
      throw new AppError('conflict', 'This step of signing in is not the current one.');
    return;
  }
  if (actor.stage !== 'active') throw new AppError('mfa-required', 'Finish signing in first.');
  if (rule.kind === 'society') {
    if (!actor.society && !(rule.roles !== 'any' && rule.roles.includes('network-coordinator')))
      throw new AppError('forbidden', 'You are not a member of a society in Passage.');
    if (rule.roles !== 'any' && !hasAnyRole(actor, rule.roles))
      throw new AppError('forbidden', 'Your role does not allow this.');
  }
  // SECURITY: a fresh factor is asked for only once the role check passes: no code is invited for a refusal.
  if (rule.stepUp && !hasFreshStepUp(actor))
    throw new AppError('step-up-required', 'Confirm with your authenticator code to continue.');
}

/**
 * Installs the access choke point: every route must declare `config.access` (the app refuses to start
 * otherwise), the session is resolved before the body is even parsed, and state-changing requests must carry
 * Passage's origin and, when signed in, the session's CSRF token. Returns the route inventory.
 */
export function installAccessGuard(app: FastifyInstance, deps: GuardDeps): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.decorateRequest('actor', undefined);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let rule = route.config?.access;
    if (!rule && deps.isPublicPluginRoute(route)) {
      rule = access.public;
      route.config = { ...route.config, access: rule };
    }
    if (!rule) throw new Error(`Route ${methods.join(',')} ${route.url} declares no access rule.`);
    for (const method of methods) routes.push({ method, url: route.url, access: rule });
  });
  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config.access;
    if (!rule) return; // not found: the not-found handler answers
    if (!safeMethods.has(request.method)) checkOrigin(request, deps.config);
    if (rule.kind === 'public' || rule.kind === 'scraper') return;
    const actor = await authenticate(request, deps);
    request.actor = actor;
    if (!safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameText(sent, actor.csrfToken))
        throw new AppError('csrf-rejected', 'The request is missing its security token. Reload the page.');
    }
    authorize(actor, rule);
  });
  return routes;
}

/** The actor of a request on a non-public route (the guard has already refused anyone else). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.actor;
}
