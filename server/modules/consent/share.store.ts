import { sql, type Insertable, type SqlBool } from 'kysely';
import type { SocietyTx } from '../../access/scope.ts';
import { withConsent, type SharesTable } from './consent.schema.ts';

/** Inserts a share and returns its id. */
export async function insertShare(
  tx: SocietyTx,
  row: Omit<Insertable<SharesTable>, 'id' | 'shared_at'>,
): Promise<string> {
  const inserted = await withConsent(tx)
    .insertInto('shares')
    .values({ ...row, id: sql<string>`gen_random_uuid()` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The recipients of the shares made under a consent: each organisation once, with its kind and the teams reached. */
export async function recipientsOfConsent(
  tx: SocietyTx,
  consentId: string,
): Promise<{ organisationId: string; kind: string; teamIds: string[] }[]> {
  const rows = await withConsent(tx)
    .selectFrom('shares')
    .innerJoin('organisations', (j) =>
      j
        .onRef('organisations.society_id', '=', 'shares.society_id')
        .onRef('organisations.id', '=', 'shares.recipient_organisation_id'),
    )
    .leftJoin('services', (j) =>
      j
        .onRef('services.society_id', '=', 'shares.society_id')
        .onRef('services.id', '=', 'shares.recipient_service_id'),
    )
    .select([
      'shares.recipient_organisation_id as organisationId',
      'organisations.kind as kind',
      sql<
        string[]
      >`array_remove(array_agg(distinct coalesce(shares.recipient_team_id, services.team_id)), null)`.as(
        'teamIds',
      ),
    ])
    .where('shares.consent_id', '=', consentId)
    .groupBy(['shares.recipient_organisation_id', 'organisations.kind'])
    .execute();
  return rows;
}

/** Records deletion requests; returns them. */
export async function insertDeletionRequests(
  tx: SocietyTx,
  rows: {
    society_id: string;
    person_id: string;
    consent_id: string;
    recipient_organisation_id: string;
    status: 'to-send' | 'notified';
    requested_by: string;
  }[],
): Promise<{ id: string; recipientOrganisationId: string; status: string }[]> {
  if (rows.length === 0) return [];
  return withConsent(tx)
    .insertInto('deletion_requests')
    .values(rows.map((r) => ({ ...r, id: sql<string>`gen_random_uuid()` })))
    .returning(['id', 'recipient_organisation_id as recipientOrganisationId', 'status'])
    .execute();
}

/** The members of the transaction's society holding a role. */
export async function membersWithRole(tx: SocietyTx, role: 'focal-point' | 'dpo'): Promise<string[]> {
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where(sql<SqlBool>`${role} = any(roles)`)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The members of some teams. */
export async function teamMemberIds(tx: SocietyTx, teamIds: readonly string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await tx
    .selectFrom('team_members')
    .select('user_id')
    .distinct()
    .where('team_id', 'in', [...teamIds])
    .execute();
  return rows.map((r) => r.user_id);
}
