import { describe, expect, it } from 'vitest';
import {
  alertTargets,
  hasCondition,
  queryAlerts,
  routeOf,
  ruleMatches,
  type AlertRuleSpec,
  type ClassifiedArticle,
} from './rule-match.js';

const article = (over: Partial<ClassifiedArticle> = {}): ClassifiedArticle => ({
  id: 'a1',
  seq: 1,
  clusterId: 'a1',
  title: 'Doanh nghiệp nợ đóng BHXH',
  sourceName: 'Báo Lao Động',
  relevance: 'core',
  sentiment: 'negative',
  flags: ['evasion_debt'],
  unit: 'thu',
  matchedQueryIds: [],
  arrivedAt: new Date('2026-03-02T03:00:00Z'),
  ...over,
});

const rule = (over: Partial<AlertRuleSpec> = {}): AlertRuleSpec => ({
  id: 'r1',
  name: 'Tin cốt lõi, tiêu cực',
  orgUnitId: 'unit-tt',
  routeToOwningUnit: false,
  queryIds: [],
  minRelevance: 'core',
  sentiments: ['negative'],
  flags: [],
  units: [],
  ...over,
});

const units = new Map([
  ['THU', 'unit-thu'],
  ['TT', 'unit-tt'],
  ['ST', 'unit-st'],
]);

describe('ruleMatches', () => {
  it('needs every condition the rule sets', () => {
    expect(ruleMatches(rule(), article())).toBe(true);
    expect(ruleMatches(rule(), article({ sentiment: 'neutral' }))).toBe(false);
    expect(ruleMatches(rule(), article({ relevance: 'peripheral' }))).toBe(false);
    expect(ruleMatches(rule({ units: ['csxh'] }), article())).toBe(false);
    expect(ruleMatches(rule({ units: ['csxh', 'thu'] }), article())).toBe(true);
  });

  it('matches any of the flags and any of the queries it names', () => {
    const scams = rule({ sentiments: [], minRelevance: 'unrelated', flags: ['scam_impersonation', 'misinformation'] });
    expect(ruleMatches(scams, article({ relevance: 'unrelated', flags: ['misinformation'] }))).toBe(true);
    expect(ruleMatches(scams, article())).toBe(false);
    const byQuery = rule({ sentiments: [], minRelevance: 'peripheral', queryIds: ['q1', 'q2'] });
    expect(ruleMatches(byQuery, article({ matchedQueryIds: ['q2'] }))).toBe(true);
    expect(ruleMatches(byQuery, article({ matchedQueryIds: ['q3'] }))).toBe(false);
    expect(ruleMatches(byQuery, article({ matchedQueryIds: ['q1'], relevance: 'unrelated' }))).toBe(false);
  });

  it('never matches a rule with relevance as its only condition', () => {
    const bare = rule({ sentiments: [], minRelevance: 'unrelated' });
    expect(hasCondition(bare)).toBe(false);
    expect(ruleMatches(bare, article())).toBe(false);
  });
});

describe('queryAlerts', () => {
  const query = { id: 'q1', name: 'Lừa đảo', orgUnitId: 'unit-tt', alertMinRelevance: 'peripheral' as const };
  it('alerts when the query matched at ingest at or above its alert relevance', () => {
    expect(queryAlerts(query, article({ matchedQueryIds: ['q1'], relevance: 'peripheral' }))).toBe(true);
    expect(queryAlerts(query, article({ matchedQueryIds: ['q1'], relevance: 'unrelated' }))).toBe(false);
    expect(queryAlerts(query, article({ matchedQueryIds: ['q9'] }))).toBe(false);
  });
});

describe('routeOf', () => {
  it("sends to the article's owning unit, else to the rule's unit", () => {
    const routed = rule({ orgUnitId: 'unit-tt', routeToOwningUnit: true });
    expect(routeOf(routed, article({ unit: 'thu' }), units)).toBe('unit-thu');
    expect(routeOf(routed, article({ unit: 'none' }), units)).toBe('unit-tt');
    // CSXH is not in this tree: the rule's own unit.
    expect(routeOf(routed, article({ unit: 'csxh' }), units)).toBe('unit-tt');
    expect(routeOf(rule({ orgUnitId: 'unit-st' }), article({ unit: 'thu' }), units)).toBe('unit-st');
  });
});

describe('alertTargets', () => {
  it('lists each matching rule with its unit and each immediate query with its own', () => {
    const rules = [
      rule({ id: 'core-negative', routeToOwningUnit: true }),
      rule({ id: 'books', orgUnitId: 'unit-st', sentiments: [], minRelevance: 'unrelated', flags: ['book_trading'] }),
    ];
    const queries = [
      { id: 'q-scams', name: 'Lừa đảo', orgUnitId: 'unit-tt', alertMinRelevance: 'unrelated' as const },
      { id: 'q-daily', name: 'Khác', orgUnitId: 'unit-st', alertMinRelevance: 'core' as const },
    ];
    const targets = alertTargets(article({ matchedQueryIds: ['q-scams'] }), rules, queries, units);
    expect(targets).toEqual([
      { orgUnitId: 'unit-thu', ruleId: 'core-negative', queryId: null },
      { orgUnitId: 'unit-tt', ruleId: null, queryId: 'q-scams' },
    ]);
  });
});
