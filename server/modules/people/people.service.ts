import { randomUUID } from 'node:crypto';
import {
  isPresumedChild,
  PersonFieldGroup,
  type NewPersonBody,
  type Person,
  type PersonListQuery,
  type PersonPage,
} from '../../../common/people.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { hasAnyRole } from '../../access/actor.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { getBlindIndexKey } from '../../crypto/blind-index.ts';
import { ensureDataKey } from '../../crypto/data-keys.ts';
import { AppError } from '../../http/problem.ts';
import {
  bodyFingerprint,
  documentLookups,
  nameLookups,
  newPersonCode,
  unwrapPersonKeys,
  phoneLookups,
  sealGroup,
  sealKnownAs,
} from './people.crypto.ts';
import { findPersonKey, loadVisiblePerson } from './people.load.ts';
import { presentPerson, presentSummaries } from './people.present.ts';
import * as store from './people.store.ts';

/** The actor's scope for lists and searches. */
export function listScope(ctx: ServiceContext): store.ListScope {
  return {
    userId: ctx.actor.userId,
    teamIds: ctx.actor.society?.teamIds ?? [],
    allOfSociety: hasAnyRole(ctx.actor, ['focal-point']),
  };
}

async function owningTeam(
  ctx: ServiceContext,
  tx: SocietyTx,
  teamId: string | undefined,
): Promise<string | null> {
  const mine = [...(ctx.actor.society?.teamIds ?? [])].sort();
  if (teamId === undefined) return mine[0] ?? null;
  const allowed = hasAnyRole(ctx.actor, ['focal-point'])
    ? await store.teamExists(tx, teamId)
    : mine.includes(teamId);
  if (!allowed)
    throw new AppError('validation-failed', 'Choose one of your teams.', [
      { path: 'body.teamId', code: 'not-your-team', message: 'Choose one of your teams.' },
    ]);
  return teamId;
}

async function uniqueCode(tx: SocietyTx): Promise<string> {
  for (;;) {
    const code = newPersonCode();
    if (!(await store.isCodeTaken(tx, code))) return code;
  }
}

function recordedFields(body: NewPersonBody): string[] {
  return [
    ...(body.knownAs ? ['knownAs'] : []),
    ...PersonFieldGroup.options.flatMap((g) => Object.keys(body[g] ?? {}).map((f) => `${g}.${f}`)),
  ];
}

async function insertNewPerson(
  ctx: ServiceContext,
  tx: SocietyTx,
  input: { body: NewPersonBody; idempotencyKey: string | undefined; fingerprint: Buffer | null },
): Promise<string> {
  const { body } = input;
  const societyId = currentSocietyId(ctx);
  const id = randomUUID();
  const key = await ensureDataKey(ctx.keys, tx, { societyId, subjectId: id });
  const blind = await getBlindIndexKey(ctx.keys, tx, societyId);
  const identity = body.identity ?? {};
  await store.insertPerson(tx, {
    society_id: societyId,
    id,
    code: await uniqueCode(tx),
    presumed_child: isPresumedChild(identity.birth, new Date()),
    owning_team_id: await owningTeam(ctx, tx, body.teamId),
    known_as_enc: sealKnownAs(key, body.knownAs),
    identity_enc: sealGroup(key, 'identity', identity),
    contact_enc: sealGroup(key, 'contact', body.contact ?? {}),
    documents_enc: sealGroup(key, 'documents', body.documents ?? {}),
    special_enc: sealGroup(key, 'special', body.special ?? {}),
    created_by: ctx.actor.userId,
    idempotency_key: input.idempotencyKey ?? null,
    idempotency_fingerprint: input.fingerprint,
  });
  const tokens = [
    ...nameLookups(blind, body.knownAs ?? null, identity),
    ...phoneLookups(blind, body.contact ?? {}),
    ...documentLookups(blind, body.documents ?? {}),
  ];
  await store.replaceLookups(tx, { societyId, personId: id, keyVersion: blind.version, kinds: [], tokens });
  // A caseworker who registers a person is assigned to them; their team owns the record.
  if (hasAnyRole(ctx.actor, ['caseworker']))
    await store.replaceAssignments(tx, { societyId, personId: id, added: [ctx.actor.userId], removed: [] });
  return id;
}

async function showPerson(ctx: ServiceContext, tx: SocietyTx, personId: string): Promise<Person> {
  const { row } = await loadVisiblePerson(tx, ctx, personId);
  return presentPerson(tx, ctx, row, await findPersonKey(ctx, tx, row));
}

async function registerOnce(
  ctx: ServiceContext,
  body: NewPersonBody,
  idempotencyKey: string | undefined,
): Promise<{ person: Person; replayed: boolean }> {
  return inActorSociety(ctx, async (tx) => {
    let fingerprint: Buffer | null = null;
    if (idempotencyKey !== undefined) {
      fingerprint = bodyFingerprint(await getBlindIndexKey(ctx.keys, tx, currentSocietyId(ctx)), body);
      const earlier = await store.findByIdempotencyKey(tx, { userId: ctx.actor.userId, idempotencyKey });
      if (earlier) {
        if (!earlier.fingerprint?.equals(fingerprint))
          throw new AppError('conflict', 'This Idempotency-Key was already used for another registration.', [
            { path: 'headers.idempotency-key', code: 'idempotency-key-reused', message: 'Use a new key.' },
          ]);
        return { person: await showPerson(ctx, tx, earlier.id), replayed: true };
      }
    }
    const id = await insertNewPerson(ctx, tx, { body, idempotencyKey, fingerprint });
    const person = await showPerson(ctx, tx, id);
    const fields = recordedFields(body);
    await appendAuditEvent(tx, {
      kind: 'person.registered',
      subjectId: id,
      payload: { fields, quick: fields.every((f) => f === 'knownAs') },
      ...auditActor(ctx),
    });
    return { person, replayed: false };
  });
}

/**
 * Registers a person, quickly ("known as" only, or nothing at all: help never waits for data) or in full. With an
 * Idempotency-Key, a repeated request returns the person it registered instead of a second one.
 */
export async function registerPerson(
  ctx: ServiceContext,
  input: { body: NewPersonBody; idempotencyKey: string | undefined },
): Promise<{ person: Person; replayed: boolean }> {
  try {
    return await registerOnce(ctx, input.body, input.idempotencyKey);
  } catch (error) {
    // Two requests with the same key at once: the loser's insert hits the unique key; the retry finds the winner.
    if ((error as { code?: unknown } | null)?.code === '23505' && input.idempotencyKey !== undefined)
      return registerOnce(ctx, input.body, input.idempotencyKey);
    throw error;
  }
}

/** One person as the actor may see them; every identity field read is written to the read log. */
export async function getPerson(ctx: ServiceContext, personId: string): Promise<Person> {
  return inActorSociety(ctx, (tx) => showPerson(ctx, tx, personId));
}

/** The people in the actor's scope, newest first, by pseudonymous code and "known as" name (an audited read). */
export async function listPeople(ctx: ServiceContext, query: PersonListQuery): Promise<PersonPage> {
  return inActorSociety(ctx, async (tx) => {
    const rows = await store.listPersonRows(tx, {
      scope: listScope(ctx),
      assignedToMe: query.assigned === 'me',
      limit: query.limit + 1,
      cursor: query.cursor,
    });
    const page = rows.slice(0, query.limit);
    const keys = await unwrapPersonKeys(ctx.keys, tx, currentSocietyId(ctx), page);
    return {
      items: await presentSummaries(tx, ctx, page, keys),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}
