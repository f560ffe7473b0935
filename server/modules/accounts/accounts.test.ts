import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs, createSociety, createUser, type TestUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { createKysely } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/problem.ts';
import { checkNewPassword } from '../auth/password.ts';
import { generateTemporaryPassword, systemResetMfa, systemResetPassword } from './accounts.service.ts';
import { systemAddMember, systemInitSociety } from './accounts.society.ts';

let t: TestApp;
let system: Kysely<Database>;
beforeAll(async () => {
  t = await createTestApp();
  system = createKysely(t.db.system); // never destroyed: it shares the test database's pool
});
afterAll(() => t.close());

const requestId = 'test-operator';
const signInRequest = (email: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin: t.config.origin.origin },
    payload: { email, password },
  });

async function societyEvents(societyId: string): Promise<string[]> {
  const { rows } = await t.db.system.query<{ kind: string }>(
    'select kind from audit_events where society_id = $1 order by seq',
    [societyId],
  );
  return rows.map((r) => r.kind);
}

async function systemEvents(kind: string, subjectId: string): Promise<number> {
  const { rows } = await t.db.system.query<{ n: string }>(
    'select count(*) as n from system_audit_events where kind = $1 and subject_id = $2',
    [kind, subjectId],
  );
  return Number(rows[0]?.n);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const newSociety = (name: string) => ({ name, country: 'XA', timeZone: 'Europe/Paris' });
const administrator = (email: string) => ({
  email,
  displayName: 'Test Administrator',
  locale: 'en' as const,
});

describe('generateTemporaryPassword', () => {
  it('gives a new password each time that the password policy accepts', () => {
    const a = generateTemporaryPassword();
    expect(a).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
    expect(checkNewPassword(a)).toBeUndefined();
    expect(generateTemporaryPassword()).not.toBe(a);
  });
});

describe('systemInitSociety', () => {
  it('refuses an invalid country and time zone, naming each field', async () => {
    const error = await refusal(
      systemInitSociety(system, t, {
        society: { name: 'Test Society Invalid', country: 'nl', timeZone: 'Mars/Olympus' },
        administrator: administrator('init.invalid@example.invalid'),
        requestId,
      }),
    );
    expect(error.code).toBe('validation-failed');
    expect(error.errors?.map((e) => e.path)).toEqual(['country', 'timeZone']);
  });

  it('creates the society with its keys and an administrator whose first sign-in changes the password', async () => {
    const result = await systemInitSociety(system, t, {
      society: newSociety('Test Society Init'),
      administrator: administrator('init.admin@example.invalid'),
      requestId,
    });
    expect(result.administrator.created).toBe(true);
    const keys = await system
      .selectFrom('society_keys')
      .select('purpose')
      .where('society_id', '=', result.societyId)
      .execute();
    expect(keys.map((k) => k.purpose).sort()).toEqual(['blind-index', 'kek']);
    const membership = await system
      .selectFrom('memberships')
      .select('roles')
      .where('user_id', '=', result.administrator.userId)
      .executeTakeFirstOrThrow();
    expect(membership.roles).toEqual(['administrator']);
    const res = await signInRequest(
      'init.admin@example.invalid',
      result.administrator.temporaryPassword ?? '',
    );
    expect(res.json()).toEqual({ stage: 'password-change' });
    expect(await societyEvents(result.societyId)).toEqual([
      'society.created',
      'user.created',
      'membership.granted',
    ]);
  });

  it('refuses a name already taken, whatever its case, and creates nothing', async () => {
    const before = await system.selectFrom('societies').select('id').execute();
    const error = await refusal(
      systemInitSociety(system, t, {
        society: newSociety('TEST SOCIETY INIT'),
        administrator: administrator('init.second@example.invalid'),
        requestId,
      }),
    );
    expect(error.code).toBe('conflict');
    expect(await system.selectFrom('societies').select('id').execute()).toHaveLength(before.length);
  });
});

describe('systemAddMember', () => {
  let societyId: string;
  let existing: TestUser;
  beforeAll(async () => {
    societyId = await createSociety(t);
    existing = await createUser(t, { societyId: await createSociety(t), roles: ['caseworker'] });
  });

  it('refuses a new account without a name', async () => {
    const error = await refusal(
      systemAddMember(system, t.accountKeys, {
        societyId,
        email: 'no.name@example.invalid',
        roles: ['volunteer'],
        locale: 'en',
        requestId,
      }),
    );
    expect(error.errors?.map((e) => [e.path, e.code])).toEqual([['name', 'required']]);
  });

  it('gives an existing account a membership without touching its password or name', async () => {
    const before = await system
      .selectFrom('users')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    const result = await systemAddMember(system, t.accountKeys, {
      societyId,
      email: existing.email.toUpperCase(),
      displayName: 'Another Name',
      roles: ['focal-point', 'caseworker'],
      locale: 'en',
      requestId,
    });
    expect(result).toEqual({ userId: existing.id, created: false, granted: ['focal-point', 'caseworker'] });
    const after = await system
      .selectFrom('users')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect((await signInRequest(existing.email, existing.password)).json()).toEqual({ stage: 'mfa' });
    expect(await societyEvents(societyId)).toEqual(['membership.granted']);
  });

  it('grants only the roles not held yet, and audits nothing when there are none', async () => {
    const again = await systemAddMember(system, t.accountKeys, {
      societyId,
      email: existing.email,
      roles: ['caseworker', 'coordinator'],
      locale: 'en',
      requestId,
    });
    expect(again.granted).toEqual(['coordinator']);
    const none = await systemAddMember(system, t.accountKeys, {
      societyId,
      email: existing.email,
      roles: ['coordinator'],
      locale: 'en',
      requestId,
    });
    expect(none.granted).toEqual([]);
    expect(await societyEvents(societyId)).toEqual(['membership.granted', 'membership.granted']);
  });

  it('creates a new account with a temporary password that must be changed', async () => {
    const result = await systemAddMember(system, t.accountKeys, {
      societyId,
      email: 'new.member@example.invalid',
      displayName: 'Test New Member',
      roles: ['volunteer'],
      locale: 'fr',
      requestId,
    });
    expect(result).toMatchObject({ created: true, granted: ['volunteer'] });
    const res = await signInRequest('new.member@example.invalid', result.temporaryPassword ?? '');
    expect(res.json()).toEqual({ stage: 'password-change' });
    expect((await societyEvents(societyId)).slice(-2)).toEqual(['user.created', 'membership.granted']);
  });
});

describe('operator recovery', () => {
  let societyId: string;
  beforeAll(async () => {
    societyId = await createSociety(t);
  });

  it('finds no account for an unknown e-mail address', async () => {
    const input = { email: 'nobody@example.invalid', requestId };
    expect(await systemResetPassword(system, t.accountKeys, input)).toBeUndefined();
    expect(await systemResetMfa(system, t.accountKeys, input)).toBeUndefined();
  });

  it('resets a password: sessions end, the lock lifts, the next sign-in must change it', async () => {
    const user = await createUser(t, { societyId, roles: ['administrator'] });
    const client = await actAs(t, user);
    for (let i = 0; i < 5; i++) await signInRequest(user.email, 'not the password');
    expect((await signInRequest(user.email, user.password)).statusCode).toBe(429);
    const result = await systemResetPassword(system, t.accountKeys, { email: user.email, requestId });
    expect(result?.sessionsEnded).toBe(1);
    expect((await client.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    expect((await signInRequest(user.email, user.password)).statusCode).toBe(401);
    const res = await signInRequest(user.email, result?.temporaryPassword ?? '');
    expect(res.json()).toEqual({ stage: 'password-change' });
    expect(await systemEvents('password.reset', user.id)).toBe(1);
    expect(await systemEvents('session.revoked', user.id)).toBe(1);
  });

  it('resets the second factor: sessions end, recovery codes go, the next sign-in sets up a new one', async () => {
    const user = await createUser(t, { societyId, roles: ['administrator'] });
    const client = await actAs(t, user);
    await system
      .insertInto('recovery_codes')
      .values({ user_id: user.id, code_hash: Buffer.alloc(32, 1) })
      .execute();
    const result = await systemResetMfa(system, t.accountKeys, { email: user.email, requestId });
    expect(result).toEqual({ userId: user.id, sessionsEnded: 1 });
    expect((await client.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    const codes = await system
      .selectFrom('recovery_codes')
      .select('user_id')
      .where('user_id', '=', user.id)
      .execute();
    expect(codes).toEqual([]);
    expect((await signInRequest(user.email, user.password)).json()).toEqual({ stage: 'mfa-enrolment' });
    expect(await systemEvents('mfa.reset', user.id)).toBe(1);
  });
});
