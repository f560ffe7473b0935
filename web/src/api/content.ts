import {
  ContentItem,
  ContentItemView,
  ContentPage,
  type EditTranslationBody,
} from '../../../common/content.ts';
import { apiRequest } from './client.ts';

const translationPath = (key: string, locale: string) =>
  `/api/content/${encodeURIComponent(key)}/translations/${encodeURIComponent(locale)}`;

/** Every content item the society sees: built-in texts with the society's own over them. */
export async function listContent(): Promise<ContentItem[]> {
  return (await apiRequest('/api/content', ContentPage)).items;
}

/** One content item, with its text resolved for a reader of `locale` when one is given. */
export function getContent(key: string, locale?: string) {
  const query = locale ? `?${new URLSearchParams({ locale }).toString()}` : '';
  return apiRequest(`/api/content/${encodeURIComponent(key)}${query}`, ContentItemView);
}

/** Saves the society's own text of an item in one language, if the item is still at the version the editor saw. */
export function editTranslation(key: string, locale: string, body: EditTranslationBody, version: number) {
  return apiRequest(translationPath(key, locale), ContentItem, { method: 'PUT', body, ifMatch: version });
}

/** Removes the society's own text in one language, so the built-in text shows again. */
export function revertTranslation(key: string, locale: string, version: number) {
  return apiRequest(translationPath(key, locale), ContentItem, { method: 'DELETE', ifMatch: version });
}
