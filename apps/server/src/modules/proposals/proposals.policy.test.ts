import type { TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { proposalsPolicy } from './proposals.policy.js';

const ROOT = '/root/';
const TT = '/root/tt/';
const P01 = '/root/p01/';
const P48 = '/root/p48/';

function actor(roles: TRole[], scopePath: string, userId = 'u1'): Actor {
  return { userId, username: 'x', fullName: 'X', roles, orgUnitId: 'unit', scopePath };
}
const hanoiProposal = { ownerUnitPath: `${P01}d001/`, proposerId: 'hanoi-user' };

describe('proposalsPolicy', () => {
  it('lets the officers of the Communication Center see and decide every proposal', () => {
    const comms = actor(['comms_center'], TT);
    expect(proposalsPolicy.canSee(comms, hanoiProposal, TT)).toBe(true);
    expect(proposalsPolicy.canDecide(comms, hanoiProposal, TT)).toBe(true);
    expect(proposalsPolicy.canEdit(comms, hanoiProposal)).toBe(false);
  });

  it('does not give the comms_center role outside the Communication Center its national reach', () => {
    const elsewhere = actor(['comms_center'], P48);
    expect(proposalsPolicy.isCommsCenter(elsewhere, TT)).toBe(false);
    expect(proposalsPolicy.canSee(elsewhere, hanoiProposal, TT)).toBe(false);
    expect(proposalsPolicy.canDecide(elsewhere, hanoiProposal, TT)).toBe(false);
    expect(proposalsPolicy.isCommsCenter(actor(['comms_center'], TT), null)).toBe(false);
  });

  it('keeps a province to its own subtree: Hà Nội sees and edits its district, Đà Nẵng neither', () => {
    const hanoi = actor(['province_officer'], P01);
    const danang = actor(['province_officer'], P48);
    expect(proposalsPolicy.canSee(hanoi, hanoiProposal, TT)).toBe(true);
    expect(proposalsPolicy.canEdit(hanoi, hanoiProposal)).toBe(true);
    expect(proposalsPolicy.canDecide(hanoi, hanoiProposal, TT)).toBe(false);
    expect(proposalsPolicy.canSee(danang, hanoiProposal, TT)).toBe(false);
    expect(proposalsPolicy.canEdit(danang, hanoiProposal)).toBe(false);
  });

  it('lets the proposer keep their proposal after moving to another unit', () => {
    const moved = actor(['province_officer'], P48, 'hanoi-user');
    expect(proposalsPolicy.canSee(moved, hanoiProposal, TT)).toBe(true);
    expect(proposalsPolicy.canEdit(moved, hanoiProposal)).toBe(true);
  });

  it('lets leaders and viewers read their subtree but neither propose, edit nor decide', () => {
    for (const role of ['leader', 'viewer'] as const) {
      const reader = actor([role], ROOT);
      expect(proposalsPolicy.canSee(reader, hanoiProposal, TT), role).toBe(true);
      expect(proposalsPolicy.canEdit(reader, hanoiProposal), role).toBe(false);
      expect(proposalsPolicy.canDecide(reader, hanoiProposal, TT), role).toBe(false);
      expect(() => proposalsPolicy.assertCanPropose(reader), role).toThrow();
    }
  });

  it('lets administrators decide within their scope only', () => {
    expect(proposalsPolicy.canDecide(actor(['admin'], ROOT), hanoiProposal, TT)).toBe(true);
    expect(proposalsPolicy.canDecide(actor(['admin'], P48), hanoiProposal, TT)).toBe(false);
  });
});
