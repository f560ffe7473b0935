import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentBody,
  ContactFields,
  DocumentFields,
  IdempotencyKey,
  IdentityPatch,
  NewPersonBody,
  Person,
  PersonListQuery,
  PersonPage,
  PersonParams,
  PersonSearchBody,
  PersonSearchResult,
  SpecialFields,
  type PersonFieldGroup,
} from '../../../common/people.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { ifMatchVersion, setVersionTag } from '../../http/concurrency.ts';
import { assignPerson, changePersonGroup } from './people.change.ts';
import { searchPeople } from './people.search.ts';
import { getPerson, listPeople, registerPerson } from './people.service.ts';

const groupBodies = {
  identity: IdentityPatch,
  contact: ContactFields,
  documents: DocumentFields,
  special: SpecialFields,
} as const;

/**
 * People: only the case team (caseworkers and focal points) reaches these routes; every other role is refused
 * (403) before anything is looked up, and a caseworker outside a person's case team gets 404. No name ever
 * appears in a URL: search is a POST.
 */
export function peopleRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['people'];
  const caseTeam = access.roles('caseworker', 'focal-point');
  return async (app) => {
    app.post(
      '/api/people',
      {
        config: { access: caseTeam },
        schema: {
          tags,
          headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }),
          body: NewPersonBody,
          response: { 200: Person, 201: Person },
        },
      },
      async (request, reply) => {
        const idempotencyKey = request.headers['idempotency-key'];
        const result = await registerPerson(contextOf(request, deps), { body: request.body, idempotencyKey });
        setVersionTag(reply, result.person.version);
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        return reply.status(result.replayed ? 200 : 201).send(result.person);
      },
    );
    app.get(
      '/api/people',
      {
        config: { access: caseTeam },
        schema: { tags, querystring: PersonListQuery, response: { 200: PersonPage } },
      },
      (request) => listPeople(contextOf(request, deps), request.query),
    );
    app.post(
      '/api/people/search',
      {
        config: { access: caseTeam },
        schema: { tags, body: PersonSearchBody, response: { 200: PersonSearchResult } },
      },
      (request) => searchPeople(contextOf(request, deps), request.body),
    );
    app.get(
      '/api/people/:personId',
      { config: { access: caseTeam }, schema: { tags, params: PersonParams, response: { 200: Person } } },
      async (request, reply) => {
        const person = await getPerson(contextOf(request, deps), request.params.personId);
        setVersionTag(reply, person.version);
        return person;
      },
    );
    for (const group of Object.keys(groupBodies) as PersonFieldGroup[]) {
      app.patch(
        `/api/people/:personId/${group}`,
        {
          config: { access: caseTeam },
          schema: { tags, params: PersonParams, body: groupBodies[group], response: { 200: Person } },
        },
        async (request, reply) => {
          const change = { ...request.params, group, fields: request.body, version: ifMatchVersion(request) };
          const person = await changePersonGroup(contextOf(request, deps), change);
          setVersionTag(reply, person.version);
          return person;
        },
      );
    }
    app.put(
      '/api/people/:personId/assignment',
      {
        config: { access: access.roles('focal-point') },
        schema: { tags, params: PersonParams, body: AssignmentBody, response: { 200: Person } },
      },
      async (request, reply) => {
        const change = { ...request.params, ...request.body, version: ifMatchVersion(request) };
        const person = await assignPerson(contextOf(request, deps), change);
        setVersionTag(reply, person.version);
        return person;
      },
    );
  };
}
