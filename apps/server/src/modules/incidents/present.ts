// How a case leaves the server: its row (and links) as the contracts' summary and detail.
import {
  ZSeverityGuide,
  type TIncident,
  type TIncidentActionKind,
  type TIncidentItem,
  type TIncidentStatus,
  type TIncidentSummary,
  type TIncidentTimelineEntry,
  type MonitoringFlag,
  type TSeverityGuide,
} from '@loa/contracts';
import { deadlineStates, nextDueAt } from './deadlines.js';
import type { IncidentRow, ItemRow, TimelineRow, UnitRef } from './incident-rows.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const unit = (u: UnitRef) => ({ id: u.id, code: u.code, name: u.name });

/** A guide stored before a schema change still shows: the most cautious reading of what is missing. */
export function guideOf(stored: unknown): TSeverityGuide {
  const parsed = ZSeverityGuide.safeParse(stored);
  return parsed.success
    ? parsed.data
    : { reach: 'local', falsity: 'accurate', officialsNamed: false, legalRisk: false };
}

export function toSummary(row: IncidentRow, now: Date): TIncidentSummary {
  const deadlines = deadlineStates(row, now);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    severity: row.severity,
    status: row.status,
    owningUnit: { id: row.owningUnitId, code: row.owningUnitCode, name: row.owningUnitName },
    supportingUnits: row.supportingUnits.map(unit),
    itemCount: row.itemCount,
    deadlines: deadlines.map((d) => ({
      kind: d.kind,
      dueAt: d.dueAt.toISOString(),
      metAt: iso(d.metAt),
      overdue: d.overdue,
      escalatedAt: iso(d.escalatedAt),
    })),
    nextDueAt: iso(nextDueAt(row)),
    overdue: deadlines.some((d) => d.overdue),
    openedAt: row.openedAt.toISOString(),
    closedAt: iso(row.closedAt),
    version: row.version,
  };
}

export function toItem(row: ItemRow): TIncidentItem {
  return {
    articleId: row.articleId,
    title: row.title,
    sourceName: row.sourceName,
    url: row.url,
    publishedAt: row.publishedAt.toISOString(),
    flags: row.flags as MonitoringFlag[],
    sentiment: row.sentiment,
    addedBy: row.addedBy,
    addedAt: row.addedAt.toISOString(),
  };
}

export function toTimelineEntry(row: TimelineRow): TIncidentTimelineEntry {
  return {
    id: row.id,
    kind: row.kind,
    system: row.system,
    text: row.text,
    publication:
      row.publicationId && row.publicationTitle ? { id: row.publicationId, title: row.publicationTitle } : null,
    url: row.url,
    detail: row.detail,
    by: row.by,
    at: row.at.toISOString(),
  };
}

export interface DetailParts {
  items: ItemRow[];
  timeline: TimelineRow[];
  alertIds: string[];
  query: { id: string; name: string } | null;
  missingActions: TIncidentActionKind[][];
  canEdit: boolean;
  canAddActions: boolean;
  nextStatuses: TIncidentStatus[];
}

export function toIncident(row: IncidentRow, parts: DetailParts, now: Date): TIncident {
  return {
    ...toSummary(row, now),
    description: row.description,
    guide: guideOf(row.guide),
    query: parts.query,
    alertIds: parts.alertIds,
    items: parts.items.map(toItem),
    timeline: parts.timeline.map(toTimelineEntry),
    missingActions: parts.missingActions,
    lessons: row.lessons,
    openedBy: row.openedByName,
    canEdit: parts.canEdit,
    canAddActions: parts.canAddActions,
    nextStatuses: parts.nextStatuses,
  };
}
