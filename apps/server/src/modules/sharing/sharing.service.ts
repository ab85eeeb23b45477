import {
  urlMatchesNetwork,
  type TCreateShareInput,
  type TLeaderboard,
  type TLeaderboardQuery,
  type TListQuery,
  type TPage,
  type TProductShares,
  type TShare,
  type TShareableProduct,
  type TShareNetwork,
  type TUpdateShareRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import type { UnitLookup } from '../org-units/index.js';
import type { ShareChanges, ShareRow, SharingRepository } from './sharing.repository.js';
import { sharingPolicy } from './sharing.policy.js';
import { rankOfficers, rankUnits, reachOf, sharedOnProblem, totalsOf, vietnamDay } from './share-rules.js';

/** The product as the actor sees it, locked for the rest of the transaction (products service). */
export interface ShareableProductRow {
  id: string;
  title: string;
  status: string;
  readyAt: Date | null;
  ownerUnitId: string;
  ownerUnitPath: string;
}

export interface SharingDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: SharingRepository;
  recordAudit: RecordAudit;
  units: Pick<UnitLookup, 'findById'>;
  /** Throws not-found when the product is missing or out of the actor's reach. */
  lockProduct(tx: Tx, actor: Actor, id: string): Promise<ShareableProductRow>;
  /** The current instant; tests pass a fixed one. */
  now?: () => Date;
}

export function toShare(row: ShareRow, actor: Actor): TShare {
  return {
    id: row.id,
    product: { id: row.productId, title: row.productTitle },
    user: { id: row.userId, fullName: row.userFullName },
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    network: row.network as TShareNetwork,
    url: row.url,
    sharedOn: row.sharedOn,
    views: row.views,
    reactions: row.reactions,
    comments: row.comments,
    shares: row.shares,
    reach: reachOf(row),
    canEdit: sharingPolicy.canEdit(actor, row),
    canDelete: sharingPolicy.canDelete(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a share. */
function snapshot(row: ShareRow) {
  return {
    product: row.productTitle,
    officer: row.userFullName,
    unit: row.unitCode,
    network: row.network,
    url: row.url,
    sharedOn: row.sharedOn,
    views: row.views,
    reactions: row.reactions,
    comments: row.comments,
    shares: row.shares,
  };
}

function duplicate(url: string): AppError {
  return new AppError('conflict.duplicate', { field: 'url', value: url }, [
    { field: 'url', code: 'validation.duplicate' },
  ]);
}

export type SharingService = ReturnType<typeof createSharingService>;

export function createSharingService(deps: SharingDeps) {
  const { db, runInTransaction, repo, recordAudit, units } = deps;
  const now = deps.now ?? (() => new Date());

  async function getShare(tx: Executor, id: string, lock = false): Promise<ShareRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row) throw notFound('product_share');
    return row;
  }

  /** The product to share: visible to the actor and published. */
  async function publishedProduct(tx: Tx, actor: Actor, id: string): Promise<ShareableProductRow> {
    const product = await deps.lockProduct(tx, actor, id);
    if (product.status !== 'published') throw new AppError('share.product_not_published');
    return product;
  }

  function assertSharedOn(sharedOn: string, product: ShareableProductRow): void {
    const problem = sharedOnProblem(sharedOn, vietnamDay(now()), product.readyAt);
    if (problem) throw fieldError('sharedOn', problem.code, problem.params);
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: ShareRow | null, after: ShareRow | null) {
    const row = (after ?? before)!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'product_share',
      entityId: row.id,
      orgUnitId: row.unitId,
      summary: `${row.userFullName} — ${row.productTitle} — ${row.url}`.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: after ? snapshot(after) : null,
    });
  }

  return {
    /** Who shared a product the actor can see, when, where, and the reach gained, with the totals. */
    async listProductShares(actor: Actor, productId: string): Promise<TProductShares> {
      return runInTransaction(async (tx) => {
        const product = await deps.lockProduct(tx, actor, productId);
        const rows = await repo.listForProduct(tx, productId);
        const sum = (pick: (r: ShareRow) => number | null) => rows.reduce((total, r) => total + (pick(r) ?? 0), 0);
        return {
          items: rows.map((row) => toShare(row, actor)),
          totals: totalsOf({
            shareCount: rows.length,
            sharerCount: new Set(rows.map((r) => r.userId)).size,
            views: sum((r) => r.views),
            reactions: sum((r) => r.reactions),
            comments: sum((r) => r.comments),
            shares: sum((r) => r.shares),
          }),
          shareable: product.status === 'published' && sharingPolicy.mayShare(actor),
        };
      });
    },

    /** Records that the actor shared a published product from their own account, in their unit's name. */
    async createShare(actor: Actor, productId: string, input: TCreateShareInput): Promise<TShare> {
      sharingPolicy.assertCanShare(actor);
      return runInTransaction(async (tx) => {
        const product = await publishedProduct(tx, actor, productId);
        assertSharedOn(input.sharedOn, product);
        if (await repo.findByUrl(tx, productId, input.url)) throw duplicate(input.url);
        const id = await repo.insert(tx, { ...input, productId, userId: actor.userId!, unitId: actor.orgUnitId! });
        // A concurrent request recorded the same address between the check and the insert.
        if (!id) throw duplicate(input.url);
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        return toShare(created, actor);
      });
    },

    /** Changes the actor's own share: typically the reach, read later; the address and date stay checked. */
    async updateShare(actor: Actor, id: string, input: TUpdateShareRequest): Promise<TShare> {
      sharingPolicy.assertCanShare(actor);
      return runInTransaction(async (tx) => {
        const before = await getShare(tx, id, true);
        if (!sharingPolicy.canEdit(actor, before)) throw forbidden();
        const { version, ...changes } = input;
        const network = (changes.network ?? before.network) as TShareNetwork;
        const url = changes.url ?? before.url;
        if (!urlMatchesNetwork(network, url)) throw fieldError('url', 'validation.share_url_network');
        if (changes.sharedOn !== undefined && changes.sharedOn !== before.sharedOn) {
          assertSharedOn(changes.sharedOn, await publishedProduct(tx, actor, before.productId));
        }
        if (url !== before.url) {
          const taken = await repo.findByUrl(tx, before.productId, url);
          if (taken && taken.id !== id) throw duplicate(url);
        }
        if (!(await repo.update(tx, id, version, changes satisfies ShareChanges))) {
          throw new AppError('conflict.version');
        }
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        return toShare(after, actor);
      });
    },

    /** Deletes a share: the officer's own, or a wrong one of a unit the actor leads or administers. */
    async deleteShare(actor: Actor, id: string): Promise<void> {
      await runInTransaction(async (tx) => {
        const before = await getShare(tx, id, true);
        // Shares are shown to every reader of a published product: one the actor may not delete is forbidden.
        if (!sharingPolicy.canDelete(actor, before)) throw forbidden();
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, null);
      });
    },

    /** The actor's shares, latest first. */
    async listMyShares(actor: Actor, query: TListQuery): Promise<TPage<TShare>> {
      if (!actor.userId) return { items: [], total: 0 };
      const { rows, total } = await repo.listByUser(db, actor.userId, query);
      return { items: rows.map((row) => toShare(row, actor)), total };
    },

    /** Published products of every unit, newest first, that officers may share. */
    async listShareableProducts(actor: Actor, query: TListQuery): Promise<TPage<TShareableProduct>> {
      const { rows, total } = await repo.listShareable(db, actor.userId, query);
      return {
        items: rows.map((row) => ({
          id: row.id,
          title: row.title,
          summary: row.summary,
          ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
          readyAt: row.readyAt?.toISOString() ?? null,
          shareCount: row.shareCount,
          sharedByMe: row.sharedByMe,
        })),
        total,
      };
    },

    /**
     * A unit's officers ranked by shares and reach in the period, the unit's totals, and its child units ranked
     * by shares per officer. Shares count for the unit the officer was in when sharing.
     */
    async getLeaderboard(actor: Actor, query: Omit<TLeaderboardQuery, 'format'>): Promise<TLeaderboard> {
      const unitId = query.unitId ?? actor.orgUnitId;
      const unit = unitId ? await units.findById(db, unitId) : null;
      if (!unit || !sharingPolicy.canReadLeaderboard(actor, unit.path)) throw notFound('org_unit');
      const period = { from: query.from ?? null, to: query.to ?? null };
      const [officers, children, totals] = await Promise.all([
        repo.tallyOfficers(db, unit.path, period),
        repo.tallyChildUnits(db, unit.id, period),
        repo.tallyUnit(db, unit.path, period),
      ]);
      const withReach = <T extends Parameters<typeof reachOf>[0]>(row: T) => ({ ...row, reach: reachOf(row) });
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        from: period.from,
        to: period.to,
        totals: totalsOf(totals),
        officers: rankOfficers(officers.map(withReach)).map((o) => ({
          rank: o.rank,
          user: { id: o.id, fullName: o.name },
          unit: { id: o.unitId, code: o.unitCode, name: o.unitName },
          shareCount: o.shareCount,
          reach: o.reach,
        })),
        childUnits: rankUnits(children.map(withReach)).map((u) => ({
          rank: u.rank,
          unit: { id: u.unitId, code: u.unitCode, name: u.unitName },
          officerCount: u.officerCount,
          sharerCount: u.sharerCount,
          shareCount: u.shareCount,
          reach: u.reach,
          sharesPerOfficer: u.sharesPerOfficer,
        })),
      };
    },
  };
}
