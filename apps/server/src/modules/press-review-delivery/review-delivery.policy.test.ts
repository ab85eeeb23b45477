import type { TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { reviewDeliveryPolicy as policy, type SubscriptionTarget } from './review-delivery.policy.js';

// Paths of the seeded tree: root R, the Communication Center T, provinces H (Hà Nội) and D (Đà Nẵng), district B.
const PATH = { root: '/R/', tt: '/R/T/', hanoi: '/R/H/', badinh: '/R/H/B/', danang: '/R/D/' };
const actor = (roles: TRole[], unit: keyof typeof PATH, userId = `user-${unit}`): Actor => ({
  userId,
  username: userId,
  fullName: userId,
  roles,
  orgUnitId: unit,
  scopePath: PATH[unit],
});
const centre = { id: 'tt', path: PATH.tt, kind: 'central_unit' };
const hanoi = { id: 'hanoi', path: PATH.hanoi, kind: 'province' };
const target = (userId: string, userPath: string, source = centre): SubscriptionTarget => ({
  userId,
  userPath,
  sourceUnit: source,
  sourceIsCentre: source === centre,
});

describe('reviewDeliveryPolicy', () => {
  describe('writeProblem', () => {
    it('lets the Communication Center manage anyone’s subscription to any edition', () => {
      const comms = actor(['comms_center'], 'tt');
      expect(policy.writeProblem(comms, target('x', PATH.danang, hanoi))).toBeNull();
    });

    it('lets an administrator manage the subscriptions of the users in their scope only', () => {
      const admin = actor(['admin'], 'hanoi');
      expect(policy.writeProblem(admin, target('x', PATH.badinh))).toBeNull();
      expect(policy.writeProblem(admin, target('x', PATH.danang))).toBe('userId');
    });

    it("lets a province officer subscribe the province's users to the province's own edition only", () => {
      const officer = actor(['province_officer'], 'hanoi');
      expect(policy.writeProblem(officer, target('x', PATH.badinh, hanoi))).toBeNull();
      expect(policy.writeProblem(officer, target('x', PATH.badinh, centre))).toBe('sourceUnitId');
      expect(policy.writeProblem(officer, target('x', PATH.danang, hanoi))).toBe('userId');
    });

    it("lets anyone subscribe themselves to the agency's edition or their own province's, nobody else", () => {
      const viewer = actor(['viewer'], 'badinh', 'me');
      expect(policy.writeProblem(viewer, target('me', PATH.badinh, centre))).toBeNull();
      expect(policy.writeProblem(viewer, target('me', PATH.badinh, hanoi))).toBeNull();
      const danang = { id: 'danang', path: PATH.danang, kind: 'province' };
      expect(policy.writeProblem(viewer, target('me', PATH.badinh, danang))).toBe('sourceUnitId');
      expect(policy.writeProblem(viewer, target('other', PATH.badinh, centre))).toBe('userId');
      expect(() => policy.assertCanWrite(viewer, target('other', PATH.badinh))).toThrow('access.forbidden');
    });
  });

  describe('canSeeSubscription', () => {
    it('shows a subscription to its subscriber and to those who manage the subscriber', () => {
      expect(policy.canSeeSubscription(actor(['leader'], 'root', 'me'), { userId: 'me', userPath: PATH.tt })).toBe(
        true,
      );
      expect(policy.canSeeSubscription(actor(['leader'], 'root'), { userId: 'x', userPath: PATH.tt })).toBe(false);
      expect(policy.canSeeSubscription(actor(['comms_center'], 'tt'), { userId: 'x', userPath: PATH.danang })).toBe(
        true,
      );
      expect(
        policy.canSeeSubscription(actor(['province_officer'], 'hanoi'), { userId: 'x', userPath: PATH.danang }),
      ).toBe(false);
    });
  });

  describe('provinceScope', () => {
    it('lets the Communication Center name any province, others those of their scope', () => {
      expect(policy.provinceScope(actor(['comms_center'], 'tt'))).toBe('/');
      expect(policy.provinceScope(actor(['province_officer'], 'hanoi'))).toBe(PATH.hanoi);
    });
  });

  describe('editions', () => {
    const draft = { status: 'draft' as const, unitId: 'tt', unitPath: PATH.tt };
    it('shows a draft and its deliveries to its editors and approvers, an approved edition to everyone', () => {
      expect(policy.canSeeEdition(actor(['comms_center'], 'tt'), draft)).toBe(true);
      expect(policy.canSeeEdition(actor(['leader'], 'root'), draft)).toBe(true);
      expect(policy.canSeeEdition(actor(['province_officer'], 'hanoi'), draft)).toBe(false);
      expect(policy.canSeeEdition(actor(['viewer'], 'danang'), { ...draft, status: 'approved' })).toBe(true);
      expect(policy.canSeeAllDeliveries(actor(['viewer'], 'danang'), { ...draft, status: 'approved' })).toBe(false);
    });

    it('lets editors retry a delivery, not leaders', () => {
      expect(() => policy.assertCanRetry(actor(['comms_center'], 'tt'), draft)).not.toThrow();
      expect(() => policy.assertCanRetry(actor(['leader'], 'root'), draft)).toThrow('access.forbidden');
      const own = { status: 'approved' as const, unitId: 'hanoi', unitPath: PATH.hanoi };
      expect(() => policy.assertCanRetry(actor(['province_officer'], 'hanoi'), own)).not.toThrow();
    });
  });
});
