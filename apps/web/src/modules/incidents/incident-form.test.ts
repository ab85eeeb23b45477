import type { TIncident } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  formValuesOf,
  guideFromFlags,
  initialCreateValues,
  toActionRequest,
  toCreateRequest,
  toUpdateRequest,
  type IncidentFormValues,
} from './incident-form';

const UNIT = '0b6f3c1e-6a0a-4c57-9a55-1f2d3c4b5a69';
const OTHER = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const ALERT = '11111111-2222-4333-8444-555555555555';

const values = (patch: Partial<IncidentFormValues> = {}): IncidentFormValues => ({
  title: '  Giả mạo BHXH gọi điện  ',
  description: '   ',
  reach: 'provincial',
  falsity: 'false',
  officialsNamed: false,
  legalRisk: true,
  severity: null,
  owningUnitId: UNIT,
  supportingUnitIds: [OTHER, UNIT],
  queryId: null,
  assessDueAt: null,
  respondDueAt: null,
  ...patch,
});

describe('toCreateRequest', () => {
  it('trims text, leaves the severity to the server when not chosen and drops the owner from the supporters', () => {
    expect(toCreateRequest(values(), { alertId: ALERT, articleIds: [] })).toEqual({
      title: 'Giả mạo BHXH gọi điện',
      description: null,
      guide: { reach: 'provincial', falsity: 'false', officialsNamed: false, legalRisk: true },
      owningUnitId: UNIT,
      supportingUnitIds: [OTHER],
      articleIds: [],
      alertId: ALERT,
      queryId: null,
    });
  });

  it('sends a chosen severity and explicit deadlines', () => {
    const request = toCreateRequest(values({ severity: 'severe', assessDueAt: '2026-11-21T01:00:00.000Z' }), {
      articleIds: [OTHER],
    });
    expect(request.severity).toBe('severe');
    expect(request.assessDueAt).toBe('2026-11-21T01:00:00.000Z');
    expect(request).not.toHaveProperty('respondDueAt');
    expect(request).not.toHaveProperty('alertId');
    expect(request.articleIds).toEqual([OTHER]);
  });
});

describe('guideFromFlags and initialCreateValues', () => {
  it('answers falsity and legal risk from the flags of the items', () => {
    expect(guideFromFlags(['scam_impersonation'])).toEqual({
      reach: 'local',
      falsity: 'false',
      officialsNamed: false,
      legalRisk: true,
    });
    expect(guideFromFlags(['service_complaint'])).toMatchObject({ falsity: 'accurate', legalRisk: false });
    expect(guideFromFlags(['book_trading'])).toMatchObject({ falsity: 'accurate', legalRisk: true });
  });

  it("starts from the alert's title and unit, else the first article and the caller's unit", () => {
    const fromAlert = initialCreateValues({
      alert: { title: 'Tin giả mạo', orgUnit: { id: OTHER }, flags: ['misinformation'] },
      articles: [],
      callerUnitId: UNIT,
    });
    expect(fromAlert).toMatchObject({ title: 'Tin giả mạo', owningUnitId: OTHER, falsity: 'false' });
    const fromArticles = initialCreateValues({
      articles: [{ title: 'Bài một', flags: ['fraud'] }],
      callerUnitId: UNIT,
    });
    expect(fromArticles).toMatchObject({ title: 'Bài một', owningUnitId: UNIT, legalRisk: true });
  });
});

const incident = {
  id: ALERT,
  version: 4,
  title: 'Sự cố',
  description: null,
  guide: { reach: 'local', falsity: 'false', officialsNamed: false, legalRisk: true },
  severity: 'high',
  owningUnit: { id: UNIT, code: 'TT', name: 'TT' },
  supportingUnits: [{ id: OTHER, code: 'PC', name: 'PC' }],
  query: null,
  deadlines: [
    { kind: 'assess', dueAt: '2026-11-20T05:00:00.000Z', metAt: null, overdue: true, escalatedAt: null },
    { kind: 'respond', dueAt: '2026-11-22T01:00:00.000Z', metAt: null, overdue: false, escalatedAt: null },
  ],
} as unknown as TIncident;

describe('formValuesOf and toUpdateRequest', () => {
  it('shows a severity equal to the suggestion as "suggested" and sends nothing but the version when untouched', () => {
    const start = formValuesOf(incident);
    expect(start.severity).toBeNull();
    expect(toUpdateRequest(incident, start)).toEqual({ version: 4 });
  });

  it('keeps an overridden severity and sends only what changed', () => {
    const overridden = { ...incident, severity: 'severe' } as TIncident;
    expect(formValuesOf(overridden).severity).toBe('severe');
    const start = formValuesOf(incident);
    const request = toUpdateRequest(incident, {
      ...start,
      title: 'Sự cố mới',
      officialsNamed: true,
      respondDueAt: '2026-11-23T01:00:00.000Z',
    });
    // local(0) + false(2) + officials(1) + legal(2) = 5 points: still high.
    expect(request).toEqual({
      version: 4,
      title: 'Sự cố mới',
      guide: { reach: 'local', falsity: 'false', officialsNamed: true, legalRisk: true },
      respondDueAt: '2026-11-23T01:00:00.000Z',
    });
  });

  it('records a severity change when the new answers suggest another severity', () => {
    const request = toUpdateRequest(incident, { ...formValuesOf(incident), reach: 'viral' });
    expect(request.severity).toBe('severe');
  });
});

describe('toActionRequest', () => {
  it('sends a publication only with a correction and an address only where it fits', () => {
    expect(
      toActionRequest({ kind: 'correction_published', text: ' Đã đăng ', publicationId: OTHER, url: ' https://a.vn ' }),
    ).toEqual({ kind: 'correction_published', text: 'Đã đăng', publicationId: OTHER, url: 'https://a.vn' });
    expect(toActionRequest({ kind: 'note', text: 'x', publicationId: OTHER, url: 'https://a.vn' })).toEqual({
      kind: 'note',
      text: 'x',
    });
    expect(toActionRequest({ kind: 'platform_report', text: 'x', url: '' })).toEqual({
      kind: 'platform_report',
      text: 'x',
    });
  });
});
