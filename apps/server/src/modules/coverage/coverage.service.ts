import type { TCoverageAxis, TCoverageMeasure, TCoverageQuery, TGuidanceCoverage } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { MAX_PERIOD_YEARS, periodProblem } from '../dashboard/index.js';
import { buildMatrix, chooseGuidanceYear, leafItems, periodInstants, type CountRow } from './coverage-matrix.js';
import { coveragePolicy } from './coverage.policy.js';
import type { CoverageRepository, CoverageUnitRow } from './coverage.repository.js';

export interface CoverageDeps {
  db: Executor;
  repo: CoverageRepository;
}

export type CoverageService = ReturnType<typeof createCoverageService>;

const label = (item: { nameVi: string; nameEn: string }) => ({ vi: item.nameVi, en: item.nameEn });

export function createCoverageService(deps: CoverageDeps) {
  const { db, repo } = deps;

  /**
   * The columns of the provinces axis: the provinces of the scope that existed at some time of the period; a scope
   * with no province below it (a province, a district, a central unit) is its own single column.
   */
  async function provinceColumns(unit: CoverageUnitRow, from: string, to: string): Promise<CoverageUnitRow[]> {
    const provinces = await repo.provinces(db, unit.path, from, to);
    return provinces.length > 0 ? provinces : [unit];
  }

  /** The matrix of a unit's subtree for a period: one grouped query per measure, then the full matrix. */
  async function build(
    unit: CoverageUnitRow,
    from: string,
    to: string,
    axis: TCoverageAxis,
    measure: TCoverageMeasure,
  ): Promise<TGuidanceCoverage> {
    const endYear = Number(to.slice(0, 4));
    const year = chooseGuidanceYear(await repo.catalogYears(db), endYear);
    const catalog = year === null ? { themes: [], audiences: [] } : await repo.catalog(db, year);
    const themes = leafItems(catalog.themes);
    const provinces = axis === 'provinces' ? await provinceColumns(unit, from, to) : [];
    const columns =
      axis === 'audiences'
        ? leafItems(catalog.audiences).map((a) => ({ key: a.code, name: label(a) }))
        : provinces.map((p) => ({ key: p.id, name: { vi: p.name, en: p.name } }));
    const filter = { ...periodInstants(from, to), scopePath: unit.path };
    const none: Promise<CountRow[]> = Promise.resolve([]);
    const [products, publications, events] =
      themes.length === 0 || columns.length === 0
        ? [[], [], []]
        : await Promise.all([
            repo.counts(db, 'products', axis, filter, provinces),
            repo.counts(db, 'publications', axis, filter, provinces),
            // Events carry no guidance audiences: they count on the provinces axis only.
            axis === 'provinces' ? repo.counts(db, 'events', axis, filter, provinces) : none,
          ]);
    const matrix = buildMatrix(
      themes.map((t) => t.code),
      columns.map((c) => c.key),
      { products, publications, events },
      measure,
    );
    return {
      from,
      to,
      scope: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
      axis,
      measure,
      guidanceYear: year ?? endYear,
      themes: themes.map((t) => ({ code: t.code, name: label(t) })),
      columns,
      ...matrix,
    };
  }

  return {
    /**
     * The coverage matrix of the caller's scope (or a unit in it): 422 for a period that ends before it starts or is
     * longer than the dashboard allows, 404 for a unit outside the caller's subtree.
     */
    async getCoverage(actor: Actor, query: TCoverageQuery): Promise<TGuidanceCoverage> {
      const problem = periodProblem(query.from, query.to);
      if (problem) {
        const params = problem === 'validation.period_too_long' ? { params: { years: MAX_PERIOD_YEARS } } : {};
        throw new AppError('dashboard.invalid_period', {}, [{ field: 'to', code: problem, ...params }]);
      }
      const unitId = query.orgUnitId ?? actor.orgUnitId;
      const unit = unitId ? await repo.findUnit(db, unitId) : await repo.findRoot(db);
      if (!unit || !coveragePolicy.canSeeUnit(actor, unit.path)) throw notFound('org_unit');
      return build(unit, query.from, query.to, query.axis, query.measure);
    },

    /** For other modules (reports): a unit's coverage counting all three measures, no caller; null for no unit. */
    internal: {
      async compute(unitId: string, from: string, to: string, axis: TCoverageAxis): Promise<TGuidanceCoverage | null> {
        const unit = await repo.findUnit(db, unitId);
        return unit ? build(unit, from, to, axis, 'all') : null;
      },
    },
  };
}
