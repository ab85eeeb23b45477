import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { officialChannelsPolicy } from './official-channels.policy.js';

const actor = (roles: Actor['roles'], scopePath: string): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId: 'x',
  scopePath,
});
const ROOT = { orgUnitPath: '/root/' };
const PROVINCE = { orgUnitPath: '/root/p01/' };

describe('officialChannelsPolicy', () => {
  it('lets Communication Center officers change every entry, wherever their unit is', () => {
    const tt = actor(['comms_center'], '/root/tt/');
    expect(officialChannelsPolicy.canEdit(tt, ROOT)).toBe(true);
    expect(officialChannelsPolicy.canEdit(tt, PROVINCE)).toBe(true);
  });

  it('lets administrators change the entries of their subtree only', () => {
    const provinceAdmin = actor(['admin'], '/root/p01/');
    expect(officialChannelsPolicy.canEdit(provinceAdmin, PROVINCE)).toBe(true);
    expect(officialChannelsPolicy.canEdit(provinceAdmin, ROOT)).toBe(false);
    expect(officialChannelsPolicy.canEdit(actor(['admin'], '/root/'), PROVINCE)).toBe(true);
  });

  it('refuses other roles', () => {
    const officer = actor(['province_officer'], '/root/p01/');
    expect(officialChannelsPolicy.canEdit(officer, PROVINCE)).toBe(false);
    expect(() => officialChannelsPolicy.assertCanWrite(officer)).toThrow();
    expect(() => officialChannelsPolicy.assertCanWrite(actor(['comms_center'], '/root/tt/'))).not.toThrow();
  });
});
