import type { TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { monitoringArticlesPolicy } from './monitoring-articles.policy.js';

const actor = (roles: TRole[], userId: string | null = 'u1'): Actor => ({
  userId,
  username: 'x',
  fullName: 'X',
  roles,
  orgUnitId: 'o1',
  scopePath: '/o1/',
});

describe('monitoringArticlesPolicy', () => {
  it('lets the working roles correct and keeps leaders and viewers to reading', () => {
    for (const role of ['admin', 'comms_center', 'unit_officer', 'press_office', 'province_officer'] as const)
      expect(monitoringArticlesPolicy.canCorrect(actor([role]))).toBe(true);
    expect(monitoringArticlesPolicy.canCorrect(actor(['leader']))).toBe(false);
    expect(() => monitoringArticlesPolicy.assertCanCorrect(actor(['viewer']))).toThrow('access.forbidden');
  });

  it('keeps saved views for people only', () => {
    expect(() => monitoringArticlesPolicy.assertCanKeepViews(actor(['admin'], null))).toThrow('access.forbidden');
    expect(() => monitoringArticlesPolicy.assertCanKeepViews(actor(['viewer']))).not.toThrow();
  });
});
