import { ZRunJobResponse, ZScheduledJobList } from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { ScheduledJobsService } from './scheduled-jobs.service.js';

export function registerScheduledJobsRoutes(app: HttpApp, service: ScheduledJobsService): void {
  app.get(
    '/api/admin/jobs',
    {
      config: allow(['admin'], 'global'),
      schema: {
        tags: ['admin'],
        summary: 'Scheduled jobs, their last run and the runs waiting (administrators)',
        response: { 200: ZScheduledJobList },
      },
    },
    async (request) => ({ items: await service.list(actorOf(request)) }),
  );
  app.post(
    '/api/admin/jobs/:name/run',
    {
      config: allow(['admin'], 'global'),
      schema: {
        tags: ['admin'],
        summary: 'Queue one run of a scheduled job now (administrators; audited)',
        params: z.object({ name: z.string().max(100) }),
        response: { 202: ZRunJobResponse },
      },
    },
    async (request, reply) => reply.code(202).send(await service.run(actorOf(request), request.params.name)),
  );
}
