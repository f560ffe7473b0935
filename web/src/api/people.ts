import {
  Person,
  PersonPage,
  PersonSearchResult,
  type AssignmentBody,
  type ContactFields,
  type DocumentFields,
  type IdentityPatch,
  type NewPersonBody,
  type PersonFieldGroup,
  type PersonSearchBody,
  type SpecialFields,
} from '../../../common/people.ts';
import { TeamPage } from '../../../common/teams.ts';
import { apiRequest } from './client.ts';

const personPath = (personId: string) => `/api/people/${encodeURIComponent(personId)}`;

/** The body of a change to each field group of a person. */
export type GroupChangeBody = {
  identity: IdentityPatch;
  contact: ContactFields;
  documents: DocumentFields;
  special: SpecialFields;
};

/** One page of the people in the actor's scope, newest first. */
export function listPeople(options: { assigned: 'me' | 'any'; cursor?: string | undefined }) {
  const query = new URLSearchParams({ assigned: options.assigned, limit: '25' });
  if (options.cursor) query.set('cursor', options.cursor);
  return apiRequest(`/api/people?${query.toString()}`, PersonPage);
}

/** Searches people by a name, a phone number or a document number: a POST, so the term is never in an address. */
export function searchPeople(body: PersonSearchBody) {
  return apiRequest('/api/people/search', PersonSearchResult, { method: 'POST', body });
}

/**
 * Registers a person. The key names this attempt: if the answer is lost and the same registration is sent
 * again, Passage returns the person it already registered instead of a second one.
 */
export function registerPerson(body: NewPersonBody, idempotencyKey: string) {
  return apiRequest('/api/people', Person, { method: 'POST', body, idempotencyKey });
}

/** One person as the viewer may see them (groups they may not see are masked). */
export function getPerson(personId: string) {
  return apiRequest(personPath(personId), Person);
}

/** Changes one field group of a person, based on the version the viewer saw (412 if someone changed it since). */
export function changePersonGroup<G extends PersonFieldGroup>(change: {
  personId: string;
  group: G;
  fields: GroupChangeBody[G];
  version: number;
}) {
  return apiRequest(`${personPath(change.personId)}/${change.group}`, Person, {
    method: 'PATCH',
    body: change.fields,
    ifMatch: change.version,
  });
}

/** Sets the caseworkers assigned to a person and the team that owns the record (a focal point). */
export function assignPerson(change: { personId: string; body: AssignmentBody; version: number }) {
  return apiRequest(`${personPath(change.personId)}/assignment`, Person, {
    method: 'PUT',
    body: change.body,
    ifMatch: change.version,
  });
}

/** The teams of the society (names and member ids). */
export async function listTeams() {
  return (await apiRequest('/api/teams', TeamPage)).items;
}

/** A new key for one registration attempt (letters and digits, as the server expects). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
