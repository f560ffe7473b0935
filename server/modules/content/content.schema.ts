import type { ColumnType, Generated, Kysely } from 'kysely';
import type { ContentKind } from '../../../common/content.ts';
import type { Database } from '../../db/schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** `content_items`: a society's own copy of a content item, made the first time it edits one (copy-on-write). */
export type ContentItemsTable = {
  society_id: string;
  id: Generated<string>;
  key: string;
  kind: ContentKind;
  fallback_locale: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `content_translations`: the society's own text of an item in one language, with its reviewed flag. */
export type ContentTranslationsTable = {
  society_id: string;
  content_id: string;
  locale: string;
  body: string;
  reviewed: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
};

/** The content tables as Kysely sees them. */
export type ContentTables = {
  content_items: ContentItemsTable;
  content_translations: ContentTranslationsTable;
};

/** A database handle (or transaction) that also knows the content tables. */
export type ContentDb = Kysely<Database & ContentTables>;

/** Adds the content tables to a handle's type (they are not in the shared `Database` type). */
export function withContent(handle: Kysely<Database>): ContentDb {
  return handle.withTables<ContentTables>();
}
