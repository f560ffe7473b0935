import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSociety, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createKysely } from '../db/kysely.ts';
import { inSociety } from './scope.ts';

let t: TestApp;
let societyA: string;
let societyB: string;
beforeAll(async () => {
  t = await createTestApp();
  societyA = await createSociety(t);
  societyB = await createSociety(t);
  await createUser(t, { societyId: societyA, roles: ['caseworker'] });
  await createUser(t, { societyId: societyB, roles: ['caseworker'] });
  await createUser(t, { societyId: societyB, roles: ['administrator'] });
});
afterAll(() => t.close());

describe('row-level security under inSociety', () => {
  it('gives a query that forgets the society filter nothing from another society', async () => {
    const app = createKysely(t.db.app);
    // Deliberately no `where society_id = …`: the database must refuse what the code forgot.
    const seen = await inSociety(app, societyA, async (tx) => ({
      memberships: await tx.selectFrom('memberships').select('society_id').execute(),
      societies: await tx.selectFrom('societies').select('id').execute(),
      keys: await tx.selectFrom('society_keys').select('society_id').execute(),
    }));
    expect(seen.memberships.map((m) => m.society_id)).toEqual([societyA]);
    expect(seen.societies.map((s) => s.id)).toEqual([societyA]);
    expect(new Set(seen.keys.map((k) => k.society_id))).toEqual(new Set([societyA]));
  });

  it('refuses to write a row into another society, even when the code names it', async () => {
    const app = createKysely(t.db.app);
    const write = inSociety(app, societyA, (tx) =>
      tx.insertInto('teams').values({ society_id: societyB, name: 'Test team written across' }).execute(),
    );
    await expect(write).rejects.toThrow(/row-level security/);
  });

  it('leaves no society on the pooled connection once the transaction ends', async () => {
    const app = createKysely(t.db.app);
    await inSociety(app, societyA, (tx) => tx.selectFrom('societies').select('id').execute());
    // The same small pool serves the next query without any scope: it must see nothing at all.
    const after = await Promise.all(
      Array.from({ length: 5 }, () => t.db.app.query('select count(*)::int as n from memberships')),
    );
    expect(after.map((r) => (r.rows[0] as { n: number }).n)).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses a society id that is not a UUID before anything runs', async () => {
    const app = createKysely(t.db.app);
    await expect(
      inSociety(app, "x'); select 1; --", (tx) => tx.selectFrom('societies').select('id').execute()),
    ).rejects.toThrow(/UUID/);
  });

  it('does not hand its society to a transaction opened inside it', async () => {
    const app = createKysely(t.db.app);
    const inner = await inSociety(app, societyA, async () =>
      app.transaction().execute((tx) => tx.selectFrom('memberships').select('society_id').execute()),
    );
    expect(inner).toEqual([]);
  });
});
