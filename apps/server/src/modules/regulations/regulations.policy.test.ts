import { ROLES, type TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { regulationsPolicy } from './regulations.policy.js';

const ROOT = '/root/';
const THU = '/root/thu/';
const P01 = '/root/p01/';
const P48 = '/root/p48/';
const D001 = '/root/p01/d001/';

const idOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;
const actorAt = (path: string, ...roles: TRole[]): Actor => ({
  userId: `user-${idOf(path)}`,
  username: 'someone',
  fullName: 'Người dùng',
  roles,
  orgUnitId: idOf(path),
  scopePath: path,
});

const allows = (check: () => void): boolean => {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'access.forbidden') return false;
    throw error;
  }
};
const national = (draftingUnitId: string | null = 'thu') => ({ orgUnitPath: ROOT, draftingUnitId });
const local = (orgUnitPath: string) => ({ orgUnitPath, draftingUnitId: null });

describe('regulationsPolicy', () => {
  describe('assertCanRead', () => {
    it('lets every role read the registry', () => {
      expect(ROLES.filter((role) => allows(() => regulationsPolicy.assertCanRead(actorAt(P48, role))))).toEqual([
        ...ROLES,
      ]);
    });
  });

  describe('assertCanRegister', () => {
    it('lets administrators, the Communication Center, central units and provinces register documents', () => {
      expect(ROLES.filter((role) => allows(() => regulationsPolicy.assertCanRegister(actorAt(P01, role))))).toEqual([
        'admin',
        'comms_center',
        'unit_officer',
        'province_officer',
      ]);
    });
  });

  describe('writeProblem', () => {
    it('lets the national administrator write every document', () => {
      const admin = actorAt(ROOT, 'admin');
      expect(regulationsPolicy.writeProblem(admin, national())).toBeNull();
      expect(regulationsPolicy.writeProblem(admin, local(P48))).toBeNull();
    });

    it("lets the Communication Center write national documents but not a province's", () => {
      const comms = actorAt('/root/tt/', 'comms_center');
      expect(regulationsPolicy.writeProblem(comms, national())).toBeNull();
      expect(regulationsPolicy.writeProblem(comms, local(P01))).toBe('orgUnitId');
    });

    it('lets a central unit officer write the national documents their own unit drafts', () => {
      const banThu = actorAt(THU, 'unit_officer');
      expect(regulationsPolicy.writeProblem(banThu, national('thu'))).toBeNull();
      expect(regulationsPolicy.writeProblem(banThu, national('csyt'))).toBe('draftingUnitId');
      expect(regulationsPolicy.writeProblem(banThu, national(null))).toBe('draftingUnitId');
      expect(regulationsPolicy.writeProblem(banThu, local(P01))).toBe('orgUnitId');
    });

    it("lets a province officer write their province's local documents only", () => {
      const hanoi = actorAt(P01, 'province_officer');
      expect(regulationsPolicy.writeProblem(hanoi, local(P01))).toBeNull();
      expect(regulationsPolicy.writeProblem(hanoi, local(D001))).toBeNull();
      expect(regulationsPolicy.writeProblem(hanoi, local(P48))).toBe('orgUnitId');
      expect(regulationsPolicy.writeProblem(hanoi, national())).toBe('orgUnitId');
    });

    it('keeps a province administrator to their province', () => {
      const hanoiAdmin = actorAt(P01, 'admin');
      expect(regulationsPolicy.writeProblem(hanoiAdmin, local(P01))).toBeNull();
      expect(regulationsPolicy.writeProblem(hanoiAdmin, national())).toBe('orgUnitId');
    });

    it('lets leaders, press offices, districts and viewers write nothing', () => {
      for (const role of ['leader', 'press_office', 'district_officer', 'viewer'] as const) {
        expect(regulationsPolicy.canEdit(actorAt(ROOT, role), national()), role).toBe(false);
      }
    });
  });

  describe('assertCanEdit', () => {
    it('forbids (rather than hides) a document the actor may read but not change', () => {
      expect(allows(() => regulationsPolicy.assertCanEdit(actorAt(P48, 'province_officer'), local(P01)))).toBe(false);
      expect(allows(() => regulationsPolicy.assertCanEdit(actorAt(P01, 'province_officer'), local(P01)))).toBe(true);
    });
  });

  describe('defaultOwningUnitId', () => {
    it("files central users' documents under the root and provinces' under their own unit", () => {
      expect(regulationsPolicy.defaultOwningUnitId(actorAt(ROOT, 'admin'))).toBe('root');
      expect(regulationsPolicy.defaultOwningUnitId(actorAt('/root/tt/', 'comms_center'))).toBe('root');
      expect(regulationsPolicy.defaultOwningUnitId(actorAt(THU, 'unit_officer'))).toBe('root');
      expect(regulationsPolicy.defaultOwningUnitId(actorAt(P01, 'province_officer'))).toBe('p01');
      expect(regulationsPolicy.defaultOwningUnitId(actorAt(P01, 'admin'))).toBe('p01');
    });
  });

  describe('task permissions', () => {
    it('lets planners add and generate tasks', () => {
      expect(ROLES.filter((role) => allows(() => regulationsPolicy.assertCanPlanTasks(actorAt(P01, role))))).toEqual([
        'admin',
        'comms_center',
        'unit_officer',
        'province_officer',
      ]);
    });

    it('lets every working role, but not leaders and viewers, work on tasks', () => {
      expect(ROLES.filter((role) => allows(() => regulationsPolicy.assertCanWorkOnTasks(actorAt(P01, role))))).toEqual([
        'admin',
        'comms_center',
        'unit_officer',
        'press_office',
        'province_officer',
        'district_officer',
      ]);
    });

    it('lets only administrators and the Communication Center edit the template', () => {
      expect(
        ROLES.filter((role) => allows(() => regulationsPolicy.assertCanEditTemplate(actorAt(ROOT, role)))),
      ).toEqual(['admin', 'comms_center']);
    });

    it('shows a task to users whose scope holds its owner unit, and to its assignee', () => {
      const danang = actorAt(P48, 'province_officer');
      const hanoi = actorAt(P01, 'province_officer');
      const badinh = actorAt(D001, 'district_officer');
      const hanoiTask = { ownerUnitPath: P01, assigneeUserId: null };
      expect(regulationsPolicy.canSeeTask(hanoi, hanoiTask)).toBe(true);
      expect(regulationsPolicy.canSeeTask(danang, hanoiTask)).toBe(false);
      expect(regulationsPolicy.canSeeTask(badinh, hanoiTask)).toBe(false);
      expect(regulationsPolicy.canSeeTask(badinh, { ownerUnitPath: P01, assigneeUserId: 'user-d001' })).toBe(true);
      expect(regulationsPolicy.canSeeTask(actorAt(ROOT, 'leader'), hanoiTask)).toBe(true);
    });
  });
});
