import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PasswordChangeBody,
  ProfileChangeBody,
  RecoveryCodes,
  SessionParams,
  SessionStage,
  SessionSummary,
  SwitchSocietyBody,
} from '../../../common/auth.ts';
import { actorOf } from '../../access/guard.ts';
import { access } from '../../access/rules.ts';
import type { Config } from '../../config.ts';
import { originOf, sendIssued } from './auth.routes.ts';
import { changePassword, type AuthDeps } from './auth.service.ts';
import { changeProfile, endOwnSession, listOwnSessions, switchSociety } from './me.service.ts';
import { renewRecoveryCodes } from './mfa.service.ts';

const PasswordResult = z.object({ stage: SessionStage });

/** The signed-in user's own profile: password, language, sessions, society, recovery codes. */
export function meRoutes(deps: AuthDeps & { config: Config }): FastifyPluginAsyncZod {
  const tags = ['profile'];
  return async (app) => {
    app.post(
      '/api/me/password',
      {
        config: { access: access.signingIn('password-change', 'active') },
        schema: { tags, body: PasswordChangeBody, response: { 200: PasswordResult } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const issued = await changePassword(deps, actor, { ...request.body, origin: originOf(request) });
        return issued ? sendIssued(reply, deps.config, issued) : { stage: actor.stage };
      },
    );
    app.patch(
      '/api/me',
      {
        config: { access: access.signedIn },
        schema: { tags, body: ProfileChangeBody, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await changeProfile(deps, actorOf(request), request.body);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/me/sessions',
      {
        config: { access: access.signedIn },
        schema: { tags, response: { 200: z.object({ items: z.array(SessionSummary) }) } },
      },
      async (request) => ({ items: await listOwnSessions(deps, actorOf(request)) }),
    );
    app.delete(
      '/api/me/sessions/:sessionId',
      {
        config: { access: access.signedIn },
        schema: { tags, params: SessionParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await endOwnSession(deps, actorOf(request), request.params.sessionId, originOf(request));
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/api/me/society',
      {
        config: { access: access.signedIn },
        schema: { tags, body: SwitchSocietyBody, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await switchSociety(deps, actorOf(request), request.body.societyId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/me/recovery-codes',
      { config: { access: access.signedInWithStepUp }, schema: { tags, response: { 200: RecoveryCodes } } },
      async (request) => ({
        recoveryCodes: await renewRecoveryCodes(deps, actorOf(request).userId, originOf(request)),
      }),
    );
  };
}
