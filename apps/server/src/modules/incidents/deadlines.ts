// Deadlines of a media incident (issue 8 §5, decision 0040): the first assessment and the response, due a number of
// minutes after opening that depends on the severity (admins set the minutes), escalated once when missed.
import {
  ZIncidentDeadlineSettings,
  DEFAULT_INCIDENT_DEADLINES,
  type TIncidentActionKind,
  type TIncidentDeadlineSettings,
  type TIncidentSeverity,
  type TIncidentStatus,
} from '@loa/contracts';

export const DEADLINE_KINDS = ['assess', 'respond'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** A case's deadline columns. */
export interface DeadlineFields {
  status: TIncidentStatus;
  openedAt: Date;
  assessDueAt: Date;
  assessMetAt: Date | null;
  assessEscalatedAt: Date | null;
  respondDueAt: Date;
  respondMetAt: Date | null;
  respondEscalatedAt: Date | null;
}

export interface DeadlineState {
  kind: DeadlineKind;
  dueAt: Date;
  metAt: Date | null;
  /** Past due and not met, on a case still open. */
  overdue: boolean;
  escalatedAt: Date | null;
}

const MINUTE = 60_000;

/** The stored settings, or the defaults when none are stored or they no longer parse. */
export function settingsOrDefault(stored: unknown): TIncidentDeadlineSettings {
  const parsed = ZIncidentDeadlineSettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_INCIDENT_DEADLINES;
}

/** When a case of `severity` opened at `openedAt` must be assessed and answered. */
export function dueTimes(
  openedAt: Date,
  severity: TIncidentSeverity,
  settings: TIncidentDeadlineSettings,
): { assessDueAt: Date; respondDueAt: Date } {
  return {
    assessDueAt: new Date(openedAt.getTime() + settings.assessMinutes[severity] * MINUTE),
    respondDueAt: new Date(openedAt.getTime() + settings.respondMinutes[severity] * MINUTE),
  };
}

const due = (row: DeadlineFields, kind: DeadlineKind) => (kind === 'assess' ? row.assessDueAt : row.respondDueAt);
const met = (row: DeadlineFields, kind: DeadlineKind) => (kind === 'assess' ? row.assessMetAt : row.respondMetAt);
const escalated = (row: DeadlineFields, kind: DeadlineKind) =>
  kind === 'assess' ? row.assessEscalatedAt : row.respondEscalatedAt;

/** Both deadlines as of `now`. */
export function deadlineStates(row: DeadlineFields, now: Date): DeadlineState[] {
  return DEADLINE_KINDS.map((kind) => ({
    kind,
    dueAt: due(row, kind),
    metAt: met(row, kind),
    overdue: row.status !== 'closed' && met(row, kind) === null && due(row, kind).getTime() <= now.getTime(),
    escalatedAt: escalated(row, kind),
  }));
}

/** The nearest deadline not met; null once both are met or the case is closed. */
export function nextDueAt(row: DeadlineFields): Date | null {
  if (row.status === 'closed') return null;
  const open = DEADLINE_KINDS.filter((kind) => met(row, kind) === null).map((kind) => due(row, kind).getTime());
  return open.length > 0 ? new Date(Math.min(...open)) : null;
}

/** The deadlines that have passed unmet and were not escalated yet: what the escalation job reports now. */
export function needingEscalation(row: DeadlineFields, now: Date): DeadlineKind[] {
  return deadlineStates(row, now)
    .filter((d) => d.overdue && d.escalatedAt === null)
    .map((d) => d.kind);
}

/**
 * What an action or a move meets: the first `assessment` meets the assessment deadline; a published correction or
 * reaching `monitoring` meets the response deadline. Deadlines met before stay as they were.
 */
export function metBy(
  row: Pick<DeadlineFields, 'assessMetAt' | 'respondMetAt'>,
  event: { action?: TIncidentActionKind; status?: TIncidentStatus },
  at: Date,
): { assessMetAt?: Date; respondMetAt?: Date } {
  const result: { assessMetAt?: Date; respondMetAt?: Date } = {};
  if (row.assessMetAt === null && event.action === 'assessment') result.assessMetAt = at;
  if (row.respondMetAt === null && (event.action === 'correction_published' || event.status === 'monitoring'))
    result.respondMetAt = at;
  return result;
}

export type DeadlineUpdate = Partial<
  Pick<DeadlineFields, 'assessDueAt' | 'assessEscalatedAt' | 'respondDueAt' | 'respondEscalatedAt'>
>;

/**
 * New deadlines after a change: explicit due times replace the old ones; otherwise a new severity recomputes the
 * deadlines not met yet from the opening time. A deadline that moves into the future may be escalated again.
 */
export function rescheduled(
  row: DeadlineFields,
  change: { severity?: TIncidentSeverity; assessDueAt?: Date; respondDueAt?: Date },
  settings: TIncidentDeadlineSettings,
  now: Date,
): DeadlineUpdate {
  const computed = change.severity ? dueTimes(row.openedAt, change.severity, settings) : null;
  const update: DeadlineUpdate = {};
  for (const kind of DEADLINE_KINDS) {
    const explicit = kind === 'assess' ? change.assessDueAt : change.respondDueAt;
    const next = explicit ?? (computed && met(row, kind) === null ? computed[`${kind}DueAt`] : undefined);
    if (!next || next.getTime() === due(row, kind).getTime()) continue;
    update[`${kind}DueAt`] = next;
    if (next.getTime() > now.getTime() && escalated(row, kind) !== null) update[`${kind}EscalatedAt`] = null;
  }
  return update;
}

/** The explicit due times that are not after `now` (a deadline in the past cannot be set). */
export function dueTimesInPast(
  change: { assessDueAt?: Date | undefined; respondDueAt?: Date | undefined },
  now: Date,
): ('assessDueAt' | 'respondDueAt')[] {
  return (['assessDueAt', 'respondDueAt'] as const).filter((field) => {
    const value = change[field];
    return value !== undefined && value.getTime() <= now.getTime();
  });
}
