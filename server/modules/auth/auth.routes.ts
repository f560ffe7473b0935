import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MfaCodeBody,
  MfaEnrolment,
  RecoveryCodeBody,
  RecoveryCodes,
  SessionStage,
  SessionView,
  SignInBody,
  StepUpBody,
} from '../../../common/auth.ts';
import { hasFreshStepUp } from '../../access/actor.ts';
import { actorOf } from '../../access/guard.ts';
import { access } from '../../access/rules.ts';
import { sessionCookieName, sessionCookieOptions } from '../../access/session.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/problem.ts';
import {
  signIn,
  signOut,
  signOutEverywhere,
  type AuthDeps,
  type Issued,
  type Origin,
} from './auth.service.ts';
import { getSessionView } from './me.service.ts';
import { confirmEnrolment, startEnrolment, stepUp, useRecoveryCode, verifyMfa } from './mfa.service.ts';

/** The next stage of signing in, after a step of it succeeded. */
const StageResult = z.object({ stage: SessionStage });
const EnrolmentResult = RecoveryCodes.extend({ stage: SessionStage });
const allStages = access.signingIn('password-change', 'mfa', 'mfa-enrolment', 'active');

/** Where a request came from, for throttling and the session list. */
export function originOf(request: FastifyRequest): Origin {
  return { address: request.ip, userAgent: request.headers['user-agent'], requestId: request.id };
}

/** Sets the cookie of a newly issued session and answers with its stage. */
export function sendIssued(reply: FastifyReply, config: Config, issued: Issued) {
  void reply.setCookie(sessionCookieName(config), issued.token, sessionCookieOptions(config));
  return { stage: issued.stage };
}

/** Sign-in, the second factor, step-up, sign-out and the session the web app reads. */
export function authRoutes(deps: AuthDeps & { config: Config }): FastifyPluginAsyncZod {
  const tags = ['auth'];
  return async (app) => {
    app.post(
      '/api/auth/sign-in',
      {
        config: { access: access.public },
        schema: { tags, body: SignInBody, response: { 200: StageResult } },
      },
      async (request, reply) => {
        const issued = await signIn(deps, { ...request.body, origin: originOf(request) });
        return sendIssued(reply, deps.config, issued);
      },
    );
    app.post(
      '/api/auth/mfa',
      {
        config: { access: access.signingIn('mfa') },
        schema: { tags, body: MfaCodeBody, response: { 200: StageResult } },
      },
      async (request, reply) => {
        const issued = await verifyMfa(deps, actorOf(request), request.body.code, originOf(request));
        return sendIssued(reply, deps.config, issued);
      },
    );
    app.post(
      '/api/auth/mfa/recovery',
      {
        config: { access: access.signingIn('mfa') },
        schema: { tags, body: RecoveryCodeBody, response: { 200: StageResult } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const issued = await useRecoveryCode(deps, actor, request.body.recoveryCode, originOf(request));
        return sendIssued(reply, deps.config, issued);
      },
    );
    app.post(
      '/api/auth/mfa/enrolment',
      {
        config: { access: access.signingIn('mfa-enrolment', 'active') },
        schema: { tags, response: { 200: MfaEnrolment } },
      },
      async (request) => {
        const actor = actorOf(request);
        // Replacing the authenticator of a signed-in account is sensitive: it needs a fresh factor first.
        if (actor.stage === 'active' && !hasFreshStepUp(actor))
          throw new AppError('step-up-required', 'Confirm with your current code to continue.');
        return startEnrolment(deps, actor);
      },
    );
    app.post(
      '/api/auth/mfa/enrolment/confirm',
      {
        config: { access: access.signingIn('mfa-enrolment', 'active') },
        schema: { tags, body: MfaCodeBody, response: { 200: EnrolmentResult } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const done = await confirmEnrolment(deps, actor, request.body.code, originOf(request));
        if (done.issued) sendIssued(reply, deps.config, done.issued);
        return { stage: done.issued?.stage ?? actor.stage, recoveryCodes: done.recoveryCodes };
      },
    );
    app.post(
      '/api/auth/step-up',
      {
        config: { access: access.signedIn },
        schema: { tags, body: StepUpBody, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await stepUp(deps, actorOf(request), request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/auth/sign-out',
      { config: { access: allStages }, schema: { tags, response: { 204: z.null() } } },
      async (request, reply) => {
        await signOut(deps, actorOf(request), originOf(request));
        void reply.clearCookie(sessionCookieName(deps.config), sessionCookieOptions(deps.config));
        return reply.header('clear-site-data', '"cache", "storage"').status(204).send(null);
      },
    );
    app.post(
      '/api/auth/sign-out-everywhere',
      { config: { access: access.signedIn }, schema: { tags, response: { 204: z.null() } } },
      async (request, reply) => {
        await signOutEverywhere(deps, actorOf(request), originOf(request));
        void reply.clearCookie(sessionCookieName(deps.config), sessionCookieOptions(deps.config));
        return reply.header('clear-site-data', '"cache", "storage"').status(204).send(null);
      },
    );
    app.get(
      '/api/session',
      { config: { access: allStages }, schema: { tags, response: { 200: SessionView } } },
      async (request) => getSessionView(deps, actorOf(request)),
    );
  };
}
