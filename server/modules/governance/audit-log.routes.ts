import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEventPage, AuditEventQuery, AuditStatus } from '../../../common/audit-log.ts';
import { contextOf, type ModuleDeps } from '../../access/context.ts';
import { access } from '../../access/rules.ts';
import { auditStatus, browseAuditLog } from './audit-log.service.ts';

/** The society's audit log for its data protection officer: browse and filter it, and verify its chain. */
export function auditLogRoutes(deps: ModuleDeps): FastifyPluginAsyncZod {
  const tags = ['governance'];
  const dpo = access.roles('dpo');
  return async (app) => {
    app.get(
      '/api/audit/events',
      {
        config: { access: dpo },
        schema: { tags, querystring: AuditEventQuery, response: { 200: AuditEventPage } },
      },
      (request) => browseAuditLog(contextOf(request, deps), request.query),
    );
    app.get(
      '/api/audit/status',
      { config: { access: dpo }, schema: { tags, response: { 200: AuditStatus } } },
      (request) => auditStatus(contextOf(request, deps)),
    );
  };
}
