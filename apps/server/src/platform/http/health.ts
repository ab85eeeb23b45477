import { z } from 'zod';
import type { HttpApp } from './types.js';

const ZHealth = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unavailable']),
  time: z.iso.datetime(),
});

/** `/api/health`: 200 when the database answers, 503 when it does not (for load balancers). */
export function registerHealthRoute(app: HttpApp, pingDatabase: () => Promise<void>): void {
  app.get(
    '/api/health',
    {
      config: { public: true, rateLimit: false },
      schema: { tags: ['health'], summary: 'Liveness and database status', response: { 200: ZHealth, 503: ZHealth } },
    },
    async (_request, reply) => {
      const database = await pingDatabase().then(
        () => 'ok' as const,
        () => 'unavailable' as const,
      );
      return reply
        .status(database === 'ok' ? 200 : 503)
        .send({ status: database, database, time: new Date().toISOString() });
    },
  );
}
