import { ROLES, type TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { plansPolicy, type PlanTarget } from './plans.policy.js';

const ROOT = '/root/';
const TT = '/root/tt/';
const P01 = '/root/p01/';
const P48 = '/root/p48/';
const D001 = '/root/p01/d001/';

const idOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;
const actorAt = (path: string, ...roles: TRole[]): Actor => ({
  userId: `user-${idOf(path)}-${roles.join('-')}`,
  username: 'someone',
  fullName: 'Người dùng',
  roles,
  orgUnitId: idOf(path),
  scopePath: path,
});
const planOf = (path: string, submittedBy: string | null = null): PlanTarget => ({
  orgUnitId: idOf(path),
  orgUnitPath: path,
  isRoot: path === ROOT,
  submittedBy,
});
const rolesThat = (check: (role: TRole) => boolean) => ROLES.filter(check);

describe('plansPolicy', () => {
  describe('canRead', () => {
    it('shows a province its own plans and its districts, never another province', () => {
      const hanoi = actorAt(P01, 'province_officer');
      expect([ROOT, P01, D001, P48].map((path) => plansPolicy.canRead(hanoi, path))).toEqual([
        false,
        true,
        true,
        false,
      ]);
    });

    it("shows the Communication Center every unit's plan, since it coordinates the sector's plan", () => {
      const comms = actorAt(TT, 'comms_center');
      expect([ROOT, P01, D001, P48].every((path) => plansPolicy.canRead(comms, path))).toBe(true);
      expect(plansPolicy.canRead(actorAt(TT, 'unit_officer'), P01)).toBe(false);
    });
  });

  describe('canWrite', () => {
    it('lets officers prepare plans in scope, and leaders and viewers only read', () => {
      expect(rolesThat((role) => plansPolicy.canWrite(actorAt(P01, role), D001))).toEqual([
        'admin',
        'comms_center',
        'unit_officer',
        'press_office',
        'province_officer',
        'district_officer',
      ]);
      expect(plansPolicy.canWrite(actorAt(D001, 'district_officer'), P01)).toBe(false);
    });

    it('refuses the preparing roles check to leaders and viewers', () => {
      const refused = (actor: Actor) => {
        try {
          plansPolicy.assertCanPrepare(actor);
          return false;
        } catch (error) {
          return error instanceof AppError && error.code === 'access.forbidden';
        }
      };
      expect(rolesThat((role) => refused(actorAt(P01, role)))).toEqual(['leader', 'viewer']);
    });
  });

  describe('canSubmit', () => {
    it("lets a unit's own people submit its plan, not the unit above nor a viewer", () => {
      expect(plansPolicy.canSubmit(actorAt(D001, 'district_officer'), planOf(D001))).toBe(true);
      expect(plansPolicy.canSubmit(actorAt(D001, 'leader'), planOf(D001))).toBe(true);
      expect(plansPolicy.canSubmit(actorAt(D001, 'viewer'), planOf(D001))).toBe(false);
      expect(plansPolicy.canSubmit(actorAt(P01, 'province_officer'), planOf(D001))).toBe(false);
      expect(plansPolicy.canSubmit(actorAt(P01, 'admin'), planOf(D001))).toBe(true);
      expect(plansPolicy.canSubmit(actorAt(P48, 'admin'), planOf(D001))).toBe(false);
    });

    it("lets the Communication Center submit the root's plan, which it prepares", () => {
      expect(plansPolicy.canSubmit(actorAt(TT, 'comms_center'), planOf(ROOT))).toBe(true);
      expect(plansPolicy.canSubmit(actorAt(TT, 'comms_center'), planOf(P01))).toBe(false);
    });
  });

  describe('canReview', () => {
    it('lets a leader above the unit or the Communication Center review, not the unit itself', () => {
      expect(plansPolicy.canReview(actorAt(P01, 'leader'), planOf(D001))).toBe(true);
      expect(plansPolicy.canReview(actorAt(ROOT, 'leader'), planOf(D001))).toBe(true);
      expect(plansPolicy.canReview(actorAt(TT, 'comms_center'), planOf(P48))).toBe(true);
      expect(plansPolicy.canReview(actorAt(P01, 'leader'), planOf(P01))).toBe(false);
      expect(plansPolicy.canReview(actorAt(P48, 'leader'), planOf(D001))).toBe(false);
      expect(plansPolicy.canReview(actorAt(P01, 'province_officer'), planOf(D001))).toBe(false);
      expect(plansPolicy.canReview(actorAt(ROOT, 'admin'), planOf(P01))).toBe(false);
    });

    it("keeps the Communication Center from approving its own plan and the root's", () => {
      const comms = actorAt(TT, 'comms_center');
      expect(plansPolicy.canReview(comms, planOf(TT))).toBe(false);
      expect(plansPolicy.canReview(comms, planOf(ROOT))).toBe(false);
    });

    it("leaves the root's plan to the leaders of the root", () => {
      expect(plansPolicy.canReview(actorAt(ROOT, 'leader'), planOf(ROOT))).toBe(true);
      expect(plansPolicy.canReview(actorAt(P01, 'leader'), planOf(ROOT))).toBe(false);
    });

    it('refuses review to whoever submitted the plan, with its own error', () => {
      const leader = actorAt(ROOT, 'leader');
      const plan = planOf(ROOT, leader.userId);
      expect(plansPolicy.canReview(leader, plan)).toBe(false);
      expect(() => plansPolicy.assertCanReview(leader, plan)).toThrow(
        expect.objectContaining({ code: 'plan.self_review' }),
      );
      expect(() => plansPolicy.assertCanReview(actorAt(P48, 'leader'), planOf(P01))).toThrow(
        expect.objectContaining({ code: 'access.forbidden' }),
      );
    });
  });
});
