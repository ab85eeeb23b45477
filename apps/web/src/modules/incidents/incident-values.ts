import {
  INCIDENT_ACTION_KINDS,
  INCIDENT_ACTION_LABELS,
  INCIDENT_EVENT_KINDS,
  INCIDENT_EVENT_LABELS,
  INCIDENT_SEVERITIES,
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUSES,
  INCIDENT_STATUS_LABELS,
  type TIncidentActionKind,
  type TIncidentSeverity,
  type TIncidentStatus,
  type TIncidentSummary,
  type TIncidentTimelineEntry,
  type TLocale,
} from '@loa/contracts';

/** The filters of the board and the list, as kept in the URL. */
export interface IncidentFilters {
  q?: string | undefined;
  status: TIncidentStatus[];
  severity: TIncidentSeverity[];
  owningUnitId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SORT = /^-?[a-zA-Z]+$/;

function csvOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(','));
  return allowed.filter((item) => wanted.has(item));
}

/** The filters in a list URL; unknown values are dropped rather than sent to the server. */
export function filtersFromParams(params: URLSearchParams): IncidentFilters {
  const q = params.get('q')?.trim();
  const overdue = params.get('overdue');
  const from = params.get('from');
  const to = params.get('to');
  const sort = params.get('sort');
  return {
    q: q ? q : undefined,
    status: csvOf(params.get('status'), INCIDENT_STATUSES),
    severity: csvOf(params.get('severity'), INCIDENT_SEVERITIES),
    owningUnitId: params.get('owningUnitId') ?? undefined,
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
    sort: sort && SORT.test(sort) ? sort : undefined,
  };
}

/** The query string of `GET /api/incidents` (and its export) for the filters; lists are comma-separated. */
export function listQuery(filters: IncidentFilters): Record<string, string | undefined> {
  return {
    q: filters.q,
    status: filters.status.length > 0 ? filters.status.join(',') : undefined,
    severity: filters.severity.length > 0 ? filters.severity.join(',') : undefined,
    owningUnitId: filters.owningUnitId,
    overdue: filters.overdue,
    from: filters.from,
    to: filters.to,
    sort: filters.sort,
  };
}

/** What the create drawer opens from: `?create=1&alertId=…` or `?create=1&articleIds=a,b`. */
export interface CreateSource {
  open: boolean;
  alertId: string | undefined;
  articleIds: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createSourceFromParams(params: URLSearchParams): CreateSource {
  const alertId = params.get('alertId') ?? '';
  const articleIds = (params.get('articleIds') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => UUID.test(id));
  return {
    open: params.get('create') === '1',
    alertId: UUID.test(alertId) ? alertId : undefined,
    articleIds: [...new Set(articleIds)].slice(0, 200),
  };
}

/** Higher is worse. */
export const SEVERITY_RANK: Record<TIncidentSeverity, number> = { low: 0, medium: 1, high: 2, severe: 3 };

/** antd tag colours per severity. */
export const SEVERITY_COLORS: Record<TIncidentSeverity, string> = {
  low: 'green',
  medium: 'gold',
  high: 'orange',
  severe: 'red',
};

/** The board's order within a column: the worst severity first, then the nearest deadline, then the oldest case. */
function compareForBoard(a: TIncidentSummary, b: TIncidentSummary): number {
  const bySeverity = SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
  if (bySeverity !== 0) return bySeverity;
  const dueA = a.nextDueAt ? Date.parse(a.nextDueAt) : Number.POSITIVE_INFINITY;
  const dueB = b.nextDueAt ? Date.parse(b.nextDueAt) : Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return Date.parse(a.openedAt) - Date.parse(b.openedAt);
}

export function sortForBoard(items: readonly TIncidentSummary[]): TIncidentSummary[] {
  return [...items].sort(compareForBoard);
}

const isActionKind = (kind: string): kind is TIncidentActionKind =>
  (INCIDENT_ACTION_KINDS as readonly string[]).includes(kind);
type EventKind = (typeof INCIDENT_EVENT_KINDS)[number];
const isEventKind = (kind: string): kind is EventKind => (INCIDENT_EVENT_KINDS as readonly string[]).includes(kind);

/** The label of a timeline line: a system event or an officer's action; an unknown kind shows as itself. */
export function timelineLabel(entry: Pick<TIncidentTimelineEntry, 'kind' | 'system'>, locale: TLocale): string {
  if (entry.system && isEventKind(entry.kind)) return INCIDENT_EVENT_LABELS[entry.kind][locale];
  if (!entry.system && isActionKind(entry.kind)) return INCIDENT_ACTION_LABELS[entry.kind][locale];
  if (isEventKind(entry.kind)) return INCIDENT_EVENT_LABELS[entry.kind][locale];
  if (isActionKind(entry.kind)) return INCIDENT_ACTION_LABELS[entry.kind][locale];
  return entry.kind;
}

const isStatus = (value: unknown): value is TIncidentStatus =>
  typeof value === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(value);
const isSeverity = (value: unknown): value is TIncidentSeverity =>
  typeof value === 'string' && (INCIDENT_SEVERITIES as readonly string[]).includes(value);

/** "Mới mở → Đang đánh giá" for status and severity changes; null when the entry carries no such change. */
export function changeText(entry: Pick<TIncidentTimelineEntry, 'kind' | 'detail'>, locale: TLocale): string | null {
  const from = entry.detail?.from;
  const to = entry.detail?.to;
  if (entry.kind === 'status_changed' || entry.kind === 'closed') {
    if (isStatus(from) && isStatus(to))
      return `${INCIDENT_STATUS_LABELS[from][locale]} → ${INCIDENT_STATUS_LABELS[to][locale]}`;
    if (isStatus(to)) return INCIDENT_STATUS_LABELS[to][locale];
  }
  if (entry.kind === 'severity_changed') {
    if (isSeverity(from) && isSeverity(to))
      return `${INCIDENT_SEVERITY_LABELS[from][locale]} → ${INCIDENT_SEVERITY_LABELS[to][locale]}`;
    if (isSeverity(to)) return INCIDENT_SEVERITY_LABELS[to][locale];
  }
  return null;
}

/** Which deadline an escalation was about (`detail.deadline`), if it says. */
export function escalatedDeadline(entry: Pick<TIncidentTimelineEntry, 'detail'>): 'assess' | 'respond' | null {
  const deadline = entry.detail?.deadline;
  return deadline === 'assess' || deadline === 'respond' ? deadline : null;
}

/** A moved deadline (`deadline_changed`: { deadline, from, to }). */
export function deadlineChange(
  entry: Pick<TIncidentTimelineEntry, 'kind' | 'detail'>,
): { deadline: 'assess' | 'respond'; from: string | null; to: string } | null {
  if (entry.kind !== 'deadline_changed') return null;
  const deadline = escalatedDeadline(entry);
  const from = entry.detail?.from;
  const to = entry.detail?.to;
  if (!deadline || typeof to !== 'string') return null;
  return { deadline, from: typeof from === 'string' ? from : null, to };
}

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];

/** A change of units (`assigned`: { owningUnit: { from, to }, supportingUnits: { added, removed } }). */
export function assignment(entry: Pick<TIncidentTimelineEntry, 'kind' | 'detail'>): {
  owner: { from: string; to: string } | null;
  added: string[];
  removed: string[];
} | null {
  if (entry.kind !== 'assigned' || !entry.detail) return null;
  const owning = entry.detail.owningUnit as { from?: unknown; to?: unknown } | undefined;
  const supporting = entry.detail.supportingUnits as { added?: unknown; removed?: unknown } | undefined;
  const owner =
    owning && typeof owning.from === 'string' && typeof owning.to === 'string'
      ? { from: owning.from, to: owning.to }
      : null;
  return { owner, added: names(supporting?.added), removed: names(supporting?.removed) };
}

/** An item that arrived from matching (the story's later copies or the case's query), not linked by an officer. */
export function fromMatching(entry: Pick<TIncidentTimelineEntry, 'detail'>): boolean {
  return entry.detail?.by === 'matching';
}

/** The article an `item_linked` event is about. */
export function linkedArticleId(entry: Pick<TIncidentTimelineEntry, 'detail'>): string | null {
  const id = entry.detail?.articleId;
  return typeof id === 'string' ? id : null;
}

/** Oldest first (the page reads top to bottom, newest last); ties keep the server's order. */
export function chronological<T extends { at: string }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Each group of missing actions as text: "Đánh giá ban đầu", "Dự thảo … / Đăng tải …" (one of). */
export function missingActionTexts(groups: readonly (readonly TIncidentActionKind[])[], locale: TLocale, or: string) {
  return groups.map((group) => group.map((kind) => INCIDENT_ACTION_LABELS[kind][locale]).join(` ${or} `));
}

export type DurationUnit = 'minutes' | 'hours';

/** A deadline setting shown in hours when it is whole hours, else in minutes. */
export function toDuration(minutes: number): { value: number; unit: DurationUnit } {
  return minutes % 60 === 0 ? { value: minutes / 60, unit: 'hours' } : { value: minutes, unit: 'minutes' };
}

export function toMinutes(value: number, unit: DurationUnit): number {
  return Math.round(unit === 'hours' ? value * 60 : value);
}

/** Only what changed between two values (compared as JSON), e.g. for a PATCH body. */
export function changedEntries<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changed[key] = after[key];
  }
  return changed;
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

/** Units from several lists, each once (the first copy wins), in code order. */
export function mergeUnits(...lists: readonly (readonly UnitRef[])[]): UnitRef[] {
  const byId = new Map<string, UnitRef>();
  for (const list of lists) for (const unit of list) if (!byId.has(unit.id)) byId.set(unit.id, unit);
  return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code, 'en'));
}
