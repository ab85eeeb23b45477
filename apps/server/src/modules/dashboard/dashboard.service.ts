import {
  DASHBOARD_FIGURES,
  type TDashboard,
  type TDashboardFigure,
  type TDashboardQuery,
  type TDrillQuery,
  type TDrillRecord,
  type TPage,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { breakdown, sumOf, toDrillRecord } from './dashboard-figures.js';
import {
  MAX_PERIOD_YEARS,
  monthsOf,
  periodProblem,
  periodWindow,
  previousYear,
  yearEarlier,
} from './dashboard-period.js';
import { dashboardPolicy } from './dashboard.policy.js';
import type { DashboardRepository, DashboardUnitRow, DrillCursor } from './dashboard.repository.js';
import type { SourceScope, SourceWindow } from './dashboard-sources.repository.js';

export interface DashboardDeps {
  db: Executor;
  repo: DashboardRepository;
  /** The instant "still open" is read at; the clock unless a test fixes it. */
  now?: () => Date;
}

/** The drill export reads this many records per query. */
const EXPORT_CHUNK = 1000;
const MONTH_FIGURES = ['products', 'publications', 'events', 'attendance', 'budgetSpent'] as const;

const unitRef = (unit: DashboardUnitRow) => ({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind });
const isRoot = (path: string) => path.split('/').filter(Boolean).length === 1;

export type DashboardService = ReturnType<typeof createDashboardService>;

export function createDashboardService(deps: DashboardDeps) {
  const { db, repo } = deps;
  const now = deps.now ?? (() => new Date());

  /** The checked period and scope of a request: 422 for a bad period, 404 for a unit outside the caller's scope. */
  async function prepare(actor: Actor, query: TDashboardQuery) {
    dashboardPolicy.assertCanRead(actor);
    const problem = periodProblem(query.from, query.to);
    if (problem) {
      const params = problem === 'validation.period_too_long' ? { params: { years: MAX_PERIOD_YEARS } } : {};
      throw new AppError('dashboard.invalid_period', {}, [{ field: 'to', code: problem, ...params }]);
    }
    const unitId = query.orgUnitId ?? actor.orgUnitId;
    const unit = unitId ? await repo.findUnit(db, unitId) : await repo.findRoot(db);
    if (!unit || !dashboardPolicy.canSeeUnit(actor, unit.path)) throw notFound('org_unit');
    const at = now();
    const before = previousYear(query.from, query.to);
    const current: SourceWindow = { ...periodWindow(query.from, query.to), asOf: at };
    const previous: SourceWindow = { ...periodWindow(before.from, before.to), asOf: yearEarlier(at) };
    const scope: SourceScope = { path: unit.path, root: isRoot(unit.path) };
    return { unit, scope, current, previous };
  }

  async function drillRows(
    figure: TDashboardFigure,
    window: SourceWindow,
    scope: SourceScope,
    page: { limit: number; offset?: number; after?: DrillCursor | null },
  ) {
    return repo.drill(db, figure, window, scope, page);
  }

  return {
    /** Every figure of the period and scope against the same dates a year earlier, with breakdowns, months, children. */
    async getDashboard(actor: Actor, query: TDashboardQuery): Promise<TDashboard> {
      const { unit, scope, current, previous } = await prepare(actor, query);
      const children = await repo.children(db, unit.id, query.from, query.to);
      const [totals, months, childValues] = await Promise.all([
        Promise.all(
          DASHBOARD_FIGURES.map(async (figure) => {
            const [inPeriod, yearBefore] = await Promise.all([
              repo.byKey(db, figure, current, scope),
              repo.byKey(db, figure, previous, scope),
            ]);
            return { figure, keys: inPeriod, value: sumOf(inPeriod), previous: sumOf(yearBefore) };
          }),
        ),
        Promise.all(MONTH_FIGURES.map((figure) => repo.byMonth(db, figure, current, scope))),
        Promise.all(DASHBOARD_FIGURES.map((figure) => repo.byChild(db, figure, current, scope, children))),
      ]);
      const keysOf = (figure: TDashboardFigure) => totals.find((t) => t.figure === figure)?.keys ?? [];
      const productTypes = keysOf('products').map((row) => row.key);
      const typeLabels = await repo.productTypeLabels(db, productTypes);
      const [products, publications, events, attendance, spent] = months;
      return {
        from: query.from,
        to: query.to,
        scope: unitRef(unit),
        figures: totals.map(({ figure, value, previous: before }) => ({ figure, value, previous: before })),
        breakdowns: {
          productsByType: breakdown('products', keysOf('products'), typeLabels),
          publicationsByChannel: breakdown('publications', keysOf('publications')),
          eventsByKind: breakdown('events', keysOf('events')),
          pressBySentiment: breakdown('pressArticles', keysOf('pressArticles')),
          spentByCategory: breakdown('budgetSpent', keysOf('budgetSpent')),
        },
        months: monthsOf(query.from, query.to).map((month) => ({
          month,
          products: products?.get(month) ?? 0,
          publications: publications?.get(month) ?? 0,
          events: events?.get(month) ?? 0,
          attendance: attendance?.get(month) ?? 0,
          spent: spent?.get(month) ?? 0,
        })),
        children: children.map((child) => ({
          unit: unitRef(child),
          values: Object.fromEntries(
            DASHBOARD_FIGURES.map((figure, index) => [figure, childValues[index]?.get(child.id) ?? 0]),
          ) as Record<TDashboardFigure, number>,
        })),
      };
    },

    /** A page of the records behind one figure (those that add to it), newest first; their values sum to it. */
    async drill(actor: Actor, query: TDrillQuery): Promise<TPage<TDrillRecord>> {
      const { scope, current } = await prepare(actor, query);
      const offset = (query.page - 1) * query.pageSize;
      const [rows, total] = await Promise.all([
        drillRows(query.figure, current, scope, { limit: query.pageSize, offset }),
        repo.drillTotal(db, query.figure, current, scope),
      ]);
      return { items: rows.map((row) => toDrillRecord(query.figure, row)), total: total.count };
    },

    /**
     * Every record behind one figure, in chunks, for the streamed export. The period and scope are checked before
     * anything is returned, so a bad request fails before the file starts.
     */
    async drillChunks(actor: Actor, query: TDashboardQuery & { figure: TDashboardFigure }) {
      const { scope, current } = await prepare(actor, query);
      return {
        async *[Symbol.asyncIterator](): AsyncGenerator<TDrillRecord[]> {
          let after: DrillCursor | null = null;
          for (;;) {
            const rows = await drillRows(query.figure, current, scope, { limit: EXPORT_CHUNK, after });
            if (rows.length > 0) yield rows.map((row) => toDrillRecord(query.figure, row));
            if (rows.length < EXPORT_CHUNK) return;
            const last = rows[rows.length - 1]!;
            after = { atKey: last.atKey, id: last.id };
          }
        },
      };
    },
  };
}
