import type {
  TCampaign,
  TCampaignDetail,
  TCampaignLinkedItem,
  TCampaignLinkType,
  TCampaignMetric,
  TCampaignStatus,
  TUnitRef,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { progressOf, timelineOf } from './campaign-rules.js';
import type { CampaignLinksRepository, ItemRow, Viewer } from './campaign-links.repository.js';
import type { CampaignProgress } from './campaign-progress.service.js';
import type { CampaignRow, CampaignsRepository, CampaignUnitRow, GoalRow } from './campaigns.repository.js';
import { campaignsPolicy, type CampaignTarget } from './campaigns.policy.js';

/** A campaign row with its participating units, as the policy and the views need it. */
export interface LoadedCampaign {
  row: CampaignRow;
  units: CampaignUnitRow[];
}

export const targetOf = ({ row, units }: LoadedCampaign): CampaignTarget => ({
  ownerUnitPath: row.ownerUnitPath,
  unitPaths: [row.ownerUnitPath, ...units.map((u) => u.path)],
  status: row.status,
});

export const viewerOf = (actor: Actor): Viewer => ({
  readScope: campaignsPolicy.readScopePath(actor),
  userId: actor.userId,
});

const unitRef = (u: { id: string; code: string; name: string }): TUnitRef => ({ id: u.id, code: u.code, name: u.name });

export const itemRef = (item: ItemRow) => ({
  type: item.type as TCampaignLinkType,
  id: item.id,
  title: item.title,
  date: item.date,
  unit: { id: item.unitId, code: item.unitCode, name: item.unitName },
});

export function toCampaign(loaded: LoadedCampaign, goals: readonly GoalRow[], actor: Actor): TCampaign {
  const { row, units } = loaded;
  const target = targetOf(loaded);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    guidanceYear: row.guidanceYear,
    status: row.status as TCampaignStatus,
    ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
    participatingUnits: units.map(unitRef),
    channelCodes: row.channelCodes,
    goals: goals.map((g) => ({ metric: g.metric as TCampaignMetric, target: Number(g.target) })),
    linkCount: row.linkCount,
    can: { edit: campaignsPolicy.canEdit(actor, target), link: campaignsPolicy.canLink(actor, target) },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a campaign. */
export function campaignSnapshot(loaded: LoadedCampaign, goals: readonly GoalRow[]) {
  const { row, units } = loaded;
  return {
    name: row.name,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    ownerUnit: row.ownerUnitCode,
    participatingUnits: units.map((u) => u.code),
    channelCodes: row.channelCodes,
    goals: goals.map((g) => ({ metric: g.metric, target: Number(g.target) })),
  };
}

export type CampaignViews = ReturnType<typeof createCampaignViews>;

export function createCampaignViews(deps: {
  repo: CampaignsRepository;
  links: CampaignLinksRepository;
  progress: CampaignProgress;
}) {
  const { repo, links, progress } = deps;

  /** The campaign if the actor reads it; not found otherwise (a campaign of others' units stays hidden). */
  async function loadVisible(tx: Executor, actor: Actor, id: string, lock = false): Promise<LoadedCampaign> {
    const row = await repo.findById(tx, id, lock);
    const loaded = row ? { row, units: await repo.listUnits(tx, [row.id]) } : null;
    if (!loaded || !campaignsPolicy.canSee(actor, targetOf(loaded))) throw notFound('campaign');
    return loaded;
  }

  async function detail(tx: Executor, actor: Actor, loaded: LoadedCampaign): Promise<TCampaignDetail> {
    const { row, units } = loaded;
    const goals = await repo.listGoals(tx, [row.id]);
    const target = targetOf(loaded);
    const linked = await links.listLinked(tx, row.id, viewerOf(actor));
    // Items the actor may not see (another unit's unpublished product) count in the figures but are not listed.
    const items: TCampaignLinkedItem[] = linked
      .filter((item) => item.visible)
      .map((item) => ({
        ...itemRef(item),
        status: item.status,
        canUnlink: campaignsPolicy.canUnlinkItem(actor, target, item.unitPath),
        linkedAt: item.linkedAt.toISOString(),
      }));
    const campaignUnits = [{ id: row.ownerUnitId, path: row.ownerUnitPath }, ...units];
    const refs = [{ id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName }, ...units].map(unitRef);
    const metrics = goals.map((g) => g.metric as TCampaignMetric);
    const measured = await progress.measureAll(
      tx,
      { id: row.id, startsOn: row.startsOn, endsOn: row.endsOn, units: campaignUnits },
      metrics,
    );
    const campaign = toCampaign(loaded, goals, actor);
    return {
      ...campaign,
      progress: progressOf(campaign.goals, measured, refs),
      links: items,
      timeline: timelineOf(items),
    };
  }

  return { loadVisible, detail };
}
