import { ZIngestRequest, ZIngestResponse } from '@loa/contracts';
import { actorOf } from '../../platform/http/authentication.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { IngestService } from './ingest.service.js';

/** Up to INGEST_MAX_ARTICLES (1,000) whole articles: about 20 kB each as JSON is 20 MB; allow some room. */
const INGEST_BODY_LIMIT = 32 * 1024 * 1024;

export function registerMonitoringIngestRoutes(app: HttpApp, service: IngestService): void {
  app.post(
    '/api/monitoring/ingest',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      bodyLimit: INGEST_BODY_LIMIT,
      schema: {
        tags: ['monitoring'],
        summary:
          'Ingest articles (administrators and the Communication Center): one result per article in order — a bad ' +
          'item is reported in its place, a known URL returns its stored result',
        body: ZIngestRequest,
        response: { 200: ZIngestResponse },
      },
    },
    async (request) => service.ingest(actorOf(request), request.body, request.locale),
  );
}
