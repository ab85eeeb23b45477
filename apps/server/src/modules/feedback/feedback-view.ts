import {
  isFeedbackOverdue,
  type TFeedback,
  type TFeedbackAction,
  type TFeedbackCategory,
  type TFeedbackStatus,
} from '@loa/contracts';
import type { Recipients } from '../notifications/index.js';

/** A feedback as the repository reads it, with its units' codes, names and paths. */
export interface FeedbackRow {
  id: string;
  title: string;
  description: string;
  category: string;
  reporterUnitId: string;
  reportedBy: string | null;
  reportedByName: string;
  status: string;
  routedUnitId: string | null;
  dueOn: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  reporterUnitCode: string;
  reporterUnitName: string;
  reporterUnitPath: string;
  routedUnitCode: string | null;
  routedUnitName: string | null;
  routedUnitPath: string | null;
}

export const unitRef = (id: string | null, code: string | null, name: string | null) =>
  id && code && name ? { id, code, name } : null;

export function toFeedback(row: FeedbackRow, today: string): TFeedback {
  const status = row.status as TFeedbackStatus;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category as TFeedbackCategory,
    status,
    reporterUnit: { id: row.reporterUnitId, code: row.reporterUnitCode, name: row.reporterUnitName },
    reportedBy: row.reportedByName,
    routedUnit: unitRef(row.routedUnitId, row.routedUnitCode, row.routedUnitName),
    dueOn: row.dueOn,
    overdue: isFeedbackOverdue({ status, dueOn: row.dueOn }, today),
    reopenCount: row.reopenCount,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function snapshot(row: FeedbackRow) {
  return {
    title: row.title,
    category: row.category,
    status: row.status,
    reporterUnit: row.reporterUnitCode,
    routedUnit: row.routedUnitCode,
    dueOn: row.dueOn,
    reopenCount: row.reopenCount,
  };
}

/** Who hears of a step: the centre of a report, the routed unit and reporter of the rest. */
export function recipientsOf(
  action: TFeedbackAction | 'report',
  row: FeedbackRow,
  commsCenterId: string | null,
): Recipients {
  const centre = commsCenterId ? [commsCenterId] : [];
  switch (action) {
    case 'report':
      return { orgUnitIds: centre, roles: ['comms_center' as const, 'admin' as const] };
    case 'route':
      return { orgUnitIds: [row.routedUnitId!, row.reporterUnitId] };
    case 'answer':
      return { userIds: row.reportedBy ? [row.reportedBy] : [], orgUnitIds: [row.reporterUnitId, ...centre] };
    case 'reopen':
    case 'close':
      return { orgUnitIds: [row.routedUnitId!, ...centre] };
  }
}
