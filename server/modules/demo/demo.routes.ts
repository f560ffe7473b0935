import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DemoAccounts } from '../../../common/demo.ts';
import type { ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { presentDemoAccounts } from './demo.present.ts';
import { findSeededDemoAccounts } from './demo.store.ts';

/** Demo-mode routes; outside demo mode none is registered, so they answer 404 like any unknown address. */
export function demoRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  return async (app) => {
    if (!deps.config.demo) return;
    // SECURITY: public on purpose, and only in demo mode: the accounts are fake and reach only the demo society.
    app.get(
      '/api/demo/accounts',
      {
        config: { access: access.public },
        schema: { tags: ['demo'], response: { 200: DemoAccounts } },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return presentDemoAccounts(await findSeededDemoAccounts(deps.db, deps.accountKeys));
      },
    );
  };
}
