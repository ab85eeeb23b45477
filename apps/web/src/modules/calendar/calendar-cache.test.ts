import type { TCalendarItem, TCalendarPage, TCalendarTaskEntry } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { withItemMoved } from './calendar-cache';

const unit = { id: '00000000-0000-4000-8000-000000000001', code: 'TT', name: 'Trung tâm Truyền thông' };
const item = (id: string, startsOn: string, endsOn: string | null = null): TCalendarItem => ({
  kind: 'item',
  id,
  title: `Bài ${id}`,
  description: null,
  startsOn,
  endsOn,
  guidanceYear: 2020,
  themeCodes: [],
  audienceCodes: [],
  channelCode: null,
  formCode: null,
  ownerUnit: unit,
  assignee: null,
  status: 'planned',
  proposalId: null,
  regulation: null,
  series: null,
  canEdit: true,
  version: 1,
  createdAt: '2026-06-01T00:00:00.000Z',
  updatedAt: '2026-06-01T00:00:00.000Z',
});
const task = (id: string, startsOn: string): TCalendarTaskEntry => ({
  kind: 'task',
  id,
  title: 'Họp báo',
  startsOn,
  endsOn: null,
  phase: 'before',
  regulation: { id: 'r', number: '1007/BHXH-TT' },
  ownerUnit: unit,
  assignee: null,
  status: 'todo',
  overdue: false,
});

describe('withItemMoved', () => {
  it('moves only the dragged item', () => {
    const page: TCalendarPage = { items: [item('a', '2026-07-01'), item('b', '2026-07-02', '2026-07-03')], total: 2 };
    const moved = withItemMoved(page, 'b', { startsOn: '2026-07-10', endsOn: '2026-07-11' });
    expect(moved?.items.map((e) => [e.id, e.startsOn, e.endsOn])).toEqual([
      ['a', '2026-07-01', null],
      ['b', '2026-07-10', '2026-07-11'],
    ]);
    expect(moved?.total).toBe(2);
    // The cache is not changed in place: rolling back restores the page as it was.
    expect(page.items[1]!.startsOn).toBe('2026-07-02');
  });

  it('leaves pages without the item, and tasks that share its id, as they are', () => {
    const page: TCalendarPage = { items: [task('a', '2026-07-01')], total: 1 };
    expect(withItemMoved(page, 'a', { startsOn: '2026-07-10', endsOn: null })).toBe(page);
    expect(withItemMoved(undefined, 'a', { startsOn: '2026-07-10', endsOn: null })).toBeUndefined();
  });
});
