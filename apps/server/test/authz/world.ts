import type { Session, TestApp } from '../test-app.js';
import type { Cast } from './callers.js';
import { FIXTURE_KINDS } from './kinds.js';

/** The units of the world: the main owners, and for each its out-of-scope counterpart. */
export type Owner = 'P01' | 'D001' | 'P48' | 'D002';
export const COUNTERPART: Record<'P01' | 'D001', Owner> = { P01: 'P48', D001: 'D002' };

/** A record of the world: its kind, its owning unit and its id. */
export interface Fixture {
  kind: string;
  owner: Owner;
  id: string;
}

export interface World {
  fixtures: Fixture[];
  unitIds: Record<Owner | 'BHXHVN', string>;
  /** Kinds whose counterpart (P48 / D002) could not be made: their positive control is skipped, not their checks. */
  counterpartsMissing: string[];
}

const PLACES: Record<Owner, { provinceCode: string; districtCode: string | null }> = {
  P01: { provinceCode: '01', districtCode: null },
  D001: { provinceCode: '01', districtCode: '001' },
  P48: { provinceCode: '48', districtCode: null },
  D002: { provinceCode: '01', districtCode: '002' },
};

/** Builds the world once: every kind at its main owners (must succeed) and at their counterparts (best effort). */
export async function buildWorld(t: TestApp, cast: Cast): Promise<World> {
  const codes = ['P01', 'D001', 'P48', 'D002', 'BHXHVN'] as const;
  const unitIds = Object.fromEntries(
    await Promise.all(codes.map(async (c) => [c, await t.unitId(c)])),
  ) as World['unitIds'];
  const budgetYear = await cast.admin.post('/api/budget/years', { year: 2030 });
  if (budgetYear.statusCode !== 201) throw new Error(`budget year: ${budgetYear.body}`);
  const source = await cast.admin.post('/api/budget/allocations', {
    year: 2030,
    source: 'bhtn',
    toUnitId: unitIds.BHXHVN,
    category: 'printing',
    amount: 90_000_000,
    decisionNo: 'QĐ-NGUON',
    decidedOn: '2030-01-15',
  });
  if (source.statusCode !== 201) throw new Error(`budget source: ${source.body}`);

  const sessionOf = (owner: Owner, leader: boolean): Session =>
    ({
      P01: leader ? cast.hanoiLeader : cast.hanoi,
      P48: leader ? cast.danangLeader : cast.danang,
      D001: cast.badinh,
      D002: cast.hoankiem,
    })[owner];
  const fixtures: Fixture[] = [];
  const counterpartsMissing: string[] = [];
  const made = new Map<Owner, Map<string, string>>(codes.slice(0, 4).map((c) => [c as Owner, new Map()]));
  for (const kind of FIXTURE_KINDS) {
    for (const main of kind.owners) {
      for (const owner of [main, COUNTERPART[main]]) {
        const ids = made.get(owner)!;
        const result = await kind.make({
          ids,
          session: sessionOf(owner, kind.leader ?? false),
          admin: cast.admin,
          rootId: unitIds.BHXHVN,
          t,
          place: { code: owner, unitId: unitIds[owner], ...PLACES[owner] },
        });
        const id =
          typeof result === 'string' ? result : result.statusCode < 300 ? result.json<{ id: string }>().id : null;
        if (id) {
          ids.set(kind.kind, id);
          fixtures.push({ kind: kind.kind, owner, id });
        } else if (owner === main) {
          throw new Error(`world: ${kind.kind} at ${owner}: ${typeof result === 'string' ? result : result.body}`);
        } else counterpartsMissing.push(`${kind.kind}@${owner}`);
      }
    }
  }
  fixtures.push({ kind: 'token', owner: 'P01', id: cast.hanoiToken.id });
  return { fixtures, unitIds, counterpartsMissing };
}

/** The kind of the record a path template reaches through its first parameter, from the table above. */
export function kindOfPath(path: string): string | null {
  if (path.startsWith('/api/me/tokens/{id}')) return 'token';
  const kind = FIXTURE_KINDS.find((k) => path === k.prefix || path.startsWith(`${k.prefix}/`));
  return kind && path.indexOf('{') === kind.prefix.indexOf('{') ? kind.kind : null;
}

/** Kinds every officer reads whatever their unit (see `readableEverywhere`). */
export const READ_EVERYWHERE = new Set(FIXTURE_KINDS.filter((k) => k.readableEverywhere).map((k) => k.kind));

export function tableOf(kind: string): string {
  return kind === 'token' ? 'api_tokens' : FIXTURE_KINDS.find((k) => k.kind === kind)!.table;
}

/** The stored row of a record, to show an out-of-scope mutation changed nothing. */
export async function snapshot(t: TestApp, fixture: Fixture): Promise<string> {
  const { rows } = await t.db.pool.query<{ row: unknown }>(
    `SELECT to_jsonb(x) AS row FROM ${tableOf(fixture.kind)} x WHERE id = $1`,
    [fixture.id],
  );
  return JSON.stringify(rows[0]?.row ?? null);
}
