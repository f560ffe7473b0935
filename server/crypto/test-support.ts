import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createKeyring } from './keyring.ts';
import { createKeys, type Keys } from './society-keys.ts';

/** Creates an obviously fake society through the system role and returns its id (tests only). */
export async function createTestSociety(system: Kysely<Database>, name = 'Test Society'): Promise<string> {
  const row = await system
    .insertInto('societies')
    .values({ name: `${name} (fake)`, country: 'XT' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A fresh random root key, as PASSAGE_ROOT_KEY would give it (tests only). */
export function testRootKey(): Buffer {
  return randomBytes(32);
}

/** Keys over a keyring of copies of the given root keys, with an empty cache (tests only). */
export function testKeys(current: Buffer, previous?: Buffer): Keys {
  return createKeys({
    keyring: createKeyring(Buffer.from(current), previous ? Buffer.from(previous) : undefined),
  });
}
