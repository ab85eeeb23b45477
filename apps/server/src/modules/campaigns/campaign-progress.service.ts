import type { TCampaignLinkType, TCampaignMetric } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { sumByUnit, type Measured } from './campaign-rules.js';
import type { CampaignLinksRepository } from './campaign-links.repository.js';

/** What a progress source is asked about: the campaign, its period and its units (owner first), each with its subtree. */
export interface CampaignScope {
  id: string;
  startsOn: string;
  endsOn: string;
  units: readonly { id: string; path: string }[];
}

/**
 * Where a campaign metric's figures come from. `measure` gives the campaign's value (null: nothing to tell);
 * `measureByUnit`, when the source can tell, each campaign unit's value (its subtree), keyed by unit id.
 */
export interface CampaignProgressSource {
  metric: TCampaignMetric;
  measure(tx: Executor, campaign: CampaignScope): Promise<number | null>;
  measureByUnit?(tx: Executor, campaign: CampaignScope): Promise<ReadonlyMap<string, number>>;
}

type RowsOf = (tx: Executor, campaignId: string) => Promise<{ path: string; value: number }[]>;
/** Another module's figure for the given items, summed at the units (by path) they belong to. */
export type LinkedFigures = (tx: Executor, ids: readonly string[]) => Promise<{ path: string; value: number }[]>;

function fromRows(metric: TCampaignMetric, rowsOf: RowsOf): CampaignProgressSource {
  return {
    metric,
    async measure(tx, campaign) {
      return sumByUnit(await rowsOf(tx, campaign.id), campaign.units).value;
    },
    async measureByUnit(tx, campaign) {
      return sumByUnit(await rowsOf(tx, campaign.id), campaign.units).byUnit ?? new Map();
    },
  };
}

/**
 * A source measuring the campaign's linked items of `type` with another module's figures: `figuresOf` adds up the
 * given items at their units, and the campaign counts what lies in its units' subtrees.
 */
export function linkedItemsSource(
  links: CampaignLinksRepository,
  metric: TCampaignMetric,
  type: TCampaignLinkType,
  figuresOf: LinkedFigures,
): CampaignProgressSource {
  return fromRows(metric, async (tx, campaignId) => figuresOf(tx, await links.linkedIds(tx, campaignId, type)));
}

export type CampaignProgress = ReturnType<typeof createCampaignProgress>;

/**
 * The registry of progress sources. The campaigns module measures its own links: linked products, the
 * campaign's publications and the people they reached, and staff shares of the linked products. Other modules
 * (events: events held, attendance, new participants of the linked events, see `linkedItemsSource`) register
 * theirs; a metric without a source has no data.
 */
export function createCampaignProgress(links: CampaignLinksRepository) {
  const sources = new Map<TCampaignMetric, CampaignProgressSource>();
  const register = (source: CampaignProgressSource) => void sources.set(source.metric, source);
  register(fromRows('products', links.productRows));
  register(fromRows('publications', links.publicationRows));
  register(fromRows('people_reached', links.reachRows));
  register(fromRows('staff_shares', links.shareRows));

  return {
    registerCampaignProgressSource: register,

    /** Measures each of `metrics` that has a source. */
    async measureAll(
      tx: Executor,
      campaign: CampaignScope,
      metrics: readonly TCampaignMetric[],
    ): Promise<Map<TCampaignMetric, Measured>> {
      const result = new Map<TCampaignMetric, Measured>();
      for (const metric of metrics) {
        const source = sources.get(metric);
        if (!source) continue;
        const value = await source.measure(tx, campaign);
        const byUnit = value !== null && source.measureByUnit ? await source.measureByUnit(tx, campaign) : null;
        result.set(metric, { value, byUnit });
      }
      return result;
    },
  };
}
