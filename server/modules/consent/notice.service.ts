import type { ConsentPurpose } from '../../../common/consent-purposes.ts';
import type { InformationNotice } from '../../../common/content-notice.ts';
import { auditActor, inActorSociety, type ServiceContext } from '../../access/context.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent, recordRead } from '../../audit/audit.writer.ts';
import { loadEffectiveContent } from '../content/content.service.ts';
import { composeInformationNotice, type NoticeRetention } from '../content/notice.ts';
import { openGroup } from '../people/people.crypto.ts';
import { findPersonKey, type VisiblePerson } from '../people/people.load.ts';
import { consentStatus } from './consent.present.ts';
import { loadForAction } from './consent.service.ts';
import * as store from './consent.store.ts';

/**
 * How long the notice says data is kept, until the retention rules (standards DP-09) give each society its own
 * period: the text says "for 5 years after we stop working with you". Change it there, not here, when they exist.
 */
export const interimRetention: NoticeRetention = { months: 60 };

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
      retention: interimRetention,
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
