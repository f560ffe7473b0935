import { randomUUID } from 'node:crypto';
import {
  consentQualityFlags,
  type Consent,
  type ConsentOverview,
  type FlaggedConsentPage,
  type NewConsentBody,
} from '../../../common/consent.ts';
import type { PersonAction } from '../../../common/people.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { personActionRefusal } from '../../access/policies/person.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent, recordRead } from '../../audit/audit.writer.ts';
import { AppError } from '../../http/problem.ts';
import { findPersonKey, loadVisiblePerson, type VisiblePerson } from '../people/people.load.ts';
import { accessRecord } from '../people/people.present.ts';
import { openJustification } from './legal-basis.crypto.ts';
import { presentConsent, presentLegalBasis } from './consent.present.ts';
import * as store from './consent.store.ts';
import { listLegalBasisRows } from './legal-basis.store.ts';
import { loadNamedRecipient } from './recipients.ts';

/** How far ahead of the server's clock a recorded time may be (a tablet's clock drifts). */
const clockSkewMs = 5 * 60_000;

/** Loads a person the actor may see and checks they may take the action on them (404, then 403). */
export async function loadForAction(
  ctx: ServiceContext,
  tx: SocietyTx,
  personId: string,
  action: PersonAction,
): Promise<VisiblePerson> {
  const person = await loadVisiblePerson(tx, ctx, personId);
  const refusal = personActionRefusal(ctx.actor, accessRecord(person.row), action);
  if (refusal) throw new AppError('forbidden', refusal);
  return person;
}

/** Refuses a time in the future (beyond clock skew) with a field error. */
export function notInFuture(at: Date, path: string): void {
  if (at.getTime() > Date.now() + clockSkewMs)
    throw new AppError('validation-failed', 'This time is in the future.', [
      { path, code: 'in-the-future', message: 'This time is in the future.' },
    ]);
}

function checkTimes(body: NewConsentBody): { givenAt: Date; expiresAt: Date | null } {
  const givenAt = body.givenAt ? new Date(body.givenAt) : new Date();
  notInFuture(givenAt, 'body.givenAt');
  const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
  if (expiresAt && expiresAt <= givenAt)
    throw new AppError('validation-failed', 'A consent expires after it was given.', [
      { path: 'body.expiresAt', code: 'before-given', message: 'A consent expires after it was given.' },
    ]);
  return { givenAt, expiresAt };
}

async function checkRecipient(tx: SocietyTx, body: NewConsentBody): Promise<void> {
  if (body.recipientOrganisationId === undefined) return;
  const paths = { organisation: 'body.recipientOrganisationId', service: 'body.recipientServiceId' };
  const named = { organisationId: body.recipientOrganisationId, serviceId: body.recipientServiceId, paths };
  await loadNamedRecipient(tx, named, body);
}

/**
 * Records what a person agreed to (or refused) for one purpose, how and with whom. Consent given while the person
 * was not alone, through an interpreter who was not independent, or incompletely informed is recorded, and
 * flagged for the focal point.
 */
export async function recordConsent(
  ctx: ServiceContext,
  input: { personId: string; body: NewConsentBody },
): Promise<Consent> {
  const { body } = input;
  return inActorSociety(ctx, async (tx) => {
    const person = await loadForAction(ctx, tx, input.personId, 'record-consent');
    const { givenAt, expiresAt } = checkTimes(body);
    await checkRecipient(tx, body);
    const id = randomUUID();
    const qualityFlags = consentQualityFlags(body, person.row.presumed_child);
    const childAssent = body.givenBy.by === 'child-assent' ? body.givenBy : undefined;
    await store.insertConsent(tx, {
      society_id: currentSocietyId(ctx),
      id,
      person_id: input.personId,
      purpose: body.purpose,
      decision: body.decision,
      recipient_organisation_id: body.recipientOrganisationId ?? null,
      recipient_service_id: body.recipientServiceId ?? null,
      protective_target: body.protectiveTarget ?? null,
      field_groups: body.decision === 'given' ? [...new Set(body.fieldGroups)] : [],
      given_by: body.givenBy.by,
      adult_consent: childAssent?.adultConsent ?? null,
      guardian_not_asked_reason: childAssent?.guardianNotAskedReason ?? null,
      given_at: givenAt,
      method: body.method,
      language: body.language,
      interpreter_used: body.interpreter.used,
      interpreter_independent: body.interpreter.used ? body.interpreter.independent : null,
      person_alone: body.personAlone,
      information_points: [...new Set(body.informationPoints)],
      quality_flags: qualityFlags,
      expires_at: expiresAt,
      recorded_by: ctx.actor.userId,
    });
    const row = await store.findConsentRow(tx, { personId: input.personId, consentId: id });
    await appendAuditEvent(tx, {
      kind: 'consent.recorded',
      subjectId: input.personId,
      payload: {
        consentId: id,
        purpose: body.purpose,
        decision: body.decision,
        fieldGroups: row?.field_groups as Consent['fieldGroups'],
        recipientOrganisationId: body.recipientOrganisationId ?? null,
        qualityFlags,
      },
      ...auditActor(ctx),
    });
    return presentConsent(row as store.ConsentRow, new Date());
  });
}

/**
 * A person's consents and legal bases, newest first. The justifications of legal bases are decrypted for the case
 * team, and that read is written to the read log.
 */
export async function getConsentOverview(ctx: ServiceContext, personId: string): Promise<ConsentOverview> {
  return inActorSociety(ctx, async (tx) => {
    const person = await loadVisiblePerson(tx, ctx, personId);
    const consents = await store.listConsentRows(tx, personId);
    const bases = await listLegalBasisRows(tx, personId);
    const key = bases.length > 0 ? await findPersonKey(ctx, tx, person.row) : undefined;
    if (key)
      await recordRead(tx, {
        actorUserId: ctx.actor.userId,
        subjectType: 'person',
        subjectId: personId,
        fields: ['legalBasis.justification'],
        purpose: 'case-work',
        requestId: ctx.requestId,
      });
    const now = new Date();
    return {
      consents: consents.map((row) => presentConsent(row, now)),
      legalBases: bases.map((row) => presentLegalBasis(row, key ? openJustification(key, row) : null)),
    };
  });
}

/** The focal points' quality queue: consents recorded with quality flags and not withdrawn, by pseudonymous code. */
export async function listFlaggedConsents(ctx: ServiceContext): Promise<FlaggedConsentPage> {
  const rows = await inActorSociety(ctx, (tx) => store.listFlaggedConsentRows(tx, 200));
  const now = new Date();
  return { items: rows.map((row) => ({ ...presentConsent(row, now), personCode: row.person_code })) };
}
