import { sql, type Insertable, type SqlBool } from 'kysely';
import type { SocietyTx } from '../../access/scope.ts';
import { withConsent, type ConsentsTable } from './consent.schema.ts';

/** A consent row as stored. */
export type ConsentRow = Omit<ConsentsTable, 'given_at' | 'expires_at' | 'withdrawn_at' | 'created_at'> & {
  given_at: Date;
  expires_at: Date | null;
  withdrawn_at: Date | null;
  created_at: Date;
};

/** An organisation (and maybe one of its services) as consent and the gate need it. */
export type RegistryRecipient = {
  organisationId: string;
  name: string;
  kind: 'internal' | 'external' | 'national-society';
  protectiveRole: 'nrm' | 'child-protection' | 'police' | null;
  serviceId: string | null;
  serviceOrganisationId: string | null;
  serviceTeamId: string | null;
};

/** Loads an organisation of the transaction's society, and the service if one is named (whatever its owner). */
export async function findRecipient(
  tx: SocietyTx,
  ref: { organisationId: string; serviceId?: string | undefined },
): Promise<RegistryRecipient | undefined> {
  const db = withConsent(tx);
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'protective_role'])
    .where('id', '=', ref.organisationId)
    .executeTakeFirst();
  if (!org) return undefined;
  const service = ref.serviceId
    ? await db
        .selectFrom('services')
        .select(['id', 'organisation_id', 'team_id'])
        .where('id', '=', ref.serviceId)
        .executeTakeFirst()
    : undefined;
  return {
    organisationId: org.id,
    name: org.name,
    kind: org.kind,
    protectiveRole: org.protective_role,
    serviceId: service?.id ?? null,
    serviceOrganisationId: service?.organisation_id ?? null,
    serviceTeamId: service?.team_id ?? null,
  };
}

/** The names of organisations, by id. */
export async function organisationNames(
  tx: SocietyTx,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return withConsent(tx)
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .orderBy('name')
    .execute();
}

/** Inserts a consent row. */
export async function insertConsent(tx: SocietyTx, row: Insertable<ConsentsTable>): Promise<void> {
  await withConsent(tx).insertInto('consents').values(row).execute();
}

/** A person's consents, newest first. */
export async function listConsentRows(tx: SocietyTx, personId: string): Promise<ConsentRow[]> {
  return withConsent(tx)
    .selectFrom('consents')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** One consent of a person; `lock` holds it until the transaction ends. */
export async function findConsentRow(
  tx: SocietyTx,
  ref: { personId: string; consentId: string },
  lock = false,
): Promise<ConsentRow | undefined> {
  let query = withConsent(tx)
    .selectFrom('consents')
    .selectAll()
    .where('id', '=', ref.consentId)
    .where('person_id', '=', ref.personId);
  if (lock) query = query.forUpdate();
  return await query.executeTakeFirst();
}

/** Records a withdrawal. */
export async function markWithdrawn(
  tx: SocietyTx,
  change: { consentId: string; at: Date; effect: string; by: string },
): Promise<void> {
  await withConsent(tx)
    .updateTable('consents')
    .set({ withdrawn_at: change.at, withdrawal_effect: change.effect, withdrawn_by: change.by })
    .where('id', '=', change.consentId)
    .execute();
}

/** Consents with quality flags, newest first, with the person's pseudonymous code (the focal points' queue). */
export async function listFlaggedConsentRows(
  tx: SocietyTx,
  limit: number,
): Promise<(ConsentRow & { person_code: string })[]> {
  return withConsent(tx)
    .selectFrom('consents')
    .innerJoin('people', (j) =>
      j.onRef('people.society_id', '=', 'consents.society_id').onRef('people.id', '=', 'consents.person_id'),
    )
    .selectAll('consents')
    .select('people.code as person_code')
    .where(sql<SqlBool>`cardinality(consents.quality_flags) > 0`)
    .where('consents.withdrawn_at', 'is', null)
    .orderBy('consents.created_at', 'desc')
    .limit(limit)
    .execute();
}
