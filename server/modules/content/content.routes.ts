import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ContentItem,
  ContentItemQuery,
  ContentItemView,
  ContentListQuery,
  ContentPage,
  ContentParams,
  ContentTranslationParams,
  EditTranslationBody,
} from '../../../common/content.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { contentEditorRoles } from '../../access/policies/content.policy.ts';
import { access } from '../../access/rules.ts';
import { ifMatchVersion, setVersionTag } from '../../http/concurrency.ts';
import { editTranslation, getContent, listContent, revertTranslation } from './content.service.ts';

/**
 * Translatable content (guidance, emergency guidance, information-notice texts): any member reads what the society
 * sees; editors change one language at a time or revert it to the built-in default.
 */
export function contentRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['content'];
  const editors = access.roles(...contentEditorRoles);
  return async (app) => {
    app.get(
      '/api/content',
      {
        config: { access: access.anyMember },
        schema: { tags, querystring: ContentListQuery, response: { 200: ContentPage } },
      },
      (request) => listContent(contextOf(request, deps), request.query),
    );
    app.get(
      '/api/content/:key',
      {
        config: { access: access.anyMember },
        schema: {
          tags,
          params: ContentParams,
          querystring: ContentItemQuery,
          response: { 200: ContentItemView },
        },
      },
      async (request, reply) => {
        const item = await getContent(contextOf(request, deps), { ...request.params, ...request.query });
        setVersionTag(reply, item.version);
        return item;
      },
    );
    app.put(
      '/api/content/:key/translations/:locale',
      {
        config: { access: editors },
        schema: {
          tags,
          params: ContentTranslationParams,
          body: EditTranslationBody,
          response: { 200: ContentItem },
        },
      },
      async (request, reply) => {
        const change = { ...request.params, ...request.body, version: ifMatchVersion(request) };
        const item = await editTranslation(contextOf(request, deps), change);
        setVersionTag(reply, item.version);
        return item;
      },
    );
    app.delete(
      '/api/content/:key/translations/:locale',
      {
        config: { access: editors },
        schema: { tags, params: ContentTranslationParams, response: { 200: ContentItem } },
      },
      async (request, reply) => {
        const change = { ...request.params, version: ifMatchVersion(request) };
        const item = await revertTranslation(contextOf(request, deps), change);
        setVersionTag(reply, item.version);
        return item;
      },
    );
  };
}
