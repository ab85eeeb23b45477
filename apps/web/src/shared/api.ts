import type { TLocale } from '@loa/contracts';

/** One field problem of an RFC 9457 response, already translated by the server. */
export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/** A failed API call: the server's problem+json, or a synthetic one for network and non-JSON failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ApiFieldError[];
  readonly requestId: string | undefined;
  /** The parsed JSON body, for endpoints that answer an error status with a report instead of a problem. */
  readonly body: unknown;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    errors?: ApiFieldError[] | undefined;
    requestId?: string | undefined;
    body?: unknown;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
    this.body = init.body;
  }
}

/** Codes of the synthetic errors raised by the client itself; the UI translates them. */
export const CLIENT_ERROR_CODES = { network: 'client.network', http: 'client.http' } as const;

const SESSION_END_CODES = new Set(['auth.required', 'auth.session_expired']);
const UNSAFE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

let csrfToken: string | null = null;
let currentLocale: TLocale = 'vi';
let unauthorizedHandler: ((code: string) => void) | null = null;

/** Remembers the anti-forgery token the server hands out with the session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sets the language the server should answer in (Accept-Language). */
export function setApiLocale(locale: TLocale): void {
  currentLocale = locale;
}

/** Registers what happens when the session ends mid-use (401 auth.required / auth.session_expired). */
export function setUnauthorizedHandler(handler: ((code: string) => void) | null): void {
  unauthorizedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&b=2`, leaving out empty values; returns '' when nothing is left. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  query?: QueryParams;
  /** JSON body; ignored when `raw` is given. */
  body?: unknown;
  /** A file or blob sent as-is with its own content type. */
  raw?: { data: Blob; contentType: string };
  signal?: AbortSignal;
  /** Leave 401 responses to the caller instead of sending the user to the login page. */
  skipAuthRedirect?: boolean;
}

async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': currentLocale };
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path + toQueryString(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, title: String(cause) });
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && SESSION_END_CODES.has(error.code)) {
      csrfToken = null;
      if (!options.skipAuthRedirect) unauthorizedHandler?.(error.code);
    }
    throw error;
  }
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Partial<{
        code: string;
        title: string;
        detail: string;
        errors: ApiFieldError[];
        requestId: string;
      }>;
      return new ApiError({
        status: response.status,
        code: problem.code ?? CLIENT_ERROR_CODES.http,
        title: problem.title ?? response.statusText,
        detail: problem.detail,
        errors: Array.isArray(problem.errors) ? problem.errors : [],
        requestId: problem.requestId,
        body: problem,
      });
    } catch {
      // Fall through to the generic error below: the body claimed JSON but was not.
    }
  }
  return new ApiError({ status: response.status, code: CLIENT_ERROR_CODES.http, title: response.statusText });
}

/** Sends a request and returns the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

/** Reads the file name from a Content-Disposition header, preferring the RFC 5987 `filename*` form. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: try the plain form instead.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain?.[2] ?? plain?.[1]?.trim();
  return name ? name : fallback;
}

/** Downloads a file (e.g. an Excel export) through fetch so errors surface as ApiError, then saves it. */
export async function downloadFile(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  const response = await send('GET', path, { query }, '*/*');
  const blob = await response.blob();
  const name = filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before releasing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
