import { randomBytes, randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { SocietyRole } from '../common/roles.ts';
import { newCsrfToken, newSessionToken, sessionCookieName } from '../server/access/session.ts';
import { ensureSocietyKeys } from '../server/crypto/society-keys.ts';
import { createKysely } from '../server/db/kysely.ts';
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
