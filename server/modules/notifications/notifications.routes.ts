import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NotificationListQuery,
  NotificationPage,
  NotificationParams,
} from '../../../common/notifications.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { listNotifications, readAllNotifications, readNotification } from './notifications.service.ts';

/** The signed-in member's own notifications in the current society: the list, and marking them read. */
export function notificationsRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['notifications'];
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { access: access.anyMember },
        schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationPage } },
      },
      (request) => listNotifications(contextOf(request, deps), request.query),
    );
    app.post(
      '/api/notifications/:notificationId/read',
      {
        config: { access: access.anyMember },
        schema: { tags, params: NotificationParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await readNotification(contextOf(request, deps), request.params.notificationId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/notifications/read-all',
      { config: { access: access.anyMember }, schema: { tags, response: { 204: z.null() } } },
      async (request, reply) => {
        await readAllNotifications(contextOf(request, deps));
        return reply.status(204).send(null);
      },
    );
  };
}
