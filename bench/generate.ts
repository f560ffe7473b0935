import type pg from 'pg';

/** What every seeded society is called, followed by its seven-digit ordinal: obviously fake. */
export const benchSocietyPrefix = 'Bench Society ';

/** The owner pool (to vacuum and analyze its tables) and the system pool (to write past row-level security). */
export type SeedPools = { owner: pg.Pool; system: pg.Pool };

/** Rows per INSERT … SELECT statement: large enough to be fast, small enough to show progress. */
const batchRows = 100_000;

/** Formats a seeded row's ordinal the way names carry it (`0000123`). */
export function ordinal(n: number): string {
  return String(n).padStart(7, '0');
}

/** A set-based insert of the rows numbered `first`…`last`; the SQL takes them as `$1` and `$2`, then `params`. */
export type SeriesInsert = {
  label: string;
  first: number;
  last: number;
  /** e.g. `insert into t (name) select … from generate_series($1::int, $2::int) as n` */
  sql: string;
  params?: unknown[];
  log: (line: string) => void;
};

/** Inserts a numbered series of rows in batches of one statement each, never one statement per row. */
export async function insertSeries(pool: pg.Pool, insert: SeriesInsert): Promise<void> {
  const total = insert.last - insert.first + 1;
  for (let from = insert.first; from <= insert.last; from += batchRows) {
    const to = Math.min(insert.last, from + batchRows - 1);
    await pool.query(insert.sql, [from, to, ...(insert.params ?? [])]);
    if (total > batchRows) {
      const done = to - insert.first + 1;
      insert.log(`  ${insert.label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    }
  }
}

/** How many bench societies exist (they are numbered 1…n without gaps, as batches commit in order). */
async function countBenchSocieties(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    'select count(*)::int as n from societies where starts_with(name, $1)',
    [benchSocietyPrefix],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Makes sure societies `Bench Society 0000001`…`count` exist, inserting only the missing ones through the
 * system pool, then vacuums and analyzes so that reads measure a settled table. Returns the rows inserted.
 */
export async function ensureSocieties(
  db: SeedPools,
  count: number,
  log: (line: string) => void,
): Promise<number> {
  const existing = await countBenchSocieties(db.system);
  if (existing >= count) return 0;
  await insertSeries(db.system, {
    label: 'societies',
    first: existing + 1,
    last: count,
    sql: `insert into societies (name, country, time_zone)
          select $3 || lpad(n::text, 7, '0'), 'ZZ', 'UTC' from generate_series($1::int, $2::int) as n`,
    params: [benchSocietyPrefix],
    log,
  });
  await db.owner.query('vacuum (analyze) societies');
  return count - existing;
}

/** Draws up to `size` distinct random ids among bench societies 1…`count`. */
export async function sampleSocietyIds(pool: pg.Pool, count: number, size: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `select id from societies where starts_with(name, $1) and name <= $2 order by random() limit $3`,
    [benchSocietyPrefix, `${benchSocietyPrefix}${ordinal(count)}`, size],
  );
  return rows.map((r) => r.id);
}

/** Marks bench members: no password hash can match it, so nobody can sign in as one. */
const benchMemberPassword = '!bench-member: cannot sign in';

/** SQL for the stable blind-index stand-in of a society's bench member, so re-seeding finds the same user. */
const memberKeyOf = (societyId: string) =>
  `sha256(convert_to('bench-member:' || ${societyId}::text, 'UTF8'))`;

/**
 * Makes sure each of the given societies has one bench member, a caseworker whose encrypted columns hold
 * placeholder bytes (nothing on a read path decrypts them). Set-based, through the system pool; then analyzed,
 * as production tables are, or the planner would scan memberships on every request.
 */
export async function ensureBenchMembers(db: SeedPools, societyIds: string[]): Promise<void> {
  await db.system.query(
    `insert into users (email_index, email_enc, display_name_enc, password_hash)
     select ${memberKeyOf('s.id')}, '\\x00'::bytea, '\\x00'::bytea, $2 from unnest($1::uuid[]) as s(id)
     on conflict (email_index) do nothing`,
    [societyIds, benchMemberPassword],
  );
  await db.system.query(
    `insert into memberships (society_id, user_id, roles)
     select s.id, u.id, array['caseworker'] from unnest($1::uuid[]) as s(id)
     join users u on u.email_index = ${memberKeyOf('s.id')}
     on conflict do nothing`,
    [societyIds],
  );
  await db.owner.query('vacuum (analyze) users, memberships');
}

/**
 * Replaces the bench members' sessions with one live session per given society, signed in to it; `id` is the
 * stored id (hash) of a token the caller keeps for the cookie. The sessions count as just seen for a day: the
 * once-a-minute idle-clock write would otherwise turn a read benchmark with thousands of sessions into a write
 * benchmark (real traffic is few users making many requests each).
 */
export async function openBenchSessions(
  db: SeedPools,
  sessions: { societyId: string; id: Buffer }[],
): Promise<void> {
  await db.system.query(
    'delete from sessions where user_id in (select id from users where password_hash = $1)',
    [benchMemberPassword],
  );
  await db.system.query(
    `insert into sessions (id, user_id, stage, current_society_id, csrf_token, last_seen_at, idle_expires_at,
                           absolute_expires_at)
     select decode(t.id, 'hex'), u.id, 'active', t.society_id, 'bench', now() + interval '1 day',
            now() + interval '1 day', now() + interval '1 day'
     from unnest($1::text[], $2::uuid[]) as t(id, society_id)
     join users u on u.email_index = ${memberKeyOf('t.society_id')}`,
    [sessions.map((s) => s.id.toString('hex')), sessions.map((s) => s.societyId)],
  );
  await db.owner.query('vacuum (analyze) sessions');
}
