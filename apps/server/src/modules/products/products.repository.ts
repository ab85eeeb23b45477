// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified, which would bind to the inner table.
import { and, asc, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { TProductListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { preparedStatement } from '../../platform/db/prepared.js';
import { boundedCount, cappedTotal, COUNT_CAP, ordering, paging, SEARCH_COUNT_CAP } from '../../platform/db/paging.js';
import { products, productVersions } from './products.table.js';

const unitOf = (column: string) => sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = products.owner_unit_id)`);

const summaryColumns = {
  id: products.id,
  guidanceYear: products.guidanceYear,
  typeCode: products.typeCode,
  title: products.title,
  summary: products.summary,
  themeCodes: products.themeCodes,
  audienceCodes: products.audienceCodes,
  channelCodes: products.channelCodes,
  ownerUnitId: products.ownerUnitId,
  authors: products.authors,
  partnerOutlet: products.partnerOutlet,
  language: products.language,
  calendarItemId: products.calendarItemId,
  status: products.status,
  currentVersion: products.currentVersion,
  readyAt: products.readyAt,
  version: products.version,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  ownerUnitCode: sql<string>`${unitOf('code')}`,
  ownerUnitName: sql<string>`${unitOf('name')}`,
  ownerUnitPath: sql<string>`${unitOf('path')}`,
  calendarItemTitle: sql<string | null>`(SELECT c.title FROM calendar_items c WHERE c.id = products.calendar_item_id)`,
};

/** A product as lists show it (no body). */
export interface ProductSummaryRow {
  id: string;
  guidanceYear: number;
  typeCode: string;
  title: string;
  summary: string;
  themeCodes: string[];
  audienceCodes: string[];
  channelCodes: string[];
  ownerUnitId: string;
  authors: string[];
  partnerOutlet: string | null;
  language: string;
  calendarItemId: string | null;
  status: string;
  currentVersion: number;
  readyAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  ownerUnitCode: string;
  ownerUnitName: string;
  ownerUnitPath: string;
  calendarItemTitle: string | null;
}

export interface ProductRow extends ProductSummaryRow {
  body: string;
}

export type NewProductRow = Omit<
  typeof products.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version' | 'currentVersion' | 'status' | 'readyAt'
>;

export interface VersionRow {
  number: number;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface VersionDetailRow extends VersionRow {
  snapshot: unknown;
}

const SORTS = {
  updatedAt: { column: products.updatedAt },
  createdAt: { column: products.createdAt },
  title: { column: products.title, text: true },
  typeCode: { column: products.typeCode },
  status: { column: products.status },
  ownerUnit: { column: sql`(SELECT name FROM org_units o WHERE o.id = products.owner_unit_id)`, text: true },
};

/**
 * The units a list covers, as ids: the actor's scope, narrowed to a unit's subtree when the filter names one (an
 * empty list when that unit is outside the scope); null for the whole country ('/') unfiltered.
 */
async function unitIdsOf(tx: Executor, scopePath: string, unitId: string | undefined): Promise<string[] | null> {
  if (scopePath === '/' && !unitId) return null;
  const { rows } = await tx.execute<{ id: string }>(
    sql`SELECT id FROM org_units WHERE path LIKE ${`${scopePath}%`}
        ${unitId ? sql`AND path LIKE (SELECT path FROM org_units WHERE id = ${unitId}) || '%'` : sql``}`,
  );
  return rows.map((r) => r.id);
}

/**
 * The units given to PostgreSQL as values (decision 0053): the planner then knows how many — one district reads its
 * own rows in the list's order from a per-unit index; a province's units are estimated as the few percent of the
 * country they are.
 */
function inUnits(unitIds: string[] | null): SQL | undefined {
  if (unitIds === null) return undefined;
  if (unitIds.length === 1) return eq(products.ownerUnitId, unitIds[0]!);
  return sql`${products.ownerUnitId} = ANY (${sql.param(unitIds)}::uuid[])`;
}

/** A product opened by its id: planned once per connection. */
const productById = preparedStatement((tx) =>
  tx
    .select({ ...summaryColumns, body: products.body })
    .from(products)
    .where(eq(products.id, sql.placeholder('id')))
    .prepare('loa_product_by_id'),
);

/** The rows of a page whose ids are known, in any order: planned once per connection. */
const productsByIds = preparedStatement((tx) =>
  tx
    .select(summaryColumns)
    .from(products)
    .where(sql`${products.id} = ANY(${sql.placeholder('ids')}::uuid[])`)
    .prepare('loa_products_by_ids'),
);

/** The columns a list's order reads besides the id and the owner unit (whose name orders by unit). */
const ORDER_COLUMNS = {
  updatedAt: products.updatedAt,
  createdAt: products.createdAt,
  title: products.title,
  typeCode: products.typeCode,
  status: products.status,
};

/**
 * The ids of one page, in the list's order, read from the indexes alone where they can be (decision 0054): a search
 * reads the searched text from the list-order indexes (migration 0043) instead of visiting every product, and a scope
 * of several units (a province and its districts) merges each unit's first `offset + limit` matches, read in the
 * list's order from its own index — PostgreSQL cannot read `owner_unit_id = ANY(…)` in another column's order, so it
 * would otherwise fetch and sort every product of the province for twenty of them. `where` holds the filters without
 * the scope.
 */
async function pageIds(
  tx: Executor,
  unitIds: string[] | null,
  where: SQL | undefined,
  sort: string | undefined,
  order: SQL[],
  limit: number,
  offset: number,
): Promise<string[]> {
  const name = (sort ?? '-updatedAt').replace(/^-/, '');
  const key = Object.hasOwn(ORDER_COLUMNS, name) ? ORDER_COLUMNS[name as keyof typeof ORDER_COLUMNS] : undefined;
  const columns = { id: products.id, ownerUnitId: products.ownerUnitId, ...(key ? { key } : {}) };
  if (unitIds === null) {
    const rows = await tx
      .select(columns)
      .from(products)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
    return rows.map((row) => row.id);
  }
  const perUnit = tx
    .select(columns)
    .from(products)
    .where(and(sql`${products.ownerUnitId} = u.unit_id`, where))
    .orderBy(...order)
    .limit(offset + limit);
  // The merged rows are named "products" too, so that the list's ORDER BY reads the same columns outside.
  const { rows } = await tx.execute<{ id: string }>(
    sql`SELECT products.id FROM unnest(${sql.param(unitIds)}::uuid[]) AS u(unit_id)
        CROSS JOIN LATERAL (${perUnit}) AS products
        ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${offset}`,
  );
  return rows.map((row) => row.id);
}

/**
 * How many products of the units match a search, up to `cap` (decision 0054): each unit's index entries are compared
 * in turn. Given the units as a set, PostgreSQL multiplies the words' guessed selectivities, expects a handful of
 * matches and intersects the country's trigram bitmap of every word with the scope, which costs more than reading the
 * whole province's entries.
 */
async function countAcrossUnits(
  tx: Executor,
  unitIds: string[],
  where: SQL | undefined,
  cap: number,
): Promise<{ total: number; totalCapped: boolean }> {
  const perUnit = tx
    .select({ one: sql`1` })
    .from(products)
    .where(and(sql`${products.ownerUnitId} = u.unit_id`, where))
    .limit(cap + 1);
  const { rows } = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM unnest(${sql.param(unitIds)}::uuid[]) AS u(unit_id)
        CROSS JOIN LATERAL (${perUnit}) AS products LIMIT ${cap + 1}) AS matches`,
  );
  return cappedTotal(rows[0]?.n ?? 0, cap);
}

/**
 * Index entries a search of the whole country reads, newest change first, before it turns to the trigram index
 * (decision 0056). A word common enough to match one product in a few hundred fills a page within them; PostgreSQL,
 * which cannot tell how common a word is, would build the trigram bitmap of every match (a fifth of the country for
 * "bhyt") and sort them all for twenty.
 */
export const SEARCH_WALK = 20_000;

/** The newest `SEARCH_WALK` entries of the country's default-order index, named "products" for the filters. */
const newestEntries = (columns: SQL) =>
  sql`(SELECT ${columns} FROM products ORDER BY updated_at DESC NULLS LAST, id LIMIT ${SEARCH_WALK}) AS products`;

/** A search of the country in the default order, with no other filter: the case the walk answers. */
function walksNewest(query: TProductListQuery, unitIds: string[] | null): boolean {
  const { q, typeCode, themeCode, audienceCode, channelCode, status, from, to } = query;
  const others = [typeCode, themeCode, audienceCode, channelCode, status, from, to];
  return Boolean(q) && unitIds === null && (query.sort ?? '-updatedAt') === '-updatedAt' && others.every((f) => !f);
}

/** The page's ids when the newest entries hold it; null when the trigram index must answer. */
async function pageOfNewest(tx: Executor, where: SQL | undefined, limit: number, offset: number) {
  const { rows } = await tx.execute<{ id: string }>(
    sql`SELECT products.id FROM ${newestEntries(sql`id, updated_at, search_text`)} WHERE ${where}
        ORDER BY products.updated_at DESC NULLS LAST, products.id LIMIT ${limit + offset}`,
  );
  return rows.length === limit + offset ? rows.slice(offset).map((row) => row.id) : null;
}

/** The capped total when the newest entries already pass the cap; null when the trigram index must count. */
async function countOfNewest(tx: Executor, where: SQL | undefined, cap: number) {
  const { rows } = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${newestEntries(sql`search_text`)} WHERE ${where}
        LIMIT ${cap + 1}) AS matches`,
  );
  return (rows[0]?.n ?? 0) > cap ? cappedTotal(cap + 1, cap) : null;
}

const vnDay = (column: SQLWrapper) => sql`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

function filters(query: TProductListQuery, unitIds: string[] | null): SQL | undefined {
  return and(
    inUnits(unitIds),
    matchesSearch(query.q, products.searchText),
    query.typeCode ? eq(products.typeCode, query.typeCode) : undefined,
    query.themeCode ? sql`${query.themeCode} = ANY(${products.themeCodes})` : undefined,
    query.audienceCode ? sql`${query.audienceCode} = ANY(${products.audienceCodes})` : undefined,
    query.channelCode ? sql`${query.channelCode} = ANY(${products.channelCodes})` : undefined,
    query.status ? eq(products.status, query.status) : undefined,
    // The period holds a product created or changed within it.
    query.from ? sql`${vnDay(products.updatedAt)} >= ${query.from}::date` : undefined,
    query.to ? sql`${vnDay(products.createdAt)} <= ${query.to}::date` : undefined,
  );
}

export const productsRepository = {
  /**
   * One page of the products of a subtree matching the filters, and how many match, counted up to COUNT_CAP; every
   * match when `all` (for export).
   */
  async list(
    tx: Executor,
    query: TProductListQuery,
    scopePath: string,
    all = false,
  ): Promise<{ rows: ProductSummaryRow[]; total: number; totalCapped: boolean }> {
    const unitIds = await unitIdsOf(tx, scopePath, query.unitId);
    const where = filters(query, unitIds);
    const { limit, offset } = paging(query);
    const order = ordering(query.sort, SORTS, '-updatedAt', products.id);
    const base = tx.select(summaryColumns).from(products);
    if (all) {
      // An export writes every match and needs no separate count.
      const rows = await base
        .where(where)
        .orderBy(...order)
        .limit(100_000);
      return { rows, total: rows.length, totalCapped: false };
    }
    // The filters without the scope, for the statements that go unit by unit.
    const unitFilters = filters(query, null);
    const walk = walksNewest(query, unitIds);
    const count =
      query.q && unitIds
        ? await countAcrossUnits(tx, unitIds, unitFilters, SEARCH_COUNT_CAP)
        : ((walk ? await countOfNewest(tx, where, SEARCH_COUNT_CAP) : null) ??
          (await boundedCount(tx, products, where, query.q ? SEARCH_COUNT_CAP : COUNT_CAP)));
    if (query.q || (unitIds && unitIds.length > 1)) {
      const ids =
        (walk ? await pageOfNewest(tx, where, limit, offset) : null) ??
        (await pageIds(tx, unitIds, unitFilters, query.sort, order, limit, offset));
      const rows = ids.length === 0 ? [] : await productsByIds(tx, { ids });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return { rows: ids.flatMap((id) => byId.get(id) ?? []), ...count };
    }
    return {
      rows: await base
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
      ...count,
    };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<ProductRow | null> {
    const [row] = lock
      ? await tx
          .select({ ...summaryColumns, body: products.body })
          .from(products)
          .where(eq(products.id, id))
          .for('update', { of: products })
      : await productById(tx, { id });
    return row ?? null;
  },

  async insert(tx: Executor, values: NewProductRow): Promise<string> {
    const [row] = await tx.insert(products).values(values).returning({ id: products.id });
    return row!.id;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(
    tx: Executor,
    id: string,
    version: number,
    values: Partial<NewProductRow> & { status?: string; currentVersion?: number; readyAt?: Date | null },
  ): Promise<boolean> {
    const updated = await tx
      .update(products)
      .set({ ...values, version: sql`${products.version} + 1`, updatedAt: new Date() })
      .where(and(eq(products.id, id), eq(products.version, version)))
      .returning({ id: products.id });
    return updated.length === 1;
  },

  async insertVersion(
    tx: Executor,
    values: { productId: string; number: number; snapshot: unknown; note: string | null; createdBy: string | null },
  ): Promise<void> {
    await tx.insert(productVersions).values(values);
  },

  /** A product's versions, newest first. */
  async listVersions(tx: Executor, productId: string): Promise<VersionRow[]> {
    return tx
      .select({
        number: productVersions.number,
        note: productVersions.note,
        createdAt: productVersions.createdAt,
        createdBy: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = product_versions.created_by)`,
      })
      .from(productVersions)
      .where(eq(productVersions.productId, productId))
      .orderBy(desc(productVersions.number));
  },

  async findVersions(tx: Executor, productId: string, numbers: number[]): Promise<VersionDetailRow[]> {
    return tx
      .select({
        number: productVersions.number,
        note: productVersions.note,
        createdAt: productVersions.createdAt,
        createdBy: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = product_versions.created_by)`,
        snapshot: productVersions.snapshot,
      })
      .from(productVersions)
      .where(and(eq(productVersions.productId, productId), inArray(productVersions.number, numbers)))
      .orderBy(asc(productVersions.number));
  },

  /** The codes of a guidance year by kind, or null when there is no guidance for that year. */
  async guidanceCodes(tx: Executor, year: number): Promise<Map<string, Set<string>> | null> {
    const { rows: years } = await tx.execute<{ year: number }>(
      sql`SELECT year FROM guidance_years WHERE year = ${year}`,
    );
    if (years.length === 0) return null;
    const { rows } = await tx.execute<{ kind: string; code: string }>(
      sql`SELECT kind, code FROM guidance_items WHERE year = ${year}`,
    );
    const byKind = new Map<string, Set<string>>();
    for (const row of rows) byKind.set(row.kind, (byKind.get(row.kind) ?? new Set()).add(row.code));
    return byKind;
  },

  /**
   * Plan progress of `products` (registered with the plans module): products created in the period (Vietnam days)
   * by each unit's subtree, whatever their status — the dashboard's definition (decision 0041); a theme or audience
   * counts the products naming it.
   */
  async progress(
    tx: Executor,
    query: {
      from: string;
      to: string;
      themeCode: string | null;
      audienceCode: string | null;
      units: readonly { id: string; path: string }[];
    },
  ): Promise<Map<string, number>> {
    if (query.units.length === 0) return new Map();
    const { rows } = await tx.execute<{ id: string; value: string }>(sql`
      SELECT u.id, count(p.id)::text AS value
      FROM unnest(${sql.param(query.units.map((u) => u.id))}::uuid[], ${sql.param(query.units.map((u) => u.path))}::text[])
        AS u(id, path)
      LEFT JOIN (products p JOIN org_units o ON o.id = p.owner_unit_id
                 CROSS JOIN LATERAL unnest(string_to_array(o.path, '/')) AS a(unit_id))
        ON a.unit_id = u.id::text
        AND p.created_at >= (${query.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        AND p.created_at < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
        ${query.themeCode ? sql`AND ${query.themeCode} = ANY (p.theme_codes)` : sql``}
        ${query.audienceCode ? sql`AND ${query.audienceCode} = ANY (p.audience_codes)` : sql``}
      GROUP BY u.id`);
    return new Map(rows.map((r) => [r.id, Number(r.value)]));
  },
};

export type ProductsRepository = typeof productsRepository;
