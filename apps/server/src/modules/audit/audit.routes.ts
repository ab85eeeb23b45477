import { ZAuditEvent, ZAuditListQuery, zPage } from '@loa/contracts';
import { actorOf } from '../../platform/http/authentication.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(app: HttpApp, service: AuditService): void {
  app.get(
    '/api/audit-events',
    {
      config: allow(['admin', 'leader'], 'unit'),
      schema: {
        tags: ['audit'],
        summary: 'The audit log of my scope',
        querystring: ZAuditListQuery,
        response: { 200: zPage(ZAuditEvent) },
      },
    },
    async (request) => service.listAuditEvents(actorOf(request), request.query),
  );
}
