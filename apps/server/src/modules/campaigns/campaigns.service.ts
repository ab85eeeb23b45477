import {
  campaignPeriodProblem,
  type TCampaign,
  type TCampaignDetail,
  type TCampaignGoal,
  type TCampaignListQuery,
  type TCampaignStatus,
  type TCampaignStatusRequest,
  type TCampaignUnitOption,
  type TListQuery,
  type TUnitKind,
  type TCreateCampaignRequest,
  type TPage,
  type TUpdateCampaignRequest,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, type FieldError } from '../../platform/errors.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';
import { transitionProblem } from './campaign-rules.js';
import {
  campaignSnapshot,
  targetOf,
  toCampaign,
  type CampaignViews,
  type LoadedCampaign,
} from './campaign-view.service.js';
import type { CampaignsRepository, GoalRow, NewCampaignRow } from './campaigns.repository.js';
import { campaignsPolicy } from './campaigns.policy.js';

export interface CampaignsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: CampaignsRepository;
  views: CampaignViews;
  recordAudit: RecordAudit;
  units: UnitLookup;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

export type CampaignsService = ReturnType<typeof createCampaignsService>;

export function createCampaignsService(deps: CampaignsDeps) {
  const { db, runInTransaction, repo, views, recordAudit, units } = deps;

  /** The owner unit must be one of the actor's scope. */
  async function ownerInScope(tx: Executor, actor: Actor, unitId: string | null): Promise<UnitInfo> {
    const unit = unitId ? await units.findById(tx, unitId) : null;
    if (!unit || !inScope(actor, unit.path)) throw fieldError('ownerUnitId', 'validation.unit_out_of_scope');
    return unit;
  }

  /** Participating units exist (any unit may be invited); the owner itself is not repeated. */
  async function participants(tx: Executor, ids: readonly string[], ownerId: string): Promise<string[]> {
    const problems: FieldError[] = [];
    const wanted = unique(ids);
    for (const [index, id] of wanted.entries()) {
      if (!(await units.findById(tx, id)))
        problems.push({ field: `participatingUnitIds.${ids.indexOf(id, index)}`, code: 'validation.invalid_value' });
    }
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
    return wanted.filter((id) => id !== ownerId);
  }

  /** Channel codes of the guidance in force at the start; returns the guidance year used. */
  async function channels(tx: Executor, startsOn: string, codes: readonly string[]): Promise<number> {
    const year = Number(startsOn.slice(0, 4));
    const catalog = await repo.channelCatalog(tx, year);
    const problems: FieldError[] = [];
    codes.forEach((code, index) => {
      if (!catalog?.codes.has(code))
        problems.push({ field: `channelCodes.${index}`, code: 'validation.unknown_guidance_code', params: { code } });
    });
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
    return catalog?.year ?? year;
  }

  async function reload(tx: Executor, id: string): Promise<{ loaded: LoadedCampaign; goals: GoalRow[] }> {
    const row = (await repo.findById(tx, id))!;
    return { loaded: { row, units: await repo.listUnits(tx, [id]) }, goals: await repo.listGoals(tx, [id]) };
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    action: string,
    before: object | null,
    after: LoadedCampaign,
    goals: GoalRow[],
  ) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'campaign',
      entityId: after.row.id,
      orgUnitId: after.row.ownerUnitId,
      summary: after.row.name.slice(0, 300),
      before,
      after: campaignSnapshot(after, goals),
    });
  }

  const goalRows = (goals: readonly TCampaignGoal[]) => goals.map((g) => ({ metric: g.metric, target: g.target }));

  return {
    /** A page of the campaigns the actor reads (every match when `all`, for export). */
    async listCampaigns(actor: Actor, query: TCampaignListQuery, all = false): Promise<TPage<TCampaign>> {
      const { rows, total } = await repo.list(db, query, campaignsPolicy.readScopePath(actor), all);
      const ids = rows.map((r) => r.id);
      const [unitRows, goals] = await Promise.all([repo.listUnits(db, ids), repo.listGoals(db, ids)]);
      return {
        items: rows.map((row) =>
          toCampaign(
            { row, units: unitRows.filter((u) => u.campaignId === row.id) },
            goals.filter((g) => g.campaignId === row.id),
            actor,
          ),
        ),
        total,
      };
    },

    /** Units that may be invited to take part: the whole tree (reading the org structure is not restricted). */
    async listUnitOptions(_actor: Actor, query: TListQuery): Promise<TPage<TCampaignUnitOption>> {
      const { rows, total } = await repo.unitOptions(db, query.q, query.page, query.pageSize);
      return { items: rows.map((row) => ({ ...row, kind: row.kind as TUnitKind })), total };
    },

    /** One campaign with its live progress, linked items and timeline. */
    async getCampaign(actor: Actor, id: string): Promise<TCampaignDetail> {
      return views.detail(db, actor, await views.loadVisible(db, actor, id));
    },

    async createCampaign(actor: Actor, input: TCreateCampaignRequest): Promise<TCampaignDetail> {
      campaignsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const owner = await ownerInScope(tx, actor, input.ownerUnitId ?? actor.orgUnitId);
        const others = await participants(tx, input.participatingUnitIds, owner.id);
        const channelCodes = unique(input.channelCodes);
        const guidanceYear = await channels(tx, input.startsOn, channelCodes);
        const values: NewCampaignRow = {
          name: input.name,
          description: input.description,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          guidanceYear,
          ownerUnitId: owner.id,
          channelCodes,
          createdBy: actor.userId,
        };
        const id = await repo.insert(tx, values);
        await repo.replaceUnits(tx, id, others);
        await repo.replaceGoals(tx, id, goalRows(input.goals));
        const { loaded, goals } = await reload(tx, id);
        await audit(tx, actor, 'create', null, loaded, goals);
        return views.detail(tx, actor, loaded);
      });
    },

    /** Changes a campaign that is not closed, at the version the client read. */
    async updateCampaign(actor: Actor, id: string, input: TUpdateCampaignRequest): Promise<TCampaignDetail> {
      campaignsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await views.loadVisible(tx, actor, id, true);
        campaignsPolicy.assertCanEdit(actor, targetOf(before));
        if (before.row.status === 'closed') throw new AppError('campaign.closed');
        const beforeGoals = await repo.listGoals(tx, [id]);
        const { version, participatingUnitIds, goals, ownerUnitId, channelCodes, ...fields } = input;
        const startsOn = fields.startsOn ?? before.row.startsOn;
        const endsOn = fields.endsOn ?? before.row.endsOn;
        const period = campaignPeriodProblem(startsOn, endsOn);
        if (period) throw fieldError(period.field, period.code);
        const owner =
          ownerUnitId && ownerUnitId !== before.row.ownerUnitId ? await ownerInScope(tx, actor, ownerUnitId) : null;
        const ownerId = owner?.id ?? before.row.ownerUnitId;
        const codes = channelCodes ? unique(channelCodes) : before.row.channelCodes;
        const guidanceYear = await channels(tx, startsOn, codes);
        const values: Partial<NewCampaignRow> = { ...fields, ownerUnitId: ownerId, channelCodes: codes, guidanceYear };
        if (!(await repo.update(tx, id, version, values))) throw new AppError('conflict.version');
        if (participatingUnitIds || owner) {
          const ids = participatingUnitIds ?? before.units.map((u) => u.id);
          await repo.replaceUnits(tx, id, await participants(tx, ids, ownerId));
        }
        if (goals) await repo.replaceGoals(tx, id, goalRows(goals));
        const after = await reload(tx, id);
        await audit(tx, actor, 'update', campaignSnapshot(before, beforeGoals), after.loaded, after.goals);
        return views.detail(tx, actor, after.loaded);
      });
    },

    /** Launches a draft (it needs a goal), closes an active campaign, reopens a closed one. */
    async changeStatus(actor: Actor, id: string, input: TCampaignStatusRequest): Promise<TCampaignDetail> {
      campaignsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await views.loadVisible(tx, actor, id, true);
        campaignsPolicy.assertCanEdit(actor, targetOf(before));
        const goals = await repo.listGoals(tx, [id]);
        const from = before.row.status as TCampaignStatus;
        const problem = transitionProblem(from, input.status, goals.length);
        if (problem) throw new AppError(problem, { status: from });
        if (!(await repo.update(tx, id, input.version, { status: input.status })))
          throw new AppError('conflict.version');
        const after = await reload(tx, id);
        await audit(tx, actor, 'change_status', campaignSnapshot(before, goals), after.loaded, after.goals);
        return views.detail(tx, actor, after.loaded);
      });
    },
  };
}
