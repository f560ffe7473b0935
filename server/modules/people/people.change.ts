import type { FieldError } from '../../../common/problems.ts';
import {
  isPresumedChild,
  type AssignmentBody,
  type IdentityPatch,
  type Person,
  type PersonFieldGroup,
} from '../../../common/people.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { changeActionOf, personActionRefusal } from '../../access/policies/person.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { getBlindIndexKey } from '../../crypto/blind-index.ts';
import type { DataKey } from '../../crypto/data-keys.ts';
import { staleVersion } from '../../http/concurrency.ts';
import { AppError } from '../../http/problem.ts';
import {
  columnOf,
  documentLookups,
  nameLookups,
  openGroup,
  openKnownAs,
  phoneLookups,
  sealGroup,
  sealKnownAs,
  type GroupFields,
} from './people.crypto.ts';
import { findPersonKey, loadVisiblePerson, requirePersonKey, type VisiblePerson } from './people.load.ts';
import { accessRecord, presentPerson } from './people.present.ts';
import type { PersonLookupKind } from './people.schema.ts';
import * as store from './people.store.ts';

/** A change to one field group: the fields given replace theirs (`{ answer: 'not-recorded' }` clears one). */
export type GroupChange<G extends PersonFieldGroup> = {
  personId: string;
  group: G;
  fields: G extends 'identity' ? IdentityPatch : GroupFields<G>;
  version: number;
};

async function loadForChange(
  ctx: ServiceContext,
  tx: SocietyTx,
  change: { personId: string; version: number },
  action: Parameters<typeof personActionRefusal>[2],
): Promise<VisiblePerson> {
  const person = await loadVisiblePerson(tx, ctx, change.personId, true);
  const refusal = personActionRefusal(ctx.actor, accessRecord(person.row), action);
  if (refusal) throw new AppError('forbidden', refusal);
  if (person.row.version !== change.version) throw staleVersion();
  return person;
}

function merge<T extends object>(current: T, patch: Partial<T>): T {
  const entries = Object.entries({ ...current, ...patch }) as [string, { answer?: unknown } | undefined][];
  // Not recorded is the default: it is stored as the field's absence.
  return Object.fromEntries(entries.filter(([, value]) => value?.answer !== 'not-recorded')) as T;
}

const lookupKindOf: Partial<Record<PersonFieldGroup, PersonLookupKind>> = {
  identity: 'name-token',
  contact: 'phone',
  documents: 'document-number',
};

async function rewriteGroup<G extends PersonFieldGroup>(
  ctx: ServiceContext,
  tx: SocietyTx,
  person: VisiblePerson,
  change: GroupChange<G>,
  key: DataKey,
): Promise<void> {
  const { row } = person;
  const { knownAs, ...fields } = change.fields as GroupFields<G> & { knownAs?: string | null };
  const merged = merge(
    openGroup(key, change.group, row[columnOf[change.group]]),
    fields as Partial<GroupFields<G>>,
  );
  const columns: store.PersonColumns = { [columnOf[change.group]]: sealGroup(key, change.group, merged) };
  const name = knownAs === undefined ? openKnownAs(key, row.known_as_enc) : knownAs;
  if (knownAs !== undefined) columns.known_as_enc = sealKnownAs(key, knownAs);
  if (change.group === 'identity')
    columns.presumed_child = isPresumedChild((merged as GroupFields<'identity'>).birth, new Date());
  await store.updatePerson(tx, row.id, columns);
  const kind = lookupKindOf[change.group];
  if (!kind) return;
  const societyId = currentSocietyId(ctx);
  const blind = await getBlindIndexKey(ctx.keys, tx, societyId);
  const tokens =
    change.group === 'identity'
      ? nameLookups(blind, name, merged as GroupFields<'identity'>)
      : change.group === 'contact'
        ? phoneLookups(blind, merged as GroupFields<'contact'>)
        : documentLookups(blind, merged as GroupFields<'documents'>);
  await store.replaceLookups(tx, {
    societyId,
    personId: row.id,
    keyVersion: blind.version,
    kinds: [kind],
    tokens,
  });
}

/** Changes some fields of one group of a person, if still at the version the actor saw; audited by field name. */
export async function changePersonGroup<G extends PersonFieldGroup>(
  ctx: ServiceContext,
  change: GroupChange<G>,
): Promise<Person> {
  return inActorSociety(ctx, async (tx) => {
    const person = await loadForChange(ctx, tx, change, changeActionOf(change.group));
    const key = await requirePersonKey(ctx, tx, person.row);
    const fields = Object.keys(change.fields);
    if (fields.length > 0) await rewriteGroup(ctx, tx, person, change, key);
    const updated = await loadVisiblePerson(tx, ctx, change.personId);
    const view = await presentPerson(tx, ctx, updated.row, key);
    if (fields.length > 0)
      await appendAuditEvent(tx, {
        kind: 'person.changed',
        subjectId: change.personId,
        payload: { group: change.group, fields },
        ...auditActor(ctx),
      });
    return view;
  });
}

async function checkAssignment(tx: SocietyTx, body: AssignmentBody): Promise<void> {
  const caseworkers = await store.caseworkerIds(tx, body.caseworkerIds);
  const errors: FieldError[] = body.caseworkerIds.flatMap((id, i) =>
    caseworkers.has(id)
      ? []
      : [
          {
            path: `body.caseworkerIds.${i}`,
            code: 'not-a-caseworker',
            message: 'Not a caseworker of this society.',
          },
        ],
  );
  if (body.teamId !== null && !(await store.teamExists(tx, body.teamId)))
    errors.push({ path: 'body.teamId', code: 'unknown-team', message: 'No such team in this society.' });
  if (errors.length > 0)
    throw new AppError('validation-failed', 'Assign caseworkers and a team of this society.', errors);
}

/** Sets the caseworkers assigned to a person and the team that owns the record (a focal point's decision). */
export async function assignPerson(
  ctx: ServiceContext,
  change: AssignmentBody & { personId: string; version: number },
): Promise<Person> {
  return inActorSociety(ctx, async (tx) => {
    const person = await loadForChange(ctx, tx, change, 'assign');
    await checkAssignment(tx, change);
    const wanted = [...new Set(change.caseworkerIds)];
    const added = wanted.filter((id) => !person.row.assigned.includes(id));
    const removed = person.row.assigned.filter((id) => !wanted.includes(id));
    const teamChanged = change.teamId !== person.row.owning_team_id;
    const societyId = currentSocietyId(ctx);
    if (added.length > 0 || removed.length > 0 || teamChanged) {
      await store.replaceAssignments(tx, { societyId, personId: change.personId, added, removed });
      await store.updatePerson(tx, change.personId, { owning_team_id: change.teamId });
    }
    const updated = await loadVisiblePerson(tx, ctx, change.personId);
    const view = await presentPerson(tx, ctx, updated.row, await findPersonKey(ctx, tx, updated.row));
    if (added.length > 0 || removed.length > 0 || teamChanged)
      await appendAuditEvent(tx, {
        kind: 'person.assigned',
        subjectId: change.personId,
        payload: { added, removed, teamId: change.teamId },
        ...auditActor(ctx),
      });
    return view;
  });
}
