import { describe, expect, it } from 'vitest';
import type { TRole } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import { appraisalsPolicy } from './appraisals.policy.js';

const actor = (roles: TRole[], orgUnitId: string): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId,
  scopePath: `/root/${orgUnitId}/`,
});

describe('appraisalsPolicy', () => {
  it('lets only a working officer of the asked unit itself sign', () => {
    expect(appraisalsPolicy.isOfficerOf(actor(['unit_officer'], 'thu'), 'thu')).toBe(true);
    expect(appraisalsPolicy.isOfficerOf(actor(['viewer'], 'thu'), 'thu')).toBe(false);
    expect(appraisalsPolicy.isOfficerOf(actor(['unit_officer'], 'csxh'), 'thu')).toBe(false);
  });

  it('tells an officer of a unit that was not asked why they may not sign', () => {
    expect(() => appraisalsPolicy.assertCanSign(actor(['unit_officer'], 'csxh'), 'thu')).toThrow(
      'appraisal.not_requested_unit',
    );
    expect(() => appraisalsPolicy.assertCanSign(actor(['leader'], 'thu'), 'thu')).toThrow('access.forbidden');
    expect(() => appraisalsPolicy.assertCanSign(actor(['unit_officer'], 'thu'), 'thu')).not.toThrow();
  });
});
