import { randomBytes, randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { SocietyRole } from '../common/roles.ts';
import type { SessionStage } from '../server/access/actor.ts';
import {
  newCsrfToken,
  newSessionToken,
  sessionCookieName,
  sessionIdOf,
  sessionTimes,
} from '../server/access/session.ts';
import { appendSystemAuditEvent } from '../server/audit/system-audit.ts';
import { ensureSocietyKeys } from '../server/crypto/society-keys.ts';
import { createKysely } from '../server/db/kysely.ts';
import { issueRecoveryCodes } from '../server/modules/auth/mfa.service.ts';
import { hashPassword } from '../server/modules/auth/password.ts';
import { currentTotp, newTotpSecret } from '../server/modules/auth/totp.ts';
import type { TestApp } from './harness.ts';

/** A user made for a test: obviously fake, with the password and TOTP secret the test signs in with. */
export type TestUser = { id: string; email: string; password: string; totpSecret: string | undefined };

/** A signed-in client: sends the session cookie, the origin and the CSRF token with every request. */
export type TestClient = {
  user: TestUser;
  cookie: string;
  csrfToken: string;
  request(options: {
    method: InjectOptions['method'];
    url: string;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/** Creates a society (with its keys) through the system role, as `passage init` does. */
export async function createSociety(
  t: TestApp,
  options: { name?: string; country?: string; isDemo?: boolean } = {},
): Promise<string> {
  const system = createKysely(t.db.system);
  const row = await system
    .insertInto('societies')
    .values({
      name: options.name ?? `Test Society ${unique()}`,
      country: options.country ?? 'NL',
      is_demo: options.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ensureSocietyKeys(t.keys, system, row.id);
  return row.id;
}

/** Creates a user, optionally with a membership (roles in a society) and an enrolled authenticator. */
export async function createUser(
  t: TestApp,
  options: {
    societyId?: string;
    roles?: SocietyRole[];
    mfa?: boolean;
    mustChangePassword?: boolean;
    teamIds?: string[];
  } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const email = `test.user.${unique()}@example.invalid`;
  const password = `correct horse ${unique()}`;
  const totpSecret = options.mfa === false ? undefined : newTotpSecret();
  // Never destroy() these handles: that would end the test database's shared pool.
  const system = createKysely(t.db.system);
  await system
    .insertInto('users')
    .values({
      id,
      email_index: t.accountKeys.emailIndex(email),
      email_enc: t.accountKeys.seal(id, 'email', email),
      display_name_enc: t.accountKeys.seal(id, 'display_name', `Test Person ${unique()}`),
      password_hash: await hashPassword(password),
      must_change_password: options.mustChangePassword ?? false,
      mfa_secret_enc: totpSecret ? t.accountKeys.seal(id, 'mfa_secret', totpSecret) : null,
      mfa_enrolled_at: totpSecret ? new Date() : null,
    })
    .execute();
  if (options.societyId && options.roles) {
    await system
      .insertInto('memberships')
      .values({ society_id: options.societyId, user_id: id, roles: options.roles })
      .execute();
    for (const teamId of options.teamIds ?? []) {
      await system
        .insertInto('team_members')
        .values({ society_id: options.societyId, team_id: teamId, user_id: id })
        .execute();
    }
  }
  return { id, email, password, totpSecret };
}

function clientFor(t: TestApp, user: TestUser, token: string, csrfToken: string): TestClient {
  const cookie = `${sessionCookieName(t.config)}=${token}`;
  return {
    user,
    cookie,
    csrfToken,
    request: ({ method, url, body, headers }) =>
      t.app.inject({
        method,
        url,
        headers: {
          cookie,
          origin: t.config.origin.origin,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
  };
}

/**
 * A signed-in client without going through the sign-in screens: the session row is created directly, as sign-in
 * would leave it. Tests of sign-in itself use `signIn`.
 */
export async function actAs(
  t: TestApp,
  user: TestUser,
  options: { stepUp?: boolean } = {},
): Promise<TestClient> {
  const { token, id } = newSessionToken();
  const csrfToken = newCsrfToken();
  await createKysely(t.db.system)
    .insertInto('sessions')
    .values({
      id,
      user_id: user.id,
      stage: 'active',
      csrf_token: csrfToken,
      idle_expires_at: new Date(Date.now() + 30 * 60_000),
      absolute_expires_at: new Date(Date.now() + 12 * 3_600_000),
      mfa_verified_at: new Date(),
      step_up_at: options.stepUp ? new Date() : null,
      current_society_id: null,
    })
    .execute();
  return clientFor(t, user, token, csrfToken);
}

/** The session token in a response's Set-Cookie header. */
export function sessionTokenOf(t: TestApp, res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === sessionCookieName(t.config))?.value;
}

/** A TOTP code for the user that the server has not seen yet (a later time step if needed). */
export async function freshCode(user: TestUser, stepsAhead = 0): Promise<string> {
  if (!user.totpSecret) throw new Error('This test user has no authenticator.');
  return currentTotp(user.totpSecret, Date.now() + stepsAhead * 30_000);
}

/** Signs in through the real screens: password, then the authenticator code; returns the signed-in client. */
export async function signIn(t: TestApp, user: TestUser): Promise<TestClient> {
  const origin = t.config.origin.origin;
  const first = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin },
    payload: { email: user.email, password: user.password },
  });
  if (first.statusCode !== 200) throw new Error(`sign-in failed: ${first.statusCode} ${first.body}`);
  let token = sessionTokenOf(t, first) as string;
  if (first.json<{ stage: string }>().stage === 'mfa') {
    const csrf = await sessionCsrf(t, token);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers: { origin, cookie: `${sessionCookieName(t.config)}=${token}`, 'x-csrf-token': csrf },
      payload: { code: await freshCode(user) },
    });
    if (second.statusCode !== 200) throw new Error(`MFA failed: ${second.statusCode} ${second.body}`);
    token = sessionTokenOf(t, second) as string;
  }
  return clientFor(t, user, token, await sessionCsrf(t, token));
}

/** Reads the CSRF token of a session from GET /api/session. */
export async function sessionCsrf(t: TestApp, token: string): Promise<string> {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/session',
    headers: { cookie: `${sessionCookieName(t.config)}=${token}` },
  });
  if (res.statusCode !== 200) throw new Error(`session read failed: ${res.statusCode}`);
  return res.json<{ csrfToken: string }>().csrfToken;
}

/**
 * A client whose session is part-way through signing in (a password to change, a second factor to give, an
 * authenticator to set up), created directly as the sign-in screens would leave it.
 */
export async function actAtStage(
  t: TestApp,
  user: TestUser,
  stage: Exclude<SessionStage, 'active'>,
): Promise<TestClient> {
  const { token, id } = newSessionToken();
  const csrfToken = newCsrfToken();
  await createKysely(t.db.system)
    .insertInto('sessions')
    .values({
      id,
      user_id: user.id,
      stage,
      csrf_token: csrfToken,
      idle_expires_at: new Date(Date.now() + 10 * 60_000),
      absolute_expires_at: new Date(Date.now() + 12 * 3_600_000),
      mfa_verified_at: null,
      step_up_at: null,
      current_society_id: null,
    })
    .execute();
  return clientFor(t, user, token, csrfToken);
}

/** The id of a client's session as the API shows it (GET /api/me/sessions): the hex of its stored hash. */
export function sessionIdHexOf(t: TestApp, client: TestClient): string {
  const token = client.cookie.slice(sessionCookieName(t.config).length + 1);
  return sessionIdOf(token).toString('hex');
}

/** Creates a network of the given societies and a user who coordinates it, with no society membership. */
export async function createNetworkCoordinator(t: TestApp, societyIds: readonly string[]): Promise<TestUser> {
  const user = await createFastUser(t);
  const system = createKysely(t.db.system);
  const network = await system
    .insertInto('networks')
    .values({ code: `T-${randomBytes(4).toString('hex').toUpperCase()}`, name: `Test Network ${unique()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const societyId of societyIds)
    await system
      .insertInto('network_societies')
      .values({ network_id: network.id, society_id: societyId })
      .execute();
  await system
    .insertInto('network_coordinators')
    .values({ network_id: network.id, user_id: user.id })
    .execute();
  return user;
}

/** Creates an unread in-app notification (a test ping) for a member of a society, directly; returns its id. */
export async function createNotificationRow(
  t: TestApp,
  societyId: string,
  recipientUserId: string,
): Promise<string> {
  const { rows } = await t.db.system.query<{ id: string }>(
    `insert into notifications (society_id, recipient_user_id, kind, email_status)
     values ($1, $2, 'test.ping', 'not-needed') returning id`,
    [societyId, recipientUserId],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no notification inserted');
  return id;
}

/** Starts an authenticator enrolment for a user directly (a pending secret) and returns a code from it. */
export async function pendingEnrolmentCode(t: TestApp, user: TestUser): Promise<string> {
  const secret = newTotpSecret();
  await createKysely(t.db.system)
    .updateTable('users')
    .set({ mfa_pending_secret_enc: t.accountKeys.seal(user.id, 'mfa_pending_secret', secret) })
    .where('id', '=', user.id)
    .execute();
  return currentTotp(secret);
}

/** Gives a user ten new recovery codes directly (as POST /api/me/recovery-codes would) and returns them. */
export function createRecoveryCodes(t: TestApp, user: TestUser): Promise<string[]> {
  return issueRecoveryCodes(
    {
      db: createKysely(t.db.system),
      keys: t.accountKeys,
      times: sessionTimes(t.config),
      audit: appendSystemAuditEvent,
    },
    user.id,
  );
}

/**
 * Creates a society's own content item directly (no built-in default), a guidance text in each language given,
 * the first being its fallback; returns its key and version.
 */
export async function createContentItemRow(
  t: TestApp,
  societyId: string,
  locales: readonly string[] = ['en', 'fr'],
): Promise<{ key: string; version: number }> {
  const key = `test.matrix-${unique()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
  const { rows } = await t.db.system.query<{ id: string; version: number }>(
    `insert into content_items (society_id, key, kind, fallback_locale) values ($1, $2, 'guidance', $3)
     returning id, version`,
    [societyId, key, locales[0] ?? 'en'],
  );
  const item = rows[0];
  if (!item) throw new Error('no content item inserted');
  for (const locale of locales)
    await t.db.system.query(
      `insert into content_translations (society_id, content_id, locale, body, reviewed)
       values ($1, $2, $3, $4, true)`,
      [societyId, item.id, locale, `Test guidance (${locale})`],
    );
  return { key, version: item.version };
}

const sharedPassword = `correct horse shared ${unique()}`;
let sharedPasswordHash: Promise<string> | undefined;

/**
 * Like `createUser`, for tests that make hundreds of users: every user made this way shares one password, hashed
 * once (argon2 is deliberately slow). Still a real account: it signs in and changes its password like any other.
 */
export async function createFastUser(
  t: TestApp,
  options: { societyId?: string; roles?: SocietyRole[]; mfa?: boolean; teamIds?: string[] } = {},
): Promise<TestUser> {
  sharedPasswordHash ??= hashPassword(sharedPassword);
  const id = randomUUID();
  const email = `test.user.${unique()}@example.invalid`;
  const totpSecret = options.mfa === false ? undefined : newTotpSecret();
  const system = createKysely(t.db.system);
  await system
    .insertInto('users')
    .values({
      id,
      email_index: t.accountKeys.emailIndex(email),
      email_enc: t.accountKeys.seal(id, 'email', email),
      display_name_enc: t.accountKeys.seal(id, 'display_name', `Test Person ${unique()}`),
      password_hash: await sharedPasswordHash,
      must_change_password: false,
      mfa_secret_enc: totpSecret ? t.accountKeys.seal(id, 'mfa_secret', totpSecret) : null,
      mfa_enrolled_at: totpSecret ? new Date() : null,
    })
    .execute();
  if (options.societyId && options.roles) {
    const societyId = options.societyId;
    await system
      .insertInto('memberships')
      .values({ society_id: societyId, user_id: id, roles: options.roles })
      .execute();
    for (const teamId of options.teamIds ?? [])
      await system
        .insertInto('team_members')
        .values({ society_id: societyId, team_id: teamId, user_id: id })
        .execute();
  }
  return { id, email, password: sharedPassword, totpSecret };
}
