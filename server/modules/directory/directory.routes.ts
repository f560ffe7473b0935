import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  NewOrganisationBody,
  NewServiceBody,
  Organisation,
  OrganisationChangeBody,
  OrganisationListQuery,
  OrganisationPage,
  OrganisationParams,
  Service,
  ServiceChangeBody,
  ServiceListQuery,
  ServicePage,
  ServiceParams,
} from '../../../common/directory.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { ifMatchVersion, setVersionTag } from '../../http/concurrency.ts';
import { HsdsOrganization, toHsdsOrganization } from './directory.hsds.ts';
import {
  addOrganisation,
  changeOrganisation,
  ensureSocietyOrganisation,
  getOrganisation,
  listOrganisations,
} from './organisations.service.ts';
import { addService, changeService, getService, listServices } from './services.service.ts';

/**
 * The organisation registry: any member reads it (confidential entries only the restricted tier, see
 * organisation.policy.ts); focal points keep it.
 */
export function directoryRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['directory'];
  const keepers = access.roles('focal-point');
  const reader = access.anyMember;
  return async (app) => {
    app.get(
      '/api/organisations',
      {
        config: { access: reader },
        schema: { tags, querystring: OrganisationListQuery, response: { 200: OrganisationPage } },
      },
      (request) => listOrganisations(contextOf(request, deps), request.query),
    );
    app.post(
      '/api/organisations',
      {
        config: { access: keepers },
        schema: { tags, body: NewOrganisationBody, response: { 201: Organisation } },
      },
      async (request, reply) => {
        const organisation = await addOrganisation(contextOf(request, deps), request.body);
        setVersionTag(reply, organisation.version);
        return reply.status(201).send(organisation);
      },
    );
    app.post(
      '/api/organisations/internal',
      { config: { access: keepers }, schema: { tags, response: { 200: Organisation, 201: Organisation } } },
      async (request, reply) => {
        const { organisation, created } = await ensureSocietyOrganisation(contextOf(request, deps));
        setVersionTag(reply, organisation.version);
        return reply.status(created ? 201 : 200).send(organisation);
      },
    );
    app.get(
      '/api/organisations/:organisationId',
      {
        config: { access: reader },
        schema: { tags, params: OrganisationParams, response: { 200: Organisation } },
      },
      async (request, reply) => {
        const organisation = await getOrganisation(contextOf(request, deps), request.params.organisationId);
        setVersionTag(reply, organisation.version);
        return organisation;
      },
    );
    app.patch(
      '/api/organisations/:organisationId',
      {
        config: { access: keepers },
        schema: {
          tags,
          params: OrganisationParams,
          body: OrganisationChangeBody,
          response: { 200: Organisation },
        },
      },
      async (request, reply) => {
        const change = { ...request.params, body: request.body, version: ifMatchVersion(request) };
        const organisation = await changeOrganisation(contextOf(request, deps), change);
        setVersionTag(reply, organisation.version);
        return organisation;
      },
    );
    app.get(
      '/api/hsds/organizations/:organisationId',
      {
        config: { access: reader },
        schema: { tags, params: OrganisationParams, response: { 200: HsdsOrganization } },
      },
      async (request) =>
        toHsdsOrganization(await getOrganisation(contextOf(request, deps), request.params.organisationId)),
    );
    app.post(
      '/api/organisations/:organisationId/services',
      {
        config: { access: keepers },
        schema: { tags, params: OrganisationParams, body: NewServiceBody, response: { 201: Service } },
      },
      async (request, reply) => {
        const input = { ...request.params, body: request.body };
        const service = await addService(contextOf(request, deps), input);
        setVersionTag(reply, service.version);
        return reply.status(201).send(service);
      },
    );
    app.get(
      '/api/services',
      {
        config: { access: reader },
        schema: { tags, querystring: ServiceListQuery, response: { 200: ServicePage } },
      },
      (request) => listServices(contextOf(request, deps), request.query),
    );
    app.get(
      '/api/services/:serviceId',
      { config: { access: reader }, schema: { tags, params: ServiceParams, response: { 200: Service } } },
      async (request, reply) => {
        const service = await getService(contextOf(request, deps), request.params.serviceId);
        setVersionTag(reply, service.version);
        return service;
      },
    );
    app.patch(
      '/api/services/:serviceId',
      {
        config: { access: keepers },
        schema: { tags, params: ServiceParams, body: ServiceChangeBody, response: { 200: Service } },
      },
      async (request, reply) => {
        const change = { ...request.params, body: request.body, version: ifMatchVersion(request) };
        const service = await changeService(contextOf(request, deps), change);
        setVersionTag(reply, service.version);
        return service;
      },
    );
  };
}
