// Compiling an edition (issue 8 §1): the window's monitored articles become one entry per story (near-duplicate
// cluster), each placed in a section and scored. Pure; the repository reads the articles, rank.ts orders them.
import {
  MONITORING_FLAGS,
  RELEVANCE_LEVELS,
  RISK_FLAGS,
  type MonitoringFlag,
  type OwningUnit,
  type RelevanceLevel,
  type TArticleSentiment,
  type TReviewSection,
  type TSourceTier,
} from '@loa/contracts';
import { cutExtract } from './extract.js';
import { rankEntries, storyScore } from './rank.js';

/** A monitored article as the compiler needs it (monitoring_articles with its source and the province it covers). */
export interface WindowArticle {
  id: string;
  clusterId: string;
  /** Arrival order. */
  seq: number;
  title: string;
  lead: string;
  body: string;
  url: string;
  sourceName: string;
  /** The source's tier; null for an article that came without a registered source. */
  tier: TSourceTier | null;
  /** The province the source covers (its area unit), if any. */
  province: { id: string; code: string; name: string } | null;
  relevanceLevel: RelevanceLevel;
  relevanceScore: number;
  sentiment: TArticleSentiment;
  flags: MonitoringFlag[];
  unit: OwningUnit;
  /** ISO instant the article was published (or arrived, when its date was missing). */
  sortAt: string;
}

/** An entry as compiled, before it is stored. */
export interface CompiledEntry {
  clusterId: string;
  section: TReviewSection;
  theme: OwningUnit;
  headline: string;
  extract: string;
  outlets: string[];
  links: { articleId: string; sourceName: string; url: string; title: string }[];
  relevance: RelevanceLevel;
  sentiment: TArticleSentiment;
  flags: MonitoringFlag[];
  province: { id: string; code: string; name: string } | null;
  score: number;
  publishedAt: string;
}

const RISK = new Set<string>(RISK_FLAGS);
const levelRank = (level: RelevanceLevel) => RELEVANCE_LEVELS.indexOf(level);
const byArrival = (a: WindowArticle, b: WindowArticle) => a.seq - b.seq;
const byPublication = (a: WindowArticle, b: WindowArticle) =>
  a.sortAt < b.sortAt ? -1 : a.sortAt > b.sortAt ? 1 : a.seq - b.seq;

/**
 * The section a story goes in: `risk` when it is negative or carries a risk flag; else `provincial` when every
 * outlet that carried it is provincial; else `agency` when it is core to the agency; else `theme`.
 */
export function sectionOf(story: {
  sentiment: TArticleSentiment;
  flags: readonly MonitoringFlag[];
  allProvincial: boolean;
  relevance: RelevanceLevel;
}): TReviewSection {
  if (story.sentiment === 'negative' || story.flags.some((flag) => RISK.has(flag))) return 'risk';
  if (story.allProvincial) return 'provincial';
  if (story.relevance === 'core') return 'agency';
  return 'theme';
}

/** The owning unit most of the story's articles name (ties: the one named first); `none` when none is named. */
function themeOf(articles: readonly WindowArticle[]): OwningUnit {
  const counts = new Map<OwningUnit, number>();
  for (const article of articles)
    if (article.unit !== 'none') counts.set(article.unit, (counts.get(article.unit) ?? 0) + 1);
  let best: OwningUnit = 'none';
  let bestCount = 0;
  for (const [unit, count] of counts) {
    if (count > bestCount) [best, bestCount] = [unit, count];
  }
  return best;
}

/**
 * One story from its articles (any order; at least one): the headline of the earliest national outlet, else of the
 * first article to arrive; outlets in arrival order; the extract of the headline's article (or the first with text);
 * a link per article; the most serious classification any of its articles has.
 */
export function storyOf(articles: readonly WindowArticle[]): CompiledEntry {
  if (articles.length === 0) throw new Error('A story needs at least one article');
  const arrived = [...articles].sort(byArrival);
  const first = arrived[0]!;
  const national = arrived.filter((a) => a.tier === 'national').sort(byPublication)[0];
  const lead = national ?? first;
  const withText = [lead, ...arrived].find((a) => a.lead.trim() || a.body.trim()) ?? lead;
  const outletTiers = new Map<string, TSourceTier | null>();
  for (const article of arrived)
    if (!outletTiers.has(article.sourceName)) outletTiers.set(article.sourceName, article.tier);
  const best = arrived.reduce((a, b) => (levelRank(b.relevanceLevel) > levelRank(a.relevanceLevel) ? b : a));
  const relevanceScore = Math.max(
    ...arrived.filter((a) => a.relevanceLevel === best.relevanceLevel).map((a) => a.relevanceScore),
  );
  const sentiment: TArticleSentiment = arrived.some((a) => a.sentiment === 'negative') ? 'negative' : lead.sentiment;
  const present = new Set(arrived.flatMap((a) => a.flags));
  const flags = MONITORING_FLAGS.filter((flag) => present.has(flag));
  const allProvincial = arrived.every((a) => a.tier === 'provincial');
  const published = [...arrived].sort(byPublication)[0]!;
  return {
    clusterId: first.clusterId,
    section: sectionOf({ sentiment, flags, allProvincial, relevance: best.relevanceLevel }),
    theme: themeOf(arrived),
    headline: lead.title.trim().slice(0, 500),
    extract: cutExtract(withText.lead, withText.body),
    outlets: [...outletTiers.keys()],
    links: arrived.map((a) => ({ articleId: a.id, sourceName: a.sourceName, url: a.url, title: a.title })),
    relevance: best.relevanceLevel,
    sentiment,
    flags,
    province: allProvincial ? (arrived.find((a) => a.province)?.province ?? null) : null,
    score: storyScore({
      relevance: best.relevanceLevel,
      relevanceScore,
      sentiment,
      flags,
      outletTiers: [...outletTiers.values()],
    }),
    publishedAt: published.sortAt,
  };
}

/**
 * The entries of an edition: the core and peripheral articles of the window grouped by story, one entry each,
 * numbered by rank inside their section (unrelated articles are left out).
 */
export function compileEntries(articles: readonly WindowArticle[]): (CompiledEntry & { position: number })[] {
  const stories = new Map<string, WindowArticle[]>();
  for (const article of articles) {
    if (article.relevanceLevel === 'unrelated') continue;
    const story = stories.get(article.clusterId);
    if (story) story.push(article);
    else stories.set(article.clusterId, [article]);
  }
  return rankEntries([...stories.values()].map(storyOf));
}
