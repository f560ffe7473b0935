import { generateKeySync, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { getBlindIndexKey, type BlindIndexKey } from '../../server/crypto/blind-index.ts';
import { dataKeyVersion, wrapDataKey, type DataKey } from '../../server/crypto/data-keys.ts';
import { loadKeyring } from '../../server/crypto/keyring.ts';
import {
  createKeys,
  ensureSocietyKeys,
  getCurrentSocietyKey,
  type SocietyKey,
} from '../../server/crypto/society-keys.ts';
import { createKysely } from '../../server/db/kysely.ts';
import {
  nameLookups,
  phoneLookups,
  sealGroup,
  sealKnownAs,
} from '../../server/modules/people/people.crypto.ts';
import { benchSocietyPrefix, ensureBenchMembers, ensureSocieties, ordinal } from '../generate.ts';
import type { ScenarioContext } from '../scenario.ts';

/** The seeded people, the society they live in, and the bench member (a caseworker) assigned to all of them. */
export type BenchPeople = { societyId: string; memberId: string; inserted: number };

/** People per multi-row insert: each row carries encrypted fields made in Node, so batches stay moderate. */
const batchSize = 2_000;

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A pseudonymous code derived from the ordinal, so re-seeding never collides with an earlier code. */
function benchCode(n: number): string {
  let code = '';
  for (let i = 7; i >= 0; i--) code += crockford.charAt(Math.floor(n / 32 ** i) % 32);
  return code;
}

async function benchSociety(
  ctx: ScenarioContext,
): Promise<{ societyId: string; memberId: string; teamId: string }> {
  await ensureSocieties(ctx.db, 1, ctx.log);
  const { rows } = await ctx.db.system.query<{ id: string }>('select id from societies where name = $1', [
    `${benchSocietyPrefix}${ordinal(1)}`,
  ]);
  const societyId = rows[0]?.id;
  if (!societyId) throw new Error('The first bench society is missing.');
  await ensureBenchMembers(ctx.db, [societyId]);
  const member = await ctx.db.system.query<{ user_id: string }>(
    `select m.user_id from memberships m join users u on u.id = m.user_id
     where m.society_id = $1 and starts_with(u.password_hash, '!bench-member')`,
    [societyId],
  );
  const memberId = member.rows[0]?.user_id;
  if (!memberId) throw new Error('The bench member is missing.');
  await ctx.db.system.query(
    `insert into teams (society_id, name) values ($1, 'Bench Team') on conflict (society_id, name) do nothing`,
    [societyId],
  );
  const team = await ctx.db.system.query<{ id: string }>(
    `select id from teams where society_id = $1 and name = 'Bench Team'`,
    [societyId],
  );
  const teamId = team.rows[0]?.id as string;
  await ctx.db.system.query(
    'insert into team_members (society_id, team_id, user_id) values ($1, $2, $3) on conflict do nothing',
    [societyId, teamId, memberId],
  );
  return { societyId, memberId, teamId };
}

type Batch = {
  ids: string[];
  codes: string[];
  wrapped: Buffer[];
  knownAs: (Buffer | null)[];
  identity: (Buffer | null)[];
  contact: (Buffer | null)[];
  lookups: { person: string[]; kind: string[]; token: Buffer[] };
};

type Seeding = { societyId: string; kek: SocietyKey; blind: BlindIndexKey };

/** Builds one batch of people in Node: a data key each, wrapped, and their fields encrypted as Passage does. */
async function buildBatch(ctx: ScenarioContext, seeding: Seeding, from: number, to: number): Promise<void> {
  const { societyId, kek, blind } = seeding;
  const batch: Batch = {
    ids: [],
    codes: [],
    wrapped: [],
    knownAs: [],
    identity: [],
    contact: [],
    lookups: { person: [], kind: [], token: [] },
  };
  for (let n = from; n <= to; n++) {
    const id = randomUUID();
    const ref = { societyId, subjectId: id };
    const key = generateKeySync('aes', { length: 256 });
    const dataKey: DataKey = Object.freeze({ ...ref, version: dataKeyVersion, key });
    const knownAs = `Bench Person ${ordinal(n)}`;
    const identity = {
      nameLatin: { answer: 'given' as const, value: { given: 'Bench', family: `Person${ordinal(n)}` } },
      birth: { answer: 'given' as const, value: { precision: 'year' as const, date: '1990' } },
      languages: { answer: 'given' as const, value: ['en'] },
    };
    const contact = {
      phones: { answer: 'given' as const, value: [{ number: `+99 ${ordinal(n)}`, kind: 'mobile' as const }] },
    };
    batch.ids.push(id);
    batch.codes.push(benchCode(n));
    batch.wrapped.push(wrapDataKey(kek, ref, key));
    batch.knownAs.push(sealKnownAs(dataKey, knownAs));
    batch.identity.push(sealGroup(dataKey, 'identity', identity));
    batch.contact.push(sealGroup(dataKey, 'contact', contact));
    for (const t of [...nameLookups(blind, knownAs, identity), ...phoneLookups(blind, contact)]) {
      batch.lookups.person.push(id);
      batch.lookups.kind.push(t.kind);
      batch.lookups.token.push(t.token);
    }
  }
  await insertBatch(
    ctx.db.system,
    { societyId, kekVersion: kek.version, blindVersion: blind.version },
    batch,
  );
}

async function insertBatch(
  pool: pg.Pool,
  ids: { societyId: string; kekVersion: number; blindVersion: number },
  b: Batch,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into data_keys (society_id, subject_id, society_key_version, wrapped_key)
       select $1, id, $2, w from unnest($3::uuid[], $4::bytea[]) as t(id, w)`,
      [ids.societyId, ids.kekVersion, b.ids, b.wrapped],
    );
    await client.query(
      `insert into people (society_id, id, code, presumed_child, owning_team_id, known_as_enc, identity_enc,
                           contact_enc, created_by)
       select $1, t.id, t.code, false, (select id from teams where society_id = $1 and name = 'Bench Team'),
              t.k, t.i, t.c, (select m.user_id from memberships m join users u on u.id = m.user_id
                              where m.society_id = $1 and starts_with(u.password_hash, '!bench-member'))
       from unnest($2::uuid[], $3::text[], $4::bytea[], $5::bytea[], $6::bytea[]) as t(id, code, k, i, c)`,
      [ids.societyId, b.ids, b.codes, b.knownAs, b.identity, b.contact],
    );
    await client.query(
      `insert into person_assignments (society_id, person_id, user_id)
       select $1, p, p2.created_by from unnest($2::uuid[]) as t(p) join people p2 on p2.society_id = $1 and p2.id = t.p`,
      [ids.societyId, b.ids],
    );
    await client.query(
      `insert into person_lookups (society_id, person_id, kind, token, normaliser_version, key_version)
       select $1, p, k, tok, 1, $2 from unnest($3::uuid[], $4::text[], $5::bytea[]) as t(p, k, tok)
       on conflict do nothing`,
      [ids.societyId, ids.blindVersion, b.lookups.person, b.lookups.kind, b.lookups.token],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Makes sure the first bench society holds `count` people (`Bench Person 0000001`…), topping up what is missing:
 * each with a data key wrapped by the society's key, a "known as" name, identity and contact fields encrypted in
 * Node exactly as Passage encrypts them, and their blind indexes; all assigned to the bench member, a caseworker
 * of the owning team. Then vacuums and analyzes, as production tables are.
 */
export async function ensureBenchPeople(ctx: ScenarioContext, count: number): Promise<BenchPeople> {
  const { societyId, memberId } = await benchSociety(ctx);
  const keys = createKeys({ keyring: loadKeyring(ctx.config) });
  const system = createKysely(ctx.db.system);
  await ensureSocietyKeys(keys, system, societyId);
  const seeding = {
    societyId,
    kek: await getCurrentSocietyKey(keys, system, societyId, 'kek'),
    blind: await getBlindIndexKey(keys, system, societyId),
  };
  const { rows } = await ctx.db.system.query<{ n: number }>(
    'select count(*)::int as n from people where society_id = $1',
    [societyId],
  );
  const existing = rows[0]?.n ?? 0;
  for (let from = existing + 1; from <= count; from += batchSize) {
    const to = Math.min(count, from + batchSize - 1);
    await buildBatch(ctx, seeding, from, to);
    if (count - existing > 10 * batchSize && (to - existing) % (25 * batchSize) < batchSize)
      ctx.log(
        `  people: ${(to - existing).toLocaleString('en')} / ${(count - existing).toLocaleString('en')}`,
      );
  }
  if (count > existing)
    await ctx.db.owner.query('vacuum (analyze) people, person_assignments, person_lookups, data_keys');
  return { societyId, memberId, inserted: Math.max(0, count - existing) };
}

/** Draws up to `size` random people of the society. */
export async function samplePersonIds(pool: pg.Pool, societyId: string, size: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    'select id from people where society_id = $1 order by random() limit $2',
    [societyId, size],
  );
  return rows.map((r) => r.id);
}
