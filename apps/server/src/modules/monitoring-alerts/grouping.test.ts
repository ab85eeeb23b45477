import { describe, expect, it } from 'vitest';
import { groupAlerts } from './grouping.js';
import type { AlertTarget, ClassifiedArticle } from './rule-match.js';

let seq = 0;
const article = (id: string, clusterId: string, over: Partial<ClassifiedArticle> = {}): ClassifiedArticle => ({
  id,
  seq: ++seq,
  clusterId,
  title: `Bài ${id}`,
  sourceName: 'Báo Tuổi Trẻ',
  relevance: 'peripheral',
  sentiment: 'neutral',
  flags: [],
  unit: 'truyenthong',
  matchedQueryIds: [],
  arrivedAt: new Date(Date.UTC(2026, 2, 2, 3, seq)),
  ...over,
});

/** Targets given per article id. */
const targets =
  (byId: Record<string, AlertTarget[]>) =>
  (a: ClassifiedArticle): AlertTarget[] =>
    byId[a.id] ?? [];
const toTT = (ruleId: string | null, queryId: string | null = null): AlertTarget => ({
  orgUnitId: 'TT',
  ruleId,
  queryId,
});

describe('groupAlerts', () => {
  it('makes one alert of a syndicated story however many copies and rules match', () => {
    const story = article('s1', 's1', { flags: ['scam_impersonation'] });
    const copy = article('s2', 's1', { flags: ['scam_impersonation', 'misinformation'], sentiment: 'negative' });
    const other = article('o1', 'o1');
    const { created, additions } = groupAlerts(
      [story, copy, other],
      targets({ s1: [toTT('scams'), toTT(null, 'q-scams')], s2: [toTT('scams')] }),
      [],
    );
    expect(additions).toEqual([]);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      clusterId: 's1',
      orgUnitId: 'TT',
      articleIds: ['s1', 's2'],
      ruleIds: ['scams'],
      queryIds: ['q-scams'],
      sentiment: 'negative',
      flags: ['misinformation', 'scam_impersonation'],
    });
    expect(created[0]!.trigger.id).toBe('s1');
    expect(created[0]!.firstSeenAt).toEqual(story.arrivedAt);
    expect(created[0]!.lastSeenAt).toEqual(copy.arrivedAt);
  });

  it('makes one alert per unit when rules route one story to two units', () => {
    const story = article('t1', 't1', { relevance: 'core' });
    const { created } = groupAlerts(
      [story],
      targets({ t1: [{ orgUnitId: 'THU', ruleId: 'core', queryId: null }, toTT(null, 'q')] }),
      [],
    );
    expect(created.map((c) => c.orgUnitId).sort()).toEqual(['THU', 'TT']);
  });

  it('adds later copies to the stored alert, matching or not, and never makes a second one', () => {
    const copy = article('s3', 's1', { relevance: 'core' });
    const unmatchedCopy = article('s4', 's1');
    const stored = { id: 'alert-1', clusterId: 's1', orgUnitId: 'TT', articleIds: ['s1', 's2'] };
    const { created, additions } = groupAlerts([copy, unmatchedCopy], targets({ s3: [toTT('scams')] }), [stored]);
    expect(created).toEqual([]);
    expect(additions).toEqual([
      expect.objectContaining({
        alertId: 'alert-1',
        articleIds: ['s3', 's4'],
        ruleIds: ['scams'],
        queryIds: [],
        relevance: 'core',
        lastSeenAt: unmatchedCopy.arrivedAt,
      }),
    ]);
  });

  it('leaves out articles already on the alert (a batch read again after a crash)', () => {
    const again = article('s2', 's1');
    const stored = { id: 'alert-1', clusterId: 's1', orgUnitId: 'TT', articleIds: ['s1', 's2'] };
    expect(groupAlerts([again], targets({ s2: [toTT('scams')] }), [stored])).toEqual({ created: [], additions: [] });
  });

  it('raises nothing for articles no rule or query alerts', () => {
    expect(groupAlerts([article('x', 'x'), article('y', 'x')], () => [], [])).toEqual({
      created: [],
      additions: [],
    });
  });
});
