import type { ContentAction, ContentKind } from '../../../common/content.ts';
import type { SocietyRole } from '../../../common/roles.ts';
import { hasAnyRole, type Actor } from '../actor.ts';

/**
 * Who may change each kind of content: the focal point (who keeps guidance and notices right for the society)
 * and the administrator (configuration). A later issue may widen a kind (trainers for awareness material…).
 */
export const contentEditors: Readonly<Record<ContentKind, readonly SocietyRole[]>> = {
  guidance: ['focal-point', 'administrator'],
  'emergency-guidance': ['focal-point', 'administrator'],
  'information-notice': ['focal-point', 'administrator'],
  'indicator-text': ['focal-point', 'administrator'],
  'taxonomy-label': ['focal-point', 'administrator'],
  'awareness-material': ['focal-point', 'administrator'],
};

/** Every role that edits some kind of content: the edit routes' access rule (the policy then decides per kind). */
export const contentEditorRoles: readonly SocietyRole[] = [...new Set(Object.values(contentEditors).flat())];

/** What the content policy needs to know about an item as the society sees it. */
export type ContentRecord = {
  kind: ContentKind;
  fallbackLocale: string;
  /** The languages the built-in default has a text in (none for an item of the society's own). */
  defaultLocales: readonly string[];
  /** The languages the society has its own text in. */
  ownLocales: readonly string[];
};

/** Why a language cannot be reverted to the default, or null when it can. */
export type RevertBlock = 'nothing-to-revert' | 'fallback-language' | 'last-language';

/**
 * Whether reverting one language is possible in the item's current state: only a society's own text can be
 * reverted, and never when that would leave the item without its fallback text or without any text at all.
 */
export function revertBlock(item: ContentRecord, locale: string): RevertBlock | null {
  if (!item.ownLocales.includes(locale)) return 'nothing-to-revert';
  if (item.defaultLocales.includes(locale)) return null;
  if (locale === item.fallbackLocale) return 'fallback-language';
  const remaining = new Set([...item.ownLocales, ...item.defaultLocales]);
  return remaining.size <= 1 ? 'last-language' : null;
}

/** Whether the actor may change content of this kind in its current society. */
export function canEditContent(actor: Actor, item: Pick<ContentRecord, 'kind'>): boolean {
  return hasAnyRole(actor, contentEditors[item.kind]);
}

/** The actions the actor may take on an item, for `allowedActions`: 'edit' adds or changes any language. */
export function allowedContentActions(actor: Actor, item: Pick<ContentRecord, 'kind'>): ContentAction[] {
  return canEditContent(actor, item) ? ['edit'] : [];
}

/** The actions the actor may take on one language of an item, for `allowedActions`. */
export function allowedTranslationActions(
  actor: Actor,
  item: ContentRecord,
  locale: string,
): ContentAction[] {
  if (!canEditContent(actor, item)) return [];
  return revertBlock(item, locale) === null ? ['edit', 'revert'] : ['edit'];
}
