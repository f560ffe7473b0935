import type { SocietyTx } from '../../access/scope.ts';

/** A society as the service layer sees it. */
export type SocietyRecord = {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  isDemo: boolean;
  version: number;
};

/** Finds the society the transaction is scoped to, if it is that one. */
export async function findSociety(tx: SocietyTx, id: string): Promise<SocietyRecord | undefined> {
  const row = await tx
    .selectFrom('societies')
    .select(['id', 'name', 'country', 'time_zone', 'is_demo', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      country: row.country,
      timeZone: row.time_zone,
      isDemo: row.is_demo,
      version: row.version,
    }
  );
}
