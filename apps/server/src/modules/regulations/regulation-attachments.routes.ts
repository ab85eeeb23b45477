import { ZAddAttachmentQuery, ZId, ZRegulationAttachment } from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile, UPLOAD_TYPE, uploadErrorHandler, uploadOf } from '../files/index.js';
import type { RegulationAttachmentsService } from './regulation-attachments.service.js';

const tags = ['regulations'];
const ZIdParams = z.strictObject({ id: ZId });
const ZAttachmentParams = z.strictObject({ id: ZId, fileId: ZId });

export function registerRegulationAttachmentsRoutes(
  app: HttpApp,
  service: RegulationAttachmentsService,
  maxUploadBytes: number,
): void {
  app.get(
    '/api/regulations/:id/attachments',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: "A document's attachments",
        params: ZIdParams,
        response: { 200: z.array(ZRegulationAttachment) },
      },
    },
    async (request) => service.listAttachments(actorOf(request), request.params.id),
  );

  app.post(
    '/api/regulations/:id/attachments',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      errorHandler: uploadErrorHandler(app, maxUploadBytes),
      schema: {
        tags,
        summary: 'Upload a file and attach it to the document',
        description:
          `Body: the file itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name (RFC 5987 or URI-encoded ` +
          'UTF-8) or `name`; `title` defaults to the name without extension. Checked like POST /api/files.',
        params: ZIdParams,
        querystring: ZAddAttachmentQuery,
        response: { 201: ZRegulationAttachment },
      },
    },
    async (request, reply) => {
      const upload = uploadOf(request, request.query.name);
      const added = await service.addAttachment(actorOf(request), request.params.id, upload, request.query.title);
      return reply.status(201).send(added);
    },
  );

  app.delete(
    '/api/regulations/:id/attachments/:fileId',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      schema: { tags, summary: 'Remove an attachment from the document', params: ZAttachmentParams },
    },
    async (request, reply) => {
      await service.removeAttachment(actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/regulations/:id/attachments/:fileId/content',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Download an attachment of a document', params: ZAttachmentParams },
    },
    async (request, reply) => {
      const { file, content } = await service.openAttachment(
        actorOf(request),
        request.params.id,
        request.params.fileId,
      );
      return sendStoredFile(reply, file, content);
    },
  );
}
