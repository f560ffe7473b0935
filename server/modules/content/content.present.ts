import { resolveContent, type ContentItem, type ContentItemView } from '../../../common/content.ts';
import type { Actor } from '../../access/actor.ts';
import { allowedContentActions, allowedTranslationActions } from '../../access/policies/content.policy.ts';
import type { EffectiveContent } from './content.effective.ts';

/** A content item as the API shows it, with the actions this actor may take on it and on each language. */
export function presentContent(actor: Actor, item: EffectiveContent): ContentItem {
  return {
    key: item.key,
    kind: item.kind,
    fallbackLocale: item.fallbackLocale,
    version: item.version,
    source: item.ownLocales.length > 0 ? 'society' : 'default',
    hasDefault: item.hasDefault,
    translations: item.translations.map((t) => ({
      locale: t.locale,
      body: t.body,
      reviewed: t.reviewed,
      source: t.source,
      updatedAt: t.updatedAt?.toISOString() ?? null,
      allowedActions: allowedTranslationActions(actor, item, t.locale),
    })),
    allowedActions: allowedContentActions(actor, item),
  };
}

/** A content item with, when a language is asked for, the text resolved for a reader of that language. */
export function presentContentFor(actor: Actor, item: EffectiveContent, locale?: string): ContentItemView {
  const view = presentContent(actor, item);
  const resolved = locale === undefined ? null : resolveContent(item, locale);
  return resolved ? { ...view, resolved } : view;
}
