import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../../test/harness.ts';

/** A short random suffix, so names made by one test do not collide with another's. */
export const uniqueSuffix = () => randomBytes(4).toString('hex');

/** Creates an organisation directly (as the system role), for tests that need one to exist. */
export async function createOrganisationRow(
  t: TestApp,
  societyId: string,
  options: {
    name?: string;
    kind?: 'internal' | 'external' | 'national-society';
    isConfidential?: boolean;
    country?: string;
    protectiveRole?: 'nrm' | 'child-protection' | 'police';
  } = {},
): Promise<string> {
  const kind = options.kind ?? 'external';
  const { rows } = await t.db.system.query<{ id: string }>(
    `insert into organisations (society_id, kind, name, is_confidential, country, protective_role)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      societyId,
      kind,
      options.name ?? `Test Organisation ${uniqueSuffix()}`,
      options.isConfidential ?? false,
      options.country ?? (kind === 'national-society' ? 'XE' : null),
      options.protectiveRole ?? null,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no organisation inserted');
  return id;
}

/** Creates a service directly (as the system role), for tests that need one to exist. */
export async function createServiceRow(
  t: TestApp,
  societyId: string,
  organisationId: string,
  options: { name?: string; categories?: string[]; isConfidential?: boolean; status?: string } = {},
): Promise<string> {
  const { rows } = await t.db.system.query<{ id: string }>(
    `insert into services (society_id, organisation_id, name, categories, is_confidential, status)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      societyId,
      organisationId,
      options.name ?? `Test Service ${uniqueSuffix()}`,
      options.categories ?? [],
      options.isConfidential ?? false,
      options.status ?? 'active',
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no service inserted');
  return id;
}
