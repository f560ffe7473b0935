import type { QueryClient } from '@tanstack/react-query';
import type { ContentItem } from '../../../../common/content.ts';
import { getContent, listContent } from '../../api/content.ts';

/** The query of every content item the society sees. */
export const contentListQuery = { queryKey: ['content'] as const, queryFn: listContent };

/** The query of one content item. */
export function contentItemQuery(key: string) {
  return { queryKey: ['content', key] as const, queryFn: () => getContent(key) };
}

/** Puts a saved item in the caches of its screen and of the list, so both show it at once. */
export function rememberItem(client: QueryClient, item: ContentItem): void {
  client.setQueryData(contentItemQuery(item.key).queryKey, item);
  client.setQueryData(contentListQuery.queryKey, (items: ContentItem[] | undefined) =>
    items?.map((other) => (other.key === item.key ? item : other)),
  );
}
