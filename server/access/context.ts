import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../../common/roles.ts';
import type { Config } from '../config.ts';
import type { AccountKeys } from '../crypto/accounts.ts';
import type { Keys } from '../crypto/society-keys.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { actorRoles, type Actor } from './actor.ts';
import { actorOf } from './guard.ts';
import { inSociety, type SocietyTx } from './scope.ts';

/** What every module's services share: the app-role database, keys and config (built once, in app.ts). */
export type ModuleDeps = {
  db: Kysely<Database>;
  keys: Keys;
  accountKeys: AccountKeys;
  config: Config;
};

/** What a service call runs with: who is acting, and the module dependencies. No ambient globals. */
export type ServiceContext = ModuleDeps & {
  actor: Actor;
  requestId: string;
  log: FastifyBaseLogger;
};

/** The service context of a request on a non-public route. */
export function contextOf(request: FastifyRequest, deps: ModuleDeps): ServiceContext {
  return { ...deps, actor: actorOf(request), requestId: request.id, log: request.log };
}

/** The society the actor is acting in; a member-only route has already refused anyone without one. */
export function currentSocietyId(ctx: ServiceContext): string {
  const society = ctx.actor.society;
  if (!society) throw new AppError('forbidden', 'You are not a member of a society in Passage.');
  return society.societyId;
}

/**
 * Runs `work` in one transaction scoped to the actor's current society (row-level security shows that society's
 * rows and nothing else). SECURITY: the only way module code reaches tenant tables for a request.
 */
export function inActorSociety<T>(ctx: ServiceContext, work: (tx: SocietyTx) => Promise<T>): Promise<T> {
  return inSociety(ctx.db, currentSocietyId(ctx), work);
}

/** The actor fields of an audit event written by this request. */
export function auditActor(ctx: ServiceContext): {
  actorUserId: string;
  actorRoles: Role[];
  requestId: string;
} {
  return { actorUserId: ctx.actor.userId, actorRoles: [...actorRoles(ctx.actor)], requestId: ctx.requestId };
}
