import { sql } from 'kysely';
import { KeyUnavailableError } from './errors.ts';
import { unwrapSocietyKey, wrapSocietyKey, type KeyDb, type Keys } from './society-keys.ts';

/** How many society keys each root key wraps, and whether that root key is configured. */
export type RootKeyUsage = {
  rootKeyId: string;
  societyKeys: number;
  configured: 'current' | 'previous' | 'no';
};

/** What `systemKeyStatus` reports: society keys per root key, and data keys live, destroyed, or on an old KEK. */
export type KeyStatus = {
  currentRootKeyId: string;
  previousRootKeyId: string | undefined;
  rootKeys: RootKeyUsage[];
  dataKeys: { live: number; destroyed: number; onOlderSocietyKey: number };
};

/** What one run of `systemRewrapSocietyKeys` did. */
export type RootRewrapReport = {
  fromRootKeyId: string | undefined;
  toRootKeyId: string;
  rewrapped: number;
  alreadyCurrent: number;
  /** Left under the previous root key (only if another run held them locked): run again. */
  remaining: number;
};

async function countByRootKey(db: KeyDb): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('society_keys')
    .select(['root_key_id', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy('root_key_id')
    .execute();
  return new Map(rows.map((row) => [row.root_key_id, Number(row.count)]));
}

/** Counts society keys per root key id and data keys by state, across all societies (system role). */
export async function systemKeyStatus(keys: Keys, db: KeyDb): Promise<KeyStatus> {
  const { current, previous } = keys.keyring;
  const counts = await countByRootKey(db);
  const ids = new Set([current.id, ...(previous ? [previous.id] : []), ...counts.keys()]);
  const rootKeys = [...ids].map((rootKeyId) => ({
    rootKeyId,
    societyKeys: counts.get(rootKeyId) ?? 0,
    configured:
      rootKeyId === current.id
        ? ('current' as const)
        : rootKeyId === previous?.id
          ? ('previous' as const)
          : ('no' as const),
  }));
  const { rows } = await sql<{ live: string; destroyed: string; older: string }>`
    select count(*) filter (where dk.wrapped_key is not null) as live,
           count(*) filter (where dk.destroyed_at is not null) as destroyed,
           count(*) filter (where dk.society_key_version < (
             select max(sk.version) from society_keys sk
             where sk.society_id = dk.society_id and sk.purpose = 'kek')) as older
    from data_keys dk`.execute(db);
  const row = rows[0];
  return {
    currentRootKeyId: current.id,
    previousRootKeyId: previous?.id,
    rootKeys,
    dataKeys: {
      live: Number(row?.live ?? 0),
      destroyed: Number(row?.destroyed ?? 0),
      onOlderSocietyKey: Number(row?.older ?? 0),
    },
  };
}

function refuseUnknownRoots(keys: Keys, counts: Map<string, number>): void {
  const { current, previous } = keys.keyring;
  const unknown = [...counts].filter(([id, count]) => count > 0 && id !== current.id && id !== previous?.id);
  if (unknown.length === 0) return;
  const list = unknown.map(([id, count]) => `${count} under root key ${id}`).join(', ');
  throw new KeyUnavailableError(
    'root-key-not-configured',
    `Some society keys are wrapped by a root key that is not configured (${list}; the current root key is ${current.id}${previous ? `, the previous ${previous.id}` : ''}). Set PASSAGE_ROOT_KEY_PREVIOUS (or PASSAGE_ROOT_KEY_PREVIOUS_FILE) to the root key with that id, keep PASSAGE_ROOT_KEY at the new key, and run \`passage keys rotate\` again.`,
  );
}

async function rewrapBatch(keys: Keys, db: KeyDb, fromId: string, batchSize: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('society_keys')
      .select(['society_id', 'purpose', 'version', 'root_key_id', 'wrapped_key'])
      .where('root_key_id', '=', fromId)
      .orderBy('society_id')
      .orderBy('purpose')
      .orderBy('version')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of rows) {
      // SECURITY: only the wrapping changes; the society key itself (and so all data under it) stays the same.
      const key = unwrapSocietyKey(keys.keyring, row);
      const ref = { societyId: row.society_id, purpose: row.purpose, version: row.version };
      await tx
        .updateTable('society_keys')
        .set({
          root_key_id: keys.keyring.current.id,
          wrapped_key: wrapSocietyKey(keys.keyring.current, ref, key),
          rewrapped_at: sql<Date>`now()`,
        })
        .where('society_id', '=', row.society_id)
        .where('purpose', '=', row.purpose)
        .where('version', '=', row.version)
        .where('root_key_id', '=', fromId)
        .execute();
    }
    return rows.length;
  });
}

/**
 * Re-wraps every society key wrapped by the previous root key under the current one, in batches of one
 * transaction each; data is not re-encrypted. Resumable and idempotent: keys already under the current root are
 * skipped, so a second run re-wraps nothing. Refuses (naming the ids) while any key is under an unconfigured root.
 */
export async function systemRewrapSocietyKeys(
  keys: Keys,
  db: KeyDb,
  options: { batchSize?: number } = {},
): Promise<RootRewrapReport> {
  const batchSize = options.batchSize ?? 100;
  const { current, previous } = keys.keyring;
  const before = await countByRootKey(db);
  refuseUnknownRoots(keys, before);
  let rewrapped = 0;
  if (previous) {
    for (;;) {
      const done = await rewrapBatch(keys, db, previous.id, batchSize);
      rewrapped += done;
      if (done === 0) break;
    }
  }
  const after = await countByRootKey(db);
  return {
    fromRootKeyId: previous?.id,
    toRootKeyId: current.id,
    rewrapped,
    alreadyCurrent: before.get(current.id) ?? 0,
    remaining: previous ? (after.get(previous.id) ?? 0) : 0,
  };
}
