import type { TCalendarEntry } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { compareEntries, mergePage } from './calendar-entries.js';

const entry = (kind: 'item' | 'task', id: string, startsOn: string, title: string) =>
  ({ kind, id, startsOn, title }) as TCalendarEntry;

describe('compareEntries', () => {
  it('orders by day, items before tasks on the same day, then by id', () => {
    const list = [
      entry('task', 'a', '2026-05-02', 'x'),
      entry('item', 'c', '2026-05-02', 'y'),
      entry('item', 'b', '2026-05-02', 'z'),
      entry('task', 'd', '2026-05-01', 'w'),
    ];
    expect(list.sort(compareEntries('startsOn')).map((e) => e.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(list.sort(compareEntries('-startsOn')).map((e) => e.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('orders titles the Vietnamese way (Đ after D)', () => {
    const list = [
      entry('item', '1', '2026-05-01', 'Đà Nẵng'),
      entry('task', '2', '2026-05-01', 'Em'),
      entry('item', '3', '2026-05-01', 'Duy'),
    ];
    expect(list.sort(compareEntries('title')).map((e) => e.title)).toEqual(['Duy', 'Đà Nẵng', 'Em']);
  });
});

describe('mergePage', () => {
  it('merges two sorted lists and cuts out the requested page', () => {
    const items = [entry('item', 'i1', '2026-05-01', 'a'), entry('item', 'i2', '2026-05-03', 'b')];
    const tasks = [entry('task', 't1', '2026-05-02', 'c'), entry('task', 't2', '2026-05-04', 'd')];
    expect(mergePage(items, tasks, 'startsOn', { page: 1, pageSize: 3 }).map((e) => e.id)).toEqual(['i1', 't1', 'i2']);
    expect(mergePage(items, tasks, 'startsOn', { page: 2, pageSize: 3 }).map((e) => e.id)).toEqual(['t2']);
  });
});
