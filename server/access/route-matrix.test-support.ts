import type { LightMyRequestResponse } from 'fastify';
import type { Role, SocietyRole } from '../../common/roles.ts';
import {
  actAs,
  createContentItemRow,
  createFastUser,
  createNetworkCoordinator,
  createNotificationRow,
  createRecoveryCodes,
  createSociety,
  freshCode,
  pendingEnrolmentCode,
  sessionIdHexOf,
  type TestClient,
  type TestUser,
} from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { createOrganisationRow, createServiceRow } from '../modules/directory/directory.test-support.ts';
import { createTeamRow } from '../modules/users/users.test-support.ts';
import type { SessionStage } from './actor.ts';
import type { MatrixFixtures } from './route-matrix.shape.ts';

// The records the access-control matrix (route-matrix.test.ts) aims its requests at: two societies with the same
// fixtures, so that a request aimed at the other one must be refused as not found.

/** A society of the matrix and the records that no case changes. */
export type Place = {
  id: string;
  /** A volunteer of the society, the subject of the read-only member routes. */
  member: TestUser;
  /** A focal point of the society, who registers its people and records their consents. */
  keeper: TestClient;
  teamId: string;
  organisationId: string;
  serviceId: string;
  contentKey: string;
  /** The shared person, registered on first use (the people routes are the only ones that need it). */
  person?: Promise<string>;
};

/** Creates a society and its fixtures. */
export async function createPlace(t: TestApp): Promise<Place> {
  const id = await createSociety(t);
  const teamId = await createTeamRow(t, id, 'Matrix Team');
  const member = await createFastUser(t, { societyId: id, roles: ['volunteer'] });
  const keeper = await actAs(
    t,
    await createFastUser(t, { societyId: id, roles: ['focal-point'], teamIds: [teamId] }),
  );
  // The society's own directory entry exists, as it does once anyone has asked for it.
  await createOrganisationRow(t, id, { kind: 'internal' });
  const organisationId = await createOrganisationRow(t, id);
  return {
    id,
    member,
    keeper,
    teamId,
    organisationId,
    serviceId: await createServiceRow(t, id, organisationId),
    contentKey: (await createContentItemRow(t, id)).key,
  };
}

/** A member of a society's matrix team, who sees the people that team owns when they are a caseworker. */
export function createTeamMember(
  t: TestApp,
  place: Place,
  roles: SocietyRole[],
  options: { mfa?: boolean } = {},
): Promise<TestUser> {
  return createFastUser(t, { societyId: place.id, roles, teamIds: [place.teamId], ...options });
}

type Made = { id: string; version: number };

/** The record a fixture request made through the API, or an error naming what failed. */
function made(res: LightMyRequestResponse, what: string): Made {
  if (res.statusCode >= 300) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res.json<Made>();
}

async function registerPerson(place: Place, assign: string | undefined): Promise<Made> {
  const body = { knownAs: 'Matrix Test Person', teamId: place.teamId };
  const person = made(
    await place.keeper.request({ method: 'POST', url: '/api/people', body }),
    'registering a person',
  );
  if (!assign) return person;
  const res = await place.keeper.request({
    method: 'PUT',
    url: `/api/people/${person.id}/assignment`,
    body: { caseworkerIds: [assign], teamId: place.teamId },
    headers: { 'if-match': `"${person.version}"` },
  });
  return made(res, 'assigning a person');
}

async function recordFor(place: Place, url: string, body: object, what: string): Promise<string> {
  return made(await place.keeper.request({ method: 'POST', url, body }), what).id;
}

const consentBody = {
  purpose: 'statistics',
  fieldGroups: ['case-summary'],
  givenBy: { by: 'person' },
  method: 'verbal',
  language: 'en',
  interpreter: { used: false },
  personAlone: true,
  informationPoints: ['purpose-explained', 'uses-of-data', 'how-to-withdraw'],
};

function legalBasisBody(kind: 'vital-interest' | 'legal-obligation') {
  return {
    kind,
    purpose: 'services',
    reason: kind === 'legal-obligation' ? 'legal-duty' : 'emergency',
    fieldGroups: ['identity-minimal'],
    justification: 'Matrix test: a basis other than consent.',
  };
}

/** What the fixtures of one case need to know. */
export type FixtureOptions = {
  t: TestApp;
  target: Place;
  /** Whether the target is another society than the actor's. */
  theirs: boolean;
  actor: TestUser;
  actorRoles: readonly Role[];
  metricsToken: string;
};

/** The fixtures of one case: records of the target society, made fresh where a request changes them. */
export function fixturesFor(o: FixtureOptions): MatrixFixtures {
  const { t, target, actor } = o;
  const isMember = !o.theirs && o.actorRoles.some((r) => r !== 'network-coordinator');
  const assignable = !o.theirs && o.actorRoles.includes('caseworker');
  return {
    societyId: target.id,
    actor,
    actorRoles: o.actorRoles,
    memberId: target.member.id,
    teamId: target.teamId,
    organisationId: target.organisationId,
    serviceId: target.serviceId,
    contentKey: target.contentKey,
    person: () => (target.person ??= registerPerson(target, undefined).then((p) => p.id)),
    newPerson: (options = {}) =>
      registerPerson(target, options.assignActor && assignable ? actor.id : undefined),
    newConsent: (personId) =>
      recordFor(target, `/api/people/${personId}/consents`, consentBody, 'recording a consent'),
    newLegalBasis: (personId, kind) =>
      recordFor(
        target,
        `/api/people/${personId}/legal-bases`,
        legalBasisBody(kind),
        'recording a legal basis',
      ),
    newMember: async () => ({ id: (await createTeamMember(t, target, ['volunteer'])).id, version: 1 }),
    newTeam: async () => ({ id: await createTeamRow(t, target.id, 'Matrix Team'), version: 1 }),
    newOrganisation: async () => ({ id: await createOrganisationRow(t, target.id), version: 1 }),
    newService: async () => ({ id: await createServiceRow(t, target.id, target.organisationId), version: 1 }),
    newContentItem: () => createContentItemRow(t, target.id),
    newNotification: () => createNotificationRow(t, target.id, isMember ? actor.id : target.member.id),
    newSessionId: async () => sessionIdHexOf(t, await actAs(t, o.theirs ? target.member : actor)),
    newAccount: () => createFastUser(t),
    societySettings: async () => {
      const { rows } = await t.db.system.query<{ version: number; suppression_threshold: number }>(
        'select version, suppression_threshold from societies where id = $1',
        [target.id],
      );
      const row = rows[0] as { version: number; suppression_threshold: number };
      return { version: row.version, suppressionThreshold: row.suppression_threshold };
    },
    code: () => (actor.totpSecret ? freshCode(actor) : Promise.resolve('000000')),
    recoveryCode: async () => (await createRecoveryCodes(t, actor))[0] as string,
    enrolmentCode: () => pendingEnrolmentCode(t, actor),
    metricsToken: o.metricsToken,
  };
}

/** The users the matrix acts as, made once: one per role, a network coordinator, an outsider, and sign-in stages. */
export type Cast = {
  members: Map<SocietyRole, TestUser>;
  coordinator: TestUser;
  outsider: TestUser;
  pending: Map<Exclude<SessionStage, 'active'>, TestUser>;
};

/** A caseworker part-way through signing in; one still to set up an authenticator has none yet. */
export function createPendingUser(
  t: TestApp,
  place: Place,
  stage: Exclude<SessionStage, 'active'>,
): Promise<TestUser> {
  return createTeamMember(t, place, ['caseworker'], { mfa: stage !== 'mfa-enrolment' });
}

/** Makes the cast of the matrix in its own society. */
export async function createCast(t: TestApp, own: Place, roles: readonly SocietyRole[]): Promise<Cast> {
  const members = new Map<SocietyRole, TestUser>();
  for (const role of roles) members.set(role, await createTeamMember(t, own, [role]));
  const pending: Cast['pending'] = new Map();
  for (const stage of ['password-change', 'mfa', 'mfa-enrolment'] as const)
    pending.set(stage, await createPendingUser(t, own, stage));
  return {
    members,
    coordinator: await createNetworkCoordinator(t, [own.id]),
    outsider: await createFastUser(t),
    pending,
  };
}
