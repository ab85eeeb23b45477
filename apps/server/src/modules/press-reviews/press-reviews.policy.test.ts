import { ROLES, type TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { pressReviewsPolicy as policy } from './press-reviews.policy.js';

const ROOT = '/root/';
const TT = '/root/tt/';
const P01 = '/root/p01/';
const P48 = '/root/p48/';
const D001 = '/root/p01/d001/';

const idOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;
const unit = (path: string) => ({ id: idOf(path), path });
const actorAt = (path: string, ...roles: TRole[]): Actor => ({
  userId: `user-${idOf(path)}`,
  username: 'someone',
  fullName: 'Người dùng',
  roles,
  orgUnitId: idOf(path),
  scopePath: path,
});
const rolesWhere = (path: string, check: (actor: Actor) => boolean) =>
  ROLES.filter((role) => check(actorAt(path, role)));

describe('pressReviewsPolicy', () => {
  it('lets administrators, the Communication Center, province officers and press offices compile', () => {
    const allowed = ROLES.filter((role) => {
      try {
        policy.assertCanCompile(actorAt(P01, role));
        return true;
      } catch (error) {
        if (error instanceof AppError && error.code === 'access.forbidden') return false;
        throw error;
      }
    });
    expect(allowed).toEqual(['admin', 'comms_center', 'press_office', 'province_officer']);
  });

  it('lets the Communication Center edit its own edition, and administrators any edition in their scope', () => {
    expect(rolesWhere(TT, (a) => policy.canEdit(a, unit(TT)))).toEqual([
      'admin',
      'comms_center',
      'press_office',
      'province_officer',
    ]);
    expect(policy.canEdit(actorAt(ROOT, 'admin'), unit(P01))).toBe(true);
    expect(policy.canEdit(actorAt(TT, 'comms_center'), unit(P01))).toBe(false);
  });

  it("lets a province officer edit only their own unit's edition, not one above or beside it", () => {
    const officer = actorAt(P01, 'province_officer');
    expect(policy.canEdit(officer, unit(P01))).toBe(true);
    expect(policy.canEdit(officer, unit(P48))).toBe(false);
    expect(policy.canEdit(officer, unit(TT))).toBe(false);
    expect(policy.canEdit(actorAt(D001, 'district_officer'), unit(D001))).toBe(false);
  });

  it('lets leaders approve in their scope, without editing', () => {
    const leader = actorAt(ROOT, 'leader');
    expect(policy.canApprove(leader, unit(TT))).toBe(true);
    expect(policy.canEdit(leader, unit(TT))).toBe(false);
    expect(policy.canApprove(actorAt(P48, 'leader'), unit(P01))).toBe(false);
    expect(policy.canApprove(actorAt(P01, 'leader'), unit(P01))).toBe(true);
  });

  it('shows drafts to those who may approve them and approved editions to everyone', () => {
    const draft = { ...unit(TT), status: 'draft' };
    const approved = { ...unit(TT), status: 'approved' };
    expect(rolesWhere(ROOT, (a) => policy.canRead(a, draft))).toEqual(['admin', 'leader', 'comms_center']);
    expect(policy.canRead(actorAt(P01, 'province_officer'), draft)).toBe(false);
    expect(rolesWhere(P48, (a) => policy.canRead(a, approved))).toEqual([...ROLES]);
  });

  it('filters lists the same way: by scope for central roles, by own unit for province officers', () => {
    expect(policy.draftVisibility(actorAt(TT, 'comms_center'))).toEqual({ scopePath: TT, unitId: null });
    expect(policy.draftVisibility(actorAt(P01, 'province_officer'))).toEqual({ scopePath: null, unitId: 'p01' });
    expect(policy.draftVisibility(actorAt(P01, 'viewer'))).toEqual({ scopePath: null, unitId: null });
  });
});
