import { sql } from 'kysely';
import type { SocietyTx } from '../../access/scope.ts';

/** A team of the transaction's society with its members' user ids. */
export type TeamRecord = { id: string; name: string; version: number; memberIds: string[] };

const memberIds = sql<string[]>`array(select tm.user_id from team_members tm where tm.team_id = teams.id
  order by tm.user_id)`.as('member_ids');

function toTeam(row: { id: string; name: string; version: number; member_ids: string[] }): TeamRecord {
  return { id: row.id, name: row.name, version: row.version, memberIds: row.member_ids };
}

/** Lists every team of the transaction's society, by name. */
export async function listTeamRows(tx: SocietyTx): Promise<TeamRecord[]> {
  const rows = await tx
    .selectFrom('teams')
    .select(['id', 'name', 'version', memberIds])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toTeam);
}

/** Finds one team of the transaction's society; `lock` holds it until the transaction ends. */
export async function findTeamRow(
  tx: SocietyTx,
  teamId: string,
  lock = false,
): Promise<TeamRecord | undefined> {
  let query = tx.selectFrom('teams').select(['id', 'name', 'version', memberIds]).where('id', '=', teamId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toTeam(row);
}

/** Creates a team and returns its id. */
export async function insertTeam(tx: SocietyTx, team: { societyId: string; name: string }): Promise<string> {
  const row = await tx
    .insertInto('teams')
    .values({ society_id: team.societyId, name: team.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Moves a team to its next version (and renames it, if a name is given) if it is still at `version`. */
export async function bumpTeam(
  tx: SocietyTx,
  change: { teamId: string; version: number; name?: string | undefined },
): Promise<boolean> {
  const result = await tx
    .updateTable('teams')
    .set((eb) => ({
      ...(change.name === undefined ? {} : { name: change.name }),
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', change.teamId)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Adds and removes team members. */
export async function changeTeamMembers(
  tx: SocietyTx,
  change: { societyId: string; teamId: string; added: readonly string[]; removed: readonly string[] },
): Promise<void> {
  if (change.removed.length > 0)
    await tx
      .deleteFrom('team_members')
      .where('team_id', '=', change.teamId)
      .where('user_id', 'in', change.removed)
      .execute();
  if (change.added.length > 0)
    await tx
      .insertInto('team_members')
      .values(
        change.added.map((user_id) => ({ society_id: change.societyId, team_id: change.teamId, user_id })),
      )
      .execute();
}

/** Which of these user ids are not members of the transaction's society. */
export async function nonMemberIds(tx: SocietyTx, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await tx.selectFrom('memberships').select('user_id').where('user_id', 'in', userIds).execute();
  const known = new Set(rows.map((r) => r.user_id));
  return userIds.filter((id) => !known.has(id));
}
