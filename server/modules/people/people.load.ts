import { currentSocietyId, type ServiceContext } from '../../access/context.ts';
import type { PersonAccess } from '../../access/policies/person.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import type { DataKey } from '../../crypto/data-keys.ts';
import { AppError } from '../../http/problem.ts';
import { unwrapPersonKey } from './people.crypto.ts';
import { accessTo } from './people.present.ts';
import { findPersonRow, type PersonRow } from './people.store.ts';

/** A person the actor may see, with the actor's access to them. */
export type VisiblePerson = { row: PersonRow; access: Exclude<PersonAccess, 'none'> };

/**
 * Loads a person in the actor's scope: the case team only (PRODUCT.md "Who uses it"). Anyone else, and anything
 * in another society, gets the same 404, so a person's existence is not revealed. SECURITY: other modules (consent,
 * later cases and referrals) load people through this.
 */
export async function loadVisiblePerson(
  tx: SocietyTx,
  ctx: ServiceContext,
  personId: string,
  lock = false,
): Promise<VisiblePerson> {
  const row = await findPersonRow(tx, personId, lock);
  const access = row ? accessTo(ctx, row) : 'none';
  if (!row || access === 'none') throw new AppError('not-found', 'No such person in your case work.');
  return { row, access };
}

/** A person's data key (read with their row), or undefined once it was destroyed (the person was erased). */
export async function findPersonKey(
  ctx: ServiceContext,
  tx: SocietyTx,
  row: PersonRow,
): Promise<DataKey | undefined> {
  return unwrapPersonKey(ctx.keys, tx, currentSocietyId(ctx), row);
}

/** A person's data key for a write: a person who was erased cannot be written to (409). */
export async function requirePersonKey(ctx: ServiceContext, tx: SocietyTx, row: PersonRow): Promise<DataKey> {
  const key = await findPersonKey(ctx, tx, row);
  if (!key)
    throw new AppError('conflict', 'This person’s data was erased: nothing more can be recorded about them.');
  return key;
}
