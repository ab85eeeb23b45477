import type {
  TCalendarStatus,
  TCreateCalendarItemRequest,
  TEditScope,
  TRecurrence,
  TUpdateCalendarItemRequest,
} from '@loa/contracts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { NotificationsService } from '../notifications/index.js';
import type { CalendarRepository, ItemRow } from './calendar.repository.js';
import { assignmentNotice, statusNotice, type ItemFacts } from './calendar-notices.js';
import { throwProblems, type ReferenceChecks } from './calendar-references.service.js';
import { createSeriesWriter, templateOf, type SeriesTemplate } from './calendar-series.service.js';
import { horizonOf, vnDay } from './days.js';
import { extraDays, type FieldProblem } from './item-rules.js';
import { parseRecurrence } from './recurrence.js';

/** What the proposals module hands over when a proposal is approved: the item it becomes. */
export interface CalendarItemFromProposal {
  proposalId: string;
  title: string;
  description: string | null;
  ownerUnitId: string;
  startsOn: string;
  endsOn: string | null;
  guidanceYear: number;
  themeCodes: string[];
  audienceCodes: string[];
  channelCode: string | null;
  formCode: string | null;
  regulationId: string | null;
}

export interface ItemWritesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: CalendarRepository;
  notify: NotificationsService['notify'];
  /** Vietnam's calendar day today. */
  today: () => string;
}

/** What the audit log keeps of an item or a series. */
function snapshot(v: SeriesTemplate & { startsOn: string; endsOn?: string | null; proposalId?: string | null }) {
  return {
    title: v.title,
    startsOn: v.startsOn,
    endsOn: v.endsOn ?? null,
    ownerUnitId: v.ownerUnitId,
    assigneeId: v.assigneeId ?? null,
    status: v.status,
    guidanceYear: v.guidanceYear,
    themeCodes: v.themeCodes ?? [],
    audienceCodes: v.audienceCodes ?? [],
    channelCode: v.channelCode ?? null,
    formCode: v.formCode ?? null,
    regulationId: v.regulationId ?? null,
    ...(v.proposalId ? { proposalId: v.proposalId } : {}),
  };
}

/** The value sent, or the current one when the field was left out (null is a value). */
const given = <T>(sent: T | undefined, current: T): T => (sent !== undefined ? sent : current);

const templateOfRow = (row: ItemRow): SeriesTemplate => ({
  title: row.title,
  description: row.description,
  guidanceYear: row.guidanceYear,
  themeCodes: row.themeCodes,
  audienceCodes: row.audienceCodes,
  channelCode: row.channelCode,
  formCode: row.formCode,
  ownerUnitId: row.ownerUnitId,
  assigneeId: row.assigneeId,
  status: row.status,
  regulationId: row.regulationId,
});

/** The use cases that write items, each in the caller's transaction; policy checks are the caller's. */
export function createItemWrites(deps: ItemWritesDeps) {
  const { repo, recordAudit } = deps;
  const series = createSeriesWriter(repo);
  const horizon = () => horizonOf(deps.today());

  /** Tells a new assignee, and the owner unit about a changed status (`before` is empty for a new item). */
  async function tell(
    tx: Tx,
    actor: Actor,
    after: ItemFacts & { status: string },
    before: Partial<Pick<SeriesTemplate, 'assigneeId' | 'status'>>,
    times = 1,
  ) {
    if (after.assigneeId && after.assigneeId !== before.assigneeId)
      await deps.notify(tx, actor, assignmentNotice({ ...after, assigneeId: after.assigneeId }, times));
    if (before.status !== undefined && after.status !== before.status)
      await deps.notify(tx, actor, statusNotice(after, after.status as TCalendarStatus));
  }

  return {
    /** Checks and writes a new item (or series); returns the id of the (first) item. */
    async create(tx: Tx, actor: Actor, checks: ReferenceChecks, input: TCreateCalendarItemRequest): Promise<string> {
      const owner = await checks.ownerUnit(tx, actor, input.ownerUnitId);
      const problems: FieldProblem[] = [];
      const rule = input.recurrence ? parseRecurrence(input.recurrence) : null;
      if (input.recurrence && !rule) problems.push({ field: 'recurrence', code: 'validation.invalid_recurrence' });
      if (input.assigneeId) {
        const problem = await checks.assigneeProblem(tx, input.assigneeId, owner.path);
        if (problem) problems.push(problem);
      }
      const year = await checks.guidanceYear(tx, input.guidanceYear, input.startsOn);
      if (year === null) problems.push({ field: 'guidanceYear', code: 'validation.unknown_guidance_year' });
      else problems.push(...(await checks.codeProblems(tx, year, input)));
      if (input.regulationId && !(await checks.regulation(tx, input.regulationId)))
        problems.push({ field: 'regulationId', code: 'validation.invalid_value' });
      throwProblems(problems);
      const template: SeriesTemplate = {
        title: input.title,
        description: input.description ?? null,
        guidanceYear: year!,
        themeCodes: input.themeCodes,
        audienceCodes: input.audienceCodes,
        channelCode: input.channelCode ?? null,
        formCode: input.formCode ?? null,
        ownerUnitId: owner.id,
        assigneeId: input.assigneeId ?? null,
        status: input.status,
        regulationId: input.regulationId ?? null,
      };
      const endsOn = input.endsOn ?? null;
      if (rule) {
        const outcome = await series.create(tx, {
          rule,
          startsOn: input.startsOn,
          durationDays: extraDays(input.startsOn, endsOn),
          template,
          horizon: horizon(),
        });
        const first = (await repo.findById(tx, outcome.firstItemId))!;
        await recordAudit(tx, actor, {
          action: 'create',
          entityType: 'calendar_series',
          entityId: outcome.seriesId,
          orgUnitId: owner.id,
          summary: `${input.title} (${outcome.rule}): ${outcome.written}`,
          after: { ...snapshot({ ...template, startsOn: first.startsOn, endsOn: first.endsOn }), rule: outcome.rule },
        });
        await tell(tx, actor, first, {}, outcome.written);
        return first.id;
      }
      const [id] = await repo.insert(tx, [{ ...template, startsOn: input.startsOn, endsOn }]);
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'calendar_item',
        entityId: id!,
        orgUnitId: owner.id,
        summary: input.title,
        after: snapshot({ ...template, startsOn: input.startsOn, endsOn }),
      });
      await tell(tx, actor, { id: id!, ...template, startsOn: input.startsOn }, {});
      return id!;
    },

    /** Checks and applies a change to a (locked, version-checked) item, one occurrence or the rest of its series. */
    async update(
      tx: Tx,
      actor: Actor,
      checks: ReferenceChecks,
      row: ItemRow,
      input: TUpdateCalendarItemRequest,
    ): Promise<void> {
      const scope: TEditScope = row.seriesId ? (input.scope ?? 'one') : 'one';
      const future = scope === 'future';
      const seriesRow = future ? await repo.findSeries(tx, row.seriesId!) : null;
      const base = seriesRow ? templateOf(seriesRow) : templateOfRow(row);
      const owner =
        input.ownerUnitId !== undefined && input.ownerUnitId !== base.ownerUnitId
          ? await checks.ownerUnit(tx, actor, input.ownerUnitId)
          : base.ownerUnitId === row.ownerUnitId
            ? { id: row.ownerUnitId, path: row.ownerUnitPath }
            : { id: base.ownerUnitId, path: (await checks.units.findById(tx, base.ownerUnitId))!.path };
      const problems: FieldProblem[] = [];
      const startsOn = input.startsOn ?? row.startsOn;
      const endsOn = given(input.endsOn, row.endsOn);
      if (endsOn && endsOn < startsOn) problems.push({ field: 'endsOn', code: 'validation.date_order' });
      let assigneeId = given(input.assigneeId, base.assigneeId);
      if (input.assigneeId) {
        const problem = await checks.assigneeProblem(tx, input.assigneeId, owner.path);
        if (problem) problems.push(problem);
      } else if (assigneeId && owner.id !== base.ownerUnitId) {
        // The item moved to another unit: an assignee who does not work there lets it go.
        if (await checks.assigneeProblem(tx, assigneeId, owner.path)) assigneeId = null;
      }
      let year: number | null = base.guidanceYear;
      if (input.guidanceYear !== undefined) year = await checks.guidanceYear(tx, input.guidanceYear, startsOn);
      if (year === null) problems.push({ field: 'guidanceYear', code: 'validation.unknown_guidance_year' });
      else if (
        [input.guidanceYear, input.themeCodes, input.audienceCodes, input.channelCode, input.formCode].some(
          (v) => v !== undefined,
        )
      )
        problems.push(
          ...(await checks.codeProblems(tx, year, {
            themeCodes: input.themeCodes ?? base.themeCodes,
            audienceCodes: input.audienceCodes ?? base.audienceCodes,
            channelCode: given(input.channelCode, base.channelCode),
            formCode: given(input.formCode, base.formCode),
          })),
        );
      if (input.regulationId && !(await checks.regulation(tx, input.regulationId)))
        problems.push({ field: 'regulationId', code: 'validation.invalid_value' });
      let rule: TRecurrence | null = null;
      if (input.recurrence !== undefined) {
        rule = parseRecurrence(input.recurrence);
        if (!rule) problems.push({ field: 'recurrence', code: 'validation.invalid_recurrence' });
        else if (row.seriesId && !future) problems.push({ field: 'scope', code: 'validation.invalid' });
      }
      throwProblems(problems);
      const template: SeriesTemplate = {
        title: given(input.title, base.title),
        description: given(input.description, base.description),
        guidanceYear: year!,
        themeCodes: given(input.themeCodes, base.themeCodes),
        audienceCodes: given(input.audienceCodes, base.audienceCodes),
        channelCode: given(input.channelCode, base.channelCode),
        formCode: given(input.formCode, base.formCode),
        ownerUnitId: owner.id,
        assigneeId,
        status: given(input.status, base.status),
        regulationId: given(input.regulationId, base.regulationId),
      };
      const datesSent = input.startsOn !== undefined || input.endsOn !== undefined;
      if (future) {
        const outcome = await series.editFuture(
          tx,
          row,
          {
            template,
            startsOn: input.startsOn,
            endsOn: datesSent ? endsOn : undefined,
            recurrence: rule ?? undefined,
            version: input.version,
          },
          horizon(),
        );
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'calendar_series',
          entityId: outcome.seriesId,
          orgUnitId: owner.id,
          summary: `${template.title} (${outcome.rule}): ${outcome.written}`,
          before: { ...snapshot({ ...base, startsOn: row.startsOn, endsOn: row.endsOn }), rule: seriesRow!.rule },
          after: { ...snapshot({ ...template, startsOn, endsOn }), rule: outcome.rule, removed: outcome.removed },
        });
        await tell(tx, actor, { id: row.id, ...template, startsOn }, base, outcome.written);
        return;
      }
      let seriesRule: string | null = null;
      if (rule && !row.seriesId) {
        const outcome = await series.create(
          tx,
          { rule, startsOn, durationDays: extraDays(startsOn, endsOn), template, horizon: horizon() },
          row.id,
        );
        seriesRule = outcome.rule;
      } else {
        const changed = await repo.update(tx, row.id, input.version, {
          ...template,
          startsOn,
          endsOn,
          ...(row.seriesId ? { isException: true } : {}),
        });
        if (!changed) throw new AppError('conflict.version');
      }
      const after = (await repo.findById(tx, row.id))!;
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'calendar_item',
        entityId: row.id,
        orgUnitId: owner.id,
        summary: after.title,
        before: snapshot({ ...base, startsOn: row.startsOn, endsOn: row.endsOn }),
        after: {
          ...snapshot({ ...template, startsOn: after.startsOn, endsOn: after.endsOn }),
          ...(seriesRule ? { rule: seriesRule } : {}),
        },
      });
      await tell(tx, actor, after, base);
    },

    /** Deletes an item, one occurrence, or an occurrence and the rest of its series. */
    async remove(tx: Tx, actor: Actor, row: ItemRow, scope: TEditScope): Promise<void> {
      const before = snapshot({ ...templateOfRow(row), startsOn: row.startsOn, endsOn: row.endsOn });
      if (row.seriesId && scope === 'future') {
        const outcome = await series.deleteFuture(tx, row);
        await recordAudit(tx, actor, {
          action: 'delete',
          entityType: 'calendar_series',
          entityId: row.seriesId,
          orgUnitId: row.ownerUnitId,
          summary: `${row.title}: ${outcome.removed}`,
          before: { ...before, rule: row.seriesRule, from: row.occurrenceOn },
          after: outcome.seriesDeleted ? null : { removed: outcome.removed },
        });
        return;
      }
      if (row.seriesId) await series.deleteOne(tx, row);
      else await repo.delete(tx, [row.id]);
      await recordAudit(tx, actor, {
        action: 'delete',
        entityType: 'calendar_item',
        entityId: row.id,
        orgUnitId: row.ownerUnitId,
        summary: row.title,
        before: { ...before, ...(row.seriesId ? { seriesId: row.seriesId, occurrenceOn: row.occurrenceOn } : {}) },
      });
    },

    /** An approved proposal's item: planned, owned by the proposing unit, audited. */
    async createFromProposal(tx: Tx, actor: Actor, input: CalendarItemFromProposal): Promise<string> {
      if (input.endsOn && input.endsOn < input.startsOn) throw fieldError('endsOn', 'validation.date_order');
      const values = { ...input, assigneeId: null, status: 'planned' as const };
      const [id] = await repo.insert(tx, [values]);
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'calendar_item',
        entityId: id!,
        orgUnitId: input.ownerUnitId,
        summary: input.title,
        after: snapshot(values),
      });
      return id!;
    },

    /** Materialises every series short of the horizon, a transaction per series; returns the rows added. */
    async extendAll(now: Date): Promise<number> {
      const until = horizonOf(vnDay(now));
      let added = 0;
      for (let round = 0; round < 1000; round++) {
        const ids = await repo.seriesToExtend(deps.db, until, 50);
        if (ids.length === 0) break;
        for (const id of ids) {
          added += await deps.runInTransaction(async (tx) => {
            const outcome = await series.extend(tx, id, until);
            if (!outcome || outcome.added === 0) return 0;
            await recordAudit(tx, SYSTEM_ACTOR, {
              action: 'update',
              entityType: 'calendar_series',
              entityId: id,
              orgUnitId: outcome.series.ownerUnitId,
              summary: `${outcome.series.title} (${outcome.series.rule}): +${outcome.added}`,
              after: { materialisedUntil: until, added: outcome.added },
            });
            return outcome.added;
          });
        }
      }
      return added;
    },
  };
}
