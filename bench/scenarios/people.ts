import { newSessionToken, sessionCookieName } from '../../server/access/session.ts';
import { openBenchSessions } from '../generate.ts';
import type { Scenario, ScenarioContext } from '../scenario.ts';
import { ensureBenchPeople, samplePersonIds } from './people-seed.ts';

/** Distinct people drawn for the reads. */
const sampleSize = 100_000;

/** Seeds the people and signs the bench member (a caseworker assigned to all of them) in. */
async function preparePeople(ctx: ScenarioContext) {
  const people = await ensureBenchPeople(ctx, ctx.rows);
  if (people.inserted > 0) ctx.log(`  seeded ${people.inserted.toLocaleString('en')} people`);
  const session = { societyId: people.societyId, ...newSessionToken() };
  await openBenchSessions(ctx.db, [session]);
  return { ...people, cookie: `${sessionCookieName(ctx.config)}=${session.token}` };
}

/**
 * Opens a person page: GET /api/people/:id as the assigned caseworker, so every group is decrypted (the most
 * work a page does) and the read is written to the read log, beside a floor reading the same row.
 */
export const personRead: Scenario = {
  name: 'person-read',
  summary:
    'GET /api/people/:id as the assigned caseworker: access guard, scope, the person row with its assignments, one data-key unwrap, four groups decrypted, the read log insert, serialisation — against a bare handler selecting the row',
  budget: { maxP99Ms: 25 },
  async prepare(ctx) {
    const { societyId, cookie } = await preparePeople(ctx);
    const ids = await samplePersonIds(ctx.db.system, societyId, sampleSize);
    return {
      rows: ctx.rows,
      passage: ids.map((id) => ({ path: `/api/people/${id}`, headers: { cookie } })),
      floor: {
        route: {
          path: '/people/:id',
          sql: `select id, code, presumed_child, encode(known_as_enc, 'base64') as known_as,
                encode(identity_enc, 'base64') as identity, encode(contact_enc, 'base64') as contact, version
                from people where id = $1`,
        },
        requests: ids.map((id) => ({ path: `/people/${id}` })),
      },
    };
  },
};

/**
 * Registers a person: POST /api/people with a "known as" name, names, a birth year and a phone number, as a
 * caseworker. Each request creates a data key, encrypts four groups, writes the blind indexes, the assignment, the
 * read log and an audit event (under the society's audit chain lock). There is no floor for a write.
 */
export const personRegister: Scenario = {
  name: 'person-register',
  summary:
    'POST /api/people (quick registration with names, birth year and phone) as a caseworker: new data key, encryption, blind indexes, assignment, read log, audit event in one transaction',
  budget: {},
  async prepare(ctx) {
    const { cookie } = await preparePeople(ctx);
    const body = JSON.stringify({
      knownAs: 'Bench Newcomer',
      identity: {
        nameLatin: { answer: 'given', value: { given: 'Bench', family: 'Newcomer' } },
        birth: { answer: 'given', value: { precision: 'year', date: '1995' } },
      },
      contact: { phones: { answer: 'given', value: [{ number: '+99 000 0000' }] } },
    });
    const headers = {
      cookie,
      origin: ctx.config.origin.origin,
      'x-csrf-token': 'bench',
      'content-type': 'application/json',
    };
    return { rows: ctx.rows, passage: [{ path: '/api/people', method: 'POST', headers, body }] };
  },
};
