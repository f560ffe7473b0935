import {
  placeholdersIn,
  type ContentItem,
  type ContentItemView,
  type ContentKind,
  type ContentPage,
} from '../../../common/content.ts';
import { findDefaultContent } from '../../../common/content-defaults.ts';
import type { FieldError } from '../../../common/problems.ts';
import { auditActor, currentSocietyId, inActorSociety, type ServiceContext } from '../../access/context.ts';
import { canEditContent, revertBlock } from '../../access/policies/content.policy.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { appendAuditEvent } from '../../audit/audit.writer.ts';
import { staleVersion } from '../../http/concurrency.ts';
import { AppError } from '../../http/problem.ts';
import { mergeAllContent, mergeContent, type EffectiveContent } from './content.effective.ts';
import { presentContent, presentContentFor } from './content.present.ts';
import * as store from './content.store.ts';

/**
 * Every content item the transaction's society sees (built-in defaults with its own edits over them), optionally
 * of one kind. For other modules that need texts inside their own transaction (the information notice).
 */
export async function loadEffectiveContent(
  tx: SocietyTx,
  filter: { kind?: ContentKind | undefined } = {},
): Promise<EffectiveContent[]> {
  const items = mergeAllContent(await store.listContentRows(tx));
  return filter.kind === undefined ? items : items.filter((item) => item.kind === filter.kind);
}

async function loadItem(tx: SocietyTx, key: string, lock = false): Promise<EffectiveContent> {
  const [own] = await store.listContentRows(tx, { key, lock });
  const item = mergeContent(findDefaultContent(key), own);
  if (!item) throw new AppError('not-found', 'There is no content with this key.');
  return item;
}

function authorize(ctx: ServiceContext, item: EffectiveContent): void {
  if (!canEditContent(ctx.actor, item))
    throw new AppError('forbidden', 'Your role cannot change this content.');
}

// A notice text must keep exactly the placeholders of its built-in text: without {recipients} the notice would no
// longer say who receives the person's data, and an unknown one would be printed as it is.
function checkPlaceholders(item: EffectiveContent, body: string): void {
  if (item.kind !== 'information-notice' || item.defaultFallbackText === undefined) return;
  const wanted = placeholdersIn(item.defaultFallbackText);
  const found = placeholdersIn(body);
  const errors: FieldError[] = [
    ...wanted
      .filter((name) => !found.includes(name))
      .map((name) => ({
        path: 'body.body',
        code: 'missing-placeholder',
        message: `Keep {${name}}: it is filled in when the notice is made.`,
      })),
    ...found
      .filter((name) => !wanted.includes(name))
      .map((name) => ({
        path: 'body.body',
        code: 'unknown-placeholder',
        message: `{${name}} is not filled in.`,
      })),
  ];
  if (errors.length > 0)
    throw new AppError('validation-failed', 'The text must keep the placeholders of this notice.', errors);
}

/** Makes the society's own copy of an item at its first edit, or moves it to its next version. */
async function advanceItem(ctx: ServiceContext, tx: SocietyTx, item: EffectiveContent): Promise<string> {
  if (item.id === null) {
    const { key, kind, fallbackLocale } = item;
    const id = await store.insertContentItem(tx, {
      societyId: currentSocietyId(ctx),
      key,
      kind,
      fallbackLocale,
    });
    if (id === null) throw staleVersion();
    return id;
  }
  if (!(await store.bumpContentItem(tx, { id: item.id, version: item.version }))) throw staleVersion();
  return item.id;
}

/** Lists every content item the actor's society sees (any member may), optionally of one kind. */
export async function listContent(ctx: ServiceContext, filter: { kind?: ContentKind }): Promise<ContentPage> {
  const items = await inActorSociety(ctx, (tx) => loadEffectiveContent(tx, filter));
  return { items: items.map((item) => presentContent(ctx.actor, item)), nextCursor: null };
}

/** Returns one content item as the society sees it, and its text for a reader of `locale` if one is given. */
export async function getContent(
  ctx: ServiceContext,
  query: { key: string; locale?: string | undefined },
): Promise<ContentItemView> {
  const item = await inActorSociety(ctx, (tx) => loadItem(tx, query.key));
  return presentContentFor(ctx.actor, item, query.locale);
}

/**
 * Sets the society's own text of an item in one language (copy-on-write: the first edit makes the society's
 * copy), if the item is still at the version the editor saw.
 */
export async function editTranslation(
  ctx: ServiceContext,
  change: { key: string; locale: string; body: string; reviewed: boolean; version: number },
): Promise<ContentItem> {
  const body = change.body.replace(/\r\n?/g, '\n');
  const item = await inActorSociety(ctx, async (tx) => {
    const current = await loadItem(tx, change.key, true);
    authorize(ctx, current);
    checkPlaceholders(current, body);
    if (current.version !== change.version) throw staleVersion();
    const shown = current.translations.find((t) => t.locale === change.locale);
    if (shown?.body === body && shown.reviewed === change.reviewed) return current;
    const contentId = await advanceItem(ctx, tx, current);
    const { locale, reviewed } = change;
    const societyId = currentSocietyId(ctx);
    await store.saveTranslation(tx, {
      societyId,
      contentId,
      locale,
      body,
      reviewed,
      userId: ctx.actor.userId,
    });
    await appendAuditEvent(tx, {
      kind: 'content.changed',
      subjectId: societyId,
      payload: { key: current.key, locale, change: 'edited', reviewed },
      ...auditActor(ctx),
    });
    return loadItem(tx, current.key);
  });
  return presentContent(ctx.actor, item);
}

const revertRefusals = {
  'fallback-language': 'The fallback language cannot be removed: there is no built-in text to go back to.',
  'last-language': 'The last language of an item cannot be removed.',
} as const;

/** Removes the society's own text of an item in one language, so the built-in default shows again. */
export async function revertTranslation(
  ctx: ServiceContext,
  change: { key: string; locale: string; version: number },
): Promise<ContentItem> {
  const item = await inActorSociety(ctx, async (tx) => {
    const current = await loadItem(tx, change.key, true);
    const block = revertBlock(current, change.locale);
    if (block === 'nothing-to-revert' || current.id === null)
      throw new AppError('not-found', 'Your society has no text of its own in this language.');
    authorize(ctx, current);
    if (current.version !== change.version) throw staleVersion();
    if (block !== null) throw new AppError('conflict', revertRefusals[block]);
    await advanceItem(ctx, tx, current);
    await store.deleteTranslation(tx, { contentId: current.id, locale: change.locale });
    await appendAuditEvent(tx, {
      kind: 'content.changed',
      subjectId: currentSocietyId(ctx),
      payload: { key: current.key, locale: change.locale, change: 'reverted' },
      ...auditActor(ctx),
    });
    return loadItem(tx, current.key);
  });
  return presentContent(ctx.actor, item);
}
