import type { Kysely } from 'kysely';
import type { Society } from '../../../common/societies.ts';
import { inSociety } from '../../access/scope.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/problem.ts';
import { findSociety } from './societies.store.ts';

/** What a service call runs with. Identity (the actor) joins it with the access layer. */
export type ServiceContext = { db: Kysely<Database> };

/** Returns one society's public profile, or not-found. */
export async function getSociety(ctx: ServiceContext, societyId: string): Promise<Society> {
  const society = await inSociety(ctx.db, societyId, (tx) => findSociety(tx, societyId));
  if (!society) throw new AppError('not-found', 'No such society.');
  return society;
}
