import type {
  TAcceptProposalRequest,
  TDeclineProposalRequest,
  TMergeProposalRequest,
  TProposalDetail,
  TProposalStatus,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { decisionNotice, type ProposalDecision } from './proposal-notices.js';
import { mergeTargetProblem } from './proposal-status.js';
import type { NewProposalRow, ProposalRow } from './proposals.repository.js';
import { proposalsPolicy } from './proposals.policy.js';
import { proposalAccess, type ProposalsDeps } from './proposals.service.js';

/** What the calendar needs to plan an accepted proposal (the calendar module's CalendarItemFromProposal). */
export interface CalendarItemFromProposal {
  proposalId: string;
  title: string;
  description: string | null;
  ownerUnitId: string;
  startsOn: string;
  endsOn: string | null;
  guidanceYear: number;
  themeCodes: string[];
  audienceCodes: string[];
  channelCode: string | null;
  formCode: string | null;
  regulationId: string | null;
}

export interface ProposalDecisionsDeps extends Pick<
  ProposalsDeps,
  'runInTransaction' | 'repo' | 'recordAudit' | 'units' | 'notify'
> {
  /** Puts an accepted proposal on the editorial calendar, in the caller's transaction (calendar module). */
  createCalendarItem(tx: Tx, actor: Actor, input: CalendarItemFromProposal): Promise<{ id: string }>;
}

const blankToNull = (text: string | undefined) => (text && text.trim() ? text.trim() : null);

export type ProposalDecisionsService = ReturnType<typeof createProposalDecisionsService>;

/**
 * The Communication Center's side: accept (a calendar item in the same transaction), merge into another
 * proposal, or decline with a reason; the proposer hears of each.
 */
export function createProposalDecisionsService(deps: ProposalDecisionsDeps) {
  const { runInTransaction, repo } = deps;
  const access = proposalAccess(deps);

  /**
   * Loads the proposal for a decision under lock (the actor must be able to decide on it), runs `decide`,
   * which returns the status change, then audits and tells the proposer — all in one transaction.
   */
  async function decideOn(
    actor: Actor,
    id: string,
    version: number,
    action: 'accept' | 'merge' | 'decline',
    decide: (tx: Tx, row: ProposalRow) => Promise<{ values: Partial<NewProposalRow>; decision: ProposalDecision }>,
    alsoLock: string | null = null,
  ): Promise<TProposalDetail> {
    return runInTransaction(async (tx) => {
      const commsCenter = await access.commsCenter(tx);
      const ccPath = commsCenter?.path ?? null;
      // Two proposals are locked in id order, so that merging A into B and B into A at once cannot deadlock.
      if (alsoLock && alsoLock !== id)
        for (const lockId of [id, alsoLock].sort()) await repo.findById(tx, lockId, true);
      const before = await access.getVisible(tx, actor, id, ccPath, true);
      proposalsPolicy.assertCanDecide(actor, before, ccPath);
      const status = access.assertTransition(before, action);
      const { values, decision } = await decide(tx, before);
      const decided = { ...values, status, decidedBy: actor.userId, decidedAt: new Date() };
      if (!(await repo.update(tx, id, version, decided))) throw new AppError('conflict.version');
      const after = (await repo.findById(tx, id))!;
      await access.audit(tx, actor, action, before, after);
      await deps.notify(tx, actor, decisionNotice(after, decision));
      return access.detail(tx, actor, after, ccPath);
    });
  }

  return {
    /**
     * Accepts a proposal: it becomes a planned calendar item, by default over the proposed period, on the
     * first proposed channel and form; the request may set other dates or another channel of the year.
     */
    async acceptProposal(actor: Actor, id: string, input: TAcceptProposalRequest): Promise<TProposalDetail> {
      return decideOn(actor, id, input.version, 'accept', async (tx, row) => {
        const startsOn = input.startsOn ?? row.periodFrom;
        const endsOn = input.endsOn !== undefined ? input.endsOn : row.periodTo > startsOn ? row.periodTo : null;
        if (endsOn !== null && endsOn < startsOn) throw fieldError('endsOn', 'validation.date_order');
        const channelCode = input.channelCode !== undefined ? input.channelCode : (row.channelCodes[0] ?? null);
        if (channelCode !== null && input.channelCode !== undefined) {
          const catalog = await repo.guidanceCodes(tx, row.guidanceYear);
          if (!catalog?.get('channel')?.has(channelCode))
            throw fieldError('channelCode', 'validation.unknown_guidance_code', { code: channelCode });
        }
        const item = await deps.createCalendarItem(tx, actor, {
          proposalId: row.id,
          title: row.title,
          description: row.description,
          ownerUnitId: row.ownerUnitId,
          startsOn,
          endsOn,
          guidanceYear: row.guidanceYear,
          themeCodes: row.themeCodes,
          audienceCodes: row.audienceCodes,
          channelCode,
          formCode: row.formCodes[0] ?? null,
          regulationId: row.regulationId,
        });
        const note = blankToNull(input.note);
        return {
          values: { calendarItemId: item.id, decisionNote: note },
          decision: { kind: 'accepted', startsOn, note },
        };
      });
    },

    /**
     * Merges a proposal into another of the same guidance year that awaits a decision or was accepted;
     * proposals merged into this one follow it to the target, so a merged proposal always names a live one.
     */
    async mergeProposal(actor: Actor, id: string, input: TMergeProposalRequest): Promise<TProposalDetail> {
      return decideOn(
        actor,
        id,
        input.version,
        'merge',
        async (tx, row) => {
          const ccPath = (await access.commsCenter(tx))?.path ?? null;
          const target = input.targetId === id ? row : await repo.findById(tx, input.targetId);
          if (!target || !proposalsPolicy.canSee(actor, target, ccPath))
            throw fieldError('targetId', 'validation.invalid_value');
          const problem = mergeTargetProblem(
            { id: row.id, status: 'submitted', guidanceYear: row.guidanceYear },
            { id: target.id, status: target.status as TProposalStatus, guidanceYear: target.guidanceYear },
          );
          if (problem) throw fieldError('targetId', problem);
          await repo.repointMerged(tx, row.id, target.id);
          const note = blankToNull(input.note);
          return {
            values: { mergedIntoId: target.id, decisionNote: note },
            decision: { kind: 'merged', targetTitle: target.title, note },
          };
        },
        input.targetId,
      );
    },

    /** Declines a proposal with the reason the proposer will read. */
    async declineProposal(actor: Actor, id: string, input: TDeclineProposalRequest): Promise<TProposalDetail> {
      return decideOn(actor, id, input.version, 'decline', async () => ({
        values: { decisionNote: input.reason.trim() },
        decision: { kind: 'declined', reason: input.reason.trim() },
      }));
    },
  };
}
