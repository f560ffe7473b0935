import { describe, expect, it } from 'vitest';
import type { SocietyRole } from '../../../common/roles.ts';
import { actorWith } from './policy.test-support.ts';
import { ContentKind } from '../../../common/content.ts';
import {
  allowedContentActions,
  allowedTranslationActions,
  contentEditorRoles,
  revertBlock,
  type ContentRecord,
} from './content.policy.ts';

const builtIn = (ownLocales: string[]): ContentRecord => ({
  kind: 'information-notice',
  fallbackLocale: 'en',
  defaultLocales: ['ar', 'en', 'es', 'fr'],
  ownLocales,
});
const societyOnly = (ownLocales: string[]): ContentRecord => ({
  kind: 'guidance',
  fallbackLocale: 'en',
  defaultLocales: [],
  ownLocales,
});

describe('the content policy', () => {
  it.each([
    { roles: ['focal-point'], expected: ['edit'] },
    { roles: ['administrator'], expected: ['edit'] },
    { roles: ['caseworker', 'focal-point'], expected: ['edit'] },
    ...(['volunteer', 'caseworker', 'coordinator', 'trainer', 'dpo'] as const).map((role) => ({
      roles: [role],
      expected: [],
    })),
  ] as { roles: SocietyRole[]; expected: string[] }[])(
    'lets $roles take $expected on every kind of content',
    ({ roles, expected }) => {
      for (const kind of ContentKind.options)
        expect(allowedContentActions(actorWith(roles), { kind }), kind).toEqual(expected);
    },
  );

  it('gives the edit routes exactly the roles that edit some kind', () => {
    expect([...contentEditorRoles].sort()).toEqual(['administrator', 'focal-point']);
  });

  it.each([
    {
      case: 'a language the society never changed',
      item: builtIn([]),
      locale: 'fr',
      block: 'nothing-to-revert',
    },
    { case: 'a changed language with a default', item: builtIn(['fr']), locale: 'fr', block: null },
    { case: 'a changed fallback language with a default', item: builtIn(['en']), locale: 'en', block: null },
    { case: 'an added language without a default', item: builtIn(['ti']), locale: 'ti', block: null },
    {
      case: 'the fallback language of a society-only item',
      item: societyOnly(['en', 'fr']),
      locale: 'en',
      block: 'fallback-language',
    },
    {
      case: 'another language of a society-only item',
      item: societyOnly(['en', 'fr']),
      locale: 'fr',
      block: null,
    },
    {
      case: 'the only language of a society-only item',
      item: societyOnly(['fr']),
      locale: 'fr',
      block: 'last-language',
    },
  ] as { case: string; item: ContentRecord; locale: string; block: string | null }[])(
    'blocks reverting $case: $block',
    ({ item, locale, block }) => {
      expect(revertBlock(item, locale)).toBe(block);
    },
  );

  it('offers revert to an editor only where a revert is possible, and nothing to anyone else', () => {
    const editor = actorWith(['focal-point']);
    expect(allowedTranslationActions(editor, builtIn(['fr']), 'fr')).toEqual(['edit', 'revert']);
    expect(allowedTranslationActions(editor, builtIn(['fr']), 'es')).toEqual(['edit']);
    expect(allowedTranslationActions(editor, societyOnly(['en', 'fr']), 'en')).toEqual(['edit']);
    expect(allowedTranslationActions(actorWith(['caseworker']), builtIn(['fr']), 'fr')).toEqual([]);
  });
});
