import {
  firstOpenProposalMonth,
  proposalPeriodProblem,
  type TCreateProposalRequest,
  type TPage,
  type TProposal,
  type TProposalDetail,
  type TProposalKind,
  type TProposalListQuery,
  type TProposalRules,
  type TProposalStatus,
  type TUnitRef,
  type TUpdateProposalRequest,
  type TWithdrawProposalRequest,
} from '@loa/contracts';
import { inScope, SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound, type FieldError } from '../../platform/errors.js';
import { COMMS_CENTER_CODE } from '../regulations/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { reminderNotice, submittedNotice } from './proposal-notices.js';
import { reminderDue, unitsToRemind, vnToday } from './proposal-reminders.js';
import { availableActions, nextStatus } from './proposal-status.js';
import type { NewProposalRow, ProposalRow, ProposalsRepository, ProposalVisibility } from './proposals.repository.js';
import { proposalsPolicy } from './proposals.policy.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';

export interface ProposalsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: ProposalsRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  /** Tells the Communication Center and proposers, in the same transaction (notifications module). */
  notify: NotificationsService['notify'];
  /** Day of month M−1 that is the last for proposing planned content for month M (LOA_PROPOSAL_DAY). */
  closingDay: number;
  /** The current time; the period rules are judged on Vietnam's calendar day. */
  clock?: () => Date;
}

export function toProposal(row: ProposalRow, actor: Actor, commsCenterPath: string | null): TProposal {
  const status = row.status as TProposalStatus;
  return {
    id: row.id,
    kind: row.kind as TProposalKind,
    title: row.title,
    description: row.description,
    guidanceYear: row.guidanceYear,
    themeCodes: row.themeCodes,
    audienceCodes: row.audienceCodes,
    formCodes: row.formCodes,
    channelCodes: row.channelCodes,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    regulation:
      row.regulationId && row.regulationNumber
        ? { id: row.regulationId, number: row.regulationNumber, summary: row.regulationSummary ?? '' }
        : null,
    ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
    proposer: row.proposerId && row.proposerName ? { id: row.proposerId, fullName: row.proposerName } : null,
    status,
    decisionNote: row.decisionNote,
    decidedBy: row.decidedBy && row.decidedByName ? { id: row.decidedBy, fullName: row.decidedByName } : null,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    mergedInto: row.mergedIntoId ? { id: row.mergedIntoId, title: row.mergedIntoTitle ?? '' } : null,
    calendarItemId: row.calendarItemId,
    actions: availableActions(status, {
      propose: proposalsPolicy.canEdit(actor, row),
      decide: proposalsPolicy.canDecide(actor, row, commsCenterPath),
    }),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a proposal. */
export function snapshot(row: ProposalRow) {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    guidanceYear: row.guidanceYear,
    themeCodes: row.themeCodes,
    audienceCodes: row.audienceCodes,
    formCodes: row.formCodes,
    channelCodes: row.channelCodes,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    regulation: row.regulationNumber,
    ownerUnit: row.ownerUnitCode,
    status: row.status,
    decisionNote: row.decisionNote,
    mergedIntoId: row.mergedIntoId,
    calendarItemId: row.calendarItemId,
  };
}

/** Codes trimmed, each once, in the order given. */
const unique = (codes: readonly string[]) => [...new Set(codes.map((code) => code.trim()))];

const CODE_LISTS = [
  ['themeCodes', 'theme'],
  ['audienceCodes', 'audience'],
  ['formCodes', 'form'],
  ['channelCodes', 'channel'],
] as const;
type CodeLists = Pick<NewProposalRow, 'themeCodes' | 'audienceCodes' | 'formCodes' | 'channelCodes'>;

/** What both the proposing and the deciding use cases need: the Communication Center, loading, presenting. */
export function proposalAccess(deps: Pick<ProposalsDeps, 'repo' | 'units' | 'recordAudit'>) {
  const { repo, units, recordAudit } = deps;
  const access = {
    async commsCenter(tx: Executor): Promise<UnitInfo | null> {
      return units.findByCode(tx, COMMS_CENTER_CODE);
    },

    /** A proposal the actor may see, or not-found (outside their reach it does not exist for them). */
    async getVisible(tx: Executor, actor: Actor, id: string, ccPath: string | null, lock = false) {
      const row = await repo.findById(tx, id, lock);
      if (!row || !proposalsPolicy.canSee(actor, row, ccPath)) throw notFound('proposal');
      return row;
    },

    async detail(tx: Executor, actor: Actor, row: ProposalRow, ccPath: string | null): Promise<TProposalDetail> {
      const merged = await repo.listMergedInto(tx, row.id);
      return {
        ...toProposal(row, actor, ccPath),
        mergedProposals: merged.map((m) => ({
          id: m.id,
          title: m.title,
          ownerUnit: { id: m.ownerUnitId, code: m.ownerUnitCode, name: m.ownerUnitName },
        })),
      };
    },

    /** Fails with not_pending unless `action` is possible from the proposal's status. */
    assertTransition(row: ProposalRow, action: Parameters<typeof nextStatus>[1]): TProposalStatus {
      const next = nextStatus(row.status as TProposalStatus, action);
      if (!next) throw new AppError('proposal.not_pending');
      return next;
    },

    /** Every code must exist in the guidance of `year`; each unknown one is reported under its list. */
    async assertCodes(tx: Executor, year: number, lists: CodeLists): Promise<void> {
      const catalog = await repo.guidanceCodes(tx, year);
      if (!catalog) throw fieldError('guidanceYear', 'validation.unknown_guidance_year');
      const problems: FieldError[] = [];
      for (const [field, kind] of CODE_LISTS) {
        const known = catalog.get(kind) ?? new Set<string>();
        (lists[field] ?? []).forEach((code, index) => {
          if (!known.has(code))
            problems.push({ field: `${field}.${index}`, code: 'validation.unknown_guidance_code', params: { code } });
        });
      }
      if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
    },

    async audit(tx: Tx, actor: Actor, action: string, before: ProposalRow | null, after: ProposalRow) {
      await recordAudit(tx, actor, {
        action,
        entityType: 'proposal',
        entityId: after.id,
        orgUnitId: after.ownerUnitId,
        summary: `${after.ownerUnitCode} — ${after.title}`.slice(0, 300),
        before: before ? snapshot(before) : null,
        after: snapshot(after),
      });
    },
  };
  return access;
}

export type ProposalsService = ReturnType<typeof createProposalsService>;

export function createProposalsService(deps: ProposalsDeps) {
  const { db, runInTransaction, repo, units, closingDay } = deps;
  const access = proposalAccess(deps);
  const today = () => vnToday(deps.clock ? deps.clock() : new Date());
  const ccPathOf = async (tx: Executor) => (await access.commsCenter(tx))?.path ?? null;

  const scopeOf = (actor: Actor): ProposalVisibility => ({
    kind: 'scope',
    scopePath: actor.scopePath,
    userId: actor.userId,
  });
  /** Every proposal for the Communication Center; otherwise those of the actor's subtree and their own. */
  async function visibilityOf(tx: Executor, actor: Actor, ccPath?: string | null): Promise<ProposalVisibility> {
    const path = ccPath === undefined ? await ccPathOf(tx) : ccPath;
    return proposalsPolicy.isCommsCenter(actor, path) ? { kind: 'all' } : scopeOf(actor);
  }

  function assertPeriod(proposal: { kind: TProposalKind; periodFrom: string; periodTo: string }): void {
    const problem = proposalPeriodProblem(proposal, today(), closingDay);
    if (problem) throw fieldError(problem.field, problem.code, problem.params);
  }

  /** The proposing unit must be one of the actor's scope. */
  async function ownerInScope(tx: Executor, actor: Actor, unitId: string | null): Promise<UnitInfo> {
    const unit = unitId ? await units.findById(tx, unitId) : null;
    if (!unit || !inScope(actor, unit.path)) throw fieldError('ownerUnitId', 'validation.unit_out_of_scope');
    return unit;
  }

  async function assertRegulation(tx: Executor, regulationId: string | null | undefined): Promise<void> {
    if (regulationId && !(await repo.regulationExists(tx, regulationId)))
      throw fieldError('regulationId', 'validation.invalid_value');
  }

  return {
    /** The period rules in force today, for forms to check as the user types. */
    rules(_actor: Actor): TProposalRules {
      const day = today();
      return { closingDay, today: day, firstOpenMonth: firstOpenProposalMonth(day, closingDay) };
    },

    /**
     * A page of the proposals the actor may see: every one for the Communication Center, otherwise those of
     * their subtree and their own; `mine=true` narrows to their subtree and their own for everyone.
     */
    async listProposals(actor: Actor, query: TProposalListQuery, all = false): Promise<TPage<TProposal>> {
      const ccPath = await ccPathOf(db);
      const visibility = await visibilityOf(db, actor, ccPath);
      const mine = query.mine === 'true' ? scopeOf(actor) : null;
      const { rows, total } = await repo.list(db, query, visibility, mine, all);
      return { items: rows.map((row) => toProposal(row, actor, ccPath)), total };
    },

    /** The units whose proposals the actor may see, for the unit filter. */
    async listProposingUnits(actor: Actor): Promise<TPage<TUnitRef>> {
      const items = await repo.listOwnerUnits(db, await visibilityOf(db, actor));
      return { items, total: items.length };
    },

    async getProposal(actor: Actor, id: string): Promise<TProposalDetail> {
      const ccPath = await ccPathOf(db);
      return access.detail(db, actor, await access.getVisible(db, actor, id, ccPath), ccPath);
    },

    /** Submits a proposal for a unit of the actor's scope; the Communication Center is told at once. */
    async createProposal(actor: Actor, input: TCreateProposalRequest): Promise<TProposalDetail> {
      proposalsPolicy.assertCanPropose(actor);
      assertPeriod(input);
      return runInTransaction(async (tx) => {
        const owner = await ownerInScope(tx, actor, input.ownerUnitId ?? actor.orgUnitId);
        const lists: CodeLists = {
          themeCodes: unique(input.themeCodes),
          audienceCodes: unique(input.audienceCodes),
          formCodes: unique(input.formCodes),
          channelCodes: unique(input.channelCodes),
        };
        await access.assertCodes(tx, input.guidanceYear, lists);
        await assertRegulation(tx, input.regulationId);
        const id = await repo.insert(tx, {
          kind: input.kind,
          title: input.title,
          description: input.description,
          guidanceYear: input.guidanceYear,
          ...lists,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          regulationId: input.regulationId ?? null,
          ownerUnitId: owner.id,
          proposerId: actor.userId,
          status: 'submitted',
        });
        const created = (await repo.findById(tx, id))!;
        await access.audit(tx, actor, 'create', null, created);
        const commsCenter = await access.commsCenter(tx);
        if (commsCenter) {
          await deps.notify(tx, actor, {
            ...submittedNotice({ ...created, ownerUnitName: owner.name }, commsCenter.id),
          });
        }
        return access.detail(tx, actor, created, commsCenter?.path ?? null);
      });
    },

    /**
     * Changes a proposal still awaiting a decision. A new kind or period must meet today's period rules; a
     * new guidance year or new codes must exist in that year's guidance.
     */
    async updateProposal(actor: Actor, id: string, input: TUpdateProposalRequest): Promise<TProposalDetail> {
      return runInTransaction(async (tx) => {
        const ccPath = await ccPathOf(tx);
        const before = await access.getVisible(tx, actor, id, ccPath, true);
        proposalsPolicy.assertCanEdit(actor, before);
        access.assertTransition(before, 'edit');
        const { version, ...fields } = input;
        const next = {
          kind: fields.kind ?? (before.kind as TProposalKind),
          periodFrom: fields.periodFrom ?? before.periodFrom,
          periodTo: fields.periodTo ?? before.periodTo,
        };
        if (fields.kind !== undefined || fields.periodFrom !== undefined || fields.periodTo !== undefined)
          assertPeriod(next);
        const values: Partial<NewProposalRow> = { ...fields, ...next };
        for (const [field] of CODE_LISTS) {
          const list = fields[field];
          if (list !== undefined) values[field] = unique(list);
        }
        if (fields.guidanceYear !== undefined || CODE_LISTS.some(([field]) => fields[field] !== undefined)) {
          await access.assertCodes(tx, fields.guidanceYear ?? before.guidanceYear, {
            themeCodes: values.themeCodes ?? before.themeCodes,
            audienceCodes: values.audienceCodes ?? before.audienceCodes,
            formCodes: values.formCodes ?? before.formCodes,
            channelCodes: values.channelCodes ?? before.channelCodes,
          });
        }
        if (fields.ownerUnitId !== undefined)
          values.ownerUnitId = (await ownerInScope(tx, actor, fields.ownerUnitId)).id;
        if (fields.regulationId !== undefined) await assertRegulation(tx, fields.regulationId);
        if (!(await repo.update(tx, id, version, values))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await access.audit(tx, actor, 'update', before, after);
        return access.detail(tx, actor, after, ccPath);
      });
    },

    /** The proposing side takes back a proposal still awaiting a decision. */
    async withdrawProposal(actor: Actor, id: string, input: TWithdrawProposalRequest): Promise<TProposalDetail> {
      return runInTransaction(async (tx) => {
        const ccPath = await ccPathOf(tx);
        const before = await access.getVisible(tx, actor, id, ccPath, true);
        proposalsPolicy.assertCanEdit(actor, before);
        const status = access.assertTransition(before, 'withdraw');
        if (!(await repo.update(tx, id, input.version, { status }))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await access.audit(tx, actor, 'withdraw', before, after);
        return access.detail(tx, actor, after, ccPath);
      });
    },

    /**
     * The monthly reminder run of `now`: on the reminder days before the deadline, the officers of central
     * units and provinces with no proposal for the coming month yet are notified, once per reminder day.
     * Returns how many users were notified.
     */
    async sendMonthlyReminders(now: Date): Promise<number> {
      const day = vnToday(now);
      const due = reminderDue(day, closingDay);
      if (!due) return 0;
      return runInTransaction(async (tx) => {
        const candidates = await repo.listReminderUnits(tx, day);
        const proposing = await repo.proposingUnitPaths(tx, due.month);
        const units = unitsToRemind(candidates, proposing, [COMMS_CENTER_CODE]);
        if (units.length === 0) return 0;
        const unitIds = units.map((unit) => unit.id);
        return deps.notify(tx, SYSTEM_ACTOR, reminderNotice(due, unitIds));
      });
    },
  };
}
