import {
  splitProblems,
  targetSetProblems,
  type TCreatePlanRequest,
  type TPlanActionRequest,
  type TPlanDetail,
  type TPlanStatus,
  type TPlanTargetInput,
  type TReplaceTargetsRequest,
  type TReturnPlanRequest,
  type TUpdatePlanRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, type FieldError } from '../../platform/errors.js';
import type { NotificationsService } from '../notifications/index.js';
import { COMMS_CENTER_CODE } from '../regulations/index.js';
import { approvedNotice, returnedNotice, submittedNotices, type PlanFacts } from './plan-notices.js';
import { refusal, STATUS_AFTER, type PlanAction } from './plan-status.js';
import type { NewPlanRow, NewTargetRow, PlanRow, PlansRepository, TargetRow } from './plans.repository.js';
import { plansPolicy } from './plans.policy.js';
import { createPlanViews, keyed, policyTarget } from './plan-views.service.js';
import { parentLimits, sumsByKey } from './target-arithmetic.js';

export interface PlansDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: PlansRepository;
  recordAudit: RecordAudit;
  /** Tells reviewers and submitters, in the same transaction (notifications module). */
  notify: NotificationsService['notify'];
}

/** What the audit log keeps of a plan. */
const snapshot = (row: PlanRow) => ({
  orgUnit: row.orgUnitCode,
  year: row.year,
  guidanceYear: row.guidanceYear,
  title: row.title,
  notes: row.notes,
  status: row.status,
  returnedReason: row.returnedReason,
});
const targetSnapshot = (rows: readonly TargetRow[]) =>
  rows.map((t) => ({
    metric: t.metric,
    period: t.period,
    themeCode: t.themeCode,
    audienceCode: t.audienceCode,
    value: t.value,
    ...(t.note ? { note: t.note } : {}),
  }));

/** Blank codes and notes mean "none": stored as null. */
const cleanTargets = (targets: readonly TPlanTargetInput[]): NewTargetRow[] =>
  targets.map((t) => ({
    metric: t.metric,
    period: t.period,
    themeCode: t.themeCode?.trim() || null,
    audienceCode: t.audienceCode?.trim() || null,
    value: t.value,
    note: t.note?.trim() || null,
  }));

const facts = (row: PlanRow): PlanFacts => ({
  planId: row.id,
  year: row.year,
  unitId: row.orgUnitId,
  unitName: row.orgUnitName,
  parentUnitId: row.orgUnitParentId,
  submittedBy: row.submittedBy,
});

export type PlansService = ReturnType<typeof createPlansService>;

export function createPlansService(deps: PlansDeps) {
  const { db, runInTransaction, repo, recordAudit, notify } = deps;
  const views = createPlanViews({ db, repo });
  const { detail, getInScope } = views;

  function assertAllowed(action: PlanAction, row: PlanRow, version?: number): void {
    if (version !== undefined && version !== row.version) throw new AppError('conflict.version');
    const code = refusal(action, row.status as TPlanStatus);
    if (code) throw new AppError(code);
  }

  async function audit(tx: Tx, actor: Actor, action: string, row: PlanRow, before: unknown, after: unknown) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'plan',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.orgUnitCode} ${row.year} — ${row.title}`.slice(0, 300),
      before,
      after,
    });
  }

  /** Checks a new target set against the guidance, itself and the tree; every problem at once, by field. */
  async function targetProblems(tx: Executor, row: PlanRow, targets: readonly NewTargetRow[]): Promise<FieldError[]> {
    const codes = await repo.guidanceCodes(tx, row.guidanceYear);
    const fields: FieldError[] = [];
    targets.forEach((t, index) => {
      if (t.themeCode && !codes.themes.has(t.themeCode))
        fields.push({
          field: `targets.${index}.themeCode`,
          code: 'validation.unknown_guidance_code',
          params: { code: t.themeCode },
        });
      if (t.audienceCode && !codes.audiences.has(t.audienceCode))
        fields.push({
          field: `targets.${index}.audienceCode`,
          code: 'validation.unknown_guidance_code',
          params: { code: t.audienceCode },
        });
    });
    const parent = row.orgUnitParentId ? await repo.findByUnitYear(tx, row.orgUnitParentId, row.year) : null;
    const limits = parent
      ? parentLimits(
          (await repo.listTargets(tx, [parent.id])).map(keyed),
          sumsByKey((await repo.sumChildTargets(tx, parent.orgUnitId, row.year, row.orgUnitId)).map(keyed)),
        )
      : [];
    const held = (await repo.sumChildTargets(tx, row.orgUnitId, row.year)).map(keyed);
    const set = targets.map(keyed);
    for (const problem of [...targetSetProblems(set), ...splitProblems(set, limits, held)]) {
      fields.push({
        field: `targets.${problem.index}.${problem.field}`,
        code: problem.code,
        ...(problem.params ? { params: problem.params } : {}),
      });
    }
    return fields;
  }

  /** Moves a plan along its workflow (submit, approve, return), audited and told to whom it concerns. */
  async function transition(
    actor: Actor,
    id: string,
    action: 'submit' | 'approve' | 'return',
    input: TPlanActionRequest & { reason?: string },
  ): Promise<TPlanDetail> {
    return runInTransaction(async (tx) => {
      const before = await getInScope(tx, actor, id, true);
      if (action === 'submit') plansPolicy.assertCanSubmit(actor, policyTarget(before));
      else plansPolicy.assertCanReview(actor, policyTarget(before));
      assertAllowed(action, before, input.version);
      const now = new Date();
      let values: Partial<NewPlanRow>;
      if (action === 'submit') {
        if ((await repo.listTargets(tx, [id])).length === 0) throw new AppError('plan.no_targets');
        values = { submittedBy: actor.userId, submittedAt: now };
      } else if (action === 'approve') values = { approvedBy: actor.userId, approvedAt: now };
      else
        values = {
          returnedBy: actor.userId,
          returnedAt: now,
          returnedReason: input.reason!,
          approvedBy: null,
          approvedAt: null,
        };
      await repo.update(tx, id, before.version, { ...values, status: STATUS_AFTER[action] });
      const after = (await repo.findById(tx, id))!;
      await audit(tx, actor, action, after, snapshot(before), snapshot(after));
      if (action === 'submit') {
        const commsCenter = await repo.findUnitByCode(tx, COMMS_CENTER_CODE);
        for (const notice of submittedNotices(facts(after), commsCenter?.id ?? null)) await notify(tx, actor, notice);
      } else if (action === 'approve') await notify(tx, actor, approvedNotice(facts(after)));
      else await notify(tx, actor, returnedNotice(facts(after), input.reason!));
      return detail(tx, actor, after);
    });
  }

  return {
    registerProgressSource: views.registerProgressSource,
    measureProgress: views.measureProgress,
    listPlans: views.listPlans,
    getPlan: views.getPlan,
    getTree: views.getTree,

    /** Starts a unit's plan for a year (the caller's own unit unless named), on the year's guidance. */
    async createPlan(actor: Actor, input: TCreatePlanRequest): Promise<TPlanDetail> {
      plansPolicy.assertCanPrepare(actor);
      return runInTransaction(async (tx) => {
        const unitId = input.orgUnitId ?? actor.orgUnitId;
        const unit = unitId ? await repo.findUnit(tx, unitId) : null;
        if (!unit || !plansPolicy.canWrite(actor, unit.path))
          throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
        const guidanceYear = input.guidanceYear ?? (await repo.guidanceYearFor(tx, input.year));
        if (guidanceYear === null || !(await repo.guidanceYearExists(tx, guidanceYear)))
          throw fieldError('guidanceYear', 'validation.unknown_guidance_year');
        const id = await repo.insert(tx, {
          orgUnitId: unit.id,
          year: input.year,
          guidanceYear,
          title: input.title,
          notes: input.notes?.trim() || null,
          status: 'draft',
        });
        if (!id)
          throw new AppError('plan.exists', { year: input.year }, [{ field: 'year', code: 'validation.duplicate' }]);
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', created, null, snapshot(created));
        return detail(tx, actor, created);
      });
    },

    /** Changes the title, notes or guidance year of a draft or returned plan. */
    async updatePlan(actor: Actor, id: string, input: TUpdatePlanRequest): Promise<TPlanDetail> {
      plansPolicy.assertCanPrepare(actor);
      return runInTransaction(async (tx) => {
        const before = await getInScope(tx, actor, id, true);
        plansPolicy.assertCanWrite(actor, before.orgUnitPath);
        assertAllowed('edit', before, input.version);
        const { version, notes, ...fields } = input;
        if (fields.guidanceYear !== undefined && fields.guidanceYear !== before.guidanceYear) {
          if (!(await repo.guidanceYearExists(tx, fields.guidanceYear)))
            throw fieldError('guidanceYear', 'validation.unknown_guidance_year');
          const codes = await repo.guidanceCodes(tx, fields.guidanceYear);
          const missing = (await repo.listTargets(tx, [id]))
            .flatMap((t) => [
              t.themeCode && !codes.themes.has(t.themeCode) ? t.themeCode : null,
              t.audienceCode && !codes.audiences.has(t.audienceCode) ? t.audienceCode : null,
            ])
            .find((code) => code !== null);
          if (missing) throw fieldError('guidanceYear', 'validation.unknown_guidance_code', { code: missing });
        }
        await repo.update(tx, id, version, {
          ...fields,
          ...(notes !== undefined ? { notes: notes?.trim() || null } : {}),
        });
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', after, snapshot(before), snapshot(after));
        return detail(tx, actor, after);
      });
    },

    /**
     * Replaces a draft or returned plan's whole target set, all or nothing. The set must agree with itself
     * (periods, themes, audiences), with the guidance, with the parent unit's targets and with what the child
     * units already hold.
     */
    async replaceTargets(actor: Actor, id: string, input: TReplaceTargetsRequest): Promise<TPlanDetail> {
      plansPolicy.assertCanPrepare(actor);
      return runInTransaction(async (tx) => {
        const before = await getInScope(tx, actor, id, true);
        plansPolicy.assertCanWrite(actor, before.orgUnitPath);
        assertAllowed('edit', before, input.version);
        // Splits are checked one at a time per parent: top-down, the parent's group before the plan's own.
        if (before.orgUnitParentId) await repo.lockSplitGroup(tx, before.orgUnitParentId, before.year);
        await repo.lockSplitGroup(tx, before.orgUnitId, before.year);
        const targets = cleanTargets(input.targets);
        const problems = await targetProblems(tx, before, targets);
        if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
        const previous = await repo.listTargets(tx, [id]);
        await repo.replaceTargets(tx, id, targets);
        await repo.update(tx, id, before.version, {});
        const after = (await repo.findById(tx, id))!;
        await audit(
          tx,
          actor,
          'set_targets',
          after,
          targetSnapshot(previous),
          targetSnapshot(await repo.listTargets(tx, [id])),
        );
        return detail(tx, actor, after);
      });
    },

    /** Submits a draft or returned plan that has targets to the unit above (or the agency's leaders). */
    submitPlan: (actor: Actor, id: string, input: TPlanActionRequest) => transition(actor, id, 'submit', input),

    approvePlan: (actor: Actor, id: string, input: TPlanActionRequest) => transition(actor, id, 'approve', input),

    /** Returns a submitted or approved plan to its unit, with the reason. */
    returnPlan: (actor: Actor, id: string, input: TReturnPlanRequest) => transition(actor, id, 'return', input),

    /** Deletes a draft plan with its targets. */
    async deletePlan(actor: Actor, id: string): Promise<void> {
      plansPolicy.assertCanPrepare(actor);
      await runInTransaction(async (tx) => {
        const before = await getInScope(tx, actor, id, true);
        plansPolicy.assertCanWrite(actor, before.orgUnitPath);
        assertAllowed('delete', before);
        const targets = await repo.listTargets(tx, [id]);
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, { ...snapshot(before), targets: targetSnapshot(targets) }, null);
      });
    },
  };
}
