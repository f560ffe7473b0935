import { unwrapDataKey, wrapDataKey } from './data-keys.ts';
import {
  getCurrentSocietyKey,
  getSocietyKeyVersion,
  insertSocietyKey,
  type KeyDb,
  type Keys,
} from './society-keys.ts';

/** What one society-key rotation run did. */
export type SocietyKeyRotationReport = {
  societyId: string;
  /** The key-encryption key version data keys are now wrapped by. */
  version: number;
  /** False when this run only finished an earlier, interrupted rotation. */
  startedNewVersion: boolean;
  rewrappedDataKeys: number;
};

async function countDataKeysBelow(db: KeyDb, societyId: string, version: number): Promise<number> {
  const row = await db
    .selectFrom('data_keys')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('society_id', '=', societyId)
    .where('society_key_version', '<', version)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

async function rewrapDataKeyBatch(keys: Keys, db: KeyDb, societyId: string, batchSize: number) {
  return db.transaction().execute(async (tx) => {
    const newest = await getCurrentSocietyKey(keys, tx, societyId, 'kek');
    const rows = await tx
      .selectFrom('data_keys')
      .select(['subject_id', 'society_key_version', 'wrapped_key'])
      .where('society_id', '=', societyId)
      .where('society_key_version', '<', newest.version)
      .orderBy('subject_id')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of rows) {
      if (row.wrapped_key === null || row.society_key_version === null) continue; // destroyed: nothing to wrap
      const ref = { societyId, subjectId: row.subject_id };
      const old = await getSocietyKeyVersion(keys, tx, {
        societyId,
        purpose: 'kek',
        version: row.society_key_version,
      });
      // SECURITY: the data key itself is unchanged, so the subject's ciphertext needs no re-encryption.
      const key = unwrapDataKey(old, ref, row.wrapped_key);
      await tx
        .updateTable('data_keys')
        .set({ society_key_version: newest.version, wrapped_key: wrapDataKey(newest, ref, key) })
        .where('society_id', '=', societyId)
        .where('subject_id', '=', row.subject_id)
        .where('society_key_version', '=', row.society_key_version)
        .execute();
    }
    return rows.length;
  });
}

/**
 * Rotates one society's key-encryption key: adds a new version (new data keys use it at once) and re-wraps every
 * live data key under it, in resumable batches. If an earlier rotation was interrupted, this run finishes it
 * instead of starting another. Old versions stay (retiring them is a later step).
 */
export async function systemRotateSocietyKey(
  keys: Keys,
  db: KeyDb,
  societyId: string,
  options: { batchSize?: number } = {},
): Promise<SocietyKeyRotationReport> {
  const batchSize = options.batchSize ?? 500;
  const current = await getCurrentSocietyKey(keys, db, societyId, 'kek');
  const unfinished = await countDataKeysBelow(db, societyId, current.version);
  let version = current.version;
  if (unfinished === 0) {
    version = current.version + 1;
    await insertSocietyKey(keys, db, { societyId, purpose: 'kek', version });
  }
  let rewrappedDataKeys = 0;
  for (;;) {
    const done = await rewrapDataKeyBatch(keys, db, societyId, batchSize);
    rewrappedDataKeys += done;
    if (done === 0) break;
  }
  return { societyId, version, startedNewVersion: unfinished === 0, rewrappedDataKeys };
}

/** Lists the societies that have keys, for rotating them all (system role). */
export async function systemListSocietiesWithKeys(db: KeyDb): Promise<string[]> {
  const rows = await db
    .selectFrom('society_keys')
    .select('society_id')
    .distinct()
    .where('purpose', '=', 'kek')
    .orderBy('society_id')
    .execute();
  return rows.map((row) => row.society_id);
}
