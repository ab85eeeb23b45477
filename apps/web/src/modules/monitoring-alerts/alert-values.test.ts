import type { TAlertRule } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  alertActions,
  alertFiltersFromParams,
  formatRate,
  hasCondition,
  incidentHref,
  ruleConditions,
  ruleInitialValues,
  ruleRequest,
  sentimentLabel,
  statusOfTab,
  tabFromParam,
} from './alert-values';

const ID = '0b8f5a3e-8d4c-4a57-9a43-3f1f7c5b2e11';
const INCIDENT = 'c1d2e3f4-0000-4000-8000-000000000001';

describe('inbox tabs and filters', () => {
  it('opens on the new alerts and ignores unknown tabs', () => {
    expect(tabFromParam(null)).toBe('new');
    expect(tabFromParam('bogus')).toBe('new');
    expect(tabFromParam('dismissed')).toBe('dismissed');
    expect(statusOfTab('acknowledged')).toBe('acknowledged');
    expect(statusOfTab('all')).toBeUndefined();
  });

  it('reads the URL, dropping unknown kinds, flags and malformed dates', () => {
    const params = new URLSearchParams(
      'tab=all&kind=spike&flag=scam_impersonation&from=2026-11-01&to=01/12/2026&q=lua+dao&ruleId=' + ID,
    );
    expect(alertFiltersFromParams(params)).toEqual({
      q: 'lua dao',
      status: undefined,
      kind: 'spike',
      orgUnitId: undefined,
      ruleId: ID,
      flag: 'scam_impersonation',
      from: '2026-11-01',
      to: undefined,
      sort: undefined,
    });
    const bad = alertFiltersFromParams(new URLSearchParams('kind=weird&flag=nope&tab=incident'));
    expect(bad.kind).toBeUndefined();
    expect(bad.flag).toBeUndefined();
    expect(bad.status).toBe('incident');
  });
});

describe('alert actions', () => {
  it('offers what each status allows', () => {
    expect(alertActions({ status: 'new', incidentId: null })).toEqual({
      acknowledge: true,
      dismiss: true,
      reopen: false,
      openIncident: true,
      viewIncident: false,
    });
    expect(alertActions({ status: 'acknowledged', incidentId: null })).toMatchObject({
      acknowledge: false,
      dismiss: true,
      reopen: true,
      openIncident: true,
    });
    expect(alertActions({ status: 'dismissed', incidentId: null })).toEqual({
      acknowledge: false,
      dismiss: false,
      reopen: true,
      openIncident: false,
      viewIncident: false,
    });
    expect(alertActions({ status: 'incident', incidentId: INCIDENT })).toEqual({
      acknowledge: false,
      dismiss: false,
      reopen: false,
      openIncident: false,
      viewIncident: true,
    });
  });

  it('opens the incident form from the alert, or the case already opened from it', () => {
    expect(incidentHref({ id: ID, status: 'new', incidentId: null })).toBe(`/incidents?create=1&alertId=${ID}`);
    expect(incidentHref({ id: ID, status: 'incident', incidentId: INCIDENT })).toBe(`/incidents/${INCIDENT}`);
  });
});

describe('numbers and labels', () => {
  it('shows a baseline with at most one decimal in the UI language', () => {
    expect(formatRate(2.25, 'en')).toBe('2.3');
    expect(formatRate(2.25, 'vi')).toBe('2,3');
    expect(formatRate(4, 'vi')).toBe('4');
  });

  it('labels known sentiments only', () => {
    expect(sentimentLabel('negative', 'vi')).toBe('Tiêu cực');
    expect(sentimentLabel('toString', 'en')).toBeNull();
    expect(sentimentLabel(null, 'en')).toBeNull();
  });
});

const rule: TAlertRule = {
  id: ID,
  name: 'Lừa đảo',
  description: null,
  orgUnit: { id: 'u1', code: 'TT', name: 'Trung tâm Truyền thông' },
  routeToOwningUnit: true,
  queries: [
    { id: 'q1', name: 'Giả mạo BHXH' },
    { id: 'q2', name: 'Sổ BHXH' },
  ],
  minRelevance: 'core',
  sentiments: ['negative'],
  flags: ['scam_impersonation', 'book_trading'],
  units: [],
  enabled: true,
  seeded: false,
  alerts30d: 3,
  canEdit: true,
  version: 4,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('rules', () => {
  it('sums up the conditions in words, leaving out what does not narrow', () => {
    expect(ruleConditions(rule, 'en')).toEqual([
      { kind: 'queries', text: 'Giả mạo BHXH, Sổ BHXH' },
      { kind: 'relevance', text: 'Core' },
      { kind: 'sentiments', text: 'Negative' },
      { kind: 'flags', text: 'Scam or impersonation, Book and card trading' },
    ]);
    const loose = { ...rule, queries: [], minRelevance: 'unrelated' as const, sentiments: [], flags: [] };
    expect(ruleConditions({ ...loose, units: ['thu'] }, 'vi')).toEqual([{ kind: 'units', text: 'Ban Thu' }]);
  });

  it('needs a condition besides relevance', () => {
    expect(hasCondition({ queryIds: [], sentiments: [], flags: [], units: [] })).toBe(false);
    expect(hasCondition({})).toBe(false);
    expect(hasCondition({ flags: ['fraud'] })).toBe(true);
    expect(hasCondition({ units: ['csxh'] })).toBe(true);
  });

  it('turns the form back into the rule it was opened from', () => {
    const values = ruleInitialValues(rule, 'other-unit');
    expect(ruleRequest(values)).toEqual({
      name: 'Lừa đảo',
      description: null,
      orgUnitId: 'u1',
      routeToOwningUnit: true,
      queryIds: ['q1', 'q2'],
      minRelevance: 'core',
      sentiments: ['negative'],
      flags: ['scam_impersonation', 'book_trading'],
      units: [],
      enabled: true,
    });
  });

  it('starts a new rule in the user unit and cleans the request', () => {
    const values = ruleInitialValues(null, 'mine');
    expect(values).toMatchObject({ orgUnitId: 'mine', enabled: true, minRelevance: 'peripheral', queryIds: [] });
    const request = ruleRequest({ ...values, name: '  Tin xấu  ', description: '   ', flags: ['fraud', 'fraud'] });
    expect(request.name).toBe('Tin xấu');
    expect(request.description).toBeNull();
    expect(request.flags).toEqual(['fraud']);
  });
});
