import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Member,
  MemberListQuery,
  MemberPage,
  NewMemberBody,
  NewMemberResult,
  RolesBody,
  SessionsEndedResult,
  TemporaryPasswordResult,
  UserParams,
} from '../../../common/users.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { ifMatchVersion, setVersionTag } from '../../http/concurrency.ts';
import { resetMfa, resetPassword, signOutMember } from './account.service.ts';
import { changeRoles, removeMember } from './membership.service.ts';
import { addMember, getMember, listMembers } from './users.service.ts';

/**
 * Members of the current society: administrators manage them (never themselves); the data protection officer
 * may list and read them, to follow the audit log, but changes nothing.
 */
export function usersRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['users'];
  const readers = access.roles('administrator', 'dpo');
  const admin = access.roles('administrator');
  const adminWithStepUp = access.rolesWithStepUp('administrator');
  return async (app) => {
    app.get(
      '/api/users',
      {
        config: { access: readers },
        schema: { tags, querystring: MemberListQuery, response: { 200: MemberPage } },
      },
      (request) => listMembers(contextOf(request, deps), request.query),
    );
    app.post(
      '/api/users',
      {
        config: { access: adminWithStepUp },
        schema: { tags, body: NewMemberBody, response: { 201: NewMemberResult } },
      },
      async (request, reply) => {
        const result = await addMember(contextOf(request, deps), request.body);
        setVersionTag(reply, result.member.version);
        return reply.status(201).send(result);
      },
    );
    app.get(
      '/api/users/:userId',
      { config: { access: readers }, schema: { tags, params: UserParams, response: { 200: Member } } },
      async (request, reply) => {
        const member = await getMember(contextOf(request, deps), request.params.userId);
        setVersionTag(reply, member.version);
        return member;
      },
    );
    app.put(
      '/api/users/:userId/roles',
      {
        config: { access: adminWithStepUp },
        schema: { tags, params: UserParams, body: RolesBody, response: { 200: Member } },
      },
      async (request, reply) => {
        const version = ifMatchVersion(request);
        const { userId } = request.params;
        const member = await changeRoles(contextOf(request, deps), {
          userId,
          roles: request.body.roles,
          version,
        });
        setVersionTag(reply, member.version);
        return member;
      },
    );
    app.delete(
      '/api/users/:userId/membership',
      { config: { access: admin }, schema: { tags, params: UserParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeMember(contextOf(request, deps), request.params.userId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/users/:userId/password-reset',
      {
        config: { access: adminWithStepUp },
        schema: { tags, params: UserParams, response: { 200: TemporaryPasswordResult } },
      },
      async (request) => ({
        temporaryPassword: await resetPassword(contextOf(request, deps), request.params.userId),
      }),
    );
    app.post(
      '/api/users/:userId/mfa-reset',
      {
        config: { access: adminWithStepUp },
        schema: { tags, params: UserParams, response: { 200: SessionsEndedResult } },
      },
      async (request) => ({ sessionsEnded: await resetMfa(contextOf(request, deps), request.params.userId) }),
    );
    app.post(
      '/api/users/:userId/sign-out-everywhere',
      {
        config: { access: admin },
        schema: { tags, params: UserParams, response: { 200: SessionsEndedResult } },
      },
      async (request) => ({
        sessionsEnded: await signOutMember(contextOf(request, deps), request.params.userId),
      }),
    );
  };
}
