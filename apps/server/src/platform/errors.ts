import type { ErrorCode } from '@loa/contracts';

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** The one error type of Loa: a stable code from contracts, its message parameters, and optional field errors. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** A record that does not exist or lies outside the caller's scope: both look the same. */
export function notFound(resource: string): AppError {
  return new AppError('resource.not_found', { resource });
}

export function forbidden(): AppError {
  return new AppError('access.forbidden');
}

export function fieldError(field: string, code: string, params?: Record<string, unknown>): AppError {
  return new AppError('validation.failed', {}, [{ field, code, ...(params ? { params } : {}) }]);
}
