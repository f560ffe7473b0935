import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { createKysely } from '../../db/kysely.ts';
import { systemResetDemo, systemSeedDemo } from '../demo/demo.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PASSAGE_DEMO: 'true' } });
});
afterAll(() => t.close());

type Row = {
  kind: string;
  name: string;
  country: string | null;
  protective_role: string | null;
  is_confidential: boolean;
};

async function directoryOf(societyId: string) {
  const { rows: organisations } = await t.db.system.query<Row>(
    `select kind, name, country, protective_role, is_confidential from organisations where society_id = $1
     order by kind, name collate "C"`,
    [societyId],
  );
  const { rows: services } = await t.db.system.query<{ name: string; team: string | null }>(
    `select s.name, t.name as team from services s left join teams t on t.society_id = s.society_id and t.id = s.team_id
     where s.society_id = $1 order by s.name collate "C"`,
    [societyId],
  );
  return { organisations, services };
}

describe('the demo directory', () => {
  it('is seeded with the demo society: its own organisation, partners, a National Society and authorities', async () => {
    const deps = { keys: t.keys, accountKeys: t.accountKeys };
    const { societyId } = await systemSeedDemo(createKysely(t.db.system), deps, { requestId: 'test-seed' });
    const seeded = await directoryOf(societyId);
    const entry = (kind: string, name: string, extra: Partial<Row> = {}): Row => ({
      kind,
      name,
      country: null,
      protective_role: null,
      is_confidential: false,
      ...extra,
    });
    expect(seeded.organisations).toEqual([
      entry('external', 'Demo Legal Aid Clinic'),
      entry('external', 'Demo Shelter (confidential)', { is_confidential: true }),
      entry('external', 'Demo child protection authority', { protective_role: 'child-protection' }),
      entry('external', 'Demo national referral mechanism', { protective_role: 'nrm' }),
      entry('internal', 'Demo National Society'),
      entry('national-society', 'Demo Red Cross of Xland', { country: 'XE' }),
    ]);
    expect(seeded.services).toContainEqual({ name: 'Demo protection casework', team: 'Demo team North' });
    const { rows } = await t.db.system.query<{ n: string }>(
      `select count(*) as n from audit_events where society_id = $1 and kind in ('organisation.created', 'service.created')`,
      [societyId],
    );
    expect(Number(rows[0]?.n)).toBe(seeded.organisations.length + seeded.services.length);

    await systemResetDemo(createKysely(t.db.system), deps, { requestId: 'test-reset' });
    expect(await directoryOf(societyId)).toEqual(seeded);
  });
});
