import type {
  NewOrganisationBody,
  Organisation,
  OrganisationChangeBody,
  OrganisationKind,
  OrganisationListQuery,
  OrganisationPage,
} from '../../../common/directory.ts';
import type { FieldError } from '../../../common/problems.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import {
  allowedOrganisationActions,
  canAddOrganisations,
  canSeeOrganisation,
  seesConfidentialEntries,
} from '../../access/policies/organisation.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { staleVersion } from '../../http/concurrency.ts';
import { AppError } from '../../http/problem.ts';
import { withDirectory } from './directory.schema.ts';
import { decodeCursor, pageOf, presentOrganisation, presentSummary } from './directory.present.ts';
import * as store from './organisations.store.ts';
import { listServiceRows } from './services.store.ts';

/**
 * Loads an organisation of the actor's society that the actor may see, inside a transaction.
 * SECURITY: a confidential organisation is not found for anyone outside the restricted tier.
 */
export async function loadVisibleOrganisation(
  ctx: ServiceContext,
  tx: SocietyTx,
  organisationId: string,
  lock = false,
): Promise<store.OrganisationRecord> {
  const organisation = await store.findOrganisationRow(withDirectory(tx), organisationId, lock);
  if (!organisation || !canSeeOrganisation(ctx.actor, organisation))
    throw new AppError('not-found', 'No such organisation in this society.');
  return organisation;
}

/** Refuses an actor who does not keep the directory. */
export function authorizeKeeping(allowed: readonly string[]): void {
  if (allowed.length === 0) throw new AppError('forbidden', 'Only a focal point keeps the directory.');
}

async function withServices(ctx: ServiceContext, tx: SocietyTx, organisation: store.OrganisationRecord) {
  const services = await listServiceRows(withDirectory(tx), {
    includeConfidential: seesConfidentialEntries(ctx.actor),
    organisationId: organisation.id,
    limit: 1000,
  });
  return presentOrganisation(ctx.actor, organisation, services);
}

// The database refuses these too (0008's checks); here they become field errors the form can show.
function checkShape(organisation: {
  kind: OrganisationKind;
  country?: string | null | undefined;
  protectiveRole?: string | null | undefined;
}): void {
  const errors: FieldError[] = [];
  if (organisation.kind === 'national-society' && !organisation.country)
    errors.push({ path: 'body.country', code: 'required', message: 'A National Society has a country.' });
  if (organisation.protectiveRole && organisation.kind !== 'external')
    errors.push({
      path: 'body.protectiveRole',
      code: 'external-only',
      message: 'Only an external organisation is an authority for protective referrals.',
    });
  if (errors.length > 0) throw new AppError('validation-failed', 'The organisation is not valid.', errors);
}

/** Lists the organisations of the actor's society that the actor may see, by name, a page at a time. */
export async function listOrganisations(
  ctx: ServiceContext,
  query: OrganisationListQuery,
): Promise<OrganisationPage> {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor, 2);
  const after = cursor && { name: cursor[0] ?? '', id: cursor[1] ?? '' };
  const rows = await inActorSociety(ctx, (tx) =>
    store.listOrganisationRows(withDirectory(tx), {
      ...query,
      includeConfidential: seesConfidentialEntries(ctx.actor),
      after,
      limit: limit + 1,
    }),
  );
  return pageOf(rows, limit, (row) => [row.name, row.id], presentSummary);
}

/** Returns one organisation of the actor's society with the services the actor may see. */
export async function getOrganisation(ctx: ServiceContext, organisationId: string): Promise<Organisation> {
  return inActorSociety(ctx, async (tx) =>
    withServices(ctx, tx, await loadVisibleOrganisation(ctx, tx, organisationId)),
  );
}

/** Adds a partner, an authority or another National Society to the directory of the actor's society. */
export async function addOrganisation(ctx: ServiceContext, body: NewOrganisationBody): Promise<Organisation> {
  if (!canAddOrganisations(ctx.actor))
    throw new AppError('forbidden', 'Only a focal point keeps the directory.');
  checkShape(body);
  const societyId = currentSocietyId(ctx);
  return inActorSociety(ctx, async (tx) => {
    const organisationId = await store.insertOrganisation(withDirectory(tx), { ...body, societyId });
    await appendAuditEvent(tx, {
      kind: 'organisation.created',
      subjectId: organisationId,
      payload: { kind: body.kind },
      ...auditActor(ctx),
    });
    return withServices(ctx, tx, await loadVisibleOrganisation(ctx, tx, organisationId));
  });
}

/**
 * Returns the society's own (internal) organisation, making it on first use, named after the society: the
 * society's services (each delivered by one of its teams) are offered under it. `created` says whether it was made.
 */
export async function ensureSocietyOrganisation(
  ctx: ServiceContext,
): Promise<{ organisation: Organisation; created: boolean }> {
  if (!canAddOrganisations(ctx.actor))
    throw new AppError('forbidden', 'Only a focal point keeps the directory.');
  const society = ctx.actor.society;
  if (!society) throw new AppError('forbidden', 'You are not a member of a society in Passage.');
  return inActorSociety(ctx, async (tx) => {
    const directory = withDirectory(tx);
    const madeId = await store.insertInternalOrganisation(directory, {
      societyId: society.societyId,
      name: society.societyName,
    });
    if (madeId)
      await appendAuditEvent(tx, {
        kind: 'organisation.created',
        subjectId: madeId,
        payload: { kind: 'internal' },
        ...auditActor(ctx),
      });
    const id = madeId ?? (await store.findInternalOrganisationId(directory));
    if (!id) throw new Error('The internal organisation is neither made nor found.');
    const organisation = await withServices(ctx, tx, await loadVisibleOrganisation(ctx, tx, id));
    return { organisation, created: madeId !== undefined };
  });
}

/** The fields of a change whose value differs from the record's. */
export function changedFields<T extends object>(current: T, change: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(change).filter(
      ([key, value]) =>
        value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key as keyof T]),
    ),
  ) as Partial<T>;
}

/** Changes an organisation's details, if it is still at the version the actor saw. */
export async function changeOrganisation(
  ctx: ServiceContext,
  change: { organisationId: string; version: number; body: OrganisationChangeBody },
): Promise<Organisation> {
  return inActorSociety(ctx, async (tx) => {
    const current = await loadVisibleOrganisation(ctx, tx, change.organisationId, true);
    authorizeKeeping(allowedOrganisationActions(ctx.actor, current));
    const fields = changedFields(current, change.body);
    checkShape({ ...current, ...fields });
    if (current.version !== change.version) throw staleVersion();
    const names = Object.keys(fields).sort();
    if (names.length === 0) return withServices(ctx, tx, current);
    await store.changeOrganisationRow(withDirectory(tx), { ...change, fields });
    await appendAuditEvent(tx, {
      kind: 'organisation.changed',
      subjectId: current.id,
      payload: { fields: names },
      ...auditActor(ctx),
    });
    return withServices(ctx, tx, await loadVisibleOrganisation(ctx, tx, current.id));
  });
}
