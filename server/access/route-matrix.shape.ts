import type { Role } from '../../common/roles.ts';
import type { TestUser } from '../../test/factories.ts';
import type { SessionStage } from './actor.ts';

// The shape of the access-control matrix (route-matrix.data.ts) and the words its rows share.

/** A request the matrix sends: the address, and a body and headers when the route needs them. */
export type MatrixRequest = { url: string; body?: unknown; headers?: Record<string, string> };

/**
 * What a case builds its request from. "Target" records belong to the society the request is aimed at: the
 * actor's own, or, in the other-society case, a second society's (the actor is never a member there).
 */
export type MatrixFixtures = {
  /** The society the request is aimed at. */
  societyId: string;
  /** The user making the request (a stand-in caseworker when the request is anonymous). */
  actor: TestUser;
  /** The actor's roles in its own society (none when it has no membership or is anonymous). */
  actorRoles: readonly Role[];
  /** A member of the target society that no case changes. */
  memberId: string;
  /** A team of the target society that no case changes. */
  teamId: string;
  /** An organisation of the target society's directory (not confidential) that no case changes. */
  organisationId: string;
  /** A service of that organisation (not confidential) that no case changes. */
  serviceId: string;
  /** The key of a content item of the target society's own (no built-in default) that no case changes. */
  contentKey: string;
  /** A person of the target society that no case changes, owned by the team every caseworker actor is in. */
  person(): Promise<string>;
  /** A new person of the target society, owned by that team; `assignActor` also assigns the actor to them. */
  newPerson(options?: { assignActor?: boolean }): Promise<{ id: string; version: number }>;
  /** A consent (given, for statistics) recorded for a person of the target society. */
  newConsent(personId: string): Promise<string>;
  /** A pending legal basis of this kind recorded for a person of the target society. */
  newLegalBasis(personId: string, kind: 'vital-interest' | 'legal-obligation'): Promise<string>;
  /** A new member of the target society, for a request that changes or removes them. */
  newMember(): Promise<{ id: string; version: number }>;
  /** A new team of the target society, for a request that changes it. */
  newTeam(): Promise<{ id: string; version: number }>;
  /** A new organisation of the target society's directory (not confidential). */
  newOrganisation(): Promise<{ id: string; version: number }>;
  /** A new service of the target society's directory (not confidential). */
  newService(): Promise<{ id: string; version: number }>;
  /** A new content item of the target society's own, with an English (fallback) and a French text. */
  newContentItem(): Promise<{ key: string; version: number }>;
  /** A new unread notification: the actor's own, or one of a member of the other society. */
  newNotification(): Promise<string>;
  /** A live session: another of the actor's own, or one of a member of the other society. */
  newSessionId(): Promise<string>;
  /** A new account with a known password and authenticator, with no membership (to sign in as). */
  newAccount(): Promise<TestUser>;
  /** The target society's version (for If-Match) and its current small-cell threshold. */
  societySettings(): Promise<{ version: number; suppressionThreshold: number }>;
  /** The actor's authenticator code now ("000000" when the actor has none: the guard refuses first). */
  code(): Promise<string>;
  /** A recovery code of the actor, made for this case. */
  recoveryCode(): Promise<string>;
  /** Starts an authenticator enrolment for the actor (a pending secret) and gives a code from it. */
  enrolmentCode(): Promise<string>;
  /** The configured metrics scraper's bearer token. */
  metricsToken: string;
};

/**
 * Who may call a route: anyone; only the metrics scraper (anyone else gets 404); any fully signed-in user,
 * member or not; a session at one of these stages of signing in; or members of the current society holding one
 * of these roles.
 */
export type Who =
  'public' | 'scraper' | 'signed-in' | { signingIn: readonly SessionStage[] } | readonly Role[];

/** One row of the matrix. */
export type MatrixEntry = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route template, as registered. */
  path: string;
  who: Who;
  /** Why these callers and no others: the line of PRODUCT.md or the issue it follows from. */
  basis: string;
  success: 200 | 201 | 204;
  /** The request names a record (in the path or body): another society's record is not found (404). */
  targetsRecord: boolean;
  /** Needs a fresh second factor: tested with a stepped-up session, and without one (401 step-up-required). */
  stepUp?: boolean;
  /** The request changes the actor's own account (uses a code, changes a password): a new actor per case. */
  freshActor?: boolean;
  /** What a signed-in user without any society membership gets instead of success, and why. */
  withoutSociety?: { status: 404; why: string };
  /** A valid request for an allowed actor; fixtures are made fresh per case where the request changes them. */
  request: (fx: MatrixFixtures) => MatrixRequest | Promise<MatrixRequest>;
};

/** Every society role, spelled out so that each row reads on its own. */
export const everyMember: readonly Role[] = [
  'volunteer',
  'caseworker',
  'focal-point',
  'coordinator',
  'trainer',
  'dpo',
  'administrator',
];
/** The administrator alone. */
export const administrator: readonly Role[] = ['administrator'];
/** Every stage of a session, from the password change to fully signed in. */
export const allStages: readonly SessionStage[] = ['password-change', 'mfa', 'mfa-enrolment', 'active'];
/** The If-Match header naming a version. */
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
/** A text made unique for one case (names, e-mail addresses). */
export const fresh = (what: string) => `${what} ${Math.random().toString(36).slice(2, 10)}`;

/** Why the administrator alone: PRODUCT.md's roles table. */
export const adminUsers = 'PRODUCT.md: the administrator manages users, teams and configuration';
/** Why any member. */
export const anyMember = 'every member works inside their society';
/** Why any signed-in user, for their own account. */
export const ownAccount = 'a user manages their own profile, sessions and second factor';
