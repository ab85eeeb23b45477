import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import { inScope } from '../../platform/actor.js';
import type { RunInTransaction, Tx } from '../../platform/db/transaction.js';
import type { NotificationsService } from '../notifications/index.js';
import { calendarPolicy } from './calendar.policy.js';
import type { CalendarRepository, NewItemRow } from './calendar.repository.js';
import { assignmentNotice } from './calendar-notices.js';
import { createReferenceChecks, type ReferenceChecks, type ReferenceDeps } from './calendar-references.service.js';
import { parseSheetDay, parseStatus, splitCodes, type FieldProblem } from './item-rules.js';

/** One spreadsheet row, keyed by column, with its 1-based row number in the sheet. */
export interface SheetRow {
  row: number;
  values: Record<string, string | null>;
}

/** A rejected row: where, and the field-message code (with its parameters) that says why. */
export interface RowProblem extends FieldProblem {
  row: number;
}

export interface ImportOutcome {
  applied: boolean;
  created: number;
  updated: number;
  rejected: RowProblem[];
}

export interface CalendarImportDeps extends ReferenceDeps {
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: CalendarRepository;
  notify: NotificationsService['notify'];
}

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 5000;

/** Reads and checks one row; returns the item to insert or the row's problems (all of them). */
async function checkRow(
  tx: Tx,
  actor: Actor,
  checks: ReferenceChecks,
  values: Record<string, string | null>,
): Promise<{ item: NewItemRow | null; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string, params?: Record<string, unknown>) =>
    problems.push({ field, code, ...(params ? { params } : {}) });
  const day = (field: string, required: boolean) => {
    const text = values[field] ?? null;
    if (text === null) {
      if (required) problem(field, 'validation.required');
      return null;
    }
    const parsed = parseSheetDay(text);
    if (!parsed) problem(field, 'validation.invalid_date');
    return parsed;
  };
  const startsOn = day('startsOn', true);
  const endsOn = day('endsOn', false);
  if (startsOn && endsOn && endsOn < startsOn) problem('endsOn', 'validation.date_order');
  const title = values.title ?? '';
  if (title === '') problem('title', 'validation.required');
  else if (title.length > MAX_TITLE) problem('title', 'validation.too_long', { maximum: MAX_TITLE });
  const description = values.description ?? null;
  if (description && description.length > MAX_DESCRIPTION)
    problem('description', 'validation.too_long', { maximum: MAX_DESCRIPTION });
  const status = parseStatus(values.status ?? null);
  if (!status) problem('status', 'validation.invalid_value');

  const unitCode = values.unitCode ?? null;
  const unit = unitCode
    ? await checks.unitByCode(tx, unitCode.toUpperCase())
    : actor.orgUnitId
      ? await checks.units.findById(tx, actor.orgUnitId)
      : null;
  if (!unit) problem('unitCode', unitCode ? 'validation.unknown_unit_code' : 'validation.required', { code: unitCode });
  else if (!inScope(actor, unit.path)) problem('unitCode', 'validation.unit_out_of_scope');

  let assigneeId: string | null = null;
  const username = values.assignee ?? null;
  if (username) {
    const user = await checks.userByLogin(tx, username);
    if (!user) problem('assignee', 'validation.unknown_user', { username });
    else if (unit) {
      const wrong = await checks.assigneeProblem(tx, user.id, unit.path, 'assignee');
      if (wrong) problems.push(wrong);
      else assigneeId = user.id;
    }
  }

  const coded = {
    themeCodes: splitCodes(values.themeCodes ?? null),
    audienceCodes: splitCodes(values.audienceCodes ?? null),
    channelCode: values.channelCode ?? null,
    formCode: values.formCode ?? null,
  };
  const year = startsOn ? await checks.guidanceYear(tx, undefined, startsOn) : null;
  if (startsOn && year === null) problem('startsOn', 'validation.unknown_guidance_year');
  if (year !== null) {
    // A list's problems name its column (themeCodes), not the position in it.
    for (const p of await checks.codeProblems(tx, year, coded)) problems.push({ ...p, field: p.field.split('.')[0]! });
  }
  if (problems.length > 0 || !unit || !startsOn || !status || year === null) return { item: null, problems };
  return {
    item: {
      title,
      description,
      startsOn,
      endsOn,
      guidanceYear: year,
      ...coded,
      ownerUnitId: unit.id,
      assigneeId,
      status,
      regulationId: null,
    },
    problems,
  };
}

export type CalendarImportService = ReturnType<typeof createCalendarImportService>;

/**
 * Excel import, all or nothing: every row is checked first; if any is rejected, nothing is written and the
 * report lists every problem of every bad row. `dryRun` only reports.
 */
export function createCalendarImportService(deps: CalendarImportDeps) {
  return {
    async importItems(actor: Actor, rows: SheetRow[], options: { dryRun: boolean }): Promise<ImportOutcome> {
      calendarPolicy.assertCanPlan(actor);
      return deps.runInTransaction(async (tx) => {
        const checks = createReferenceChecks(deps);
        const outcome: ImportOutcome = { applied: false, created: 0, updated: 0, rejected: [] };
        const items: NewItemRow[] = [];
        for (const { row, values } of rows) {
          const { item, problems } = await checkRow(tx, actor, checks, values);
          outcome.rejected.push(...problems.map((p) => ({ row, ...p })));
          if (item) items.push(item);
        }
        outcome.created = items.length;
        if (outcome.rejected.length > 0 || options.dryRun) return outcome;
        const ids = await deps.repo.insert(tx, items);
        for (const [index, item] of items.entries()) {
          const id = ids[index]!;
          await deps.recordAudit(tx, actor, {
            action: 'import',
            entityType: 'calendar_item',
            entityId: id,
            orgUnitId: item.ownerUnitId,
            summary: item.title,
            after: { ...item, description: undefined },
          });
          if (item.assigneeId)
            await deps.notify(
              tx,
              actor,
              assignmentNotice({
                id,
                title: item.title,
                startsOn: item.startsOn,
                ownerUnitId: item.ownerUnitId,
                assigneeId: item.assigneeId,
              }),
            );
        }
        outcome.applied = true;
        return outcome;
      });
    },
  };
}
