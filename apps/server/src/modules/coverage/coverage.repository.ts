// Guidance coverage (decision 0044): the guidance catalog, the columns of the provinces axis and, per measure, one
// grouped query that counts the records tagged with each theme per audience or per province. Other modules' tables
// are read with raw SQL here (never through their table files), with the dashboard's definitions of each record's
// time and unit (decision 0041).
import { sql, type SQL } from 'drizzle-orm';
import type { TCoverageAxis } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import type { CatalogItem, CountRow } from './coverage-matrix.js';

export type CoverageUnitRow = { id: string; code: string; name: string; kind: string; path: string };

/** The records of one measure in a period and scope (a unit's subtree, `path` prefix). */
export interface RecordFilter {
  start: Date;
  end: Date;
  scopePath: string;
}

export type CoverageRecords = 'products' | 'publications' | 'events';

const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const between = (column: SQL, f: RecordFilter) =>
  sql`${column} >= ${instant(f.start)} AND ${column} < ${instant(f.end)}`;

/**
 * One row per record behind a measure: id, unit_path (the unit the record counts for), themes and audiences.
 * Products count for their owner unit when created in the period; publications for the publishing unit when
 * published in the period, tagged with their product's codes; events held or reported for the organising unit when
 * they start in the period (events carry themes, no guidance audiences).
 */
function records(measure: CoverageRecords, f: RecordFilter): SQL {
  const under = `${f.scopePath}%`;
  switch (measure) {
    case 'products':
      return sql`SELECT p.id, u.path AS unit_path, p.theme_codes AS themes, p.audience_codes AS audiences
        FROM products p JOIN org_units u ON u.id = p.owner_unit_id
        WHERE ${between(sql`p.created_at`, f)} AND u.path LIKE ${under} AND cardinality(p.theme_codes) > 0`;
    case 'publications':
      return sql`SELECT pb.id, u.path AS unit_path, pr.theme_codes AS themes, pr.audience_codes AS audiences
        FROM publications pb JOIN products pr ON pr.id = pb.product_id JOIN org_units u ON u.id = pb.org_unit_id
        WHERE ${between(sql`pb.published_at`, f)} AND u.path LIKE ${under} AND cardinality(pr.theme_codes) > 0`;
    case 'events':
      return sql`SELECT e.id, u.path AS unit_path, e.theme_codes AS themes, '{}'::text[] AS audiences
        FROM events e JOIN org_units u ON u.id = e.org_unit_id
        WHERE ${between(sql`e.starts_at`, f)} AND e.status IN ('held', 'reported') AND u.path LIKE ${under}
          AND cardinality(e.theme_codes) > 0`;
  }
}

export const coverageRepository = {
  async findUnit(tx: Executor, id: string): Promise<CoverageUnitRow | null> {
    const { rows } = await tx.execute<CoverageUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  },

  async findRoot(tx: Executor): Promise<CoverageUnitRow | null> {
    const { rows } = await tx.execute<CoverageUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units WHERE parent_id IS NULL`,
    );
    return rows[0] ?? null;
  },

  /** The guidance years that have themes in their catalog. */
  async catalogYears(tx: Executor): Promise<number[]> {
    const { rows } = await tx.execute<{ year: number }>(
      sql`SELECT DISTINCT year FROM guidance_items WHERE kind = 'theme' ORDER BY year`,
    );
    return rows.map((r) => Number(r.year));
  },

  /** The themes and audiences of one guidance year, in the guidance's order. */
  async catalog(tx: Executor, year: number): Promise<{ themes: CatalogItem[]; audiences: CatalogItem[] }> {
    const { rows } = await tx.execute<CatalogItem & { kind: 'theme' | 'audience' }>(
      sql`SELECT kind, code, parent_code AS "parentCode", name_vi AS "nameVi", name_en AS "nameEn",
                 sort_order AS "sortOrder"
            FROM guidance_items WHERE year = ${year} AND kind IN ('theme', 'audience') ORDER BY sort_order, code`,
    );
    const strip = ({ kind: _kind, ...item }: CatalogItem & { kind: string }): CatalogItem => item;
    return {
      themes: rows.filter((r) => r.kind === 'theme').map(strip),
      audiences: rows.filter((r) => r.kind === 'audience').map(strip),
    };
  },

  /** The provinces in a subtree that existed at some time of the period, by code. */
  async provinces(tx: Executor, scopePath: string, from: string, to: string): Promise<CoverageUnitRow[]> {
    const { rows } = await tx.execute<CoverageUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units
           WHERE kind = 'province' AND path LIKE ${`${scopePath}%`}
             AND (active_from IS NULL OR active_from <= ${to}::date) AND (active_to IS NULL OR active_to >= ${from}::date)
           ORDER BY code`,
    );
    return rows;
  },

  /**
   * The records of a measure per theme and column in one grouped query: per audience code (axis audiences), or per
   * province of `provinces` whose subtree holds the record's unit (axis provinces). A record counts once per cell.
   */
  async counts(
    tx: Executor,
    measure: CoverageRecords,
    axis: TCoverageAxis,
    f: RecordFilter,
    provinces: readonly { id: string; path: string }[],
  ): Promise<CountRow[]> {
    const source = records(measure, f);
    let query: SQL;
    if (axis === 'audiences') {
      query = sql`SELECT t.theme, a.audience AS "column", count(DISTINCT r.id)::int AS count
        FROM (${source}) r CROSS JOIN LATERAL unnest(r.themes) AS t(theme)
        CROSS JOIN LATERAL unnest(r.audiences) AS a(audience)
        GROUP BY 1, 2`;
    } else {
      if (provinces.length === 0) return [];
      const columns = sql.join(
        provinces.map((c) => sql`(${c.id}::text, ${c.path}::text)`),
        sql`, `,
      );
      query = sql`SELECT t.theme, c.key AS "column", count(DISTINCT r.id)::int AS count
        FROM (${source}) r JOIN (VALUES ${columns}) AS c(key, path) ON r.unit_path LIKE c.path || '%'
        CROSS JOIN LATERAL unnest(r.themes) AS t(theme)
        GROUP BY 1, 2`;
    }
    const { rows } = await tx.execute<CountRow>(query);
    return rows.map((r) => ({ theme: r.theme, column: r.column, count: Number(r.count) }));
  },
};

export type CoverageRepository = typeof coverageRepository;
