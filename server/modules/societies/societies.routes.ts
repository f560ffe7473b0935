import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Society, SocietyParams } from '../../../common/societies.ts';
import type { ServiceContext } from './societies.service.ts';
import { getSociety } from './societies.service.ts';

/** Society routes. */
export function societiesRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/societies/:societyId',
      { schema: { tags: ['societies'], params: SocietyParams, response: { 200: Society } } },
      (request) => getSociety(ctx, request.params.societyId),
    );
  };
}
