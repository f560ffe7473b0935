import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import underPressure from '@fastify/under-pressure';
import type http from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { ModuleDeps } from './access/context.ts';
import { installAccessGuard, type RouteEntry } from './access/guard.ts';
import { access } from './access/rules.ts';
import { sessionTimes } from './access/session.ts';
import { appendSystemAuditEvent } from './audit/system-audit.ts';
import type { Config } from './config.ts';
import type { AccountKeys } from './crypto/accounts.ts';
import type { Keys } from './crypto/society-keys.ts';
import type { Databases } from './db/connect.ts';
import { createKysely } from './db/kysely.ts';
import { createMetrics } from './http/metrics.ts';
import { loggerOptions } from './http/logging.ts';
import { installProblemHandlers, problemBody, sendProblem } from './http/problem.ts';
import { installSecurityHeaders } from './http/security.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import type { AuthDeps } from './modules/auth/auth.service.ts';
import { meRoutes } from './modules/auth/me.routes.ts';
import { contentRoutes } from './modules/content/content.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { demoRoutes } from './modules/demo/demo.routes.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { auditLogRoutes } from './modules/governance/audit-log.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { consentRoutes } from './modules/consent/consent.routes.ts';
import { societiesRoutes } from './modules/societies/societies.routes.ts';
import { teamsRoutes } from './modules/teams/teams.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';

/** Where the built web app is served from. */
export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');

/** Whether a route serves a file of the built web app (@fastify/static marks its routes with their root). */
function isWebAppFile(rootPath: unknown): boolean {
  return typeof rootPath === 'string' && path.resolve(rootPath) === webDistDir;
}

/** What the app is built from. */
export type AppDeps = {
  config: Config;
  db: Pick<Databases, 'app' | 'system' | 'owner'>;
  jobsRunning: () => boolean;
  /** The root keyring and the cache of unwrapped society keys. */
  keys: Keys;
  /** The keys protecting staff accounts (loaded with the system role at start). */
  accountKeys: AccountKeys;
  /** Routes a test adds, registered inside the access guard like every other route. */
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
  /** A logger to use instead of creating one (tests capture log lines with it). */
  logger?: Logger;
};

/** The built app and its route inventory (every route with its declared access rule). */
export type BuiltApp = FastifyInstance & { routeInventory: readonly RouteEntry[] };

/** Builds the Fastify app: plugins in order, then the complete route table. */
export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const { config } = deps;
  const trustProxy = config.trustProxy;
  const options: FastifyHttpOptions<http.Server> = {
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: loggerOptions(config.logLevel) }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy:
      typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    bodyLimit: config.bodyLimit,
    connectionTimeout: config.requestTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  };
  const app = Fastify(options).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  installProblemHandlers(app);
  await installSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  const appDb = createKysely(deps.db.app);
  const times = sessionTimes(config);
  const routeInventory = installAccessGuard(app, {
    pool: deps.db.app,
    config,
    times,
    isPublicPluginRoute: (route) =>
      route.url.startsWith('/api/docs') ||
      isWebAppFile((route.config as { rootPath?: unknown } | undefined)?.rootPath),
  });
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    maxEventLoopUtilization: config.maxEventLoopDelayMs > 0 ? 0.98 : 0,
    exposeStatusRoute: false,
    // No pressureHandler: the plugin's own path stops the request with a 503 error that the problem handler turns
    // into problem+json. A custom handler that returns nothing lets the request run on into its route.
    retryAfter: 5,
  });

  const metrics = createMetrics({
    pools: { app: deps.db.app, system: deps.db.system },
    jobLagSeconds: async () => {
      const { rows } = await deps.db.system.query<{ lag: number | null }>(
        `select extract(epoch from now() - min(run_at))::float8 as lag from graphile_worker.jobs
         where locked_at is null and run_at <= now() and attempts < max_attempts`,
      );
      return rows[0]?.lag ?? null;
    },
  });
  metrics.install(app);

  if (config.apiDocs) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Passage API', version: '0.1.0' },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { config: { access: access.public }, schema: { hide: true } }, () =>
      app.swagger(),
    );
  }

  await app.register(
    systemRoutes({
      checkDatabase: async () => {
        await deps.db.app.query('select 1');
      },
      jobsRunning: deps.jobsRunning,
      jobsEnabled: config.jobs,
      metrics: metrics.registry,
      metricsToken: config.metricsToken,
    }),
  );
  const authDeps: AuthDeps & { config: Config } = {
    db: appDb,
    keys: deps.accountKeys,
    times,
    audit: appendSystemAuditEvent,
    config,
  };
  // Every module's routes get the same dependencies; a module registers here with one line.
  const moduleDeps: ModuleDeps = { db: appDb, keys: deps.keys, accountKeys: deps.accountKeys, config };
  await app.register(authRoutes(authDeps));
  await app.register(meRoutes(authDeps));
  await app.register(societiesRoutes(moduleDeps));
  await app.register(notificationsRoutes(moduleDeps));
  await app.register(usersRoutes(moduleDeps));
  await app.register(teamsRoutes(moduleDeps));
  await app.register(auditLogRoutes(moduleDeps));
  await app.register(demoRoutes(moduleDeps));
  await app.register(directoryRoutes(moduleDeps));
  await app.register(contentRoutes(moduleDeps));
  await app.register(peopleRoutes(moduleDeps));
  await app.register(consentRoutes(moduleDeps));
  if (deps.extraRoutes) await app.register(deps.extraRoutes);
  await serveWebApp(app);
  return Object.assign(app, { routeInventory });
}

async function serveWebApp(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(webDistDir, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webDistDir,
    wildcard: false,
    maxAge: '1h',
    // The build writes brotli and gzip copies (vite.config.ts): about a quarter of the bytes on a poor connection.
    preCompressed: true,
    // The shell must always be revalidated so a deployment takes effect; hashed assets never change.
    setHeaders: (reply, filePath) => {
      if (filePath.endsWith('.html')) reply.header('cache-control', 'no-cache');
      else if (filePath.includes(`${path.sep}assets${path.sep}`))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  // Client-side routes answer with the app shell; unknown /api/ paths stay problem+json 404s.
  app.get('/*', { config: { access: access.public }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return sendProblem(reply, problemBody('not-found', 'Nothing is found at this address.', request.id));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
