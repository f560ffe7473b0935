import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { SocietyRole } from '../../../common/roles.ts';
import { actAs, createSociety, createUser, type TestClient } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/harness.ts';
import { createTeamRow } from '../users/users.test-support.ts';

/** A society with a team and the people who work (or do not) on its cases, each signed in. */
export type CaseTeamFixture = {
  societyId: string;
  teamId: string;
  otherTeamId: string;
  /** A caseworker in `teamId`: registers people, so is assigned to them. */
  caseworker: TestClient;
  /** Another caseworker of `teamId`: in the team, not assigned. */
  teammate: TestClient;
  /** A caseworker of `otherTeamId`: outside the case team. */
  outsider: TestClient;
  focalPoint: TestClient;
  dpo: TestClient;
  coordinator: TestClient;
  volunteer: TestClient;
};

async function member(
  t: TestApp,
  societyId: string,
  roles: SocietyRole[],
  teamIds: string[] = [],
): Promise<TestClient> {
  return actAs(t, await createUser(t, { societyId, roles, teamIds }));
}

/** Creates a society with two teams and a member of each role that matters for people and consent. */
export async function createCaseTeam(t: TestApp): Promise<CaseTeamFixture> {
  const societyId = await createSociety(t);
  const teamId = await createTeamRow(t, societyId, 'Case Team');
  const otherTeamId = await createTeamRow(t, societyId, 'Other Team');
  return {
    societyId,
    teamId,
    otherTeamId,
    caseworker: await member(t, societyId, ['caseworker'], [teamId]),
    teammate: await member(t, societyId, ['caseworker'], [teamId]),
    outsider: await member(t, societyId, ['caseworker'], [otherTeamId]),
    focalPoint: await member(t, societyId, ['focal-point']),
    dpo: await member(t, societyId, ['dpo']),
    coordinator: await member(t, societyId, ['coordinator']),
    volunteer: await member(t, societyId, ['volunteer']),
  };
}

/** Registers a person through the API and returns the response body (throws unless 201). */
export async function registerThrough(
  client: TestClient,
  body: Record<string, unknown> = { knownAs: 'Test Knownas' },
): Promise<{ id: string; code: string; version: number } & Record<string, unknown>> {
  const res = await client.request({ method: 'POST', url: '/api/people', body });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Inserts an organisation of the registry directly (as the system role) and returns its id. */
export async function createOrganisation(
  t: TestApp,
  societyId: string,
  options: {
    kind?: 'internal' | 'external' | 'national-society';
    protectiveRole?: 'nrm' | 'child-protection' | 'police';
    name?: string;
  } = {},
): Promise<string> {
  const kind = options.kind ?? 'external';
  if (kind === 'internal') {
    // A society has one internal organisation: itself.
    const { rows: found } = await t.db.system.query<{ id: string }>(
      `select id from organisations where society_id = $1 and kind = 'internal'`,
      [societyId],
    );
    if (found[0]) return found[0].id;
  }
  const { rows } = await t.db.system.query<{ id: string }>(
    `insert into organisations (society_id, id, kind, name, country, protective_role)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      societyId,
      randomUUID(),
      kind,
      options.name ?? `Test Organisation ${Math.random().toString(36).slice(2, 8)}`,
      kind === 'national-society' ? 'XE' : null,
      options.protectiveRole ?? null,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no organisation inserted');
  return id;
}

/** Inserts a service of an organisation directly, optionally run by a team, and returns its id. */
export async function createService(
  t: TestApp,
  societyId: string,
  organisationId: string,
  teamId?: string,
): Promise<string> {
  const { rows } = await t.db.system.query<{ id: string }>(
    `insert into services (society_id, organisation_id, team_id, name) values ($1, $2, $3, 'Test Service') returning id`,
    [societyId, organisationId, teamId ?? null],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no service inserted');
  return id;
}

/** One audited read as a test reads it back. */
export type ReadRow = { actor_user_id: string; fields: string[]; purpose: string };

/** The audited reads of a person, oldest first. */
export async function readsOf(t: TestApp, personId: string): Promise<ReadRow[]> {
  const { rows } = await t.db.system.query<ReadRow>(
    'select actor_user_id, fields, purpose from audit_reads where subject_id = $1 order by id',
    [personId],
  );
  return rows;
}

/** The "If-Match" header for a version. */
export function ifMatch(version: number): Record<string, string> {
  return { 'if-match': `"${version}"` };
}

/** The codes of the field errors of a 400, by path. */
export function errorCodes(res: LightMyRequestResponse): Record<string, string> {
  const errors = res.json<{ errors?: { path: string; code: string }[] }>().errors ?? [];
  return Object.fromEntries(errors.map((e) => [e.path, e.code]));
}
