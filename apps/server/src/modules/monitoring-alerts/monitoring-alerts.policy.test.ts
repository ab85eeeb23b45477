import type { TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { monitoringAlertsPolicy as policy } from './monitoring-alerts.policy.js';

const ROOT = '/root/';
const TT = '/root/tt/';
const P01 = '/root/p01/';
const D001 = '/root/p01/d001/';

const actor = (roles: TRole[], scopePath: string): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId: 'x',
  scopePath,
});

describe('monitoringAlertsPolicy', () => {
  it('shows a user the alerts of units in their subtree only', () => {
    expect(policy.canSee(actor(['province_officer'], P01), { orgUnitPath: D001 })).toBe(true);
    expect(policy.canSee(actor(['province_officer'], P01), { orgUnitPath: TT })).toBe(false);
    expect(policy.canSee(actor(['leader'], ROOT), { orgUnitPath: TT })).toBe(true);
  });

  it('lets the working roles handle alerts in scope, leaders and viewers only read', () => {
    expect(policy.canHandle(actor(['comms_center'], TT), { orgUnitPath: TT })).toBe(true);
    expect(policy.canHandle(actor(['leader'], ROOT), { orgUnitPath: TT })).toBe(false);
    expect(() => policy.assertCanHandle(actor(['viewer'], TT), { orgUnitPath: TT })).toThrow('access.forbidden');
  });

  it('lets the Communication Center manage every rule and officers those of their subtree', () => {
    expect(policy.canEditRule(actor(['comms_center'], TT), { orgUnitPath: '/root/thu/' })).toBe(true);
    expect(policy.canEditRule(actor(['province_officer'], P01), { orgUnitPath: D001 })).toBe(true);
    expect(policy.canEditRule(actor(['province_officer'], P01), { orgUnitPath: TT })).toBe(false);
    expect(policy.canEditRule(actor(['leader'], ROOT), { orgUnitPath: TT })).toBe(false);
    expect(() => policy.assertCanWriteRules(actor(['viewer'], ROOT))).toThrow('access.forbidden');
    expect(policy.managesAllRules(actor(['unit_officer'], '/root/thu/'))).toBe(false);
  });
});
