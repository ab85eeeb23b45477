import {
  CAMPAIGN_LINK_TYPE_LABELS,
  type TCampaignCandidate,
  type TCampaignCandidateQuery,
  type TCampaignDetail,
  type TCampaignLinkRequest,
  type TCampaignLinkType,
  type TPage,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import { takesPart } from './campaign-rules.js';
import type { CampaignLinksRepository } from './campaign-links.repository.js';
import { itemRef, targetOf, viewerOf, type CampaignViews } from './campaign-view.service.js';
import { campaignsPolicy } from './campaigns.policy.js';

export interface CampaignLinksDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  links: CampaignLinksRepository;
  views: CampaignViews;
  recordAudit: RecordAudit;
}

export type CampaignLinksService = ReturnType<typeof createCampaignLinksService>;

/** Linking products, publications and calendar items of the campaign's units to it, and the pickers' choices. */
export function createCampaignLinksService(deps: CampaignLinksDeps) {
  const { db, runInTransaction, links, views, recordAudit } = deps;

  return {
    /** Items the actor could link: visible to them, of the campaign's units (their own, unless they edit it). */
    async listCandidates(actor: Actor, id: string, query: TCampaignCandidateQuery): Promise<TPage<TCampaignCandidate>> {
      const loaded = await views.loadVisible(db, actor, id);
      const target = targetOf(loaded);
      if (!campaignsPolicy.canLink(actor, target)) return { items: [], total: 0 };
      const { rows, total } = await links.candidates(db, {
        campaignId: id,
        type: query.type,
        viewer: viewerOf(actor),
        unitPaths: target.unitPaths,
        within: campaignsPolicy.canEdit(actor, target) ? null : actor.scopePath,
        q: query.q,
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: rows.map(itemRef), total };
    },

    async link(actor: Actor, id: string, input: TCampaignLinkRequest): Promise<TCampaignDetail> {
      campaignsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const loaded = await views.loadVisible(tx, actor, id, true);
        const target = targetOf(loaded);
        if (loaded.row.status === 'closed') throw new AppError('campaign.closed');
        if (!campaignsPolicy.canLink(actor, target)) throw forbidden();
        const item = await links.findItem(tx, input.type, input.id, viewerOf(actor));
        if (!item || !item.visible) throw fieldError('id', 'validation.invalid_value');
        if (!takesPart(item.unitPath, target.unitPaths))
          throw fieldError('id', 'validation.campaign_unit_not_taking_part');
        if (!campaignsPolicy.canLinkItem(actor, target, item.unitPath))
          throw fieldError('id', 'validation.unit_out_of_scope');
        if (!(await links.insertLink(tx, id, input.type, input.id, actor.userId)))
          throw new AppError('conflict.duplicate', { field: 'id', value: item.title }, [
            { field: 'id', code: 'validation.duplicate' },
          ]);
        await recordAudit(tx, actor, {
          action: 'link_item',
          entityType: 'campaign',
          entityId: id,
          orgUnitId: loaded.row.ownerUnitId,
          summary: `${loaded.row.name} ← ${CAMPAIGN_LINK_TYPE_LABELS[input.type].vi}: ${item.title}`.slice(0, 300),
          after: { type: input.type, id: item.id, title: item.title, unit: item.unitCode },
        });
        return views.detail(tx, actor, loaded);
      });
    },

    async unlink(actor: Actor, id: string, type: TCampaignLinkType, itemId: string): Promise<void> {
      campaignsPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const loaded = await views.loadVisible(tx, actor, id, true);
        const target = targetOf(loaded);
        if (loaded.row.status === 'closed') throw new AppError('campaign.closed');
        const item = await links.findItem(tx, type, itemId, viewerOf(actor));
        if (!item) throw notFound('campaign_link');
        if (
          !campaignsPolicy.canUnlinkItem(actor, target, item.unitPath) ||
          (!item.visible && !inScope(actor, item.unitPath))
        )
          throw forbidden();
        if (!(await links.deleteLink(tx, id, type, itemId))) throw notFound('campaign_link');
        await recordAudit(tx, actor, {
          action: 'unlink_item',
          entityType: 'campaign',
          entityId: id,
          orgUnitId: loaded.row.ownerUnitId,
          summary: `${loaded.row.name} — ${CAMPAIGN_LINK_TYPE_LABELS[type].vi}: ${item.title}`.slice(0, 300),
          before: { type, id: item.id, title: item.title, unit: item.unitCode },
        });
      });
    },
  };
}
