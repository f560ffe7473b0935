import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Society, SocietyParams, SocietyProfile, SocietySettingsBody } from '../../../common/societies.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { ifMatchVersion, setVersionTag } from '../../http/concurrency.ts';
import { changeSettings, getCurrentSociety, getSociety } from './societies.service.ts';

/** Society routes: any society the user belongs to, and the current society's profile and settings. */
export function societiesRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['societies'];
  return async (app) => {
    app.get(
      '/api/societies/:societyId',
      {
        config: { access: access.anyMember },
        schema: { tags, params: SocietyParams, response: { 200: Society } },
      },
      (request) => getSociety(contextOf(request, deps), request.params.societyId),
    );
    app.get(
      '/api/society',
      { config: { access: access.anyMember }, schema: { tags, response: { 200: SocietyProfile } } },
      async (request, reply) => {
        const society = await getCurrentSociety(contextOf(request, deps));
        setVersionTag(reply, society.version);
        return society;
      },
    );
    app.patch(
      '/api/society/settings',
      {
        config: { access: access.roles('administrator') },
        schema: { tags, body: SocietySettingsBody, response: { 200: SocietyProfile } },
      },
      async (request, reply) => {
        const change = { body: request.body, version: ifMatchVersion(request) };
        const society = await changeSettings(contextOf(request, deps), change);
        setVersionTag(reply, society.version);
        return society;
      },
    );
  };
}
