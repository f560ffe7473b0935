import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actAs,
  createRecoveryCodes,
  createSociety,
  createUser,
  type TestUser,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { anonymous } from '../users/users.test-support.ts';
import { recoveryCodeHash } from './totp.ts';

let t: TestApp;
let societyId: string;
beforeAll(async () => {
  t = await createTestApp();
  societyId = await createSociety(t);
});
afterAll(() => t.close());

const url = '/api/me/recovery-codes';

/** Which of these recovery codes the database still holds, unused, for the user. */
async function liveCodes(user: TestUser, codes: readonly string[]): Promise<string[]> {
  const { rows } = await t.db.system.query<{ code_hash: Buffer }>(
    'select code_hash from recovery_codes where user_id = $1 and used_at is null',
    [user.id],
  );
  const held = new Set(rows.map((r) => r.code_hash.toString('hex')));
  return codes.filter((c) =>
    held.has(recoveryCodeHash(t.accountKeys.recoveryKey, user.id, c).toString('hex')),
  );
}

describe('POST /api/me/recovery-codes', () => {
  it('asks who is calling', async () => {
    const res = await anonymous(t, 'POST', url);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('asks for a fresh second factor first, and keeps the old codes until it has one', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const old = await createRecoveryCodes(t, user);
    const res = await (await actAs(t, user)).request({ method: 'POST', url });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('step-up-required');
    expect(await liveCodes(user, old)).toEqual(old);
    const { rows } = await t.db.system.query(
      `select 1 from system_audit_events where kind = 'mfa.recovery-codes-renewed' and subject_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([]);
  });

  it('replaces the recovery codes with ten new ones after a step-up', async () => {
    const user = await createUser(t, { societyId, roles: ['caseworker'] });
    const old = await createRecoveryCodes(t, user);
    const res = await (await actAs(t, user, { stepUp: true })).request({ method: 'POST', url });
    expect(res.statusCode).toBe(200);
    const codes = res.json().recoveryCodes as string[];
    expect(new Set(codes).size).toBe(10);
    expect(await liveCodes(user, old)).toEqual([]);
    expect(await liveCodes(user, codes)).toEqual(codes);
    const { rows } = await t.db.system.query<{ payload: unknown }>(
      `select payload from system_audit_events where kind = 'mfa.recovery-codes-renewed' and subject_id = $1`,
      [user.id],
    );
    // Audited once, with nothing of the codes in it.
    expect(rows).toEqual([{ payload: {} }]);
  });

  it('needs no society role: a user without any membership renews their own codes too', async () => {
    const user = await createUser(t, {});
    const res = await (await actAs(t, user, { stepUp: true })).request({ method: 'POST', url });
    expect(res.statusCode).toBe(200);
    expect(res.json().recoveryCodes).toHaveLength(10);
  });
});
