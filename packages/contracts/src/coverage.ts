// Guidance coverage (issue 9 §3): which themes of the guidance (II.1.a … II.2.c) reached which audiences (I.1 … I.5)
// or which provinces in a period, from the products, publications and events tagged with them — so a gap like
// "no province has addressed II.2.a this quarter" is visible (decision 0044).
import { z } from 'zod';
import { ZId } from './common.js';

export const COVERAGE_AXES = ['audiences', 'provinces'] as const;
export const ZCoverageAxis = z.enum(COVERAGE_AXES);
export type TCoverageAxis = z.infer<typeof ZCoverageAxis>;

/** What is counted in a cell: products made, publications of them, direct events held — or all three. */
export const COVERAGE_MEASURES = ['all', 'products', 'publications', 'events'] as const;
export const ZCoverageMeasure = z.enum(COVERAGE_MEASURES);
export type TCoverageMeasure = z.infer<typeof ZCoverageMeasure>;

export const ZCoverageQuery = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Defaults to the caller's unit; outside the caller's scope → 404. */
  orgUnitId: ZId.optional(),
  axis: ZCoverageAxis.default('audiences'),
  measure: ZCoverageMeasure.default('all'),
});
export type TCoverageQuery = z.infer<typeof ZCoverageQuery>;

const label = z.object({ vi: z.string(), en: z.string() });

export const ZGuidanceCoverage = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  scope: z.object({ id: ZId, code: z.string(), name: z.string(), kind: z.string() }),
  axis: ZCoverageAxis,
  measure: ZCoverageMeasure,
  /** The guidance year whose catalog names the themes and audiences (the newest not after the period's end). */
  guidanceYear: z.number().int(),
  /** Rows: the guidance themes (leaf clauses, in the guidance's order). */
  themes: z.array(z.object({ code: z.string(), name: label })),
  /** Columns: the audiences (axis audiences) or the provinces of the scope (axis provinces; id = org unit id). */
  columns: z.array(z.object({ key: z.string(), name: label })),
  /** Every row × column, zeros included, with the counts behind `value`. */
  cells: z.array(
    z.object({
      theme: z.string(),
      column: z.string(),
      products: z.number().int(),
      publications: z.number().int(),
      events: z.number().int(),
      /** What the heatmap colours: the chosen measure (all = the sum of the three). */
      value: z.number().int(),
    }),
  ),
  /** Themes no column addressed in the period (value 0 everywhere). */
  uncoveredThemes: z.array(z.string()),
});
export type TGuidanceCoverage = z.infer<typeof ZGuidanceCoverage>;
