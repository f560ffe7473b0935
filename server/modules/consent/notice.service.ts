import type { ConsentPurpose } from '../../../common/consent-purposes.ts';
import type { InformationNotice } from '../../../common/content-notice.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent, recordRead } from '../../audit/audit.writer.ts';
import { loadEffectiveContent } from '../content/content.service.ts';
import { composeInformationNotice, type NoticeRetention } from '../content/notice.ts';
import { openGroup } from '../people/people.crypto.ts';
import { findPersonKey, type VisiblePerson } from '../people/people.load.ts';
import { findSociety } from '../societies/societies.store.ts';
import { consentStatus } from './consent.present.ts';
import { loadForAction } from './consent.service.ts';
import * as store from './consent.store.ts';

/**
 * How long the notice says data is kept: the period the society set (`retentionMonths` in its settings), or, until
 * it has decided, a text saying so. Never a figure the society did not choose.
 */
async function societyRetention(ctx: ServiceContext, tx: SocietyTx): Promise<NoticeRetention> {
  const society = await findSociety(tx, currentSocietyId(ctx));
  const months = society?.retentionMonths ?? null;
  return months === null ? 'undecided' : { months };
}

/** The person's first language from their record (an audited read of that one field), if it was given. */
async function personLanguage(
  ctx: ServiceContext,
  tx: SocietyTx,
  person: VisiblePerson,
): Promise<string | undefined> {
  const key = await findPersonKey(ctx, tx, person.row);
  if (!key || person.row.identity_enc === null) return undefined;
  const languages = openGroup(key, 'identity', person.row.identity_enc).languages;
  if (languages?.answer !== 'given') return undefined;
  await recordRead(tx, {
    actorUserId: ctx.actor.userId,
    subjectType: 'person',
    subjectId: person.row.id,
    fields: ['identity.languages'],
    purpose: 'case-work',
    requestId: ctx.requestId,
  });
  return languages.value[0];
}

/**
 * The information notice for a person, in their language (asked for, else the first language on their record,
 * else the actor's): the purposes they agreed to and the organisations named in their active consents. It never
 * carries the person's name or code. Showing it is audited (standards DP-04: delivery recorded).
 */
export async function showInformationNotice(
  ctx: ServiceContext,
  input: { personId: string; locale: string | undefined },
): Promise<InformationNotice> {
  return inActorSociety(ctx, async (tx) => {
    const person = await loadForAction(ctx, tx, input.personId, 'view-notice');
    const locale = input.locale ?? (await personLanguage(ctx, tx, person)) ?? ctx.actor.locale;
    const now = new Date();
    const active = (await store.listConsentRows(tx, input.personId)).filter(
      (c) => consentStatus(c, now) === 'active',
    );
    const organisationIds = [...new Set(active.flatMap((c) => c.recipient_organisation_id ?? []))];
    const notice = composeInformationNotice({
      content: await loadEffectiveContent(tx, { kind: 'information-notice' }),
      locale,
      societyName: ctx.actor.society?.societyName ?? '',
      purposes: [...new Set(active.map((c) => c.purpose as ConsentPurpose))],
      recipients: (await store.organisationNames(tx, organisationIds)).map((o) => ({ name: o.name })),
      retention: await societyRetention(ctx, tx),
    });
    await appendAuditEvent(tx, {
      kind: 'person.notice-shown',
      subjectId: input.personId,
      payload: { locale, fallback: !notice.reviewed },
      ...auditActor(ctx),
    });
    return notice;
  });
}
