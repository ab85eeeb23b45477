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
import {
  DAY_CELL_DEPTH,
  depthOf,
  monthOf,
  planPeriod,
  ROLLED_FIGURES,
  type PeriodPlan,
} from './dashboard-rollup-plan.js';
import type { DashboardRollupsRepository } from './dashboard-rollups.repository.js';
import type { SourceScope, SourceWindow } from './dashboard-sources.repository.js';

export interface DashboardDeps {
  db: Executor;
  repo: DashboardRepository;
  /** Read whole months from the rollups (decision 0042); without it every figure is aggregated directly. */
  rollups?: DashboardRollupsRepository | undefined;
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
  const { db, repo, rollups } = deps;
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
    return windowsOf(unit, query.from, query.to);
  }

  /** The windows (the period and the same dates a year earlier) and the scope of a unit's dashboard. */
  function windowsOf(unit: DashboardUnitRow, from: string, to: string) {
    const at = now();
    const before = previousYear(from, to);
    const current: SourceWindow = { ...periodWindow(from, to), asOf: at };
    const previous: SourceWindow = { ...periodWindow(before.from, before.to), asOf: yearEarlier(at) };
    const scope: SourceScope = { path: unit.path, root: isRoot(unit.path) };
    return { unit, scope, current, previous };
  }

  /** Every figure of the period and scope against the same dates a year earlier, with breakdowns, months, children. */
  async function build(
    { unit, scope, current, previous }: ReturnType<typeof windowsOf>,
    query: { from: string; to: string },
  ): Promise<TDashboard> {
    const [children, status] = await Promise.all([
      repo.children(db, unit.id, query.from, query.to),
      rollups?.status(db, scope.path, monthOf(previous.from), monthOf(current.to)),
    ]);
    // The rollups' plan for a rolled figure (whole clean months from them, clean edge months from the day cells when
    // the units read — of `depth` — have them, the rest directly), or null: direct.
    const planOf = (figure: TDashboardFigure, w: SourceWindow, depth: number): PeriodPlan | null => {
      const source = ROLLED_FIGURES[figure];
      if (!rollups || !status?.usable || !source) return null;
      return planPeriod(w.from, w.to, status.dirty.get(source) ?? new Set(), depth <= DAY_CELL_DEPTH);
    };
    const depth = depthOf(unit.path);
    const byKey = (figure: TDashboardFigure, w: SourceWindow) => {
      const plan = planOf(figure, w, depth);
      return plan ? rollups!.byKey(db, figure, plan, unit.id, scope, w.asOf) : repo.byKey(db, figure, w, scope);
    };
    const byMonth = (figure: TDashboardFigure) => {
      const plan = planOf(figure, current, depth);
      return plan
        ? rollups!.byMonth(db, figure, plan, unit.id, scope, current.asOf)
        : repo.byMonth(db, figure, current, scope);
    };
    const byChild = (figure: TDashboardFigure) => {
      const plan = planOf(figure, current, depth + 1);
      return plan
        ? rollups!.byChild(db, figure, plan, scope, children, current.asOf)
        : repo.byChild(db, figure, current, scope, children);
    };
    const [totals, months, childValues] = await Promise.all([
      Promise.all(
        DASHBOARD_FIGURES.map(async (figure) => {
          const [inPeriod, yearBefore] = await Promise.all([byKey(figure, current), byKey(figure, previous)]);
          return { figure, keys: inPeriod, value: sumOf(inPeriod), previous: sumOf(yearBefore) };
        }),
      ),
      Promise.all(MONTH_FIGURES.map(byMonth)),
      Promise.all(DASHBOARD_FIGURES.map(byChild)),
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
    /** The dashboard of the caller's scope (or a unit in it): 422 for a bad period, 404 for a unit outside it. */
    async getDashboard(actor: Actor, query: TDashboardQuery): Promise<TDashboard> {
      return build(await prepare(actor, query), query);
    },

    /** For other modules (reports): the dashboard of a unit, no caller — they checked the scope; null for no unit. */
    internal: {
      async compute(unitId: string, from: string, to: string): Promise<TDashboard | null> {
        const unit = await repo.findUnit(db, unitId);
        return unit ? build(windowsOf(unit, from, to), { from, to }) : null;
      },
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
