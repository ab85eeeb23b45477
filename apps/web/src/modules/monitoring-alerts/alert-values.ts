import {
  ALERT_KINDS,
  FLAG_LABELS,
  MONITORING_FLAGS,
  OWNING_UNIT_LABELS,
  RELEVANCE_LABELS,
  SENTIMENT_LABELS,
  type MonitoringFlag,
  type OwningUnit,
  type RelevanceLevel,
  type Sentiment,
  type TAlert,
  type TAlertRule,
  type TAlertStatus,
  type TArticleSentiment,
  type TCreateAlertRuleRequest,
  type TLocale,
} from '@loa/contracts';
import type { AlertFilters } from './alerts.api';

/** The inbox's tabs: one per status, and every status at once. */
export const ALERT_TABS = ['new', 'acknowledged', 'incident', 'dismissed', 'all'] as const;
export type AlertTab = (typeof ALERT_TABS)[number];
/** The inbox opens on what still needs someone: the new alerts. */
export const DEFAULT_ALERT_TAB: AlertTab = 'new';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: string | null) => (value && ISO_DATE.test(value) ? value : undefined);

/** The tab named by the URL's `tab`; anything unknown is the default tab. */
export function tabFromParam(value: string | null): AlertTab {
  return pick(value, ALERT_TABS) ?? DEFAULT_ALERT_TAB;
}

/** The API's `status` filter for a tab: the tab's status, none for every status. */
export function statusOfTab(tab: AlertTab): TAlertStatus | undefined {
  return tab === 'all' ? undefined : tab;
}

/** The inbox's filters read from the URL: unknown kinds, flags and malformed dates are left out. */
export function alertFiltersFromParams(params: URLSearchParams): AlertFilters {
  const text = (key: string) => params.get(key) || undefined;
  return {
    q: text('q'),
    status: statusOfTab(tabFromParam(params.get('tab'))),
    kind: pick(params.get('kind'), ALERT_KINDS),
    orgUnitId: text('orgUnitId'),
    ruleId: text('ruleId'),
    flag: pick(params.get('flag'), MONITORING_FLAGS),
    from: date(params.get('from')),
    to: date(params.get('to')),
    sort: text('sort'),
  };
}

/** What an officer can do with an alert in its status. */
export interface AlertActionSet {
  acknowledge: boolean;
  dismiss: boolean;
  reopen: boolean;
  openIncident: boolean;
  viewIncident: boolean;
}

/**
 * new → acknowledge, dismiss or open a case; acknowledged → dismiss, reopen or open a case; dismissed → reopen; an
 * alert a case was opened from only leads to that case.
 */
export function alertActions(alert: Pick<TAlert, 'status' | 'incidentId'>): AlertActionSet {
  const { status } = alert;
  return {
    acknowledge: status === 'new',
    dismiss: status === 'new' || status === 'acknowledged',
    reopen: status === 'acknowledged' || status === 'dismissed',
    openIncident: status === 'new' || status === 'acknowledged',
    viewIncident: status === 'incident' && alert.incidentId !== null,
  };
}

/** Where "open a case" goes: the case already opened from the alert, else the incident form prefilled from it. */
export function incidentHref(alert: Pick<TAlert, 'id' | 'status' | 'incidentId'>): string {
  if (alert.status === 'incident' && alert.incidentId) return `/incidents/${encodeURIComponent(alert.incidentId)}`;
  return `/incidents?${new URLSearchParams({ create: '1', alertId: alert.id }).toString()}`;
}

/** A spike's previous-day hourly baseline, at most one decimal, in the UI language's number format. */
export function formatRate(value: number, locale: TLocale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

/** The label of an alert's or article's sentiment; null when it is not one the vocabulary knows. */
export function sentimentLabel(value: string | null, locale: TLocale): string | null {
  if (value === null || !Object.hasOwn(SENTIMENT_LABELS, value)) return null;
  return SENTIMENT_LABELS[value as TArticleSentiment][locale];
}

/** One line of a rule's conditions, by what it tests. */
export interface RuleCondition {
  kind: 'queries' | 'relevance' | 'sentiments' | 'flags' | 'units';
  text: string;
}

/**
 * A rule's conditions in words, in the order the rule tests them; the relevance only when it narrows anything
 * (every level from "unrelated" up is no condition).
 */
export function ruleConditions(
  rule: Pick<TAlertRule, 'queries' | 'minRelevance' | 'sentiments' | 'flags' | 'units'>,
  locale: TLocale,
): RuleCondition[] {
  const out: RuleCondition[] = [];
  if (rule.queries.length > 0) out.push({ kind: 'queries', text: rule.queries.map((q) => q.name).join(', ') });
  if (rule.minRelevance !== 'unrelated') {
    out.push({ kind: 'relevance', text: RELEVANCE_LABELS[rule.minRelevance][locale] });
  }
  if (rule.sentiments.length > 0) {
    out.push({ kind: 'sentiments', text: rule.sentiments.map((s) => SENTIMENT_LABELS[s][locale]).join(', ') });
  }
  if (rule.flags.length > 0) {
    out.push({ kind: 'flags', text: rule.flags.map((f) => FLAG_LABELS[f][locale]).join(', ') });
  }
  if (rule.units.length > 0) {
    out.push({ kind: 'units', text: rule.units.map((u) => OWNING_UNIT_LABELS[u][locale]).join(', ') });
  }
  return out;
}

/** What the rule form holds. */
export interface RuleFormValues {
  name: string;
  description?: string | undefined;
  orgUnitId: string;
  routeToOwningUnit: boolean;
  queryIds: string[];
  minRelevance: RelevanceLevel;
  sentiments: Sentiment[];
  flags: MonitoringFlag[];
  units: OwningUnit[];
  enabled: boolean;
}

/** A rule needs a condition besides relevance: a saved query, a sentiment, a flag or an owning unit. */
export function hasCondition(values: Partial<Pick<RuleFormValues, 'queryIds' | 'sentiments' | 'flags' | 'units'>>) {
  return [values.queryIds, values.sentiments, values.flags, values.units].some((list) => (list?.length ?? 0) > 0);
}

/** The form's starting values: the rule's own, or a new enabled rule of the user's unit. */
export function ruleInitialValues(rule: TAlertRule | null, orgUnitId: string): RuleFormValues {
  if (!rule) {
    return {
      name: '',
      orgUnitId,
      routeToOwningUnit: false,
      queryIds: [],
      minRelevance: 'peripheral',
      sentiments: [],
      flags: [],
      units: [],
      enabled: true,
    };
  }
  return {
    name: rule.name,
    description: rule.description ?? undefined,
    orgUnitId: rule.orgUnit.id,
    routeToOwningUnit: rule.routeToOwningUnit,
    queryIds: rule.queries.map((q) => q.id),
    minRelevance: rule.minRelevance,
    sentiments: [...rule.sentiments],
    flags: [...rule.flags],
    units: [...rule.units],
    enabled: rule.enabled,
  };
}

/** The request body for the form's values: text trimmed, a blank description null, lists without repeats. */
export function ruleRequest(values: RuleFormValues): TCreateAlertRuleRequest {
  const unique = <T>(list: readonly T[] | undefined) => [...new Set(list ?? [])];
  const description = values.description?.trim() ?? '';
  return {
    name: values.name.trim(),
    description: description === '' ? null : description,
    orgUnitId: values.orgUnitId,
    routeToOwningUnit: values.routeToOwningUnit,
    queryIds: unique(values.queryIds),
    minRelevance: values.minRelevance,
    sentiments: unique(values.sentiments),
    flags: unique(values.flags),
    units: unique(values.units),
    enabled: values.enabled,
  };
}
