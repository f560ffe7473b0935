import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { inSociety } from '../../access/scope.ts';
import { destroyDataKey, getDataKey } from '../../crypto/data-keys.ts';
import { findPgTool } from '../../db/backup.ts';
import { createKysely } from '../../db/kysely.ts';
import { createTeamRow } from '../users/users.test-support.ts';
import {
  createCaseTeam,
  createOrganisation,
  ifMatch,
  registerThrough,
  type CaseTeamFixture,
} from './people.test-support.ts';

let t: TestApp;
let f: CaseTeamFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCaseTeam(t);
});
afterAll(() => t.close());

// One unique marker per identifying field: if any of them is found in the database, something is stored in clear.
const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
const marker = (field: string) => `Mk${field}Q${tag}`;
const phone = `+99 5551 ${String(Date.now()).slice(-7, -4)} 846`;
const markers = {
  knownAs: marker('Knownas'),
  originalGiven: marker('Origgiven'),
  originalFamily: marker('Origfamily'),
  latinGiven: marker('Latingiven'),
  latinFamily: marker('Latinfamily'),
  alias: marker('Alias'),
  phone,
  email: `${marker('Email').toLowerCase()}@example.invalid`,
  address: marker('Address'),
  safeTimes: marker('Safetimes'),
  codeWord: marker('Codeword'),
  documentNumber: marker('Docnumber'),
  sogiesc: marker('Sogiesc'),
  health: marker('Health'),
  justification: `Test justification ${marker('Justification')}`,
  changedAlias: marker('Changedalias'),
};

const body = {
  knownAs: markers.knownAs,
  identity: {
    nameOriginal: {
      answer: 'given',
      value: { given: markers.originalGiven, family: markers.originalFamily },
    },
    nameLatin: { answer: 'given', value: { given: markers.latinGiven, family: markers.latinFamily } },
    aliases: { answer: 'given', value: [markers.alias] },
    birth: { answer: 'given', value: { precision: 'day', date: '1987-11-23' } },
    citizenship: { answer: 'given', value: ['ER'] },
  },
  contact: {
    phones: { answer: 'given', value: [{ number: markers.phone }] },
    email: { answer: 'given', value: markers.email },
    address: { answer: 'given', value: markers.address },
    safeContact: {
      answer: 'given',
      value: { mayCall: true, mayText: false, safeTimes: markers.safeTimes, codeWord: markers.codeWord },
    },
  },
  documents: {
    documents: {
      answer: 'given',
      value: [{ type: 'passport', number: { answer: 'given', value: markers.documentNumber } }],
    },
  },
  special: {
    sogiesc: { answer: 'given', value: markers.sogiesc },
    health: { answer: 'given', value: markers.health },
  },
};

/** The whole test database as text, as an administrator with a copy of it would read it. */
function dumpDatabase(name: string): string {
  const url = new URL(inject('superuserUrl'));
  url.pathname = `/${name}`;
  const pgDump = findPgTool({ name: 'pg_dump', serverMajor: 15 });
  return execFileSync(pgDump.path, ['--dbname', url.toString(), '--no-owner'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
}

/** A marker as text, and as the hex a bytea column would show it in. */
function forms(value: string): string[] {
  return [value, value.toLowerCase(), Buffer.from(value, 'utf8').toString('hex')];
}

describe('encryption at rest', () => {
  let personId: string;
  beforeAll(async () => {
    const person = await registerThrough(f.caseworker, body);
    personId = person.id;
    const hospital = await createOrganisation(t, f.societyId);
    const basis = {
      kind: 'vital-interest',
      purpose: 'referral',
      reason: 'emergency',
      recipientOrganisationId: hospital,
      fieldGroups: ['special'],
      justification: markers.justification,
    };
    expect(
      (
        await f.caseworker.request({
          method: 'POST',
          url: `/api/people/${personId}/legal-bases`,
          body: basis,
        })
      ).statusCode,
    ).toBe(201);
    const patch = { aliases: { answer: 'given', value: [markers.alias, markers.changedAlias] } };
    expect(
      (
        await f.caseworker.request({
          method: 'PATCH',
          url: `/api/people/${personId}/identity`,
          body: patch,
          headers: ifMatch(1),
        })
      ).statusCode,
    ).toBe(200);
    // Reads and searches write to the read log and the audit chain: they must not copy a value there either.
    expect((await f.focalPoint.request({ method: 'GET', url: `/api/people/${personId}` })).statusCode).toBe(
      200,
    );
    expect(
      (await f.caseworker.request({ method: 'GET', url: `/api/people/${personId}/consents` })).statusCode,
    ).toBe(200);
    const search = await f.caseworker.request({
      method: 'POST',
      url: '/api/people/search',
      body: { name: markers.latinFamily, phone: markers.phone, documentNumber: markers.documentNumber },
    });
    expect(search.json().candidates.map((c: { id: string }) => c.id)).toEqual([personId]);
  });

  it('finds no marker anywhere in a dump of the whole database, audit tables and read log included', async () => {
    // The check can fail: a team name is not personal data and is stored in clear, so its marker is found.
    const visible = marker('Teamname');
    await createTeamRow(t, f.societyId, visible);
    const dump = dumpDatabase(t.db.name);
    expect(dump).toContain(visible);
    expect(dump).toContain('audit_reads');
    for (const [field, value] of Object.entries(markers))
      for (const form of forms(value))
        expect({ field, found: dump.includes(form) }).toEqual({ field, found: false });
  });

  it('writes no marker to the log', () => {
    const log = t.logLines.join('\n');
    expect(log).toContain('/api/people/search');
    for (const [field, value] of Object.entries(markers))
      expect({ field, found: log.includes(value) }).toEqual({ field, found: false });
  });
});

describe('erasure', () => {
  it('makes a person’s fields unreadable once their data key is destroyed', async () => {
    const { id } = await registerThrough(f.caseworker, body);
    const hospital = await createOrganisation(t, f.societyId);
    const basis = {
      kind: 'vital-interest',
      purpose: 'referral',
      reason: 'emergency',
      recipientOrganisationId: hospital,
      fieldGroups: ['special'],
      justification: markers.justification,
    };
    await f.caseworker.request({ method: 'POST', url: `/api/people/${id}/legal-bases`, body: basis });
    const app = createKysely(t.db.app);
    const ref = { societyId: f.societyId, subjectId: id };
    expect(await inSociety(app, f.societyId, (tx) => destroyDataKey(tx, ref))).toBe('destroyed');
    await expect(inSociety(app, f.societyId, (tx) => getDataKey(t.keys, tx, ref))).rejects.toThrow(/erased/);

    const res = await f.focalPoint.request({ method: 'GET', url: `/api/people/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      erased: true,
      knownAs: null,
      identity: { access: 'masked', reason: 'erased' },
      contact: { access: 'masked', reason: 'erased' },
      documents: { access: 'masked', reason: 'erased' },
      special: { access: 'masked', reason: 'erased' },
    });
    expect(JSON.stringify(res.json())).not.toContain(tag);
    const list = await f.caseworker.request({ method: 'GET', url: '/api/people?limit=100' });
    expect(list.json().items.find((p: { id: string }) => p.id === id)).toMatchObject({ knownAs: null });
    const overview = await f.caseworker.request({ method: 'GET', url: `/api/people/${id}/consents` });
    expect(overview.json().legalBases[0].justification).toBeNull();
    const change = await f.caseworker.request({
      method: 'PATCH',
      url: `/api/people/${id}/contact`,
      body: { email: { answer: 'declined' } },
      headers: ifMatch(1),
    });
    expect(change.statusCode).toBe(409);
  });
});
