import type { TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { pressPolicy, type PressPlace } from './press-requests.policy.js';

const actor = (userId: string, roles: TRole[], scopePath: string): Actor => ({
  userId,
  username: userId,
  fullName: userId,
  roles,
  orgUnitId: null,
  scopePath,
});
// Root /r/; the Communication Center /r/tt/; the collection board /r/thu/; Hà Nội /r/p01/.
const place: PressPlace = {
  receivingUnitPath: '/r/tt/',
  owningUnitPath: '/r/thu/',
  spokespersonId: 'speaker',
  draftedBy: 'drafter',
};

describe('press request policy', () => {
  it('lets the spokesperson and a leader above approve, but not the drafter or an officer', () => {
    expect(pressPolicy.canApprove(actor('speaker', ['unit_officer'], '/r/thu/'), place)).toBe(true);
    expect(pressPolicy.canApprove(actor('boss', ['leader'], '/r/'), place)).toBe(true);
    expect(pressPolicy.canApprove(actor('drafter', ['leader'], '/r/'), place)).toBe(false);
    expect(pressPolicy.canApprove(actor('officer', ['unit_officer'], '/r/thu/'), place)).toBe(false);
  });

  it('refuses a leader of an unrelated province', () => {
    expect(pressPolicy.canApprove(actor('hanoi-boss', ['leader'], '/r/p01/'), place)).toBe(false);
  });

  it('lets the owning unit draft and the receiving side route; others only read when in scope', () => {
    expect(pressPolicy.isOwningUnit(actor('o', ['unit_officer'], '/r/thu/'), place)).toBe(true);
    expect(pressPolicy.isOwningUnit(actor('c', ['comms_center'], '/r/tt/'), place)).toBe(false);
    expect(pressPolicy.isReceiverSide(actor('c', ['comms_center'], '/r/tt/'), place)).toBe(true);
    expect(pressPolicy.canRead(actor('h', ['province_officer'], '/r/p01/'), place)).toBe(false);
    expect(pressPolicy.canRead(actor('speaker', ['leader'], '/r/p01/'), place)).toBe(true);
  });
});
