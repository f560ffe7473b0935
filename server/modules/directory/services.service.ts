import type {
  NewServiceBody,
  Service,
  ServiceChangeBody,
  ServiceListQuery,
  ServicePage,
} from '../../../common/directory.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import {
  allowedOrganisationActions,
  allowedServiceActions,
  canSeeService,
  seesConfidentialEntries,
} from '../../access/policies/organisation.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { staleVersion } from '../../http/concurrency.ts';
import { AppError } from '../../http/problem.ts';
import { withDirectory } from './directory.schema.ts';
import { decodeCursor, pageOf, presentService } from './directory.present.ts';
import { authorizeKeeping, changedFields, loadVisibleOrganisation } from './organisations.service.ts';
import type { OrganisationRecord } from './organisations.store.ts';
import * as store from './services.store.ts';

/**
 * Loads a service of the actor's society that the actor may see, inside a transaction.
 * SECURITY: a confidential service, or one of a confidential organisation, is not found outside the restricted tier.
 */
async function loadVisibleService(
  ctx: ServiceContext,
  tx: SocietyTx,
  serviceId: string,
  lock = false,
): Promise<store.ServiceRecord> {
  const service = await store.findServiceRow(withDirectory(tx), serviceId, lock);
  if (!service || !canSeeService(ctx.actor, service, { isConfidential: service.organisationIsConfidential }))
    throw new AppError('not-found', 'No such service in this society.');
  return service;
}

const unique = <T>(values: readonly T[] | undefined) => values && [...new Set(values)];

// A team delivers a service of the society's own organisation only; the team must be one of the society's.
async function checkTeam(tx: SocietyTx, organisation: OrganisationRecord, teamId: string | null | undefined) {
  if (!teamId) return;
  const error = (code: string, message: string) =>
    new AppError('validation-failed', message, [{ path: 'body.teamId', code, message }]);
  if (organisation.kind !== 'internal')
    throw error('internal-only', 'Only a service of the society’s own organisation is delivered by a team.');
  if (!(await store.teamExists(withDirectory(tx), teamId))) throw error('unknown-team', 'No such team.');
}

/** Lists the services of the actor's society that the actor may see, by organisation and name, a page at a time. */
export async function listServices(ctx: ServiceContext, query: ServiceListQuery): Promise<ServicePage> {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor, 3);
  const after = cursor && { organisationName: cursor[0] ?? '', name: cursor[1] ?? '', id: cursor[2] ?? '' };
  const rows = await inActorSociety(ctx, (tx) =>
    store.listServiceRows(withDirectory(tx), {
      ...query,
      includeConfidential: seesConfidentialEntries(ctx.actor),
      after,
      limit: limit + 1,
    }),
  );
  return pageOf(
    rows,
    limit,
    (row) => [row.organisationName, row.name, row.id],
    (row) => presentService(ctx.actor, row),
  );
}

/** Returns one service of the actor's society. */
export async function getService(ctx: ServiceContext, serviceId: string): Promise<Service> {
  return presentService(ctx.actor, await inActorSociety(ctx, (tx) => loadVisibleService(ctx, tx, serviceId)));
}

/** Adds a service to an organisation of the actor's society. */
export async function addService(
  ctx: ServiceContext,
  input: { organisationId: string; body: NewServiceBody },
): Promise<Service> {
  const societyId = currentSocietyId(ctx);
  const { body } = input;
  const service = await inActorSociety(ctx, async (tx) => {
    const organisation = await loadVisibleOrganisation(ctx, tx, input.organisationId, true);
    authorizeKeeping(allowedOrganisationActions(ctx.actor, organisation));
    await checkTeam(tx, organisation, body.teamId);
    const serviceId = await store.insertService(withDirectory(tx), {
      ...body,
      categories: unique(body.categories),
      languages: unique(body.languages),
      societyId,
      organisationId: organisation.id,
    });
    await appendAuditEvent(tx, {
      kind: 'service.created',
      subjectId: serviceId,
      payload: { organisationId: organisation.id },
      ...auditActor(ctx),
    });
    return loadVisibleService(ctx, tx, serviceId);
  });
  return presentService(ctx.actor, service);
}

/** Changes a service's details, if it is still at the version the actor saw. */
export async function changeService(
  ctx: ServiceContext,
  change: { serviceId: string; version: number; body: ServiceChangeBody },
): Promise<Service> {
  const service = await inActorSociety(ctx, async (tx) => {
    const current = await loadVisibleService(ctx, tx, change.serviceId, true);
    const organisation = await loadVisibleOrganisation(ctx, tx, current.organisationId);
    authorizeKeeping(allowedServiceActions(ctx.actor, current, organisation));
    const body = {
      ...change.body,
      categories: unique(change.body.categories),
      languages: unique(change.body.languages),
    };
    const fields = changedFields(current, body);
    await checkTeam(tx, organisation, fields.teamId);
    if (current.version !== change.version) throw staleVersion();
    const names = Object.keys(fields).sort();
    if (names.length === 0) return current;
    await store.changeServiceRow(withDirectory(tx), { ...change, fields });
    await appendAuditEvent(tx, {
      kind: 'service.changed',
      subjectId: current.id,
      payload: { organisationId: organisation.id, fields: names },
      ...auditActor(ctx),
    });
    return loadVisibleService(ctx, tx, current.id);
  });
  return presentService(ctx.actor, service);
}
