import type { FieldError } from '../../../common/problems.ts';
import type { Team, TeamPage } from '../../../common/teams.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { allowedTeamActions } from '../../access/policies/team.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { staleVersion } from '../../http/concurrency.ts';
import { AppError } from '../../http/problem.ts';
import * as store from './teams.store.ts';

function present(ctx: ServiceContext, team: store.TeamRecord): Team {
  return { ...team, allowedActions: allowedTeamActions(ctx.actor) };
}

async function loadTeam(tx: SocietyTx, teamId: string, lock = false): Promise<store.TeamRecord> {
  const team = await store.findTeamRow(tx, teamId, lock);
  if (!team) throw new AppError('not-found', 'No such team in this society.');
  return team;
}

function authorize(ctx: ServiceContext): void {
  if (allowedTeamActions(ctx.actor).length === 0)
    throw new AppError('forbidden', 'Only an administrator can change teams.');
}

const nameTaken = () =>
  new AppError('conflict', 'Another team already has this name.', [
    { path: 'body.name', code: 'name-taken', message: 'Another team already has this name.' },
  ]);

async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === '23505') throw nameTaken();
    throw error;
  }
}

/** Lists every team of the actor's society (any member may: case work shows team names). */
export async function listTeams(ctx: ServiceContext): Promise<TeamPage> {
  const teams = await inActorSociety(ctx, (tx) => store.listTeamRows(tx));
  return { items: teams.map((team) => present(ctx, team)), nextCursor: null };
}

/** Returns one team of the actor's society. */
export async function getTeam(ctx: ServiceContext, teamId: string): Promise<Team> {
  return present(ctx, await inActorSociety(ctx, (tx) => loadTeam(tx, teamId)));
}

/** Creates a team in the actor's society. */
export async function createTeam(ctx: ServiceContext, name: string): Promise<Team> {
  authorize(ctx);
  const societyId = currentSocietyId(ctx);
  const team = await uniqueName(() =>
    inActorSociety(ctx, async (tx) => {
      const teamId = await store.insertTeam(tx, { societyId, name });
      await appendAuditEvent(tx, {
        kind: 'team.created',
        subjectId: teamId,
        payload: {},
        ...auditActor(ctx),
      });
      return loadTeam(tx, teamId);
    }),
  );
  return present(ctx, team);
}

/** Renames a team, if it is still at the version the actor saw. */
export async function renameTeam(
  ctx: ServiceContext,
  change: { teamId: string; name: string; version: number },
): Promise<Team> {
  const team = await uniqueName(() =>
    inActorSociety(ctx, async (tx) => {
      const current = await loadTeam(tx, change.teamId, true);
      authorize(ctx);
      if (current.version !== change.version) throw staleVersion();
      if (current.name === change.name) return current;
      await store.bumpTeam(tx, change);
      const fields = ['name'];
      await appendAuditEvent(tx, {
        kind: 'team.updated',
        subjectId: current.id,
        payload: { fields },
        ...auditActor(ctx),
      });
      return loadTeam(tx, current.id);
    }),
  );
  return present(ctx, team);
}

function checkMembers(userIds: readonly string[], nonMembers: ReadonlySet<string>): void {
  const errors: FieldError[] = userIds.flatMap((id, i) =>
    nonMembers.has(id)
      ? [{ path: `body.userIds.${i}`, code: 'not-a-member', message: 'Not a member of this society.' }]
      : [],
  );
  if (errors.length > 0)
    throw new AppError('validation-failed', 'Teams hold members of this society only.', errors);
}

/** Replaces a team's members with members of the actor's society, if it is still at the version the actor saw. */
export async function setTeamMembers(
  ctx: ServiceContext,
  change: { teamId: string; userIds: readonly string[]; version: number },
): Promise<Team> {
  const societyId = currentSocietyId(ctx);
  const wanted = [...new Set(change.userIds)];
  const team = await inActorSociety(ctx, async (tx) => {
    const current = await loadTeam(tx, change.teamId, true);
    authorize(ctx);
    checkMembers(change.userIds, new Set(await store.nonMemberIds(tx, wanted)));
    if (current.version !== change.version) throw staleVersion();
    const added = wanted.filter((id) => !current.memberIds.includes(id));
    const removed = current.memberIds.filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return current;
    await store.changeTeamMembers(tx, { societyId, teamId: current.id, added, removed });
    await store.bumpTeam(tx, { teamId: current.id, version: current.version });
    const payload = { added, removed };
    await appendAuditEvent(tx, {
      kind: 'team.members-changed',
      subjectId: current.id,
      payload,
      ...auditActor(ctx),
    });
    return loadTeam(tx, current.id);
  });
  return present(ctx, team);
}
