import type { Organisation, OrganisationSummary, Service } from '../../../common/directory.ts';
import type { Actor } from '../../access/actor.ts';
import {
  allowedOrganisationActions,
  allowedServiceActions,
  canSeeService,
} from '../../access/policies/organisation.policy.ts';
import { AppError } from '../../http/problem.ts';
import type { OrganisationRecord, OrganisationSummaryRecord } from './organisations.store.ts';
import type { ServiceRecord } from './services.store.ts';

/** A service as the actor sees it, with what they may do to it. */
export function presentService(actor: Actor, service: ServiceRecord): Service {
  const { organisationIsConfidential, ...fields } = service;
  const organisation = { isConfidential: organisationIsConfidential };
  return { ...fields, allowedActions: allowedServiceActions(actor, service, organisation) };
}

/** An organisation as the actor sees it: its details, the services they may see, what they may do to it. */
export function presentOrganisation(
  actor: Actor,
  organisation: OrganisationRecord,
  services: readonly ServiceRecord[],
): Organisation {
  return {
    ...organisation,
    // SECURITY: the store already left out what the actor may not see; the policy is asked again here.
    services: services
      .filter((s) => canSeeService(actor, s, organisation))
      .map((s) => presentService(actor, s)),
    allowedActions: allowedOrganisationActions(actor, organisation),
  };
}

/** An organisation in a list. */
export function presentSummary(summary: OrganisationSummaryRecord): OrganisationSummary {
  return summary;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A page cursor: the sort key of the last item of a page (names of organisations and services, an id). */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * One page of a list read `limit + 1` rows deep: the first `limit` rows presented, and the cursor of the next page
 * (the sort key of the last row shown) when the extra row says there is one.
 */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  sortKeyOf: (row: Row) => readonly string[],
  present: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor(sortKeyOf(last)) : null,
  };
}

/** Reads a cursor this module issued with `size` sort-key values, the last an id; anything else is a 400. */
export function decodeCursor(cursor: string | undefined, size: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (
    Array.isArray(values) &&
    values.length === size &&
    values.every((v) => typeof v === 'string') &&
    uuidPattern.test(values[size - 1] as string)
  )
    return values;
  throw new AppError('validation-failed', 'This page link is not valid.', [
    { path: 'querystring.cursor', code: 'invalid-cursor', message: 'Not a cursor Passage issued.' },
  ]);
}
