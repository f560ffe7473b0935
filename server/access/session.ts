import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SocietyRole } from '../../common/roles.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type pg from 'pg';
import type { Actor, ActorMembership, SessionStage } from './actor.ts';

/** Session lifetimes: short idle timeout for shared devices, an absolute cap, and a short sign-in window. */
export type SessionTimes = { idleMs: number; absoluteMs: number; signInMs: number };

/** The session lifetimes configured for this deployment. */
export function sessionTimes(config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours'>): SessionTimes {
  return {
    idleMs: config.sessionIdleMinutes * 60_000,
    absoluteMs: config.sessionMaxHours * 3_600_000,
    signInMs: 10 * 60_000,
  };
}

/** A new session token (what the cookie carries) and its id (what the database keeps: a SHA-256 of it). */
export function newSessionToken(): { token: string; id: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

/** The stored id of a session token. SECURITY: only this hash is stored, never the token. */
export function sessionIdOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** A fresh synchroniser token for CSRF protection, handed to the web app with the session. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The session cookie's name: the `__Host-` prefix (secure, no domain, path /) whenever the origin is https. */
export function sessionCookieName(config: Pick<Config, 'origin'>): string {
  return config.origin.protocol === 'https:' ? '__Host-passage-session' : 'passage-session';
}

/** Cookie attributes for the session cookie. */
export function sessionCookieOptions(config: Pick<Config, 'origin'>) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.origin.protocol === 'https:',
  };
}

/** A coarse browser and system family for the session list ("Chrome on Android"), never the full string. */
export function userAgentFamily(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const browser = (
    [
      [/Edg\//, 'Edge'],
      [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ] as const
  ).find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = (
    [
      [/Android/, 'Android'],
      [/iPhone|iPad/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X/, 'macOS'],
      [/Linux/, 'Linux'],
    ] as const
  ).find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser && !system) return 'Other';
  return [browser ?? 'Browser', system].filter(Boolean).join(' on ');
}

type MembershipRow = {
  society_id: string;
  society_name: string;
  is_demo: boolean;
  roles: string[];
  team_ids: string[];
  mfa_optional_roles: string[];
};

/** Reads a user's memberships in every society (through the one narrow security-definer function). */
export async function loadMemberships(db: Kysely<Database>, userId: string): Promise<ActorMembership[]> {
  const { rows } = await sql<MembershipRow>`select * from passage_memberships_of(${userId})`.execute(db);
  return rows.map(toMembership);
}

function toMembership(r: MembershipRow): ActorMembership {
  return {
    societyId: r.society_id,
    societyName: r.society_name,
    isDemo: r.is_demo,
    roles: r.roles as SocietyRole[],
    teamIds: r.team_ids,
    mfaOptionalRoles: r.mfa_optional_roles as SocietyRole[],
  };
}

// The idle clock moves at most once a minute, so a burst of requests costs one write, not one each.
const touchEveryMs = 60_000;

type ActorRow = {
  id: Buffer;
  user_id: string;
  stage: SessionStage;
  current_society_id: string | null;
  csrf_token: string;
  step_up_at: Date | null;
  last_seen_at: Date;
  locale: string;
  is_demo: boolean;
  network_ids: string[];
  memberships: MembershipRow[] | null;
};

// A named statement: PostgreSQL keeps its plan per connection, and this runs before every signed-in request.
const actorQuery = {
  name: 'passage_load_actor_v1',
  text: `select s.id, s.user_id, s.stage, s.current_society_id, s.csrf_token, s.step_up_at, s.last_seen_at,
           u.locale, u.is_demo,
           array(select nc.network_id from network_coordinators nc where nc.user_id = s.user_id) as network_ids,
           case when s.stage = 'active'
                then (select json_agg(m) from passage_memberships_of(s.user_id) m) end as memberships
         from sessions s join users u on u.id = s.user_id
         where s.id = $1 and s.ended_at is null and s.idle_expires_at > now()
           and s.absolute_expires_at > now() and u.status = 'active'`,
};

/**
 * Loads the actor behind a session token in one query: the session must be live (not ended, within both
 * timeouts) and its user active; memberships come from the database on every request (through the narrow
 * security-definer function), so revoking a role or a session takes effect at once.
 */
export async function loadActor(
  pool: pg.Pool,
  token: string,
  times: SessionTimes,
): Promise<Actor | undefined> {
  const id = sessionIdOf(token);
  const { rows } = await pool.query<ActorRow>({ ...actorQuery, values: [id] });
  const row = rows[0];
  if (!row) return undefined;
  if (Date.now() - row.last_seen_at.getTime() > touchEveryMs) {
    const idleMs = row.stage === 'active' ? times.idleMs : times.signInMs;
    await pool.query(
      `update sessions set last_seen_at = now(),
         idle_expires_at = least(absolute_expires_at, now() + $2::interval) where id = $1`,
      [id, `${idleMs} milliseconds`],
    );
  }
  const memberships = (row.memberships ?? []).map(toMembership);
  const society =
    memberships.find((m) => m.societyId === row.current_society_id) ??
    (row.current_society_id === null ? memberships[0] : undefined);
  return {
    userId: row.user_id,
    sessionId: row.id,
    stage: row.stage,
    locale: row.locale,
    society,
    memberships,
    networkIds: row.network_ids,
    csrfToken: row.csrf_token,
    stepUpAt: row.step_up_at,
    isDemo: row.is_demo,
  };
}
