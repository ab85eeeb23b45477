import { describe, expect, it } from 'vitest';
import { depthOf, figuresOf, monthEnd, pathPrefixes, planPeriod, splitPeriod } from './dashboard-rollup-plan.js';

describe('dashboard rollup plan', () => {
  it('knows the last day of a month, leap years included', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2025-02-01')).toBe('2025-02-28');
    expect(monthEnd('2025-12-31')).toBe('2025-12-31');
  });

  it('splits a period into its whole months and its partial edge months', () => {
    expect(splitPeriod('2025-01-15', '2025-04-10')).toEqual({
      months: ['2025-02-01', '2025-03-01'],
      direct: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    });
    expect(splitPeriod('2024-12-01', '2025-02-28')).toEqual({
      months: ['2024-12-01', '2025-01-01', '2025-02-01'],
      direct: [],
    });
    expect(splitPeriod('2025-03-01', '2025-03-30')).toEqual({
      months: [],
      direct: [{ from: '2025-03-01', to: '2025-03-30' }],
    });
    expect(splitPeriod('2025-03-31', '2025-04-01')).toEqual({
      months: [],
      direct: [{ from: '2025-03-31', to: '2025-04-01' }],
    });
    expect(splitPeriod('2025-03-31', '2025-05-01')).toEqual({
      months: ['2025-04-01'],
      direct: [
        { from: '2025-03-31', to: '2025-03-31' },
        { from: '2025-05-01', to: '2025-05-01' },
      ],
    });
  });

  it('reads dirty months directly, merged with adjacent edges into single ranges', () => {
    const dirty = new Set(['2025-02-01', '2025-04-01', '2025-07-01']);
    expect(planPeriod('2025-01-15', '2025-05-31', dirty)).toEqual({
      months: ['2025-03-01', '2025-05-01'],
      direct: [
        { from: '2025-01-15', to: '2025-02-28' },
        { from: '2025-04-01', to: '2025-04-30' },
      ],
    });
    expect(planPeriod('2025-01-01', '2025-12-31', new Set())).toEqual(splitPeriod('2025-01-01', '2025-12-31'));
  });

  it('reads the clean edge months from the day cells when the units have them, dirty ones directly', () => {
    expect(planPeriod('2025-01-15', '2025-04-10', new Set(), true)).toEqual({
      months: ['2025-02-01', '2025-03-01'],
      days: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
      direct: [],
    });
    expect(planPeriod('2025-01-15', '2025-04-10', new Set(['2025-01-01', '2025-02-01']), true)).toEqual({
      months: ['2025-03-01'],
      days: [{ from: '2025-04-01', to: '2025-04-10' }],
      direct: [{ from: '2025-01-15', to: '2025-02-28' }],
    });
    // A period without a whole month, over two months: each month's part on its own.
    expect(planPeriod('2025-03-20', '2025-04-05', new Set(['2025-04-01']), true)).toEqual({
      months: [],
      days: [{ from: '2025-03-20', to: '2025-03-31' }],
      direct: [{ from: '2025-04-01', to: '2025-04-05' }],
    });
    expect(planPeriod('2025-03-20', '2025-04-05', new Set(), false)).toEqual({
      months: [],
      direct: [{ from: '2025-03-20', to: '2025-04-05' }],
    });
    expect(depthOf('/a/')).toBe(1);
    expect(depthOf('/a/b/c/')).toBe(3);
  });

  it('groups the rolled figures by the tables that feed them', () => {
    expect(figuresOf('events')).toEqual(['events', 'attendance', 'newVoluntary', 'newHousehold']);
    expect(figuresOf('publications')).toEqual(['publications', 'reach']);
    expect(figuresOf('expenditures')).toEqual(['budgetSpent']);
  });

  it('lists a unit and its ancestors by their path prefixes', () => {
    expect(pathPrefixes('/a/b/c/')).toEqual(['/a/', '/a/b/', '/a/b/c/']);
    expect(pathPrefixes('/root/')).toEqual(['/root/']);
  });
});
