import type { Readable } from 'node:stream';
import {
  decodeFileNameHeader,
  INLINE_FILE_KINDS,
  ZId,
  ZStoredFile,
  ZUploadFileQuery,
  type TStoredFile,
} from '@loa/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/authentication.js';
import { sendProblem } from '../../platform/http/error-handler.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { FilesService, Upload } from './files.service.js';

const tags = ['files'];
const ZIdParams = z.strictObject({ id: ZId });
/** Who may upload at all (`filesPolicy.assertCanUpload`): every role but viewers. */
const UPLOADERS = [
  'admin',
  'leader',
  'comms_center',
  'unit_officer',
  'press_office',
  'province_officer',
  'district_officer',
] as const;

/** Uploads are the raw bytes of one file. */
export const UPLOAD_TYPE = 'application/octet-stream';

const UPLOAD_DESCRIPTION =
  `Body: the file itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name (RFC 5987 \`UTF-8''…\` or ` +
  'URI-encoded UTF-8) or the `name` query parameter. The kind is recognised from the content: PDF, DOC/DOCX, ' +
  'XLS/XLSX, PPT/PPTX, JPEG, PNG, GIF, WEBP, MP4, MP3, TXT, CSV; the extension must agree with it.';

/** Lets routes take raw uploads up to `maxBytes`; register once, before the routes that upload. */
export function registerUploadParser(app: HttpApp, maxBytes: number): void {
  app.addContentTypeParser(UPLOAD_TYPE, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  );
}

/** The upload of a request: its body and the name from X-File-Name or `?name=`. */
export function uploadOf(request: FastifyRequest, queryName: string | undefined): Upload {
  if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
  const header = request.headers['x-file-name'];
  const raw = typeof header === 'string' ? header : queryName;
  return { bytes: request.body, fileName: raw === undefined ? undefined : (decodeFileNameHeader(raw) ?? '') };
}

/** Route error handler of uploads: an oversized body is a clear "file too large" with the limit. */
export function uploadErrorHandler(app: HttpApp, maxBytes: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendProblem(request, reply, new AppError('file.too_large', { maxMb: Math.round(maxBytes / 1048576) }));
    return app.errorHandler(error, request, reply);
  };
}

function contentDisposition(file: TStoredFile): string {
  const disposition = INLINE_FILE_KINDS.includes(file.kind) ? 'inline' : 'attachment';
  // The plain `filename` is for old clients: Vietnamese without its marks (đ does not decompose, so by hand).
  const ascii = file.name
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return `${disposition}; filename="${ascii || 'file'}"; filename*=UTF-8''${encodeURIComponent(file.name)}`;
}

/**
 * Sends stored content safely: its recognised media type (never HTML), no sniffing, a sandbox that keeps it
 * from running script on Loa's origin, and a download name; only images and PDF open in place.
 */
export function sendStoredFile(reply: FastifyReply, file: TStoredFile, content: Readable) {
  return reply
    .type(file.mediaType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; media-src 'self'")
    .header('cache-control', 'private, no-cache')
    .header('etag', `"${file.sha256}"`)
    .send(content);
}

/**
 * Sends the WebP thumbnail of an image. Its content never changes for a file (it is derived from the
 * original's hash), so browsers may keep it for a year — privately, since files are scoped.
 */
export function sendThumbnail(reply: FastifyReply, file: TStoredFile, content: Readable) {
  return reply
    .type('image/webp')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('content-disposition', 'inline')
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('etag', `"thumbnail-${file.sha256}"`)
    .send(content);
}

export function registerFilesRoutes(app: HttpApp, service: FilesService): void {
  app.post(
    '/api/files',
    {
      config: allow(UPLOADERS, 'unit'),
      errorHandler: uploadErrorHandler(app, service.maxBytes),
      schema: {
        tags,
        summary: 'Upload a file (checked by content; stored once per content)',
        description: UPLOAD_DESCRIPTION,
        querystring: ZUploadFileQuery,
        response: { 201: ZStoredFile },
      },
    },
    async (request, reply) => {
      const upload = uploadOf(request, request.query.name);
      return reply.status(201).send(await service.uploadFile(actorOf(request), upload, request.query.orgUnitId));
    },
  );

  app.get(
    '/api/files/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'A file of my scope', params: ZIdParams, response: { 200: ZStoredFile } },
    },
    async (request) => service.getFile(actorOf(request), request.params.id),
  );

  app.get(
    '/api/files/:id/content',
    { config: allow('signed-in', 'unit'), schema: { tags, summary: 'Download a file of my scope', params: ZIdParams } },
    async (request, reply) => {
      const { file, content } = await service.openFile(actorOf(request), request.params.id);
      return sendStoredFile(reply, file, content);
    },
  );

  app.get(
    '/api/files/:id/thumbnail',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The WebP thumbnail (longest side 320 px) of an image of my scope',
        description: 'Only images (JPEG, PNG, GIF, WEBP) that could be decoded have one; others give 404.',
        params: ZIdParams,
      },
    },
    async (request, reply) => {
      const { file, content } = await service.openThumbnail(actorOf(request), request.params.id);
      return sendThumbnail(reply, file, content);
    },
  );
}
