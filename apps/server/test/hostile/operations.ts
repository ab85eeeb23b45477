import fc from 'fast-check';
import { conforming, mutate, serialise, type IdPool, type JsonSchema, type Mutation } from './schema-arbitrary.js';
import { HOSTILE_FILE_NAMES, HOSTILE_SEGMENTS, INJECTION_TEXTS, UNICODE_TEXTS } from './payloads.js';

/** One operation of GET /api/openapi.json, as the generators need it. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
  /** What the body is: JSON, a raw upload (X-File-Name), an .xlsx import, or nothing. */
  kind: 'json' | 'upload' | 'xlsx' | 'none';
  roles: string[] | 'signed-in' | 'public';
  /** Whether a 422 answers with the house import report (rejected rows) instead of a problem. */
  importReport: boolean;
}

interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
}
interface OpenApiOperation {
  description?: string;
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  'x-loa-policy'?: { roles: string[] | 'signed-in' | 'public' };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every operation of the OpenAPI document; its parameter and body schemas are zod's contracts as JSON Schema. */
export function operationsOf(document: OpenApi): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const description = op.description ?? '';
      const kind: Operation['kind'] = op.requestBody
        ? 'json'
        : description.includes(`Content-Type ${XLSX}`)
          ? 'xlsx'
          : description.includes('Content-Type application/octet-stream')
            ? 'upload'
            : 'none';
      const parameters = op.parameters ?? [];
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: op.requestBody?.content['application/json']?.schema ?? null,
        kind,
        roles: op['x-loa-policy']?.roles ?? 'signed-in',
        importReport: isImportReport(op.responses?.['422']?.content?.['application/json']?.schema),
      };
    }),
  );
}

function isImportReport(schema: JsonSchema | undefined): boolean {
  const properties = schema?.properties ?? {};
  return ['applied', 'created', 'updated', 'rejected'].every((name) => name in properties);
}

/** A request ready for app.inject. */
export interface HostileRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was done to it, for the report of a failure. */
  note: string;
}

/** Bodies for uploads and imports, prepared once (zip bombs, a real workbook, junk). */
export interface BinaryBodies {
  upload: Buffer[];
  xlsx: Buffer[];
}

// Heavy bodies (1 MB strings, 100,000 items, 10,000 levels) are one in twelve: each costs far more than the rest, and
// about two per operation are enough to show it refuses them; the light ones vary the contract far more.
const LIGHT: Mutation[] = ['none', 'none', 'none', 'wrong-type', 'wrong-type', 'drop-key', 'drop-key', 'extra-key'];
const MUTATIONS: Mutation[] = [
  ...LIGHT,
  ...LIGHT,
  ...LIGHT,
  ...LIGHT,
  'extra-key',
  ...(['huge-string', 'huge-array', 'deep'] as const),
];
const RAW_BODIES = [
  '',
  '{',
  '{"a":1',
  'null',
  '[]',
  '"x"',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '\uFEFF{}',
];

function segment(param: { name: string; schema: JsonSchema }, pool: IdPool): fc.Arbitrary<string> {
  const valid = conforming(param.schema, pool).map(String);
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) });
}

function queryValue(schema: JsonSchema, pool: IdPool): fc.Arbitrary<string | string[]> {
  const texts = fc.constantFrom(...INJECTION_TEXTS, ...UNICODE_TEXTS, 'a\u0000b', '-id', 'name;DROP', 'x'.repeat(5000));
  return fc.oneof(
    { weight: 3, arbitrary: conforming(schema, pool).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
    { weight: 2, arbitrary: texts },
    { weight: 1, arbitrary: fc.array(texts, { minLength: 2, maxLength: 3 }) },
  );
}

/** The hostile requests of one operation: valid-shaped ones full of hostile text, and ones broken on purpose. */
export function requestsOf(op: Operation, pool: IdPool, binaries: BinaryBodies): fc.Arbitrary<HostileRequest> {
  const params = fc.tuple(...op.pathParams.map((p) => segment(p, pool)));
  const query = fc.tuple(
    ...op.query.map((q) => fc.option(queryValue(q.schema, pool), { nil: undefined, freq: 2 })),
    fc.option(fc.constantFrom('unexpected', 'q', 'sort', 'pageSize'), { nil: undefined, freq: 4 }),
  );
  const body = bodyOf(op, pool, binaries);
  return fc.tuple(params, query, body).map(([segments, values, [payload, headers, note, queryName]]) => {
    let url = op.path;
    op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(wellFormed(segments[i]!)))));
    const search = new URLSearchParams();
    op.query.forEach((q, i) => {
      const v = values[i];
      for (const one of v === undefined ? [] : Array.isArray(v) ? v : [v]) search.append(q.name, one);
    });
    const extra = values[op.query.length] as string | undefined;
    if (extra) search.append(extra, extra === 'pageSize' ? '1000000' : "' OR 1=1 --");
    if (queryName !== undefined) search.append('name', queryName);
    const qs = search.toString();
    return { method: op.method, url: qs ? `${url}?${qs}` : url, headers, payload, note };
  });
}

/** A URL cannot carry a lone surrogate (encodeURIComponent throws): it becomes U+FFFD, as a browser would send it. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

type Body = [string | Buffer | undefined, Record<string, string>, string, string?];

function bodyOf(op: Operation, pool: IdPool, binaries: BinaryBodies): fc.Arbitrary<Body> {
  if (op.kind === 'upload')
    return fc
      .tuple(fc.constantFrom(...binaries.upload), fc.constantFrom(...HOSTILE_FILE_NAMES), fc.boolean())
      .map(([bytes, name, inHeader]): Body => [
        bytes,
        {
          'content-type': 'application/octet-stream',
          ...(inHeader ? { 'x-file-name': encodeURIComponent(name) } : {}),
        },
        `upload ${bytes.length} B named ${name.slice(0, 40)} in ${inHeader ? 'X-File-Name' : '?name='}`,
        inHeader ? undefined : name,
      ]);
  if (op.kind === 'xlsx')
    return fc
      .constantFrom(...binaries.xlsx)
      .map((bytes): Body => [bytes, { 'content-type': XLSX }, `xlsx ${bytes.length} B`]);
  if (op.method === 'GET' || op.method === 'DELETE') return fc.constant([undefined, {}, 'no body']);
  const schema = op.body ?? { type: 'object', properties: {} };
  const json = fc
    .tuple(conforming(schema, pool), fc.constantFrom(...MUTATIONS), fc.nat(), fc.nat(), fc.constantFrom(64, 10_000))
    .map(([value, mutation, where, wrong, levels]): Body => {
      const text = serialise(mutate(value, mutation, where, wrong), levels, wrong % 2 === 0);
      return [text, { 'content-type': 'application/json' }, `json ${mutation}@${where} (${text.length} chars)`];
    });
  const raw = fc
    .tuple(fc.constantFrom(...RAW_BODIES), fc.constantFrom('application/json', 'text/plain', 'application/xml'))
    .map(([text, type]): Body => [text, { 'content-type': type }, `raw ${type} ${JSON.stringify(text)}`]);
  return fc.oneof({ weight: 9, arbitrary: json }, { weight: 1, arbitrary: raw });
}
