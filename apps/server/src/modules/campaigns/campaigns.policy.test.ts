import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { campaignsPolicy, type CampaignTarget } from './campaigns.policy.js';

const actor = (scopePath: string, ...roles: Actor['roles']): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId: 'x',
  scopePath,
});

const campaign: CampaignTarget = { ownerUnitPath: '/r/tt/', unitPaths: ['/r/tt/', '/r/p01/'], status: 'active' };

describe('campaignsPolicy', () => {
  it('lets the owner scope edit, a participating province read and link its own items only', () => {
    const centre = actor('/r/tt/', 'comms_center');
    const hanoi = actor('/r/p01/', 'province_officer');
    expect(campaignsPolicy.canEdit(centre, campaign)).toBe(true);
    expect(campaignsPolicy.canEdit(hanoi, campaign)).toBe(false);
    expect(campaignsPolicy.canSee(hanoi, campaign)).toBe(true);
    expect(campaignsPolicy.canLinkItem(hanoi, campaign, '/r/p01/d001/')).toBe(true);
    expect(campaignsPolicy.canLinkItem(hanoi, campaign, '/r/tt/')).toBe(false);
    expect(campaignsPolicy.canLinkItem(centre, campaign, '/r/p01/')).toBe(true);
    expect(campaignsPolicy.canLinkItem(centre, campaign, '/r/p48/')).toBe(false);
  });

  it('hides the campaign from a province that does not take part, and closes linking when closed', () => {
    const danang = actor('/r/p48/', 'province_officer');
    expect(campaignsPolicy.canSee(danang, campaign)).toBe(false);
    expect(campaignsPolicy.canLink(danang, campaign)).toBe(false);
    const hanoi = actor('/r/p01/', 'province_officer');
    expect(campaignsPolicy.canLink(hanoi, { ...campaign, status: 'closed' })).toBe(false);
  });

  it('lets a leader read but not write', () => {
    const leader = actor('/r/p01/', 'leader');
    expect(campaignsPolicy.canSee(leader, campaign)).toBe(true);
    expect(campaignsPolicy.canLink(leader, campaign)).toBe(false);
  });
});
