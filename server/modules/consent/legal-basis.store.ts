import { sql, type Insertable } from 'kysely';
import type { SocietyTx } from '../../access/scope.ts';
import { withConsent, type LegalBasesTable } from './consent.schema.ts';

/** A legal basis row as stored. */
export type LegalBasisRow = Omit<LegalBasesTable, 'decided_at' | 'dpo_reviewed_at' | 'created_at'> & {
  decided_at: Date | null;
  dpo_reviewed_at: Date | null;
  created_at: Date;
};

/** Inserts a legal basis row. */
export async function insertLegalBasis(
  tx: SocietyTx,
  row: Omit<
    Insertable<LegalBasesTable>,
    'status' | 'decided_by' | 'decided_at' | 'dpo_reviewed_by' | 'dpo_reviewed_at'
  >,
): Promise<void> {
  await withConsent(tx)
    .insertInto('legal_bases')
    .values({ ...row, status: 'pending' })
    .execute();
}

/** A person's legal bases, newest first. */
export async function listLegalBasisRows(tx: SocietyTx, personId: string): Promise<LegalBasisRow[]> {
  return withConsent(tx)
    .selectFrom('legal_bases')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** One legal basis (of a person, when given); `lock` holds it until the transaction ends. */
export async function findLegalBasisRow(
  tx: SocietyTx,
  ref: { legalBasisId: string; personId?: string },
  lock = false,
): Promise<LegalBasisRow | undefined> {
  let query = withConsent(tx).selectFrom('legal_bases').selectAll().where('id', '=', ref.legalBasisId);
  if (ref.personId !== undefined) query = query.where('person_id', '=', ref.personId);
  if (lock) query = query.forUpdate();
  return await query.executeTakeFirst();
}

/** Records a decision on a legal basis (and, for the DPO's own decision, their review). */
export async function decideLegalBasisRow(
  tx: SocietyTx,
  change: { legalBasisId: string; status: 'approved' | 'refused'; by: string; reviewed: boolean },
): Promise<void> {
  await withConsent(tx)
    .updateTable('legal_bases')
    .set({
      status: change.status,
      decided_by: change.by,
      decided_at: sql<Date>`now()`,
      ...(change.reviewed ? { dpo_reviewed_by: change.by, dpo_reviewed_at: sql<Date>`now()` } : {}),
    })
    .where('id', '=', change.legalBasisId)
    .execute();
}

/** Records the DPO's review of a legal basis. */
export async function markReviewed(
  tx: SocietyTx,
  change: { legalBasisId: string; by: string },
): Promise<void> {
  await withConsent(tx)
    .updateTable('legal_bases')
    .set({ dpo_reviewed_by: change.by, dpo_reviewed_at: sql<Date>`now()` })
    .where('id', '=', change.legalBasisId)
    .execute();
}

/** The DPO's queue: bases not yet reviewed, oldest first, with the person's pseudonymous code. */
export async function listUnreviewedBases(
  tx: SocietyTx,
  limit: number,
): Promise<(LegalBasisRow & { person_code: string })[]> {
  return withConsent(tx)
    .selectFrom('legal_bases')
    .innerJoin('people', (j) =>
      j
        .onRef('people.society_id', '=', 'legal_bases.society_id')
        .onRef('people.id', '=', 'legal_bases.person_id'),
    )
    .selectAll('legal_bases')
    .select('people.code as person_code')
    .where('legal_bases.dpo_reviewed_at', 'is', null)
    .orderBy('legal_bases.created_at')
    .limit(limit)
    .execute();
}
