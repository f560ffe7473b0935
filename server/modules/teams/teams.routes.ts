import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Team, TeamMembersBody, TeamNameBody, TeamPage, TeamParams } from '../../../common/teams.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { ifMatchVersion, setVersionTag } from '../../http/concurrency.ts';
import { createTeam, getTeam, listTeams, renameTeam, setTeamMembers } from './teams.service.ts';

/** Teams of the current society: any member reads them; administrators create, rename and staff them. */
export function teamsRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['teams'];
  const admin = access.roles('administrator');
  return async (app) => {
    app.get(
      '/api/teams',
      { config: { access: access.anyMember }, schema: { tags, response: { 200: TeamPage } } },
      (request) => listTeams(contextOf(request, deps)),
    );
    app.post(
      '/api/teams',
      { config: { access: admin }, schema: { tags, body: TeamNameBody, response: { 201: Team } } },
      async (request, reply) => {
        const team = await createTeam(contextOf(request, deps), request.body.name);
        setVersionTag(reply, team.version);
        return reply.status(201).send(team);
      },
    );
    app.get(
      '/api/teams/:teamId',
      { config: { access: access.anyMember }, schema: { tags, params: TeamParams, response: { 200: Team } } },
      async (request, reply) => {
        const team = await getTeam(contextOf(request, deps), request.params.teamId);
        setVersionTag(reply, team.version);
        return team;
      },
    );
    app.patch(
      '/api/teams/:teamId',
      {
        config: { access: admin },
        schema: { tags, params: TeamParams, body: TeamNameBody, response: { 200: Team } },
      },
      async (request, reply) => {
        const change = { ...request.params, name: request.body.name, version: ifMatchVersion(request) };
        const team = await renameTeam(contextOf(request, deps), change);
        setVersionTag(reply, team.version);
        return team;
      },
    );
    app.put(
      '/api/teams/:teamId/members',
      {
        config: { access: admin },
        schema: { tags, params: TeamParams, body: TeamMembersBody, response: { 200: Team } },
      },
      async (request, reply) => {
        const change = { ...request.params, userIds: request.body.userIds, version: ifMatchVersion(request) };
        const team = await setTeamMembers(contextOf(request, deps), change);
        setVersionTag(reply, team.version);
        return team;
      },
    );
  };
}
