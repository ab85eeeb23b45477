import fc from 'fast-check';
import { BROKEN_TEXTS, INJECTION_TEXTS, UNICODE_TEXTS } from './payloads.js';

/** The subset of JSON Schema that zod's toJSONSchema produces for Loa's request contracts. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Identifiers a generated uuid field may take: real ones (so some requests reach deep) and ones that exist nowhere. */
export interface IdPool {
  ids: () => string[];
}

const TEXTS = [...INJECTION_TEXTS, ...UNICODE_TEXTS, ...BROKEN_TEXTS];

/** A text from the hostile pool, cut or padded to the schema's length limits. */
function fitted(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 5000;
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TEXTS) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
      { weight: 1, arbitrary: fc.constant('Ư'.repeat(max)) },
    )
    .map((text) => (text.length > max ? text.slice(0, max) : text.padEnd(min, 'ă')));
}

function stringArbitrary(schema: JsonSchema, pool: IdPool): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(
        fc.uuid(),
        fc.nat().map((i) => pick(pool.ids(), i) ?? '00000000-0000-4000-8000-000000000000'),
      );
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.constantFrom('a@b.vn', "o'brien@bhxh.gov.vn", 'x+<script>@example.com', `${'a'.repeat(64)}@example.vn`);
  }
  if (schema.pattern) {
    const regex = new RegExp(schema.pattern);
    return fc.oneof(fc.stringMatching(regex, { size: 'small' }), fitted(schema));
  }
  return fitted(schema);
}

function pick<T>(values: T[], i: number): T | undefined {
  return values[i % Math.max(values.length, 1)];
}

/** Values that satisfy `schema` as far as JSON Schema can say, with every string drawn from the hostile pool. */
export function conforming(schema: JsonSchema, pool: IdPool, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => conforming(s, pool, depth)));
  if (schema.allOf) return conforming(Object.assign({}, ...schema.allOf) as JsonSchema, pool, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['string', 'number'];
  return fc.oneof(...types.map((type) => ofType(type, schema, pool, depth)));
}

function ofType(type: string, schema: JsonSchema, pool: IdPool, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema, pool);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e12);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e15);
      const ints = fc.oneof(
        fc.constantFrom(min, max),
        fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }),
      );
      return type === 'integer' ? ints : fc.oneof(ints, fc.double({ min, max, noNaN: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 6) return fc.constant([]);
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => conforming(s, pool, depth + 1)));
      const item = schema.items ? conforming(schema.items, pool, depth + 1) : fc.string();
      const minLength = schema.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const properties = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, conforming(s, pool, depth + 1)])),
        { requiredKeys: (schema.required ?? []).filter((k) => k in properties) },
      );
      if (typeof schema.additionalProperties !== 'object') return record;
      const extra = fc.dictionary(
        fc.constantFrom(...TEXTS, 'k'),
        conforming(schema.additionalProperties, pool, depth + 1),
        {
          maxKeys: 3,
        },
      );
      return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
    }
    default:
      return fc.constant(null);
  }
}

/** A marker replaced, once serialised, by a nesting no contract expects (JSON.stringify itself would overflow). */
export const DEEP = '\u0001__deep__';

/** How one value is made hostile: a wrong type, a dropped or extra key, a huge string or array, deep nesting. */
export type Mutation = 'none' | 'wrong-type' | 'drop-key' | 'extra-key' | 'huge-string' | 'huge-array' | 'deep';

const WRONG: unknown[] = [0, -1, 1e308, true, null, 'x', [], {}, [[]], { '': null }, '9'.repeat(400)];

/** Applies `mutation` at the `where`-th node (depth first) of `value`. */
export function mutate(value: unknown, mutation: Mutation, where: number, wrong: number): unknown {
  if (mutation === 'none') return value;
  const nodes: { parent: Record<string, unknown> | unknown[] | null; key: string | number; node: unknown }[] = [];
  const root = { v: structuredClone(value) };
  const walk = (parent: Record<string, unknown> | unknown[], key: string | number, node: unknown) => {
    nodes.push({ parent, key, node });
    if (Array.isArray(node)) node.forEach((child, i) => walk(node, i, child));
    else if (node && typeof node === 'object')
      for (const [k, child] of Object.entries(node as Record<string, unknown>))
        walk(node as Record<string, unknown>, k, child);
  };
  walk(root as unknown as Record<string, unknown>, 'v', root.v);
  const target = nodes[where % nodes.length]!;
  const set = (next: unknown) => ((target.parent as Record<string | number, unknown>)[target.key] = next);
  switch (mutation) {
    case 'wrong-type':
      set(WRONG[wrong % WRONG.length]);
      break;
    case 'drop-key': {
      const objects = nodes.filter((n) => n.node && typeof n.node === 'object' && !Array.isArray(n.node));
      const object = objects[where % Math.max(objects.length, 1)]?.node as Record<string, unknown> | undefined;
      const keys = object ? Object.keys(object) : [];
      if (object && keys.length > 0) delete object[keys[wrong % keys.length]!];
      break;
    }
    case 'extra-key': {
      const objects = nodes.filter((n) => n.node && typeof n.node === 'object' && !Array.isArray(n.node));
      const object = objects[where % Math.max(objects.length, 1)]?.node as Record<string, unknown> | undefined;
      if (object) object[['unexpected', 'constructor', 'id', 'createdBy', 'orgUnitId'][wrong % 5]!] = 'x';
      else set({ unexpected: 1 });
      break;
    }
    case 'huge-string':
      set(['A'.repeat(100_001), 'Ư'.repeat(300_000), 'x'.repeat(1_100_000)][wrong % 3]);
      break;
    case 'huge-array':
      set(Array.from({ length: [10_001, 100_000][wrong % 2]! }, (_, i) => (wrong % 3 === 0 ? `a${i}` : i)));
      break;
    case 'deep':
      set(DEEP);
      break;
  }
  return root.v;
}

/** JSON text of `value`, with the DEEP marker expanded to `levels` nested arrays or objects. */
export function serialise(value: unknown, levels: number, objects: boolean): string {
  const text = JSON.stringify(value) ?? 'null';
  const open = objects ? '{"a":'.repeat(levels) : '['.repeat(levels);
  const close = objects ? '}'.repeat(levels) : ']'.repeat(levels);
  return text.replace(JSON.stringify(DEEP), `${open}1${close}`);
}
