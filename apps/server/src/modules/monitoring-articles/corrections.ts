// What an officer's correction changes: only the fields whose value differs are recorded, each with its before and
// after, and the columns to write follow from them.
import {
  MONITORING_FLAGS,
  type MonitoringFlag,
  type OwningUnit,
  type RelevanceLevel,
  type TArticleSentiment,
  type TClassification,
  type TCorrectArticleRequest,
} from '@loa/contracts';

export type CorrectionField = 'relevance' | 'sentiment' | 'flags' | 'unit';

export interface FieldChange {
  field: CorrectionField;
  before: unknown;
  after: unknown;
}

export interface CorrectionPlan {
  changes: FieldChange[];
  columns: {
    relevanceLevel?: RelevanceLevel;
    relevanceScore?: number;
    sentiment?: TArticleSentiment;
    flags?: MonitoringFlag[];
    unit?: OwningUnit;
  };
}

/**
 * An officer's relevance is a certainty, not a guess: the score becomes 1 for core and peripheral (relevant) and 0 for
 * unrelated, so sorting by relevance puts corrected articles at the ends of their level.
 */
export function correctedScore(level: RelevanceLevel): number {
  return level === 'unrelated' ? 0 : 1;
}

/** Flags without repeats, in the vocabulary's order (so the same set always reads the same). */
export function canonicalFlags(flags: readonly MonitoringFlag[]): MonitoringFlag[] {
  const set = new Set(flags);
  return MONITORING_FLAGS.filter((flag) => set.has(flag));
}

/** The changes `request` makes to `current`; empty when every sent field already has the sent value. */
export function planCorrection(current: TClassification, request: TCorrectArticleRequest): CorrectionPlan {
  const changes: FieldChange[] = [];
  const columns: CorrectionPlan['columns'] = {};
  if (request.relevance && request.relevance !== current.relevance.level) {
    const after = { level: request.relevance, score: correctedScore(request.relevance) };
    changes.push({ field: 'relevance', before: current.relevance, after });
    columns.relevanceLevel = after.level;
    columns.relevanceScore = after.score;
  }
  if (request.sentiment && request.sentiment !== current.sentiment) {
    changes.push({ field: 'sentiment', before: current.sentiment, after: request.sentiment });
    columns.sentiment = request.sentiment;
  }
  if (request.flags) {
    const before = canonicalFlags(current.flags);
    const after = canonicalFlags(request.flags);
    if (before.join(',') !== after.join(',')) {
      changes.push({ field: 'flags', before, after });
      columns.flags = after;
    }
  }
  if (request.unit && request.unit !== current.unit) {
    changes.push({ field: 'unit', before: current.unit, after: request.unit });
    columns.unit = request.unit;
  }
  return { changes, columns };
}
