import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect, inject } from 'vitest';
import type { DemoAccount } from '../../common/demo.ts';
import type { SocietyRole } from '../../common/roles.ts';
import { NewMemberResult } from '../../common/users.ts';
import { baseUrl } from './browser.ts';
import { nextCode } from './totp.ts';

/** A client of the API outside the browser, signed in as one account (for setting up a journey). */
export type ApiClient = {
  request(method: string, path: string, body?: unknown): Promise<Response>;
};

function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const cookie = header.split(';')[0];
  if (!cookie) throw new Error('The answer set no session cookie.');
  return cookie;
}

async function csrfOf(cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/session`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in through the API (password, then a fresh authenticator code) and returns a client with its cookie. */
export async function signInByApi(account: Pick<DemoAccount, 'email' | 'password' | 'totpSecret'>) {
  const origin = baseUrl();
  const first = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  expect(first.status).toBe(200);
  let cookie = cookieOf(first);
  const second = await fetch(`${origin}/api/auth/mfa`, {
    method: 'POST',
    headers: { origin, cookie, 'x-csrf-token': await csrfOf(cookie), 'content-type': 'application/json' },
    body: JSON.stringify({ code: await nextCode(account.totpSecret) }),
  });
  expect(second.status).toBe(200);
  cookie = cookieOf(second);
  const csrf = await csrfOf(cookie);
  const client: ApiClient = {
    request: (method, path, body) =>
      fetch(`${origin}${path}`, {
        method,
        headers: {
          origin,
          cookie,
          'x-csrf-token': csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
  return client;
}

/** Adds a new member to the administrator's society: an obviously fake account with a temporary password. */
export async function createMember(admin: ApiClient, roles: SocietyRole[]) {
  const email = `e2e.${randomBytes(4).toString('hex')}@example.invalid`;
  const response = await admin.request('POST', '/api/users', {
    email,
    displayName: 'Test Person E2E',
    roles,
  });
  expect(response.status).toBe(201);
  const result = NewMemberResult.parse(await response.json());
  if (!result.temporaryPassword) throw new Error('The new member got no temporary password.');
  return { email, temporaryPassword: result.temporaryPassword };
}

/**
 * Makes the step-up of a person's live sessions older than its five-minute window, as if they had signed in a
 * while ago, so the next sensitive action asks to confirm it is them. Test-only: it writes to the database.
 */
export async function ageStepUp(userId: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('systemDatabaseUrl') });
  await client.connect();
  try {
    await client.query(
      `update sessions set step_up_at = now() - interval '10 minutes' where user_id = $1 and ended_at is null`,
      [userId],
    );
  } finally {
    await client.end();
  }
}
