import { sql, type Expression, type SqlBool } from 'kysely';
import type { SocietyTx } from '../../access/scope.ts';
import { currentNormaliserVersion } from '../../crypto/normalise.ts';
import type { LookupToken } from './people.crypto.ts';
import { withPeople, type PeopleTable, type PersonLookupKind } from './people.schema.ts';

/** A person row with its assignments, as services work with it. */
export type PersonRow = Pick<
  PeopleTable,
  | 'id'
  | 'code'
  | 'presumed_child'
  | 'owning_team_id'
  | 'known_as_enc'
  | 'identity_enc'
  | 'contact_enc'
  | 'documents_enc'
  | 'special_enc'
> & {
  version: number;
  created_at: Date;
  assigned: string[];
  /** The person's wrapped data key and the society key version wrapping it; both null once erased. */
  wrapped_key: Buffer | null;
  key_version: number | null;
};

/** Who is asking, for the SQL scope of lists and searches (the same rule as person.policy.ts `personAccess`). */
export type ListScope = { userId: string; teamIds: readonly string[]; allOfSociety: boolean };

const assigned = sql<string[]>`array(select a.user_id from person_assignments a
  where a.society_id = people.society_id and a.person_id = people.id order by a.user_id)`.as('assigned');
// The data key comes with the row, so reading a person costs no extra round trip to unwrap it.
const wrappedKey =
  sql<Buffer | null>`(select k.wrapped_key from data_keys k where k.society_id = people.society_id
  and k.subject_id = people.id)`.as('wrapped_key');
const keyVersion = sql<number | null>`(select k.society_key_version from data_keys k
  where k.society_id = people.society_id and k.subject_id = people.id)`.as('key_version');

const rowColumns = [
  'id',
  'code',
  'presumed_child',
  'owning_team_id',
  'known_as_enc',
  'identity_enc',
  'contact_enc',
  'documents_enc',
  'special_enc',
  'version',
  'created_at',
  assigned,
  wrappedKey,
  keyVersion,
] as const;

/** Finds one person of the transaction's society; `lock` holds the row until the transaction ends. */
export async function findPersonRow(
  tx: SocietyTx,
  personId: string,
  lock = false,
): Promise<PersonRow | undefined> {
  let query = withPeople(tx).selectFrom('people').select(rowColumns).where('id', '=', personId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Finds the person a user registered with an Idempotency-Key, with the body's fingerprint. */
export async function findByIdempotencyKey(
  tx: SocietyTx,
  key: { userId: string; idempotencyKey: string },
): Promise<{ id: string; fingerprint: Buffer | null } | undefined> {
  const row = await withPeople(tx)
    .selectFrom('people')
    .select(['id', 'idempotency_fingerprint'])
    .where('created_by', '=', key.userId)
    .where('idempotency_key', '=', key.idempotencyKey)
    .executeTakeFirst();
  return row && { id: row.id, fingerprint: row.idempotency_fingerprint };
}

/** Whether a pseudonymous code is taken in the transaction's society. */
export async function isCodeTaken(tx: SocietyTx, code: string): Promise<boolean> {
  const row = await withPeople(tx)
    .selectFrom('people')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a person row. */
export async function insertPerson(
  tx: SocietyTx,
  row: Omit<PeopleTable, 'version' | 'created_at' | 'updated_at'>,
): Promise<void> {
  await withPeople(tx).insertInto('people').values(row).execute();
}

/** The ciphertext and flag columns a change may write. */
export type PersonColumns = Partial<
  Pick<
    PeopleTable,
    | 'known_as_enc'
    | 'identity_enc'
    | 'contact_enc'
    | 'documents_enc'
    | 'special_enc'
    | 'presumed_child'
    | 'owning_team_id'
  >
>;

/** Writes changed columns and moves the person to the next version. */
export async function updatePerson(tx: SocietyTx, personId: string, columns: PersonColumns): Promise<void> {
  await withPeople(tx)
    .updateTable('people')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', personId)
    .execute();
}

/** Replaces a person's blind indexes of the given kinds. */
export async function replaceLookups(
  tx: SocietyTx,
  change: {
    societyId: string;
    personId: string;
    keyVersion: number;
    kinds: readonly PersonLookupKind[];
    tokens: readonly LookupToken[];
  },
): Promise<void> {
  const db = withPeople(tx);
  if (change.kinds.length > 0)
    await db
      .deleteFrom('person_lookups')
      .where('person_id', '=', change.personId)
      .where('kind', 'in', [...change.kinds])
      .execute();
  if (change.tokens.length === 0) return;
  await db
    .insertInto('person_lookups')
    .values(
      change.tokens.map((t) => ({
        society_id: change.societyId,
        person_id: change.personId,
        kind: t.kind,
        token: t.token,
        normaliser_version: currentNormaliserVersion,
        key_version: change.keyVersion,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Replaces the caseworkers assigned to a person. */
export async function replaceAssignments(
  tx: SocietyTx,
  change: { societyId: string; personId: string; added: readonly string[]; removed: readonly string[] },
): Promise<void> {
  const db = withPeople(tx);
  if (change.removed.length > 0)
    await db
      .deleteFrom('person_assignments')
      .where('person_id', '=', change.personId)
      .where('user_id', 'in', [...change.removed])
      .execute();
  if (change.added.length > 0)
    await db
      .insertInto('person_assignments')
      .values(
        change.added.map((user_id) => ({
          society_id: change.societyId,
          person_id: change.personId,
          user_id,
        })),
      )
      .execute();
}

/** The SQL form of the person scope: everyone for a focal point; assigned or team people for a caseworker. */
export function inScope(scope: ListScope): Expression<SqlBool> {
  if (scope.allOfSociety) return sql<SqlBool>`true`;
  const teams =
    scope.teamIds.length > 0 ? sql`people.owning_team_id = any(${[...scope.teamIds]}::uuid[])` : sql`false`;
  return sql<SqlBool>`(${teams} or exists(select 1 from person_assignments a where a.society_id = people.society_id
    and a.person_id = people.id and a.user_id = ${scope.userId}))`;
}

/** A page of people in scope, newest first, after the person `cursor` (by creation time, then id). */
export async function listPersonRows(
  tx: SocietyTx,
  query: { scope: ListScope; assignedToMe: boolean; limit: number; cursor: string | undefined },
): Promise<PersonRow[]> {
  let select = withPeople(tx).selectFrom('people').select(rowColumns).where(inScope(query.scope));
  if (query.assignedToMe)
    select = select.where(
      sql<SqlBool>`exists(select 1 from person_assignments a where a.society_id = people.society_id
        and a.person_id = people.id and a.user_id = ${query.scope.userId})`,
    );
  if (query.cursor)
    select = select.where(
      sql<SqlBool>`(people.created_at, people.id) < (select c.created_at, c.id from people c where c.id = ${query.cursor})`,
    );
  return select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

/** People in scope whose blind indexes match any of the given tokens, with how many tokens of each kind matched. */
export async function findLookupMatches(
  tx: SocietyTx,
  query: { scope: ListScope; tokens: readonly { kind: PersonLookupKind; token: Buffer }[]; limit: number },
): Promise<{ personId: string; kind: PersonLookupKind; matches: number }[]> {
  if (query.tokens.length === 0) return [];
  const rows = await withPeople(tx)
    .selectFrom('person_lookups as l')
    .innerJoin('people', (join) =>
      join.onRef('people.society_id', '=', 'l.society_id').onRef('people.id', '=', 'l.person_id'),
    )
    .select([
      'l.person_id as personId',
      'l.kind as kind',
      sql<number>`count(distinct l.token)::int`.as('matches'),
    ])
    .where((eb) =>
      eb.or(query.tokens.map((t) => eb.and([eb('l.kind', '=', t.kind), eb('l.token', '=', t.token)]))),
    )
    .where(inScope(query.scope))
    .groupBy(['l.person_id', 'l.kind'])
    .orderBy(sql`count(distinct l.token)`, 'desc')
    .limit(query.limit)
    .execute();
  return rows;
}

/** Loads people rows by id (in scope), in no particular order. */
export async function findPersonRows(tx: SocietyTx, personIds: readonly string[]): Promise<PersonRow[]> {
  if (personIds.length === 0) return [];
  return withPeople(tx)
    .selectFrom('people')
    .select(rowColumns)
    .where('id', 'in', [...personIds])
    .execute();
}

/** Which of these users are members of the transaction's society holding the caseworker role. */
export async function caseworkerIds(tx: SocietyTx, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where('user_id', 'in', [...userIds])
    .where(sql<SqlBool>`'caseworker' = any(roles)`)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Whether a team exists in the transaction's society. */
export async function teamExists(tx: SocietyTx, teamId: string): Promise<boolean> {
  return (
    (await tx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()) !== undefined
  );
}
