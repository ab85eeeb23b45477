import type { TRegulationTask } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { formatOffset, groupByPhase, relationLabelKey } from './task-groups';

const task = (id: string, phase: TRegulationTask['phase'], dueOn: string, title = id): TRegulationTask => ({
  id,
  regulationId: 'r1',
  regulationNumber: '1007/BHXH-TT',
  regulationSummary: 'V/v truyền thông',
  phase,
  title,
  ownerUnit: { id: 'u1', code: 'TT', name: 'Trung tâm Truyền thông' },
  assignee: null,
  dueOn,
  offsetDays: null,
  templateId: null,
  status: 'todo',
  completedAt: null,
  overdue: false,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('groupByPhase', () => {
  it('puts before, during and after in that order, each by due date', () => {
    const groups = groupByPhase([
      task('review', 'after', '2026-07-31'),
      task('articles', 'during', '2026-07-01'),
      task('hotline', 'before', '2026-06-24'),
      task('press', 'before', '2026-06-21'),
    ]);
    expect(groups.map((g) => [g.phase, g.tasks.map((t) => t.id)])).toEqual([
      ['before', ['press', 'hotline']],
      ['during', ['articles']],
      ['after', ['review']],
    ]);
  });

  it('keeps empty phases, so the timeline always shows all three', () => {
    expect(groupByPhase([]).map((g) => [g.phase, g.tasks.length])).toEqual([
      ['before', 0],
      ['during', 0],
      ['after', 0],
    ]);
  });

  it('orders tasks due the same day by title, in Vietnamese order', () => {
    const groups = groupByPhase([
      task('b', 'during', '2026-07-01', 'Đăng tin'),
      task('a', 'during', '2026-07-01', 'Dựng clip'),
    ]);
    expect(groups[1]!.tasks.map((t) => t.title)).toEqual(['Dựng clip', 'Đăng tin']);
  });
});

describe('relationLabelKey', () => {
  it('reads a relation from either end', () => {
    expect(relationLabelKey({ kind: 'amends', direction: 'outgoing' })).toBe('regulations.relation.amends');
    expect(relationLabelKey({ kind: 'amends', direction: 'incoming' })).toBe('regulations.relation.amendedBy');
    expect(relationLabelKey({ kind: 'replaces', direction: 'incoming' })).toBe('regulations.relation.replacedBy');
    expect(relationLabelKey({ kind: 'guides', direction: 'outgoing' })).toBe('regulations.relation.guides');
  });
});

describe('formatOffset', () => {
  it('signs offsets from the effective date', () => {
    expect(formatOffset(-10)).toBe('−10');
    expect(formatOffset(0)).toBe('0');
    expect(formatOffset(30)).toBe('+30');
  });
});
