import { PersonAction, PersonFieldGroup, type Person, type PersonSummary } from '../../../common/people.ts';
import type { ServiceContext } from '../../access/context.ts';
import {
  allowedPersonActions,
  maySeeGroup,
  personAccess,
  type PersonAccess,
} from '../../access/policies/person.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { recordRead } from '../../audit/audit.writer.ts';
import type { DataKey } from '../../crypto/data-keys.ts';
import { columnOf, openGroup, openKnownAs } from './people.crypto.ts';
import type { PersonRow } from './people.store.ts';

/** The policy's view of a person row. */
export function accessRecord(row: PersonRow): {
  owningTeamId: string | null;
  assignedCaseworkerIds: string[];
} {
  return { owningTeamId: row.owning_team_id, assignedCaseworkerIds: row.assigned };
}

/** The actor's access to a person row. */
export function accessTo(ctx: ServiceContext, row: PersonRow): PersonAccess {
  return personAccess(ctx.actor, accessRecord(row));
}

type Group = Person['identity'] | Person['contact'] | Person['documents'] | Person['special'];

function groupView(
  row: PersonRow,
  key: DataKey | undefined,
  group: PersonFieldGroup,
  access: PersonAccess,
): { view: Group; read: string[] } {
  if (!maySeeGroup(access, group)) return { view: { access: 'masked', reason: 'restricted' }, read: [] };
  if (!key) return { view: { access: 'masked', reason: 'erased' }, read: [] };
  const fields = openGroup(key, group, row[columnOf[group]]);
  return {
    view: { access: 'visible', fields } as Group,
    read: Object.keys(fields).map((name) => `${group}.${name}`),
  };
}

/**
 * A person as the actor may see them: the groups their access allows decrypted, the rest masked with the reason;
 * every identity field read is written to the read log in the same transaction. `key` is undefined once the
 * person was erased (their data key destroyed).
 */
export async function presentPerson(
  tx: SocietyTx,
  ctx: ServiceContext,
  row: PersonRow,
  key: DataKey | undefined,
): Promise<Person> {
  const access = accessTo(ctx, row);
  const knownAs = key ? openKnownAs(key, row.known_as_enc) : null;
  const groups = Object.fromEntries(
    PersonFieldGroup.options.map((group) => [group, groupView(row, key, group, access)]),
  ) as Record<PersonFieldGroup, { view: Group; read: string[] }>;
  const read = [
    ...(knownAs === null ? [] : ['knownAs']),
    ...PersonFieldGroup.options.flatMap((g) => groups[g].read),
  ];
  if (read.length > 0)
    await recordRead(tx, {
      actorUserId: ctx.actor.userId,
      subjectType: 'person',
      subjectId: row.id,
      fields: read,
      purpose: 'case-work',
      requestId: ctx.requestId,
    });
  return {
    id: row.id,
    code: row.code,
    knownAs,
    presumedChild: row.presumed_child,
    erased: row.wrapped_key === null,
    owningTeamId: row.owning_team_id,
    assignedCaseworkerIds: row.assigned,
    identity: groups.identity.view as Person['identity'],
    contact: groups.contact.view as Person['contact'],
    documents: groups.documents.view as Person['documents'],
    special: groups.special.view as Person['special'],
    version: row.version,
    createdAt: row.created_at.toISOString(),
    allowedActions: allowedPersonActions(ctx.actor, accessRecord(row), PersonAction.options),
  };
}

/**
 * People in a list or among search candidates: code, flags, and the "known as" name, each name read written to
 * the read log (one insert for the page).
 */
export async function presentSummaries(
  tx: SocietyTx,
  ctx: ServiceContext,
  rows: readonly PersonRow[],
  keys: ReadonlyMap<string, DataKey>,
): Promise<PersonSummary[]> {
  const items = rows.map((row) => {
    const key = keys.get(row.id);
    return {
      id: row.id,
      code: row.code,
      knownAs: key ? openKnownAs(key, row.known_as_enc) : null,
      presumedChild: row.presumed_child,
      assignedToMe: row.assigned.includes(ctx.actor.userId),
      createdAt: row.created_at.toISOString(),
    };
  });
  await recordRead(
    tx,
    items
      .filter((item) => item.knownAs !== null)
      .map((item) => ({
        actorUserId: ctx.actor.userId,
        subjectType: 'person' as const,
        subjectId: item.id,
        fields: ['knownAs'],
        purpose: 'case-work' as const,
        requestId: ctx.requestId,
      })),
  );
  return items;
}
