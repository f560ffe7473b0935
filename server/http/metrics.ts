import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the metrics read at scrape time. */
export type MetricsSources = { pools: Record<string, pg.Pool>; jobLagSeconds: () => Promise<number | null> };

/**
 * Prometheus metrics: latency by route template (never by raw URL, which could carry ids), event-loop lag,
 * pool use and job lag. No labels ever carry personal data.
 */
export function createMetrics(sources: MetricsSources): {
  registry: Registry;
  install(app: FastifyInstance): void;
} {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const latency = new Histogram({
    name: 'passage_http_request_duration_seconds',
    help: 'Request latency by route template, method and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'passage_db_pool_connections',
    help: 'Database pool connections by role and state',
    labelNames: ['role', 'state'] as const,
    registers: [registry],
    collect() {
      for (const [role, pool] of Object.entries(sources.pools)) {
        this.set({ role, state: 'total' }, pool.totalCount);
        this.set({ role, state: 'idle' }, pool.idleCount);
        this.set({ role, state: 'waiting' }, pool.waitingCount);
      }
    },
  });
  new Gauge({
    name: 'passage_job_lag_seconds',
    help: 'Age of the oldest job that is due and not yet taken (0 when none)',
    registers: [registry],
    async collect() {
      this.set((await sources.jobLagSeconds()) ?? 0);
    },
  });
  return {
    registry,
    install(app) {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        latency.observe(
          { method: request.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` },
          reply.elapsedTime / 1000,
        );
      });
    },
  };
}

/** Whether a scrape presents the configured bearer token (compared in constant time). */
export function isScraperAllowed(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
