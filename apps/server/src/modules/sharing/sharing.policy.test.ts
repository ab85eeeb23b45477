import type { TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { sharingPolicy } from './sharing.policy.js';

const actor = (roles: TRole[], scopePath = '/root/p01/', userId: string | null = 'u1'): Actor => ({
  userId,
  username: 'x',
  fullName: 'X',
  roles,
  orgUnitId: 'p01',
  scopePath,
});
const mine = { userId: 'u1', unitPath: '/root/p01/d001/' };
const colleague = { userId: 'u2', unitPath: '/root/p01/d001/' };

describe('sharingPolicy', () => {
  it('lets staff of every working role and leaders share, but not viewers or the system', () => {
    expect(sharingPolicy.mayShare(actor(['district_officer']))).toBe(true);
    expect(sharingPolicy.mayShare(actor(['leader']))).toBe(true);
    expect(sharingPolicy.mayShare(actor(['viewer']))).toBe(false);
    expect(sharingPolicy.mayShare(actor(['admin'], '/', null))).toBe(false);
  });

  it('lets only the officer edit their share', () => {
    expect(sharingPolicy.canEdit(actor(['province_officer']), mine)).toBe(true);
    expect(sharingPolicy.canEdit(actor(['leader']), colleague)).toBe(false);
    expect(sharingPolicy.canEdit(actor(['admin'], '/'), colleague)).toBe(false);
  });

  it('lets a leader or administrator of the share’s unit delete it, not an officer or an outsider', () => {
    expect(sharingPolicy.canDelete(actor(['leader']), colleague)).toBe(true);
    expect(sharingPolicy.canDelete(actor(['admin']), colleague)).toBe(true);
    expect(sharingPolicy.canDelete(actor(['province_officer']), colleague)).toBe(false);
    expect(sharingPolicy.canDelete(actor(['leader'], '/root/p48/'), colleague)).toBe(false);
  });

  it('reads leaderboards within the subtree, and everywhere for the Communication Center', () => {
    expect(sharingPolicy.canReadLeaderboard(actor(['leader']), '/root/p01/d001/')).toBe(true);
    expect(sharingPolicy.canReadLeaderboard(actor(['leader'], '/root/p48/'), '/root/p01/')).toBe(false);
    expect(sharingPolicy.canReadLeaderboard(actor(['comms_center'], '/root/tt/'), '/root/p01/')).toBe(true);
  });
});
