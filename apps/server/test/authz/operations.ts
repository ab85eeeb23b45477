import { randomUUID } from 'node:crypto';
import type { TRole } from '@loa/contracts';
import type { FastifyInstance } from 'fastify';

/** A declared policy as `GET /api/openapi.json` shows it (`x-loa-policy`); `public` marks `config.public` routes. */
export interface DeclaredPolicy {
  roles: TRole[] | 'signed-in' | 'public';
  scope: 'unit' | 'global' | 'self';
}

/** One operation of the OpenAPI document: `GET /api/plans/{id}`. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  policy: DeclaredPolicy | null;
  /** Names of the path parameters, in order (`{id}`, `{fileId}`, …). */
  params: string[];
  /** The first 2xx response is JSON (lists and details; not xlsx, pdf, docx, html or binary content). */
  json: boolean;
}

export const label = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

interface OpenApiOperation {
  'x-loa-policy'?: DeclaredPolicy;
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/** Every operation of the document the app serves (hidden routes are not in it, by design). */
export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`openapi.json: ${response.statusCode}`);
  const document = response.json<{ paths: Record<string, Record<string, OpenApiOperation>> }>();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'));
      const types = Object.keys(success?.[1].content ?? { 'application/json': {} });
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        policy: operation['x-loa-policy'] ?? null,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        json: types.length === 0 || types.some((type) => type.includes('json')),
      });
    }
  }
  return operations;
}

/** The `METHOD path`s of private operations that declare no policy: the first assertion of the matrix. */
export function undeclared(operations: Operation[]): string[] {
  return operations.filter((op) => op.policy === null).map(label);
}

export const isPublic = (op: Operation) => op.policy?.roles === 'public';

/** True when the declared policy lets a user holding `role` past the gate (undeclared: the gate lets everyone by). */
export function admits(op: Operation, role: TRole): boolean {
  const roles = op.policy?.roles ?? 'signed-in';
  return roles === 'signed-in' || roles === 'public' || roles.includes(role);
}

/**
 * A path parameter with no fixture behind it: a fresh UUID for ids; for the few non-id parameters a value that
 * names nothing (a year with no budget, a job that does not exist), so a refused or admitted call changes nothing.
 */
export function placeholder(name: string, method: Operation['method']): string {
  switch (name) {
    case 'year':
      return method === 'GET' ? '2020' : '1999';
    case 'number':
      return '1';
    case 'name':
      return 'khong-co-viec-nay';
    case 'file':
      return 'khong-co.ics';
    case 'token':
      return 'khong-co-ma-nay';
    case 'type':
      return 'product';
    default:
      return randomUUID();
  }
}

/** Query parameters an operation requires, so that the call reaches the record rather than stopping at validation. */
export const REQUIRED_QUERY: Record<string, string> = {
  'GET /api/products/{id}/diff': 'from=1&to=1',
  'GET /api/campaigns/{id}/candidates': 'type=product',
};

/** Fills a path template: a parameter found in `values` takes it, any other its placeholder. */
export function fillPath(op: Operation, values: Record<string, string> = {}): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name] ?? placeholder(name, op.method)),
  );
  const query = REQUIRED_QUERY[label(op)];
  return query ? `${path}?${query}` : path;
}

/** Runs `task` over `items`, `size` at a time: enough concurrency to be quick, little enough for a busy machine. */
export async function inChunks<T, R>(items: T[], size: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(task))));
  }
  return results;
}
