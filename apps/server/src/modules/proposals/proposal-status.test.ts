import { PROPOSAL_STATUSES, type TProposalStatus } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { availableActions, mergeTargetProblem, nextStatus } from './proposal-status.js';

describe('proposal state machine', () => {
  describe(nextStatus.name, () => {
    it('leads a proposal awaiting a decision to each decision, to withdrawn, or keeps it on edit', () => {
      expect(nextStatus('submitted', 'accept')).toBe('accepted');
      expect(nextStatus('submitted', 'merge')).toBe('merged');
      expect(nextStatus('submitted', 'decline')).toBe('declined');
      expect(nextStatus('submitted', 'withdraw')).toBe('withdrawn');
      expect(nextStatus('submitted', 'edit')).toBe('submitted');
    });

    it('treats every other status as final', () => {
      const final: TProposalStatus[] = ['accepted', 'merged', 'declined', 'withdrawn'];
      for (const status of final) {
        for (const action of ['edit', 'withdraw', 'accept', 'merge', 'decline'] as const) {
          expect(nextStatus(status, action), `${status} → ${action}`).toBeNull();
        }
      }
    });
  });

  describe(availableActions.name, () => {
    it('gives the proposing side edit and withdraw, and the Communication Center the decisions', () => {
      expect(availableActions('submitted', { propose: true, decide: false })).toEqual(['edit', 'withdraw']);
      expect(availableActions('submitted', { propose: false, decide: true })).toEqual(['accept', 'merge', 'decline']);
      expect(availableActions('submitted', { propose: false, decide: false })).toEqual([]);
    });

    it('offers nothing once a proposal is decided or withdrawn, whoever asks', () => {
      for (const status of PROPOSAL_STATUSES.filter((s) => s !== 'submitted')) {
        expect(availableActions(status, { propose: true, decide: true }), status).toEqual([]);
      }
    });
  });

  describe(mergeTargetProblem.name, () => {
    const source = { id: 'a', status: 'submitted' as const, guidanceYear: 2020 };

    it('merges into a proposal awaiting a decision or accepted, of the same guidance year', () => {
      expect(mergeTargetProblem(source, { id: 'b', status: 'submitted', guidanceYear: 2020 })).toBeNull();
      expect(mergeTargetProblem(source, { id: 'b', status: 'accepted', guidanceYear: 2020 })).toBeNull();
    });

    it('refuses itself, merged, declined or withdrawn targets, and another guidance year', () => {
      expect(mergeTargetProblem(source, { ...source })).toBe('validation.merge_self');
      for (const status of ['merged', 'declined', 'withdrawn'] as const) {
        expect(mergeTargetProblem(source, { id: 'b', status, guidanceYear: 2020 }), status).toBe(
          'validation.merge_target',
        );
      }
      expect(mergeTargetProblem(source, { id: 'b', status: 'submitted', guidanceYear: 2026 })).toBe(
        'validation.merge_other_year',
      );
    });
  });
});
