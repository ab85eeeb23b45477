import { recurrenceRule, type TRecurrence } from '@loa/contracts';
import type { Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { CalendarRepository, ItemRow, NewItemRow, NewSeriesRow, SeriesRow } from './calendar.repository.js';
import { addDays, daysBetween } from './days.js';
import { extraDays } from './item-rules.js';
import {
  continueFrom,
  endBefore,
  expandRecurrence,
  firstOccurrence,
  isShiftable,
  MAX_COUNT,
  parseRecurrence,
} from './recurrence.js';
import { planOccurrences } from './series-plan.js';

/** What every occurrence of a series is given (and what "edit all future" changes). */
export type SeriesTemplate = Required<
  Pick<
    NewSeriesRow,
    | 'title'
    | 'description'
    | 'guidanceYear'
    | 'themeCodes'
    | 'audienceCodes'
    | 'channelCode'
    | 'formCode'
    | 'ownerUnitId'
    | 'assigneeId'
    | 'status'
    | 'regulationId'
  >
>;

/** An "edit this and every later occurrence": the full new template, and the dates or rule asked for. */
export interface FutureEdit {
  template: SeriesTemplate;
  startsOn?: string | undefined;
  /** The end the item gets, whenever the request sent a start or an end (null: one day). */
  endsOn?: string | null | undefined;
  recurrence?: TRecurrence | undefined;
  version: number;
}

export interface SeriesOutcome {
  seriesId: string;
  rule: string;
  /** Occurrence rows written (kept, inserted) and removed. */
  written: number;
  removed: number;
}

/** The stored rule of a series (always canonical, so it parses). */
export function ruleOf(series: Pick<SeriesRow, 'rule'>): TRecurrence {
  const rule = parseRecurrence(series.rule);
  if (!rule) throw new Error(`calendar_series holds an unsupported rule "${series.rule}"`);
  return rule;
}

/** The values a series gives its occurrences. */
export function templateOf(series: SeriesRow): SeriesTemplate {
  return {
    title: series.title,
    description: series.description,
    guidanceYear: series.guidanceYear,
    themeCodes: series.themeCodes,
    audienceCodes: series.audienceCodes,
    channelCode: series.channelCode,
    formCode: series.formCode,
    ownerUnitId: series.ownerUnitId,
    assigneeId: series.assigneeId,
    status: series.status,
    regulationId: series.regulationId,
  };
}

const occurrenceValues = (template: SeriesTemplate, seriesId: string, day: string, durationDays: number) => ({
  ...template,
  seriesId,
  occurrenceOn: day,
  startsOn: day,
  endsOn: durationDays > 0 ? addDays(day, durationDays) : null,
  isException: false,
});

/** The days a rule gives from its first occurrence to `horizon`, and how far rows then reach. */
function daysUntil(rule: TRecurrence, first: string, horizon: string) {
  const days = expandRecurrence(rule, first, { from: first, to: horizon }, MAX_COUNT);
  return { days, materialisedUntil: days.length === MAX_COUNT ? days.at(-1)! : horizon };
}

/**
 * Recurring series, materialised as one calendar_items row per occurrence up to a horizon. Every function runs
 * in the caller's transaction; checks of scope and values are the caller's.
 */
export function createSeriesWriter(repo: CalendarRepository) {
  return {
    /**
     * A new series from the first day on or after `startsOn` that the rule gives. With `anchorId`, that existing
     * item becomes its first occurrence (an item turned recurring). Returns the series and its first item.
     */
    async create(
      tx: Tx,
      input: { rule: TRecurrence; startsOn: string; durationDays: number; template: SeriesTemplate; horizon: string },
      anchorId?: string,
    ): Promise<SeriesOutcome & { firstItemId: string }> {
      const first = firstOccurrence(input.rule, input.startsOn, input.horizon);
      if (!first) throw fieldError('recurrence', 'validation.recurrence_no_occurrence');
      const { days, materialisedUntil } = daysUntil(input.rule, first, input.horizon);
      const rule = recurrenceRule(input.rule);
      const seriesId = await repo.insertSeries(tx, {
        ...input.template,
        rule,
        startsOn: first,
        durationDays: input.durationDays,
        materialisedUntil,
      });
      const rows = days.map((day) => occurrenceValues(input.template, seriesId, day, input.durationDays));
      if (anchorId) await repo.update(tx, anchorId, null, rows.shift()!);
      const ids = await repo.insert(tx, rows);
      return { seriesId, rule, firstItemId: anchorId ?? ids[0]!, written: days.length, removed: 0 };
    },

    /**
     * Changes occurrence `item` and every later one of its series that was not edited on its own. From the
     * series' first occurrence this rewrites the series; later, it splits it (the old one ends the day before).
     * Without a new rule, moving the item moves them all by as many days (only if the rule lets the start
     * decide, else `startsOn` is refused); exceptions move along. With a new rule, later exceptions leave the
     * series as items of their own. Rows keep their ids where their occurrence survives.
     */
    async editFuture(tx: Tx, item: ItemRow, edit: FutureEdit, horizon: string): Promise<SeriesOutcome> {
      const series = await repo.findSeries(tx, item.seriesId!, true);
      if (!series) throw new Error(`calendar item ${item.id} names a missing series`);
      const oldRule = ruleOf(series);
      const day = item.occurrenceOn!;
      const moved = edit.startsOn !== undefined && edit.startsOn !== item.startsOn;
      const base = moved ? edit.startsOn! : day;
      const shift = daysBetween(day, base);
      let rule: TRecurrence;
      let first: string;
      if (edit.recurrence) {
        rule = edit.recurrence;
        const found = firstOccurrence(rule, base, horizon);
        if (!found) throw fieldError('recurrence', 'validation.recurrence_no_occurrence');
        first = found;
      } else {
        if (shift !== 0 && !isShiftable(oldRule)) throw fieldError('startsOn', 'validation.recurrence_fixed_dates');
        rule = day === series.startsOn ? oldRule : continueFrom(oldRule, series.startsOn, day);
        first = base;
      }
      // Sent dates (the caller merges start and end) give every occurrence the new length.
      const durationDays =
        edit.endsOn !== undefined
          ? extraDays(moved ? edit.startsOn! : item.startsOn, edit.endsOn)
          : series.durationDays;
      const rows = await repo.occurrences(tx, series.id, day);
      const exceptions = rows.filter((r) => r.isException && r.id !== item.id);
      const regular = rows.filter((r) => !r.isException && r.id !== item.id);
      const carried = edit.recurrence ? [] : series.excludedOn.filter((d) => d >= day).map((d) => addDays(d, shift));
      const ruleText = recurrenceRule(rule);
      const { days, materialisedUntil } = daysUntil(rule, first, horizon);
      const seriesValues = {
        ...edit.template,
        rule: ruleText,
        startsOn: first,
        durationDays,
        excludedOn: carried,
        materialisedUntil,
      };
      let targetId = series.id;
      if (day === series.startsOn) await repo.updateSeries(tx, series.id, seriesValues);
      else {
        await repo.updateSeries(tx, series.id, {
          rule: recurrenceRule(endBefore(oldRule, day)),
          excludedOn: series.excludedOn.filter((d) => d < day),
        });
        targetId = await repo.insertSeries(tx, seriesValues);
      }
      // An exception left alone by this edit keeps its own days (and stays an exception).
      const keepOwnDays = item.isException && !moved && !edit.recurrence;
      const itemValues: Partial<NewItemRow> = {
        ...edit.template,
        seriesId: targetId,
        occurrenceOn: first,
        isException: keepOwnDays,
        ...(keepOwnDays ? {} : { startsOn: first, endsOn: durationDays > 0 ? addDays(first, durationDays) : null }),
      };
      if (!(await repo.update(tx, item.id, edit.version, itemValues))) throw new AppError('conflict.version');
      const taken = new Set(carried);
      for (const row of exceptions) {
        if (edit.recurrence) {
          await repo.update(tx, row.id, null, { seriesId: null, occurrenceOn: null, isException: false });
        } else {
          const occurrenceOn = addDays(row.occurrenceOn, shift);
          taken.add(occurrenceOn);
          await repo.update(tx, row.id, null, { seriesId: targetId, occurrenceOn });
        }
      }
      const plan = planOccurrences(regular, days, {
        shift: edit.recurrence ? 0 : shift,
        taken,
        anchor: { id: item.id, day: first },
      });
      for (const keep of plan.keep.filter((k) => k.id !== item.id))
        await repo.update(
          tx,
          keep.id,
          null,
          occurrenceValues(edit.template, targetId, keep.occurrenceOn, durationDays),
        );
      await repo.delete(tx, plan.remove);
      await repo.insert(
        tx,
        plan.insert.map((d) => occurrenceValues(edit.template, targetId, d, durationDays)),
      );
      return {
        seriesId: targetId,
        rule: ruleText,
        written: plan.keep.length + plan.insert.length,
        removed: plan.remove.length,
      };
    },

    /** Deletes one occurrence; the series remembers the day so that it is never materialised again. */
    async deleteOne(tx: Tx, item: ItemRow): Promise<void> {
      const series = await repo.findSeries(tx, item.seriesId!, true);
      await repo.delete(tx, [item.id]);
      if (series && !series.excludedOn.includes(item.occurrenceOn!))
        await repo.updateSeries(tx, series.id, { excludedOn: [...series.excludedOn, item.occurrenceOn!].sort() });
    },

    /** Deletes an occurrence and every later one (exceptions too); from the first one, the whole series goes. */
    async deleteFuture(tx: Tx, item: ItemRow): Promise<{ removed: number; seriesDeleted: boolean }> {
      const series = await repo.findSeries(tx, item.seriesId!, true);
      if (!series) throw new Error(`calendar item ${item.id} names a missing series`);
      const day = item.occurrenceOn!;
      const rows = await repo.occurrences(tx, series.id, day);
      await repo.delete(
        tx,
        rows.map((r) => r.id),
      );
      if (day === series.startsOn) {
        await repo.deleteSeries(tx, series.id);
        return { removed: rows.length, seriesDeleted: true };
      }
      await repo.updateSeries(tx, series.id, {
        rule: recurrenceRule(endBefore(ruleOf(series), day)),
        excludedOn: series.excludedOn.filter((d) => d < day),
      });
      return { removed: rows.length, seriesDeleted: false };
    },

    /** Materialises a series' occurrences after its current reach up to `horizon`; returns how many rows it added. */
    async extend(tx: Tx, seriesId: string, horizon: string): Promise<{ series: SeriesRow; added: number } | null> {
      const series = await repo.findSeries(tx, seriesId, true);
      if (!series || series.materialisedUntil >= horizon) return null;
      const from = addDays(series.materialisedUntil, 1);
      const days = expandRecurrence(ruleOf(series), series.startsOn, { from, to: horizon }, MAX_COUNT);
      const excluded = new Set(series.excludedOn);
      const fresh = days.filter((d) => !excluded.has(d));
      await repo.insert(
        tx,
        fresh.map((d) => occurrenceValues(templateOf(series), series.id, d, series.durationDays)),
      );
      await repo.updateSeries(tx, series.id, {
        materialisedUntil: days.length === MAX_COUNT ? days.at(-1)! : horizon,
      });
      return { series, added: fresh.length };
    },
  };
}

export type SeriesWriter = ReturnType<typeof createSeriesWriter>;
