import { describe, expect, it } from 'vitest';
import {
  addDays,
  isOverdue,
  planTasks,
  stepOwner,
  vnToday,
  type PlanContext,
  type TemplateStep,
} from './task-dating.js';

const ROOT = { id: 'root', path: '/root/' };
const TT = { id: 'tt', path: '/root/tt/' };
const THU = { id: 'thu', path: '/root/thu/' };
const P01 = { id: 'p01', path: '/root/p01/' };
const D001 = { id: 'd001', path: '/root/p01/d001/' };

const step = (overrides: Partial<TemplateStep> & Pick<TemplateStep, 'id'>): TemplateStep => ({
  phase: 'before',
  offsetDays: -10,
  owner: 'comms_center',
  ownerUnit: null,
  titleVi: `Bước ${overrides.id}`,
  sortOrder: 1,
  ...overrides,
});

/** The default template of migration 0003. */
const TEMPLATE: TemplateStep[] = [
  step({ id: 'press_material', phase: 'before', offsetDays: -10, owner: 'comms_center', sortOrder: 1 }),
  step({ id: 'hotline_qa', phase: 'before', offsetDays: -7, owner: 'drafting_unit', sortOrder: 2 }),
  step({ id: 'press_release', phase: 'before', offsetDays: -3, owner: 'comms_center', sortOrder: 3 }),
  step({ id: 'articles', phase: 'during', offsetDays: 0, owner: 'comms_center', sortOrder: 4 }),
  step({ id: 'loudspeaker', phase: 'during', offsetDays: 3, owner: 'comms_center', sortOrder: 5 }),
  step({ id: 'review', phase: 'after', offsetDays: 30, owner: 'drafting_unit', sortOrder: 6 }),
];

const national: PlanContext = { effectiveOn: '2020-07-01', owningUnit: ROOT, draftingUnit: THU, commsCenter: TT };

describe('addDays', () => {
  it('moves across month and year ends', () => {
    expect(addDays('2020-03-27', 10)).toBe('2020-04-06');
    expect(addDays('2020-12-28', 7)).toBe('2021-01-04');
    expect(addDays('2021-01-05', -10)).toBe('2020-12-26');
  });

  it('counts the leap day of 2020', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
  });

  it('keeps a date that falls on a weekend', () => {
    // 2020-07-01 is a Wednesday; three days before is Sunday 28 June.
    expect(addDays('2020-07-01', -3)).toBe('2020-06-28');
    expect(new Date('2020-06-28T00:00:00Z').getUTCDay()).toBe(0);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('01/07/2020', 1)).toThrow(RangeError);
  });
});

describe('vnToday', () => {
  it("is Vietnam's calendar day, seven hours ahead of UTC", () => {
    expect(vnToday(new Date('2020-04-19T16:59:59Z'))).toBe('2020-04-19');
    expect(vnToday(new Date('2020-04-19T17:00:00Z'))).toBe('2020-04-20');
  });
});

describe('isOverdue', () => {
  it('flags open tasks whose due day has passed', () => {
    expect(isOverdue({ status: 'todo', dueOn: '2020-04-19' }, '2020-04-20')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2020-04-19' }, '2020-04-20')).toBe(true);
  });

  it('does not flag a task due today, or one that is done or cancelled', () => {
    expect(isOverdue({ status: 'todo', dueOn: '2020-04-20' }, '2020-04-20')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2020-04-01' }, '2020-04-20')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2020-04-01' }, '2020-04-20')).toBe(false);
  });
});

describe('stepOwner', () => {
  it('gives national documents to the Communication Center and the drafting unit', () => {
    expect(stepOwner(TEMPLATE[0]!, national)).toBe('tt');
    expect(stepOwner(TEMPLATE[1]!, national)).toBe('thu');
  });

  it('gives a fixed-unit step to its unit', () => {
    expect(stepOwner(step({ id: 'x', owner: 'unit', ownerUnit: P01 }), national)).toBe('p01');
  });

  it("keeps a province's local document inside the province", () => {
    const local: PlanContext = { effectiveOn: '2020-07-01', owningUnit: P01, draftingUnit: D001, commsCenter: TT };
    expect(stepOwner(TEMPLATE[0]!, local)).toBe('p01');
    expect(stepOwner(TEMPLATE[1]!, local)).toBe('d001');
    expect(stepOwner(step({ id: 'x', owner: 'unit', ownerUnit: THU }), local)).toBe('p01');
  });

  it('falls back to the owning unit without a drafting unit or a Communication Center', () => {
    const bare: PlanContext = { effectiveOn: '2020-07-01', owningUnit: ROOT, draftingUnit: null, commsCenter: null };
    expect(stepOwner(TEMPLATE[0]!, bare)).toBe('root');
    expect(stepOwner(TEMPLATE[1]!, bare)).toBe('root');
  });
});

describe('planTasks', () => {
  it('dates every step from the effective date, in the order of the template', () => {
    const planned = planTasks([...TEMPLATE].reverse(), national, new Set());
    expect(planned.map((t) => [t.templateId, t.phase, t.dueOn, t.ownerUnitId, t.offsetDays])).toEqual([
      ['press_material', 'before', '2020-06-21', 'tt', -10],
      ['hotline_qa', 'before', '2020-06-24', 'thu', -7],
      ['press_release', 'before', '2020-06-28', 'tt', -3],
      ['articles', 'during', '2020-07-01', 'tt', 0],
      ['loudspeaker', 'during', '2020-07-04', 'tt', 3],
      ['review', 'after', '2020-07-31', 'thu', 30],
    ]);
    expect(planned[0]!.title).toBe('Bước press_material');
  });

  it('plans only the steps that have no task yet', () => {
    const planned = planTasks(TEMPLATE, national, new Set(['press_material', 'articles', 'review']));
    expect(planned.map((t) => t.templateId)).toEqual(['hotline_qa', 'press_release', 'loudspeaker']);
    expect(planTasks(TEMPLATE, national, new Set(TEMPLATE.map((s) => s.id)))).toEqual([]);
  });
});
