// What every use case of a media incident shares: loading a case the caller may see, its detail, the timeline's
// events, the audit entry and the notices to units. The use cases are in incidents.service.ts,
// incident-actions.service.ts and incident-watch.service.ts.
import {
  INCIDENT_ACTION_KINDS,
  INCIDENT_ACTION_LABELS,
  type TIncident,
  type TIncidentActionKind,
  type TIncidentDeadlineSettings,
  type TRole,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import type { NotificationsService } from '../notifications/index.js';
import { dueTimesInPast, settingsOrDefault } from './deadlines.js';
import type { IncidentLinksRepository, NewActionRow } from './incident-links.repository.js';
import { incidentsPolicy, type IncidentTarget } from './incidents.policy.js';
import type { IncidentRow, IncidentsRepository } from './incidents.repository.js';
import type { Notice } from './notices.js';
import { toIncident } from './present.js';
import { missingActions, nextStatuses } from './state-machine.js';

/** An alert as the alerts module hands it over (monitoring-alerts `alertsForIncident`). */
export interface AlertForIncident {
  id: string;
  orgUnitId: string;
  clusterId: string | null;
  articleIds: string[];
  title: string;
  status: string;
}

/** The alerts module's two functions a case needs (monitoring-alerts index.ts), wired in composition-listen.ts. */
export interface IncidentAlertsPort {
  forIncident(tx: Tx, alertIds: string[]): Promise<AlertForIncident[]>;
  markIncident(tx: Tx, alertIds: string[], incidentId: string, userId: string | null): Promise<void>;
}

export interface IncidentsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: IncidentsRepository;
  links: IncidentLinksRepository;
  notify: NotificationsService['notify'];
  alerts: IncidentAlertsPort;
  /** The clock (tests move it). */
  now?: () => Date;
}

export const target = (row: IncidentRow): IncidentTarget => ({
  owningUnitPath: row.owningUnitPath,
  supportingUnitPaths: row.supportingUnits.map((u) => u.path),
});

const isActionKind = (kind: string): kind is TIncidentActionKind =>
  (INCIDENT_ACTION_KINDS as readonly string[]).includes(kind);

/** What the audit log keeps of a case. */
export function snapshot(row: IncidentRow) {
  return {
    code: row.code,
    title: row.title,
    severity: row.severity,
    status: row.status,
    owningUnit: row.owningUnitCode,
    supportingUnits: row.supportingUnits.map((u) => u.code),
    queryId: row.queryId,
    assessDueAt: row.assessDueAt.toISOString(),
    respondDueAt: row.respondDueAt.toISOString(),
    lessons: row.lessons,
  };
}

/** 422 `incident.missing_actions`: one `actions` field error per missing group, and `lessons` when it is missing. */
export function missingActionsError(missing: TIncidentActionKind[][], lessonsMissing: boolean): AppError {
  const fields: FieldError[] = missing.map((group) => ({
    field: 'actions',
    code: 'incident.action_required',
    params: {
      kinds: group.join(', '),
      kindsVi: group.map((kind) => INCIDENT_ACTION_LABELS[kind].vi).join(' hoặc '),
      kindsEn: group.map((kind) => INCIDENT_ACTION_LABELS[kind].en).join(' or '),
    },
  }));
  if (lessonsMissing) fields.push({ field: 'lessons', code: 'validation.required' });
  return new AppError('incident.missing_actions', {}, fields);
}

/** The 422 for explicit deadlines that are not in the future. */
export function assertFutureDeadlines(
  change: { assessDueAt?: Date | undefined; respondDueAt?: Date | undefined },
  now: Date,
) {
  const past = dueTimesInPast(change, now);
  if (past.length > 0)
    throw new AppError(
      'incident.invalid_deadline',
      {},
      past.map((field) => ({ field, code: 'validation.in_past' })),
    );
}

export type IncidentCase = ReturnType<typeof createIncidentCase>;

export function createIncidentCase(deps: IncidentsDeps) {
  const { repo, links, recordAudit, notify } = deps;
  const now = deps.now ?? (() => new Date());

  async function recorded(tx: Executor, id: string): Promise<TIncidentActionKind[]> {
    return (await links.recordedKinds(tx, id)).filter(isActionKind);
  }

  return {
    now,

    /** A case the actor may see (locked when `lock`); not-found otherwise, so existence does not leak. */
    async visible(tx: Executor, actor: Actor, id: string, lock = false): Promise<IncidentRow> {
      const row = await repo.findById(tx, id, lock);
      if (!row || !incidentsPolicy.canSee(actor, target(row))) throw notFound('incident');
      return row;
    },

    /** The case must still be open to change. */
    assertOpen(row: IncidentRow): void {
      if (row.status === 'closed') throw new AppError('incident.closed');
    },

    recorded,

    async settings(tx: Executor): Promise<TIncidentDeadlineSettings> {
      return settingsOrDefault(await repo.findSettings(tx));
    },

    /** The case as the actor sees it, read again (after a change, inside its transaction). */
    async detail(tx: Executor, actor: Actor, id: string): Promise<TIncident> {
      const row = (await repo.findById(tx, id))!;
      // One after another: inside a transaction they share one connection.
      const items = await links.listItems(tx, id);
      const timeline = await links.listTimeline(tx, id);
      const alertIds = await links.listAlertIds(tx, id);
      const kinds = await recorded(tx, id);
      const query = row.queryId ? await links.findQuery(tx, row.queryId) : null;
      const canEdit = incidentsPolicy.canEdit(actor, target(row));
      return toIncident(
        row,
        {
          items,
          timeline,
          alertIds,
          query,
          missingActions: missingActions(row.severity, kinds),
          canEdit,
          canAddActions: row.status !== 'closed' && incidentsPolicy.canAddActions(actor, target(row)),
          nextStatuses: canEdit ? nextStatuses(row.status, row.severity) : [],
        },
        now(),
      );
    },

    /** Writes system events on the timeline. */
    async events(
      tx: Tx,
      actor: Actor,
      incidentId: string,
      entries: { kind: string; detail?: Record<string, unknown>; text?: string | null }[],
      at = now(),
    ): Promise<void> {
      const rows: NewActionRow[] = entries.map((e) => ({
        incidentId,
        kind: e.kind,
        system: true,
        text: e.text ?? null,
        detail: e.detail ?? null,
        userId: actor.userId,
        createdAt: at,
      }));
      await links.insertActions(tx, rows);
    },

    async audit(
      tx: Tx,
      actor: Actor,
      action: string,
      row: IncidentRow,
      change: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
    ): Promise<void> {
      await recordAudit(tx, actor, {
        action,
        entityType: 'incident',
        entityId: row.id,
        orgUnitId: row.owningUnitId,
        summary: `${row.code} — ${row.title}`.slice(0, 300),
        before: change.before ?? null,
        after: change.after ?? null,
      });
    },

    /** Tells the users of `unitIds` (those holding one of `roles`, when given). */
    async tell(tx: Tx, actor: Actor, notice: Notice, unitIds: string[], roles?: readonly TRole[]) {
      if (unitIds.length === 0) return 0;
      return notify(tx, actor, { ...notice, recipients: { orgUnitIds: unitIds, ...(roles ? { roles } : {}) } });
    },
  };
}
