import {
  suggestSeverity,
  type MonitoringFlag,
  type TAddIncidentActionRequest,
  type TCreateIncidentRequest,
  type TIncident,
  type TIncidentActionKind,
  type TIncidentSeverity,
  type TSeverityGuide,
  type TUpdateIncidentRequest,
} from '@loa/contracts';
import { cleanText } from '../../shared/validation';
import { changedEntries } from './incident-values';

/** What the create and edit drawers hold; deadlines as ISO instants (the drawer converts its pickers). */
export interface IncidentFormValues {
  title: string;
  description?: string | null | undefined;
  reach: TSeverityGuide['reach'];
  falsity: TSeverityGuide['falsity'];
  officialsNamed: boolean;
  legalRisk: boolean;
  /** The officer's choice; empty means "as the guide suggests". */
  severity?: TIncidentSeverity | null | undefined;
  owningUnitId?: string | null | undefined;
  supportingUnitIds: string[];
  queryId?: string | null | undefined;
  assessDueAt?: string | null | undefined;
  respondDueAt?: string | null | undefined;
}

/** The form fields the server's field errors may name (`guide.*` errors show above the buttons). */
export const INCIDENT_FORM_FIELDS = [
  'title',
  'description',
  'severity',
  'owningUnitId',
  'supportingUnitIds',
  'queryId',
  'assessDueAt',
  'respondDueAt',
] as const;

export const BLANK_GUIDE: TSeverityGuide = {
  reach: 'local',
  falsity: 'accurate',
  officialsNamed: false,
  legalRisk: false,
};

export function guideOf(values: Pick<IncidentFormValues, keyof TSeverityGuide>): TSeverityGuide {
  return {
    reach: values.reach,
    falsity: values.falsity,
    officialsNamed: values.officialsNamed === true,
    legalRisk: values.legalRisk === true,
  };
}

const FALSE_FLAGS: readonly MonitoringFlag[] = ['scam_impersonation', 'misinformation'];
const LEGAL_FLAGS: readonly MonitoringFlag[] = ['scam_impersonation', 'fraud', 'book_trading'];

/**
 * A first answer to the guide from the flags of the items a case is opened from: impersonation and misinformation are
 * false information; scams, fraud and book trading carry legal risk. The officer confirms or changes it.
 */
export function guideFromFlags(flags: readonly MonitoringFlag[]): TSeverityGuide {
  return {
    ...BLANK_GUIDE,
    falsity: flags.some((flag) => FALSE_FLAGS.includes(flag)) ? 'false' : BLANK_GUIDE.falsity,
    legalRisk: flags.some((flag) => LEGAL_FLAGS.includes(flag)),
  };
}

/** The body of `POST /api/incidents`; an empty severity is left to the server (the guide's suggestion). */
export function toCreateRequest(
  values: IncidentFormValues,
  source: { alertId?: string | undefined; articleIds: readonly string[] },
): TCreateIncidentRequest {
  return {
    title: values.title.trim(),
    description: cleanText(values.description),
    guide: guideOf(values),
    ...(values.severity ? { severity: values.severity } : {}),
    ...(values.owningUnitId ? { owningUnitId: values.owningUnitId } : {}),
    supportingUnitIds: values.supportingUnitIds.filter((id) => id !== values.owningUnitId),
    articleIds: [...source.articleIds],
    ...(source.alertId ? { alertId: source.alertId } : {}),
    queryId: values.queryId ?? null,
    ...(values.assessDueAt ? { assessDueAt: values.assessDueAt } : {}),
    ...(values.respondDueAt ? { respondDueAt: values.respondDueAt } : {}),
  };
}

const dueOf = (incident: TIncident, kind: 'assess' | 'respond') =>
  incident.deadlines.find((deadline) => deadline.kind === kind)?.dueAt ?? null;

/** The edit drawer's starting values; the severity shows as "suggested" while it equals the guide's suggestion. */
export function formValuesOf(incident: TIncident): IncidentFormValues {
  return {
    title: incident.title,
    description: incident.description ?? '',
    ...incident.guide,
    severity: incident.severity === suggestSeverity(incident.guide) ? null : incident.severity,
    owningUnitId: incident.owningUnit.id,
    supportingUnitIds: incident.supportingUnits.map((unit) => unit.id),
    queryId: incident.query?.id ?? null,
    assessDueAt: dueOf(incident, 'assess'),
    respondDueAt: dueOf(incident, 'respond'),
  };
}

const sameInstant = (a: string | null | undefined, b: string | null | undefined) =>
  (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null);

/** Only what changed, with the version the officer saw; a deadline is sent only when moved. */
export function toUpdateRequest(incident: TIncident, values: IncidentFormValues): TUpdateIncidentRequest {
  const guide = guideOf(values);
  const before = {
    title: incident.title,
    description: incident.description,
    guide: incident.guide,
    severity: incident.severity,
    owningUnitId: incident.owningUnit.id,
    supportingUnitIds: incident.supportingUnits.map((unit) => unit.id).sort(),
    queryId: incident.query?.id ?? null,
  };
  const after = {
    title: values.title.trim(),
    description: cleanText(values.description),
    guide,
    severity: values.severity ?? suggestSeverity(guide),
    owningUnitId: values.owningUnitId ?? incident.owningUnit.id,
    supportingUnitIds: values.supportingUnitIds.filter((id) => id !== values.owningUnitId).sort(),
    queryId: values.queryId ?? null,
  };
  const request: TUpdateIncidentRequest = { version: incident.version, ...changedEntries(before, after) };
  const assess = dueOf(incident, 'assess');
  const respond = dueOf(incident, 'respond');
  if (values.assessDueAt && !sameInstant(values.assessDueAt, assess)) request.assessDueAt = values.assessDueAt;
  if (values.respondDueAt && !sameInstant(values.respondDueAt, respond)) request.respondDueAt = values.respondDueAt;
  return request;
}

/** Where a new case starts: the alert's title and unit, or the first item's title; the guide answered from flags. */
export function initialCreateValues(input: {
  alert?: { title: string; orgUnit: { id: string }; flags: readonly MonitoringFlag[] } | undefined;
  articles: readonly { title: string; flags: readonly MonitoringFlag[] }[];
  callerUnitId: string;
}): IncidentFormValues {
  const flags = [...(input.alert?.flags ?? []), ...input.articles.flatMap((article) => article.flags)];
  return {
    title: (input.alert?.title ?? input.articles[0]?.title ?? '').slice(0, 300),
    description: '',
    ...guideFromFlags(flags),
    severity: null,
    owningUnitId: input.alert?.orgUnit.id ?? input.callerUnitId,
    supportingUnitIds: [],
    queryId: null,
    assessDueAt: null,
    respondDueAt: null,
  };
}

export interface ActionFormValues {
  kind: TIncidentActionKind;
  text: string;
  publicationId?: string | null;
  url?: string;
}

/** Actions about something posted somewhere: the correction itself, or the post reported to a platform. */
export const ACTION_KINDS_WITH_URL: readonly TIncidentActionKind[] = ['correction_published', 'platform_report'];

/** The body of `POST /api/incidents/:id/actions`: a publication only for a correction, an address where it fits. */
export function toActionRequest(values: ActionFormValues): TAddIncidentActionRequest {
  const url = values.url?.trim();
  return {
    kind: values.kind,
    text: values.text.trim(),
    ...(values.kind === 'correction_published' && values.publicationId ? { publicationId: values.publicationId } : {}),
    ...(ACTION_KINDS_WITH_URL.includes(values.kind) && url ? { url } : {}),
  };
}
