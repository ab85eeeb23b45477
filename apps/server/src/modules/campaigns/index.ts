import type { CampaignsRepository } from './campaigns.repository.js';
import type { CampaignLinksRepository } from './campaign-links.repository.js';
import type { TCampaignLinkType, TCampaignMetric } from '@loa/contracts';
import { createCampaignProgress, linkedItemsSource, type LinkedFigures } from './campaign-progress.service.js';
import { createCampaignViews } from './campaign-view.service.js';
import { createCampaignsService, type CampaignsDeps } from './campaigns.service.js';
import { createCampaignLinksService } from './campaign-links.service.js';

export { campaignsRepository } from './campaigns.repository.js';
export { campaignLinksRepository } from './campaign-links.repository.js';
export { registerCampaignsRoutes } from './campaigns.routes.js';
export type { CampaignProgressSource, CampaignScope } from './campaign-progress.service.js';
export type { CampaignsService } from './campaigns.service.js';
export type { CampaignLinksService } from './campaign-links.service.js';

/**
 * The campaigns module: campaigns, their links, and the progress registry. Other modules report their figures
 * with `registerCampaignProgressSource({ metric, measure(tx, campaign), measureByUnit? })`, or, for items linked to
 * campaigns, with `registerLinkedItemsSource(metric, type, figuresOf(tx, ids))`.
 */
export function createCampaignsModule(
  deps: Omit<CampaignsDeps, 'repo' | 'views'> & { repo: CampaignsRepository; links: CampaignLinksRepository },
) {
  const progress = createCampaignProgress(deps.links);
  const views = createCampaignViews({ repo: deps.repo, links: deps.links, progress });
  const campaigns = createCampaignsService({ ...deps, views });
  const links = createCampaignLinksService({ ...deps, views });
  return {
    campaigns,
    links,
    registerCampaignProgressSource: progress.registerCampaignProgressSource,
    registerLinkedItemsSource: (metric: TCampaignMetric, type: TCampaignLinkType, figuresOf: LinkedFigures) =>
      progress.registerCampaignProgressSource(linkedItemsSource(deps.links, metric, type, figuresOf)),
  };
}
