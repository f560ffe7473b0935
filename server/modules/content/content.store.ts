import { sql } from 'kysely';
import type { ContentKind } from '../../../common/content.ts';
import type { SocietyTx } from '../../access/scope.ts';
import { withContent } from './content.schema.ts';

/** One of the society's own texts of an item. */
export type OwnTranslation = { locale: string; body: string; reviewed: boolean; updatedAt: Date };

/** The society's own copy of a content item, with the languages it changed. */
export type ContentRow = {
  id: string;
  key: string;
  kind: ContentKind;
  fallbackLocale: string;
  version: number;
  translations: OwnTranslation[];
};

/** Lists the society's own content items (all of them, or the one with `key`); `lock` holds them until commit. */
export async function listContentRows(
  tx: SocietyTx,
  options: { key?: string; lock?: boolean } = {},
): Promise<ContentRow[]> {
  const db = withContent(tx);
  let query = db.selectFrom('content_items').select(['id', 'key', 'kind', 'fallback_locale', 'version']);
  if (options.key !== undefined) query = query.where('key', '=', options.key);
  if (options.lock) query = query.forUpdate();
  const items = await query.orderBy('key').execute();
  if (items.length === 0) return [];
  const translations = await db
    .selectFrom('content_translations')
    .select(['content_id', 'locale', 'body', 'reviewed', 'updated_at'])
    .where(
      'content_id',
      'in',
      items.map((item) => item.id),
    )
    .orderBy('locale')
    .execute();
  return items.map((item) => ({
    id: item.id,
    key: item.key,
    kind: item.kind,
    fallbackLocale: item.fallback_locale,
    version: item.version,
    translations: translations
      .filter((t) => t.content_id === item.id)
      .map((t) => ({ locale: t.locale, body: t.body, reviewed: t.reviewed, updatedAt: t.updated_at })),
  }));
}

/**
 * Makes the society's own copy of an item at version 1 and returns its id, or null when a concurrent request made
 * it first (the caller's version is then stale).
 */
export async function insertContentItem(
  tx: SocietyTx,
  item: { societyId: string; key: string; kind: ContentKind; fallbackLocale: string },
): Promise<string | null> {
  const row = await withContent(tx)
    .insertInto('content_items')
    .values({
      society_id: item.societyId,
      key: item.key,
      kind: item.kind,
      fallback_locale: item.fallbackLocale,
    })
    .onConflict((oc) => oc.columns(['society_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Moves an item to its next version if it is still at `version`; false when it was not. */
export async function bumpContentItem(
  tx: SocietyTx,
  item: { id: string; version: number },
): Promise<boolean> {
  const result = await withContent(tx)
    .updateTable('content_items')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', item.id)
    .where('version', '=', item.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Writes the society's own text of an item in one language, replacing any it had. */
export async function saveTranslation(
  tx: SocietyTx,
  text: {
    societyId: string;
    contentId: string;
    locale: string;
    body: string;
    reviewed: boolean;
    userId: string;
  },
): Promise<void> {
  await withContent(tx)
    .insertInto('content_translations')
    .values({
      society_id: text.societyId,
      content_id: text.contentId,
      locale: text.locale,
      body: text.body,
      reviewed: text.reviewed,
      updated_by: text.userId,
    })
    .onConflict((oc) =>
      oc.columns(['society_id', 'content_id', 'locale']).doUpdateSet({
        body: text.body,
        reviewed: text.reviewed,
        updated_by: text.userId,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/** Removes the society's own text of an item in one language. */
export async function deleteTranslation(
  tx: SocietyTx,
  text: { contentId: string; locale: string },
): Promise<void> {
  await withContent(tx)
    .deleteFrom('content_translations')
    .where('content_id', '=', text.contentId)
    .where('locale', '=', text.locale)
    .execute();
}
