import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** How many failures within a window lock a key, and for how long: soft and time-based, never permanent. */
export type ThrottleRule = { maxFailures: number; windowMinutes: number; lockMinutes: number };

/** The throttle rules: per account, per address, and per account for second-factor codes. */
export const throttleRules = {
  account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 },
  mfa: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
} as const satisfies Record<string, ThrottleRule>;

/** A throttled key (a keyed hash: no e-mail address or network address is stored) and its rule. */
export type ThrottleKey = { key: Buffer; rule: ThrottleRule };

/** When the first of the keys stops being locked, or undefined when none is locked. */
export async function lockedUntil(db: Kysely<Database>, keys: ThrottleKey[]): Promise<Date | undefined> {
  const row = await db
    .selectFrom('auth_throttle')
    .select(sql<Date>`max(locked_until)`.as('until'))
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.until ?? undefined;
}

/**
 * Counts one failure against each key, atomically (several instances agree through PostgreSQL). Returns whether
 * this failure locked any key.
 */
export async function recordFailure(db: Kysely<Database>, keys: ThrottleKey[]): Promise<boolean> {
  let locked = false;
  for (const { key, rule } of keys) {
    const window = `${rule.windowMinutes} minutes`;
    const lock = `${rule.lockMinutes} minutes`;
    const { rows } = await sql<{ just_locked: boolean }>`
      insert into auth_throttle as t (key, failures, window_started_at)
      values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when t.window_started_at < now() - ${window}::interval then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < now() - ${window}::interval
                                 then now() else t.window_started_at end,
        locked_until = case
          when t.window_started_at >= now() - ${window}::interval and t.failures + 1 >= ${rule.maxFailures}
          then now() + ${lock}::interval else t.locked_until end
      returning (locked_until is not null and locked_until > now()
                 and failures >= ${rule.maxFailures}) as just_locked`.execute(db);
    if (rows[0]?.just_locked) locked = true;
  }
  return locked;
}

/** Forgets the failures of a key after a success (the address key is kept: it limits guessing across accounts). */
export async function clearFailures(db: Kysely<Database>, key: ThrottleKey): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key.key).execute();
}
