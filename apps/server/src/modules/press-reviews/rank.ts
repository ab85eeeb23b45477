// Ranking of an edition's stories (decision 0037): score = relevance + severity + reach, higher first; positions
// 1..n inside each section, ties broken by the earliest publication.
import type { MonitoringFlag, RelevanceLevel, TArticleSentiment, TReviewSection, TSourceTier } from '@loa/contracts';

/** Relevance: the level (core 2, peripheral 1, unrelated 0) plus the classifier's score (0..1). Range 0..3. */
const LEVEL_WEIGHT: Record<RelevanceLevel, number> = { core: 2, peripheral: 1, unrelated: 0 };

/**
 * Severity: a negative story 2, plus each flag's weight. Misinformation and scams reach the most people with the
 * most harm (§II.1.h), then fraud and trading of books and cards; debts and complaints matter less; news of policy
 * and enrolment is no risk at all.
 */
export const FLAG_WEIGHT: Record<MonitoringFlag, number> = {
  misinformation: 4,
  scam_impersonation: 4,
  fraud: 2.5,
  book_trading: 2.5,
  evasion_debt: 1,
  service_complaint: 0.5,
  lump_sum: 0.5,
  policy_change: 0,
  enrolment: 0,
};
const NEGATIVE_WEIGHT = 2;

/**
 * Reach: log2(1 + Σ outlet weights) over the distinct outlets that carried the story, a national outlet weighing 1,
 * a provincial one 0.5, a social page (or an article without a known source) 0.25. The logarithm keeps a story
 * syndicated to thirty sites from burying a single serious one: one national outlet gives 1, four give 2.3.
 */
export const TIER_WEIGHT: Record<TSourceTier, number> = { national: 1, provincial: 0.5, social: 0.25 };
const UNKNOWN_TIER_WEIGHT = 0.25;

export interface ScoredStory {
  relevance: RelevanceLevel;
  /** The classifier's relevance score of the story's best article (0..1). */
  relevanceScore: number;
  sentiment: TArticleSentiment;
  flags: readonly MonitoringFlag[];
  /** One tier per distinct outlet (null: the source is not known). */
  outletTiers: readonly (TSourceTier | null)[];
}

/** The story's score, rounded to a thousandth (what is stored and shown). */
export function storyScore(story: ScoredStory): number {
  const relevance = LEVEL_WEIGHT[story.relevance] + Math.min(1, Math.max(0, story.relevanceScore));
  const severity =
    (story.sentiment === 'negative' ? NEGATIVE_WEIGHT : 0) +
    [...new Set(story.flags)].reduce((sum, flag) => sum + FLAG_WEIGHT[flag], 0);
  const outlets = story.outletTiers.reduce((sum, tier) => sum + (tier ? TIER_WEIGHT[tier] : UNKNOWN_TIER_WEIGHT), 0);
  const reach = Math.log2(1 + outlets);
  return Math.round((relevance + severity + reach) * 1000) / 1000;
}

export interface RankedInput {
  section: TReviewSection;
  score: number;
  /** ISO instant of the story's first publication. */
  publishedAt: string;
  clusterId: string;
}

/** Highest score first, then the earliest published, then by story id (so that ranking is deterministic). */
export function compareStories(a: RankedInput, b: RankedInput): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? -1 : 1;
  return a.clusterId < b.clusterId ? -1 : a.clusterId > b.clusterId ? 1 : 0;
}

/** Numbers the stories 1..n inside each section in ranking order (the list comes back in ranking order). */
export function rankEntries<T extends RankedInput>(entries: readonly T[]): (T & { position: number })[] {
  const next = new Map<TReviewSection, number>();
  return [...entries].sort(compareStories).map((entry) => {
    const position = (next.get(entry.section) ?? 0) + 1;
    next.set(entry.section, position);
    return { ...entry, position };
  });
}
