import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { productsPolicy } from './products.policy.js';

const actor = (roles: Actor['roles'], scopePath: string): Actor => ({
  userId: '00000000-0000-4000-8000-000000000009',
  username: 'someone',
  fullName: 'Someone',
  roles,
  orgUnitId: null,
  scopePath,
});
const hanoi = { ownerUnitPath: '/root/p01/' };
const badinh = { ownerUnitPath: '/root/p01/d001/' };
const danang = { ownerUnitPath: '/root/p48/' };

describe('productsPolicy', () => {
  describe('canSee', () => {
    it('shows a province officer the products of their subtree only', () => {
      const officer = actor(['province_officer'], '/root/p01/');
      expect([hanoi, badinh, danang].map((p) => productsPolicy.canSee(officer, p))).toEqual([true, true, false]);
    });

    it('shows every officer a published product, whoever owns it, but lets only its owners change it', () => {
      const officer = actor(['province_officer'], '/root/p48/');
      const published = { ...hanoi, status: 'published' };
      expect(productsPolicy.canSee(officer, { ...hanoi, status: 'ready' })).toBe(false);
      expect(productsPolicy.canSee(officer, published)).toBe(true);
      expect(productsPolicy.canEdit(officer, published)).toBe(false);
    });

    it('shows the Communication Center every unit’s products', () => {
      expect(productsPolicy.canSee(actor(['comms_center'], '/root/tt/'), danang)).toBe(true);
    });
  });

  describe('canEdit', () => {
    it('lets working roles change products of their scope, nothing else', () => {
      const officer = actor(['district_officer'], '/root/p01/d001/');
      expect(productsPolicy.canEdit(officer, badinh)).toBe(true);
      expect(productsPolicy.canEdit(officer, hanoi)).toBe(false);
    });

    it('keeps the Communication Center to reading other units’ products', () => {
      const comms = actor(['comms_center'], '/root/tt/');
      expect(productsPolicy.canEdit(comms, danang)).toBe(false);
      expect(productsPolicy.canEdit(comms, { ownerUnitPath: '/root/tt/' })).toBe(true);
    });

    it('never lets a leader or viewer write, even in their subtree', () => {
      expect(productsPolicy.canEdit(actor(['leader'], '/root/'), hanoi)).toBe(false);
      expect(() => productsPolicy.assertCanWrite(actor(['viewer'], '/root/p01/'))).toThrow('access.forbidden');
    });
  });
});
