import type { ErrorCode } from '@loa/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { problemFor, toProblem } from './problem.js';
import { fieldErrorsFromIssues } from './validation.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_VALIDATION: 'validation.failed',
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem = toProblem(error, request.locale ?? 'vi', request.url.split('?')[0] ?? request.url, request.id);
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Errors of the router itself (a path segment that is malformed or past its length): problem+json like the rest. */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(
      request,
      reply,
      new AppError('validation.failed', {}, [{ field: 'params', code: 'validation.invalid' }]),
    );
  request.log.error({ err: error }, 'router error');
  return sendProblem(request, reply, new AppError('internal'));
}

/** Every error leaves as RFC 9457 problem+json in the caller's language; 5xx never show internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldErrorsFromIssues(error.validation, error.validationContext);
      return sendProblem(request, reply, new AppError('validation.failed', {}, fields));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(request, reply, new AppError('internal'));
    }
    if (error.statusCode === 429) return sendProblem(request, reply, new AppError('request.rate_limited'));
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, new AppError(mapped));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return sendProblem(request, reply, new AppError('validation.failed'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new AppError('internal'));
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = problemFor('route.not_found', request.locale ?? 'vi', request.url.split('?')[0] ?? '', request.id);
    return reply.status(404).type('application/problem+json').send(problem);
  });
}
