import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actAs,
  createSociety,
  createUser,
  freshCode,
  sessionCsrf,
  sessionTokenOf,
  signIn,
  type TestUser,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { sessionCookieName } from '../../access/session.ts';

let t: TestApp;
let societyId: string;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
});
afterAll(() => t.close());

const origin = () => t.config.origin.origin;
const signInRequest = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin: origin(), ...headers },
    payload: body as object,
  });
const withToken = (token: string) => ({ cookie: `${sessionCookieName(t.config)}=${token}` });

async function systemEvents(kind: string, subjectId: string): Promise<number> {
  const { rows } = await t.db.system.query<{ n: string }>(
    'select count(*) as n from system_audit_events where kind = $1 and subject_id = $2',
    [kind, subjectId],
  );
  return Number(rows[0]?.n);
}

describe('POST /api/auth/sign-in', () => {
  it('refuses a request from another origin before reading it', async () => {
    const res = await signInRequest(
      { email: 'a@example.invalid', password: 'x' },
      { origin: 'https://evil.example' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf-rejected');
  });

  it('names each invalid field', async () => {
    const res = await signInRequest({ email: 'not an address', password: '', extra: 1 });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['body.email', 'body.extra', 'body.password']);
  });

  it('gives the same answer for an unknown account and a wrong password, and audits the failure', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const unknown = await signInRequest({ email: 'nobody@example.invalid', password: 'whatever it is' });
    const wrong = await signInRequest({ email: user.email, password: 'not the password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(sessionTokenOf(t, wrong)).toBeUndefined();
    expect(await systemEvents('user.sign-in-failed', user.id)).toBe(1);
  });

  it('asks for the second factor, then issues a new session token (no fixation) and audits the sign-in', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const first = await signInRequest({ email: user.email.toUpperCase(), password: user.password });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ stage: 'mfa' });
    const cookie = first.cookies.find((c) => c.name === sessionCookieName(t.config));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const pending = cookie?.value as string;
    const blocked = await t.app.inject({
      method: 'GET',
      url: `/api/societies/${societyId}`,
      headers: withToken(pending),
    });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('mfa-required');
    const mfa = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers: { origin: origin(), 'x-csrf-token': await sessionCsrf(t, pending), ...withToken(pending) },
      payload: { code: await freshCode(user) },
    });
    expect(mfa.statusCode).toBe(200);
    const active = sessionTokenOf(t, mfa) as string;
    expect(active).not.toBe(pending);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/session', headers: withToken(pending) })).statusCode,
    ).toBe(401);
    const view = await t.app.inject({ method: 'GET', url: '/api/session', headers: withToken(active) });
    expect(view.json()).toMatchObject({
      stage: 'active',
      user: { email: user.email },
      roles: ['caseworker'],
    });
    expect(await systemEvents('user.signed-in', user.id)).toBe(1);
  });

  it('locks an account softly after five failures, refuses even the right password, and unlocks with time', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    for (let i = 0; i < 5; i++)
      expect((await signInRequest({ email: user.email, password: 'wrong one' })).statusCode).toBe(401);
    const locked = await signInRequest({ email: user.email, password: user.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('rate-limited');
    expect(await systemEvents('user.locked-out', user.id)).toBe(1);
    // Fifteen minutes later (moved back in time rather than waited for):
    await t.db.system.query(
      `update auth_throttle set locked_until = now() - interval '1 second', window_started_at = now() - interval '16 minutes'`,
    );
    expect((await signInRequest({ email: user.email, password: user.password })).statusCode).toBe(200);
  });
});

describe('the second factor', () => {
  async function pendingSession(user: TestUser) {
    const res = await signInRequest({ email: user.email, password: user.password });
    const token = sessionTokenOf(t, res) as string;
    return { token, csrf: await sessionCsrf(t, token) };
  }
  const post = (url: string, s: { token: string; csrf: string }, payload: object) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { origin: origin(), 'x-csrf-token': s.csrf, ...withToken(s.token) },
      payload,
    });

  it('refuses a code that was already used (replay), even from another sign-in', async () => {
    const user = await createUser(t, { societyId, roles: ['focal-point'] });
    const code = await freshCode(user);
    expect((await post('/api/auth/mfa', await pendingSession(user), { code })).statusCode).toBe(200);
    const replay = await post('/api/auth/mfa', await pendingSession(user), { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0]).toMatchObject({ path: 'body.code', code: 'wrong-code' });
  });

  it('accepts a recovery code once only', async () => {
    const user = await createUser(t, { societyId, roles: ['dpo'] });
    const client = await actAs(t, user, { stepUp: true });
    const codes = (await client.request({ method: 'POST', url: '/api/me/recovery-codes' })).json()
      .recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    const first = await post('/api/auth/mfa/recovery', await pendingSession(user), {
      recoveryCode: codes[0],
    });
    expect(first.statusCode).toBe(200);
    const again = await post('/api/auth/mfa/recovery', await pendingSession(user), {
      recoveryCode: codes[0],
    });
    expect(again.statusCode).toBe(400);
    expect(await systemEvents('mfa.recovery-code-used', user.id)).toBe(1);
  });

  it('enrols an account without an authenticator before letting it in, and shows recovery codes once', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'], mfa: false });
    const res = await signInRequest({ email: user.email, password: user.password });
    expect(res.json()).toEqual({ stage: 'mfa-enrolment' });
    const s = { token: sessionTokenOf(t, res) as string, csrf: '' };
    s.csrf = await sessionCsrf(t, s.token);
    const enrolment = (await post('/api/auth/mfa/enrolment', s, {})).json();
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Passage:/);
    expect(enrolment.qrSvg).toContain('<svg');
    const confirm = await post('/api/auth/mfa/enrolment/confirm', s, {
      code: await freshCode({ ...user, totpSecret: enrolment.secret }),
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().stage).toBe('active');
    expect(confirm.json().recoveryCodes).toHaveLength(10);
    const { rows } = await t.db.system.query('select mfa_secret_enc from users where id = $1', [user.id]);
    expect(rows[0].mfa_secret_enc.toString('latin1')).not.toContain(enrolment.secret);
  });
});

describe('sessions', () => {
  it('refuses a write without the CSRF token or from another origin', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const client = await actAs(t, user);
    const noToken = await client.request({
      method: 'PATCH',
      url: '/api/me',
      body: { locale: 'fr' },
      headers: { 'x-csrf-token': '' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf-rejected');
    const wrongOrigin = await client.request({
      method: 'PATCH',
      url: '/api/me',
      body: { locale: 'fr' },
      headers: { origin: 'https://evil.example' },
    });
    expect(wrongOrigin.json().code).toBe('csrf-rejected');
    expect(
      (await client.request({ method: 'PATCH', url: '/api/me', body: { locale: 'fr' } })).statusCode,
    ).toBe(204);
  });

  it('ends a session that has been idle too long', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const client = await actAs(t, user);
    await t.db.system.query(
      `update sessions set idle_expires_at = now() - interval '1 second' where user_id = $1`,
      [user.id],
    );
    const res = await client.request({ method: 'GET', url: '/api/session' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const phone = await actAs(t, user);
    const desk = await signIn(t, user);
    expect((await desk.request({ method: 'POST', url: '/api/auth/sign-out-everywhere' })).statusCode).toBe(
      204,
    );
    expect((await phone.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    expect((await desk.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and refuses common or short passwords', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const other = await actAs(t, user);
    const me = await actAs(t, user);
    const change = (newPassword: string) =>
      me.request({
        method: 'POST',
        url: '/api/me/password',
        body: { currentPassword: user.password, newPassword },
      });
    expect((await change('short')).json().errors[0].code).toBe('password-too-short');
    expect((await change('password1234567')).json().errors[0].code).toBe('password-too-common');
    expect((await change('a much longer passphrase for tests')).statusCode).toBe(200);
    expect((await other.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    expect((await me.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
  });

  it('lists the user’s own sessions and ends another one', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const other = await actAs(t, user);
    const me = await actAs(t, user);
    const list = (await me.request({ method: 'GET', url: '/api/me/sessions' })).json().items as {
      id: string;
      current: boolean;
    }[];
    expect(list).toHaveLength(2);
    const target = list.find((s) => !s.current) as { id: string };
    expect((await me.request({ method: 'DELETE', url: `/api/me/sessions/${target.id}` })).statusCode).toBe(
      204,
    );
    expect((await other.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
  });
});
