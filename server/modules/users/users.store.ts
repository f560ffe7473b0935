import { sql } from 'kysely';
import { societyRoles, type SocietyRole } from '../../../common/roles.ts';
import type { SocietyTx } from '../../access/scope.ts';

/** A member of the transaction's society, with the account fields an administrator sees (still encrypted). */
export type MemberRecord = {
  userId: string;
  roles: SocietyRole[];
  version: number;
  teamIds: string[];
  emailEnc: Buffer;
  displayNameEnc: Buffer;
  status: 'active' | 'disabled';
  locale: string;
  mfaEnrolled: boolean;
  reachesBeyondSociety: boolean;
};

type MemberRow = {
  user_id: string;
  roles: string[];
  version: number;
  team_ids: string[];
  email_enc: Buffer;
  display_name_enc: Buffer;
  status: 'active' | 'disabled';
  locale: string;
  mfa_enrolled: boolean;
  beyond: boolean;
};

/** Roles in the catalogue's order, without repeats, so a membership always stores one canonical list. */
export function canonicalRoles(roles: readonly SocietyRole[]): SocietyRole[] {
  return societyRoles.filter((r) => roles.includes(r));
}

function toMember(row: MemberRow): MemberRecord {
  return {
    userId: row.user_id,
    roles: canonicalRoles(row.roles as SocietyRole[]),
    version: row.version,
    teamIds: row.team_ids,
    emailEnc: row.email_enc,
    displayNameEnc: row.display_name_enc,
    status: row.status,
    locale: row.locale,
    mfaEnrolled: row.mfa_enrolled,
    reachesBeyondSociety: row.beyond,
  };
}

// Memberships and team_members are row-level scoped to the transaction's society; users are global and are
// reached only through a membership of this society.
// SECURITY: passage_memberships_of() is used to count the account's societies, never to show them.
const memberSelect = sql<MemberRow>`
  select m.user_id, m.roles, m.version, u.email_enc, u.display_name_enc, u.status, u.locale,
         u.mfa_enrolled_at is not null as mfa_enrolled,
         array(select tm.team_id from team_members tm where tm.user_id = m.user_id order by tm.team_id)
           as team_ids,
         (exists (select 1 from network_coordinators nc where nc.user_id = m.user_id)
           or (select count(*) from passage_memberships_of(m.user_id)) > 1) as beyond
  from memberships m join users u on u.id = m.user_id`;

/** Lists members ordered by user id, after a cursor, optionally holding one role. */
export async function listMemberRows(
  tx: SocietyTx,
  options: { after: string | undefined; role: SocietyRole | undefined; limit: number },
): Promise<MemberRecord[]> {
  const after = options.after ?? '00000000-0000-0000-0000-000000000000';
  const role = options.role ?? null;
  const { rows } = await sql<MemberRow>`${memberSelect}
    where m.user_id > ${after}::uuid and (${role}::text is null or ${role}::text = any (m.roles))
    order by m.user_id limit ${options.limit}`.execute(tx);
  return rows.map(toMember);
}

/** Finds one member of the transaction's society; `lock` holds the membership row until the transaction ends. */
export async function findMemberRow(
  tx: SocietyTx,
  userId: string,
  lock = false,
): Promise<MemberRecord | undefined> {
  const { rows } = await sql<MemberRow>`${memberSelect} where m.user_id = ${userId}::uuid
    ${lock ? sql`for update of m` : sql``}`.execute(tx);
  return rows[0] && toMember(rows[0]);
}

/**
 * Locks every administrator membership of the society and returns their user ids. SECURITY: two administrators
 * demoting each other at once are serialised here, so the society always keeps one.
 */
export async function lockAdministrators(tx: SocietyTx): Promise<string[]> {
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where(sql<boolean>`'administrator' = any (roles)`)
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

/** Creates a membership in the transaction's society, with its teams. */
export async function insertMembership(
  tx: SocietyTx,
  member: { societyId: string; userId: string; roles: SocietyRole[]; teamIds: readonly string[] },
): Promise<void> {
  await tx
    .insertInto('memberships')
    .values({ society_id: member.societyId, user_id: member.userId, roles: member.roles })
    .execute();
  if (member.teamIds.length === 0) return;
  await tx
    .insertInto('team_members')
    .values(
      member.teamIds.map((team_id) => ({ society_id: member.societyId, team_id, user_id: member.userId })),
    )
    .execute();
}

/** Replaces a membership's roles if it is still at `version`; returns whether it was. */
export async function updateRoles(
  tx: SocietyTx,
  change: { userId: string; roles: SocietyRole[]; version: number },
): Promise<boolean> {
  const result = await tx
    .updateTable('memberships')
    .set((eb) => ({ roles: change.roles, version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('user_id', '=', change.userId)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a membership (its team places go with it). */
export async function deleteMembership(tx: SocietyTx, userId: string): Promise<void> {
  await tx.deleteFrom('memberships').where('user_id', '=', userId).execute();
}

/** Which of these team ids are not teams of the transaction's society. */
export async function unknownTeamIds(tx: SocietyTx, teamIds: readonly string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await tx.selectFrom('teams').select('id').where('id', 'in', teamIds).execute();
  const known = new Set(rows.map((r) => r.id));
  return teamIds.filter((id) => !known.has(id));
}
