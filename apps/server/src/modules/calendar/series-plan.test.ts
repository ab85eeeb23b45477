import { describe, expect, it } from 'vitest';
import { planOccurrences } from './series-plan.js';

const rows = (...days: string[]) => days.map((day, i) => ({ id: `r${i + 1}`, occurrenceOn: day }));

describe('planOccurrences', () => {
  it('keeps every row when the days do not change', () => {
    const plan = planOccurrences(rows('2026-01-15', '2026-02-15'), ['2026-01-15', '2026-02-15'], {
      shift: 0,
      taken: new Set(),
    });
    expect(plan).toEqual({
      keep: [
        { id: 'r1', occurrenceOn: '2026-01-15' },
        { id: 'r2', occurrenceOn: '2026-02-15' },
      ],
      insert: [],
      remove: [],
    });
  });

  it('moves rows with the series when it shifts, keeping their ids', () => {
    const plan = planOccurrences(rows('2026-03-02', '2026-03-09'), ['2026-03-04', '2026-03-11'], {
      shift: 2,
      taken: new Set(),
    });
    expect(plan.keep).toEqual([
      { id: 'r1', occurrenceOn: '2026-03-04' },
      { id: 'r2', occurrenceOn: '2026-03-11' },
    ]);
    expect(plan.insert).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it('removes rows whose day the new rule drops and inserts the days it adds', () => {
    const plan = planOccurrences(
      rows('2026-01-15', '2026-02-15', '2026-03-15'),
      ['2026-01-15', '2026-03-15', '2026-05-15'],
      {
        shift: 0,
        taken: new Set(),
      },
    );
    expect(plan.keep.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(plan.remove).toEqual(['r2']);
    expect(plan.insert).toEqual(['2026-05-15']);
  });

  it('leaves days held by exceptions or deleted occurrences without a new row', () => {
    const plan = planOccurrences(rows('2026-01-15'), ['2026-01-15', '2026-02-15', '2026-03-15'], {
      shift: 0,
      taken: new Set(['2026-02-15']),
    });
    expect(plan.insert).toEqual(['2026-03-15']);
  });

  it('keeps the edited occurrence on its new day even when no shift maps it there', () => {
    const plan = planOccurrences(rows('2026-01-15', '2026-02-15'), ['2026-01-30', '2026-02-27'], {
      shift: 0,
      taken: new Set(),
      anchor: { id: 'r1', day: '2026-01-30' },
    });
    expect(plan.keep).toEqual([{ id: 'r1', occurrenceOn: '2026-01-30' }]);
    expect(plan.remove).toEqual(['r2']);
    expect(plan.insert).toEqual(['2026-02-27']);
  });
});
