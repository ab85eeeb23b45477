// What each dashboard figure counts, as one row per record behind it: the tables of other modules are read here with
// raw SQL (never through their table files), so the definitions of decision 0041 sit in one place. Every source
// filters on its indexed time column and on the scope's subtree first; the aggregations of dashboard.repository.ts
// then sum the rows for the scope, per key, per month or per child unit, and the drill lists them.
import { sql, type SQL } from 'drizzle-orm';
import type { TDashboardFigure } from '@loa/contracts';

/** The period of one aggregation, as days, instants and fiscal years. */
export interface SourceWindow {
  from: string;
  to: string;
  /** First instant of `from` in Vietnam. */
  start: Date;
  /** First instant of the day after `to` in Vietnam (exclusive). */
  end: Date;
  fromYear: number;
  toYear: number;
  /** When "still open" is read: now for the period asked, one year earlier for the comparison. */
  asOf: Date;
}

/** The org scope a source pre-filters on: the unit's subtree (`path` prefix); the root sees everything. */
export interface SourceScope {
  path: string;
  root: boolean;
}

/**
 * How a row is attributed to a unit (its subtree pattern `like`, i.e. `path || '%'`):
 * - `unit`: the record's unit lies in the subtree;
 * - `received`: an allocation into the subtree from outside it (from the source or from a unit outside);
 * - `press`: an article whose source covers (area) or belongs to (org unit) a unit of the subtree; the root takes all.
 */
type Attribution = 'unit' | 'received' | 'press';

interface Source {
  attribution: Attribution;
  /**
   * Columns: id uuid, title text, at timestamptz (newest first), day date (Vietnam), key text (breakdown), value
   * bigint, unit_id uuid (shown in the drill), unit_path / alt_path / from_path text (attribution), ref text and
   * ref_year int (what the record's link needs).
   */
  rows(w: SourceWindow, scope: SourceScope): SQL;
}

const TZ = sql.raw(`'Asia/Ho_Chi_Minh'`);
const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const under = (scope: SourceScope) => `${scope.path}%`;
const inPeriod = (column: SQL, w: SourceWindow) =>
  sql`${column} >= ${instant(w.start)} AND ${column} < ${instant(w.end)}`;
const dayOf = (column: SQL) => sql`(${column} AT TIME ZONE ${TZ})::date`;
const startOfDay = (column: SQL) => sql`(${column}::timestamp AT TIME ZONE ${TZ})`;

function products(w: SourceWindow, scope: SourceScope): SQL {
  return sql`SELECT p.id, p.title, p.created_at AS at, ${dayOf(sql`p.created_at`)} AS day, p.type_code AS key,
      1::bigint AS value, u.id AS unit_id, u.path AS unit_path, NULL::text AS alt_path, NULL::text AS from_path,
      NULL::text AS ref, NULL::int AS ref_year
    FROM products p JOIN org_units u ON u.id = p.owner_unit_id
    WHERE ${inPeriod(sql`p.created_at`, w)} AND u.path LIKE ${under(scope)}`;
}

/** Publications in the period; `value` is 1, or their reach (latest views and listeners). */
function publications(value: 'count' | 'reach') {
  const amount =
    value === 'count'
      ? sql`1::bigint`
      : sql`(SELECT coalesce(sum(m.value), 0) FROM (
           SELECT DISTINCT ON (metric) value FROM publication_metrics m
            WHERE m.publication_id = pb.id AND m.metric IN ('views', 'listeners') ORDER BY metric, read_on DESC) m)::bigint`;
  return (w: SourceWindow, scope: SourceScope): SQL =>
    sql`SELECT pb.id, pr.title || ' — ' || pb.outlet AS title, pb.published_at AS at,
        ${dayOf(sql`pb.published_at`)} AS day, pb.channel AS key, ${amount} AS value, u.id AS unit_id,
        u.path AS unit_path, NULL::text AS alt_path, NULL::text AS from_path, pb.product_id::text AS ref,
        NULL::int AS ref_year
      FROM publications pb JOIN products pr ON pr.id = pb.product_id JOIN org_units u ON u.id = pb.org_unit_id
      WHERE ${inPeriod(sql`pb.published_at`, w)} AND u.path LIKE ${under(scope)}`;
}

/** Events starting in the period: held or reported ones count and bring attendance; results count once reported. */
function events(value: 'count' | 'attendance' | 'new_voluntary' | 'new_household_bhyt') {
  const amount = {
    count: sql`1::bigint`,
    attendance: sql`(e.extra_attendance + (SELECT count(*) FROM event_check_ins c WHERE c.event_id = e.id))::bigint`,
    new_voluntary: sql`e.new_voluntary::bigint`,
    new_household_bhyt: sql`e.new_household_bhyt::bigint`,
  }[value];
  const statuses = value === 'count' || value === 'attendance' ? sql`('held', 'reported')` : sql`('reported')`;
  return (w: SourceWindow, scope: SourceScope): SQL =>
    sql`SELECT e.id, e.title, e.starts_at AS at, ${dayOf(sql`e.starts_at`)} AS day, e.kind AS key, ${amount} AS value,
        u.id AS unit_id, u.path AS unit_path, NULL::text AS alt_path, NULL::text AS from_path, NULL::text AS ref,
        NULL::int AS ref_year
      FROM events e JOIN org_units u ON u.id = e.org_unit_id
      WHERE ${inPeriod(sql`e.starts_at`, w)} AND e.status IN ${statuses} AND u.path LIKE ${under(scope)}`;
}

/** Allocations of the fiscal years the period overlaps into the scope's subtree (reversals negative). */
function allocations(w: SourceWindow, scope: SourceScope): SQL {
  return sql`SELECT a.id, a.decision_no || coalesce(' — ' || a.note, '') AS title, ${startOfDay(sql`a.decided_on`)} AS at,
      a.decided_on AS day, a.category AS key, a.amount AS value, u.id AS unit_id, u.path AS unit_path,
      NULL::text AS alt_path, f.path AS from_path, a.decision_no AS ref, a.fiscal_year AS ref_year
    FROM budget_allocations a JOIN org_units u ON u.id = a.to_unit_id LEFT JOIN org_units f ON f.id = a.from_unit_id
    WHERE a.fiscal_year BETWEEN ${w.fromYear} AND ${w.toYear} AND u.path LIKE ${under(scope)}`;
}

/** Expenditures dated in the period, reversals (negative, dated the day of the reversal) included. */
function expenditures(w: SourceWindow, scope: SourceScope): SQL {
  return sql`SELECT x.id, x.voucher_no || ' — ' || x.description AS title, ${startOfDay(sql`x.spent_on`)} AS at,
      x.spent_on AS day, x.category AS key, x.amount AS value, u.id AS unit_id, u.path AS unit_path,
      NULL::text AS alt_path, NULL::text AS from_path, NULL::text AS ref, NULL::int AS ref_year
    FROM budget_expenditures x JOIN org_units u ON u.id = x.unit_id
    WHERE x.spent_on BETWEEN ${w.from}::date AND ${w.to}::date AND u.path LIKE ${under(scope)}`;
}

/** Articles about the agency (core or peripheral) of the period; for a scope below the root, by their source. */
function press(negativeOnly: boolean) {
  return (w: SourceWindow, scope: SourceScope): SQL =>
    sql`SELECT a.id, a.title, a.sort_at AS at, ${dayOf(sql`a.sort_at`)} AS day, a.sentiment AS key, 1::bigint AS value,
        coalesce(au.id, su.id) AS unit_id, au.path AS unit_path, su.path AS alt_path, NULL::text AS from_path,
        NULL::text AS ref, NULL::int AS ref_year
      FROM monitoring_articles a
      LEFT JOIN monitoring_sources s ON s.id = a.source_id
      LEFT JOIN org_units au ON au.id = s.area_unit_id
      LEFT JOIN org_units su ON su.id = s.org_unit_id
      WHERE a.relevance_level IN ('core', 'peripheral') AND ${inPeriod(sql`a.sort_at`, w)}
        ${negativeOnly ? sql`AND a.sentiment = 'negative'` : sql``}
        ${scope.root ? sql`` : sql`AND (au.path LIKE ${under(scope)} OR su.path LIKE ${under(scope)})`}`;
}

/** Incidents opened in the period, or open at `asOf` (opened by then and not closed by then). */
function incidents(which: 'opened' | 'open') {
  return (w: SourceWindow, scope: SourceScope): SQL => {
    const when =
      which === 'opened'
        ? inPeriod(sql`i.opened_at`, w)
        : sql`i.opened_at <= ${instant(w.asOf)} AND (i.closed_at IS NULL OR i.closed_at > ${instant(w.asOf)})`;
    return sql`SELECT i.id, i.code || ' — ' || i.title AS title, i.opened_at AS at, ${dayOf(sql`i.opened_at`)} AS day,
        i.severity AS key, 1::bigint AS value, u.id AS unit_id, u.path AS unit_path, NULL::text AS alt_path,
        NULL::text AS from_path, NULL::text AS ref, NULL::int AS ref_year
      FROM incidents i JOIN org_units u ON u.id = i.owning_unit_id
      WHERE ${when} AND u.path LIKE ${under(scope)}`;
  };
}

export const SOURCES: Record<TDashboardFigure, Source> = {
  products: { attribution: 'unit', rows: products },
  publications: { attribution: 'unit', rows: publications('count') },
  reach: { attribution: 'unit', rows: publications('reach') },
  events: { attribution: 'unit', rows: events('count') },
  attendance: { attribution: 'unit', rows: events('attendance') },
  newVoluntary: { attribution: 'unit', rows: events('new_voluntary') },
  newHousehold: { attribution: 'unit', rows: events('new_household_bhyt') },
  budgetAllocated: { attribution: 'received', rows: allocations },
  budgetSpent: { attribution: 'unit', rows: expenditures },
  pressArticles: { attribution: 'press', rows: press(false) },
  pressNegative: { attribution: 'press', rows: press(true) },
  incidentsOpened: { attribution: 'unit', rows: incidents('opened') },
  incidentsOpen: { attribution: 'unit', rows: incidents('open') },
};

/** The condition that a source row `b` belongs to the subtree whose `LIKE` pattern is `like` (root: whole tree). */
export function attributed(figure: TDashboardFigure, like: SQL, root: boolean): SQL {
  switch (SOURCES[figure].attribution) {
    case 'unit':
      return sql`b.unit_path LIKE ${like}`;
    case 'received':
      return sql`b.unit_path LIKE ${like} AND (b.from_path IS NULL OR b.from_path NOT LIKE ${like})`;
    case 'press':
      return root ? sql`TRUE` : sql`(b.unit_path LIKE ${like} OR b.alt_path LIKE ${like})`;
  }
}
