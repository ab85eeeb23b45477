import { describe, expect, it } from 'vitest';
import * as contracts from './index.js';

type Parser = { safeParse(value: unknown): { success: boolean; data?: unknown } };

/** Every `ZUpdate…Request` of the contracts that takes a `version`. */
const updates = (Object.entries(contracts) as [string, unknown][]).filter(
  (entry): entry is [string, Parser] =>
    /^ZUpdate\w*Request$/.test(entry[0]) &&
    typeof (entry[1] as Partial<Parser>).safeParse === 'function' &&
    (entry[1] as Parser).safeParse({ version: 1 }).success,
);

describe('update requests', () => {
  it('are found (the check below looks at something)', () => {
    expect(updates.length).toBeGreaterThan(10);
  });

  // zod fills defaults in even under .partial(): a PATCH of one field would reset the others to their defaults.
  it.each(updates.map(([name, schema]) => ({ name, schema })))('$name changes only the fields sent', ({ schema }) => {
    expect(schema.safeParse({ version: 1 }).data).toEqual({ version: 1 });
  });
});
