import Fastify from 'fastify';
import type pg from 'pg';

/** The one route of a floor app: a path with an `:id` parameter and the parameterised SQL it runs. */
export type FloorRoute = { path: string; sql: string };

/** A listening floor app: its origin and how to stop it. */
export type RunningFloor = { origin: string; close(): Promise<void> };

/**
 * Starts the floor: a bare Fastify app (no plugins, no validation, no logging) whose single handler runs one
 * query on a plain pg pool and returns the row — the least any server can do to answer the same request.
 */
export async function startFloor(pool: pg.Pool, route: FloorRoute): Promise<RunningFloor> {
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>(route.path, async (request, reply) => {
    const { rows } = await pool.query<Record<string, unknown>>(route.sql, [request.params.id]);
    const row = rows[0];
    if (!row) return reply.code(404).send({ status: 404 });
    return row;
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin, close: () => app.close() };
}
