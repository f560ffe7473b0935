import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { access } from '../../access/rules.ts';
import { AppError } from '../../http/problem.ts';
import { isScraperAllowed } from '../../http/metrics.ts';

/** What the health, readiness and metrics routes look at. */
export type SystemDeps = {
  /** Throws when the database does not answer. */
  checkDatabase: () => Promise<void>;
  jobsRunning: () => boolean;
  jobsEnabled: boolean;
  metrics: Registry;
  metricsToken: string | undefined;
};

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.literal('ready'),
  database: z.literal('ok'),
  jobs: z.enum(['ok', 'disabled']),
});

/** Liveness, readiness and metrics. */
export function systemRoutes(deps: SystemDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      { config: { access: access.public }, schema: { tags: ['system'], response: { 200: Health } } },
      async () => ({
        status: 'ok' as const,
      }),
    );

    app.get(
      '/api/ready',
      { config: { access: access.public }, schema: { tags: ['system'], response: { 200: Ready } } },
      async () => {
        try {
          await deps.checkDatabase();
        } catch {
          throw new AppError('service-unavailable', 'The database cannot be reached.');
        }
        if (deps.jobsEnabled && !deps.jobsRunning())
          throw new AppError('service-unavailable', 'The job worker is not running.');
        return {
          status: 'ready' as const,
          database: 'ok' as const,
          jobs: deps.jobsEnabled ? ('ok' as const) : ('disabled' as const),
        };
      },
    );

    app.get(
      '/api/metrics',
      { config: { access: access.scraper }, schema: { hide: true } },
      async (request, reply) => {
        // Metrics are for the configured scraper only; to anyone else the route does not exist.
        if (!isScraperAllowed(request.headers.authorization, deps.metricsToken)) {
          throw new AppError('not-found', 'Nothing is found at this address.');
        }
        return reply.type(deps.metrics.contentType).send(await deps.metrics.metrics());
      },
    );
  };
}
