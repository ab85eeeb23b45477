// Media incidents (issue 8 §5, decision 0040): the board, a case's page, opening, changing and moving a case, and the
// deadline settings. Actions and items: incident-actions.service.ts; escalation and arrivals: incident-watch.service.ts.
import {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  suggestSeverity,
  ZIncidentDeadlineSettings,
  type TCreateIncidentRequest,
  type TIncident,
  type TIncidentDeadlineSettings,
  type TIncidentListQuery,
  type TIncidentSeverity,
  type TIncidentStatus,
  type TIncidentSummary,
  type TIncidentTransitionRequest,
  type TPage,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { dueTimes, metBy } from './deadlines.js';
import { createIncidentActions } from './incident-actions.service.js';
import {
  assertFutureDeadlines,
  createIncidentCase,
  missingActionsError,
  snapshot,
  target,
  type IncidentsDeps,
} from './incident-case.service.js';
import { createIncidentEdits } from './incident-edits.service.js';
import { createIncidentWatch } from './incident-watch.service.js';
import { incidentsPolicy } from './incidents.policy.js';
import type { IncidentFilters } from './incidents.repository.js';
import { assignedNotice, openedNotice } from './notices.js';
import { toSummary } from './present.js';
import { checkTransition } from './state-machine.js';

export type { AlertForIncident, IncidentAlertsPort, IncidentsDeps } from './incident-case.service.js';

/** A comma-separated list of allowed values; anything else is a 400 on `field`. */
function listOf<T extends string>(raw: string | undefined, allowed: readonly T[], field: string): T[] {
  const values = (raw ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const value of values)
    if (!(allowed as readonly string[]).includes(value)) throw fieldError(field, 'validation.invalid_value');
  return [...new Set(values)] as T[];
}

const year = (at: Date) =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(at));

export type IncidentsService = ReturnType<typeof createIncidentsService>;

export function createIncidentsService(deps: IncidentsDeps) {
  const { db, runInTransaction, repo, links, alerts } = deps;
  const cases = createIncidentCase(deps);
  const { now } = cases;

  /** The open alert a case is opened from, locked and visible to the actor. */
  async function alertToOpen(tx: Tx, actor: Actor, alertId: string) {
    await links.lockAlerts(tx, [alertId]);
    const [alert] = await alerts.forIncident(tx, [alertId]);
    const [unit] = alert ? await repo.findUnits(tx, [alert.orgUnitId]) : [];
    if (!alert || !unit || !unit.path.startsWith(incidentsPolicy.readScopePath(actor)))
      throw fieldError('alertId', 'validation.invalid_value');
    const taken = await links.caseOfAlerts(tx, [alertId]);
    if (taken) throw new AppError('incident.alert_taken', { code: taken });
    return alert;
  }

  return {
    ...createIncidentEdits(deps, cases),
    ...createIncidentActions(deps, cases),
    ...createIncidentWatch(deps, cases),

    /** A page of the cases the actor sees (every match when `all`, for the export). */
    async listIncidents(actor: Actor, query: TIncidentListQuery, all = false): Promise<TPage<TIncidentSummary>> {
      const filters: IncidentFilters = {
        q: query.q,
        statuses: listOf<TIncidentStatus>(query.status, INCIDENT_STATUSES, 'status'),
        severities: listOf<TIncidentSeverity>(query.severity, INCIDENT_SEVERITIES, 'severity'),
        owningUnitId: query.owningUnitId,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        from: query.from,
        to: query.to,
        scopePath: incidentsPolicy.readScopePath(actor),
        now: now(),
      };
      const { rows, total } = await repo.list(db, filters, query, all);
      const at = now();
      return { items: rows.map((row) => toSummary(row, at)), total };
    },

    async getIncident(actor: Actor, id: string): Promise<TIncident> {
      await cases.visible(db, actor, id);
      return cases.detail(db, actor, id);
    },

    /**
     * Opens a case from articles, an alert (which becomes `incident`, brings its articles and, by default, its unit)
     * or by hand. Deadlines follow the severity unless given; given ones must lie in the future.
     */
    async createIncident(actor: Actor, input: TCreateIncidentRequest): Promise<TIncident> {
      incidentsPolicy.assertCanWrite(actor);
      const openedAt = now();
      const explicit = {
        assessDueAt: input.assessDueAt ? new Date(input.assessDueAt) : undefined,
        respondDueAt: input.respondDueAt ? new Date(input.respondDueAt) : undefined,
      };
      assertFutureDeadlines(explicit, openedAt);
      return runInTransaction(async (tx) => {
        const alert = input.alertId ? await alertToOpen(tx, actor, input.alertId) : null;
        const owningUnitId = input.owningUnitId ?? alert?.orgUnitId ?? actor.orgUnitId;
        if (!owningUnitId) throw fieldError('owningUnitId', 'validation.required');
        const [owner] = await repo.findUnits(tx, [owningUnitId]);
        if (!owner || !incidentsPolicy.canOwnIn(actor, owner.path))
          throw fieldError('owningUnitId', 'validation.unit_out_of_scope');
        const supportingIds = [...new Set(input.supportingUnitIds)].filter((id) => id !== owner.id);
        if ((await repo.findUnits(tx, supportingIds)).length !== supportingIds.length)
          throw fieldError('supportingUnitIds', 'validation.invalid_value');
        // The alert's articles that still exist come along; the ones asked for must all exist.
        const wanted = [...new Set([...input.articleIds, ...(alert?.articleIds ?? [])])];
        const known = await links.existingArticles(tx, wanted);
        if (input.articleIds.some((articleId) => !known.has(articleId)))
          throw fieldError('articleIds', 'validation.invalid_value');
        const articleIds = wanted.filter((articleId) => known.has(articleId));
        if (input.queryId && !(await links.findQuery(tx, input.queryId)))
          throw fieldError('queryId', 'validation.invalid_value');

        const severity = input.severity ?? suggestSeverity(input.guide);
        const due = dueTimes(openedAt, severity, await cases.settings(tx));
        const id = await repo.insert(tx, {
          code: await repo.nextCode(tx, year(openedAt)),
          title: input.title,
          description: input.description ?? null,
          severity,
          guide: input.guide,
          owningUnitId: owner.id,
          queryId: input.queryId ?? null,
          assessDueAt: explicit.assessDueAt ?? due.assessDueAt,
          respondDueAt: explicit.respondDueAt ?? due.respondDueAt,
          openedBy: actor.userId,
          openedAt,
        });
        await repo.setSupportingUnits(tx, id, supportingIds);
        await links.insertItems(tx, id, articleIds, 'user', openedAt);
        if (alert) {
          await links.insertAlerts(tx, id, [alert.id]);
          await alerts.markIncident(tx, [alert.id], id, actor.userId);
        }
        const row = (await repo.findById(tx, id))!;
        await cases.events(
          tx,
          actor,
          id,
          [{ kind: 'opened', detail: { severity, items: articleIds.length, ...(alert ? { alertId: alert.id } : {}) } }],
          openedAt,
        );
        await cases.audit(tx, actor, 'create', row, { after: { ...snapshot(row), alertId: alert?.id ?? null } });
        await cases.tell(tx, actor, openedNotice(row, row.assessDueAt), [owner.id]);
        for (const unitId of supportingIds)
          await cases.tell(tx, actor, assignedNotice(row, 'supporting', unitId, row.version), [unitId]);
        return cases.detail(tx, actor, id);
      });
    },

    /**
     * Moves a case (version-checked): see `checkTransition`. Reaching monitoring meets the response deadline; closing
     * stores the lessons learnt.
     */
    async transition(actor: Actor, id: string, input: TIncidentTransitionRequest): Promise<TIncident> {
      incidentsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await cases.visible(tx, actor, id, true);
        incidentsPolicy.assertCanEdit(actor, target(before));
        if (before.version !== input.version) throw new AppError('conflict.version');
        const check = checkTransition({
          from: before.status,
          to: input.status,
          severity: before.severity,
          recorded: await cases.recorded(tx, id),
          lessons: input.lessons,
        });
        if (!check.ok && check.reason === 'not_allowed')
          throw new AppError('incident.invalid_transition', { from: before.status, to: input.status });
        if (!check.ok && check.reason === 'requirements')
          throw missingActionsError(check.missing, check.lessonsMissing);
        const at = now();
        const closing = input.status === 'closed';
        const changed = await repo.update(tx, id, input.version, {
          status: input.status,
          ...(closing ? { closedAt: at, lessons: input.lessons!.trim() } : {}),
          ...metBy(before, { status: input.status }, at),
        });
        if (!changed) throw new AppError('conflict.version');
        const detail = { from: before.status, to: input.status };
        await cases.events(
          tx,
          actor,
          id,
          [{ kind: closing ? 'closed' : 'status_changed', detail, text: input.note ?? null }],
          at,
        );
        const after = (await repo.findById(tx, id))!;
        await cases.audit(tx, actor, 'change_status', after, { before: snapshot(before), after: snapshot(after) });
        return cases.detail(tx, actor, id);
      });
    },

    /** The deadlines per severity (the defaults until an administrator changes them); everyone signed in reads them. */
    async getSettings(_actor: Actor): Promise<TIncidentDeadlineSettings> {
      return cases.settings(db);
    },

    /** Changes the deadlines of cases opened (or re-graded) from now on; open cases keep theirs. */
    async updateSettings(actor: Actor, input: TIncidentDeadlineSettings): Promise<TIncidentDeadlineSettings> {
      incidentsPolicy.assertCanManageSettings(actor);
      const settings = ZIncidentDeadlineSettings.parse(input);
      return runInTransaction(async (tx) => {
        const before = await cases.settings(tx);
        await repo.saveSettings(tx, settings, actor.userId);
        await deps.recordAudit(tx, actor, {
          action: 'update',
          entityType: 'incident_settings',
          entityId: null,
          orgUnitId: null,
          summary: 'Thời hạn xử lý sự cố truyền thông theo mức độ',
          before,
          after: settings,
        });
        return settings;
      });
    },
  };
}
