import {
  eventFigureProblems,
  type TCampaignMetric,
  type TCreateEventRequest,
  type TEvent,
  type TEventDetail,
  type TEventListQuery,
  type TEventOverride,
  type TEventStatus,
  type TEventTransitionRequest,
  type TPage,
  type TUpdateEventRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound, type FieldError } from '../../platform/errors.js';
import type { FilesService } from '../files/index.js';
import type { UnitLookup } from '../org-units/index.js';
import type { ProgressSource } from '../plans/index.js';
import type { RestrictionRow } from '../restrictions/index.js';
import { resolveEventPlace, themeCodesFor, type PlaceLookup, type ThemeLookup } from './event-checks.service.js';
import { canTransition, isLocked, placeInTerritory } from './event-rules.js';
import { createEventRestrictionChecks, type Setting } from './event-restrictions.service.js';
import { eventSnapshot, toEvent } from './event-view.service.js';
import type { EventFigure, EventRow, EventsRepository } from './events.repository.js';
import { eventsPolicy } from './events.policy.js';

/** A figure recorded at a unit (by its materialised path). */
type FigureAt = { path: string; value: number };

export interface EventsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: EventsRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  places: PlaceLookup;
  guidance: ThemeLookup;
  restrictions: {
    blocking(tx: Executor, unitPath: string, at: Date, kind: string | null): Promise<RestrictionRow[]>;
    findById(tx: Executor, id: string): Promise<RestrictionRow | null>;
  };
  files: Pick<FilesService['internal'], 'findByIds'>;
}

const FIGURE_FIELDS = [
  'extraAttendance',
  'extraMale',
  'extraFemale',
  'bySegment',
  'questionsRaised',
  'questionsAnswered',
  'newVoluntary',
  'newHouseholdBhyt',
  'costVnd',
] as const;

export type EventsService = ReturnType<typeof createEventsService>;

/**
 * Direct communication events (1191/BHXH-TT §III.2): planned, held and reported by the organising unit, refused
 * inside an active restriction unless a leader overrides it with a written reason.
 */
export function createEventsService(deps: EventsDeps) {
  const { db, runInTransaction, repo, recordAudit, units } = deps;
  const { overridesOf, restrictionGate, recordOverride, overriddenIds } = createEventRestrictionChecks(deps);

  async function readable(tx: Executor, actor: Actor, id: string, lock = false): Promise<EventRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !eventsPolicy.canRead(actor, row.orgUnitPath)) throw notFound('event');
    return row;
  }

  async function editable(tx: Tx, actor: Actor, id: string): Promise<EventRow> {
    const row = await readable(tx, actor, id, true);
    if (!eventsPolicy.canEdit(actor, row.orgUnitPath)) throw new AppError('access.forbidden');
    return row;
  }

  async function present(tx: Executor, actor: Actor, row: EventRow): Promise<TEvent> {
    const overrides = (await overridesOf(tx, '/', [row.id])).get(row.id) ?? [];
    return toEvent(row, overrides, eventsPolicy.canEdit(actor, row.orgUnitPath), new Date());
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: EventRow | null, after: EventRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'event',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: `${after.title} — ${after.orgUnitName}`.slice(0, 300),
      before: before ? eventSnapshot(before) : null,
      after: eventSnapshot(after),
    });
  }

  /** Checks the organiser, the place and its territory, the themes and the links; throws every problem at once. */
  async function checkedSetting(
    tx: Tx,
    actor: Actor,
    fields: {
      kind: string;
      startsAt: Date;
      orgUnitId: string;
      provinceCode: string | null;
      districtCode: string | null;
      communeCode: string | null;
      themeCodes: string[];
      calendarItemId: string | null;
      productId: string | null;
    },
  ) {
    const problems: FieldError[] = [];
    const unit = await units.findById(tx, fields.orgUnitId);
    if (!unit || !eventsPolicy.canEdit(actor, unit.path)) throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
    const { place, keeperPath, problems: placeProblems } = await resolveEventPlace(tx, deps, fields);
    problems.push(...placeProblems);
    if (placeProblems.length === 0 && !placeInTerritory(unit, keeperPath))
      problems.push({
        field: fields.districtCode ? 'districtCode' : 'provinceCode',
        code: 'event.place_outside_territory',
      });
    if (fields.themeCodes.length > 0) {
      const year = Number(new Date(fields.startsAt.getTime() + 7 * 3600_000).toISOString().slice(0, 4));
      const known = await themeCodesFor(tx, deps.guidance, year);
      const unknown = fields.themeCodes.filter((c) => !known?.has(c));
      if (unknown.length > 0)
        problems.push({
          field: 'themeCodes',
          code: 'validation.unknown_guidance_code',
          params: { code: unknown.join(', ') },
        });
    }
    if (fields.calendarItemId && !(await repo.linkExists(tx, 'calendar_items', fields.calendarItemId)))
      problems.push({ field: 'calendarItemId', code: 'validation.invalid_value' });
    if (fields.productId && !(await repo.linkExists(tx, 'products', fields.productId)))
      problems.push({ field: 'productId', code: 'validation.invalid_value' });
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
    const setting: Setting = { kind: fields.kind, startsAt: fields.startsAt, unit, keeperPath };
    return { place, setting };
  }

  /** Checks the report figures; warnings pass only when the organiser confirmed them. */
  function checkFigures(row: EventRow, confirmed: boolean | undefined) {
    const { errors, warnings } = eventFigureProblems({
      checkedIn: row.checkedIn,
      extraAttendance: row.extraAttendance,
      extraMale: row.extraMale,
      extraFemale: row.extraFemale,
      bySegment: row.bySegment,
      questionsRaised: row.questionsRaised,
      questionsAnswered: row.questionsAnswered,
      newVoluntary: row.newVoluntary,
      newHouseholdBhyt: row.newHouseholdBhyt,
      costVnd: row.costVnd,
    });
    if (errors.length > 0) throw new AppError('validation.failed', {}, errors);
    if (warnings.length > 0 && !confirmed) throw new AppError('event.implausible', {}, warnings);
  }

  return {
    async listEvents(actor: Actor, query: TEventListQuery, all = false): Promise<TPage<TEvent>> {
      let unitPath: string | null = null;
      if (query.unitId) {
        const unit = await units.findById(db, query.unitId);
        if (!unit) throw fieldError('unitId', 'validation.invalid_value');
        unitPath = unit.path;
      }
      const scope = eventsPolicy.readScope(actor);
      const { rows, total } = await repo.list(db, query, scope, unitPath, all);
      const overrides = await overridesOf(
        db,
        scope,
        rows.map((r) => r.id),
      );
      const now = new Date();
      return {
        items: rows.map((r) => toEvent(r, overrides.get(r.id) ?? [], eventsPolicy.canEdit(actor, r.orgUnitPath), now)),
        total,
      };
    },

    async getEvent(actor: Actor, id: string): Promise<TEventDetail> {
      const row = await readable(db, actor, id);
      const links = await repo.listPhotos(db, id);
      const files = new Map(
        (
          await deps.files.findByIds(
            db,
            links.map((l) => l.fileId),
          )
        ).map((f) => [f.id, f]),
      );
      const photos = links.flatMap((l) => {
        const file = files.get(l.fileId);
        return file
          ? [
              {
                fileId: file.id,
                name: file.name,
                size: file.size,
                hasThumbnail: file.hasThumbnail,
                addedAt: l.addedAt.toISOString(),
              },
            ]
          : [];
      });
      return { ...(await present(db, actor, row)), photos };
    },

    /** Leaders' overrides of restrictions, for the events the actor reads. */
    async listOverrides(actor: Actor): Promise<TEventOverride[]> {
      const rows = await repo.listOverrides(db, eventsPolicy.readScope(actor));
      const byEvent = await overridesOf(db, eventsPolicy.readScope(actor), [...new Set(rows.map((r) => r.eventId))]);
      return [...byEvent.values()].flat().sort((a, b) => b.at.localeCompare(a.at));
    },

    async createEvent(actor: Actor, input: TCreateEventRequest): Promise<TEvent> {
      eventsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const { place, setting } = await checkedSetting(tx, actor, {
          kind: input.kind,
          startsAt: new Date(input.startsAt),
          orgUnitId: input.orgUnitId,
          provinceCode: input.provinceCode ?? null,
          districtCode: input.districtCode ?? null,
          communeCode: input.communeCode ?? null,
          themeCodes: input.themeCodes ?? [],
          calendarItemId: input.calendarItemId ?? null,
          productId: input.productId ?? null,
        });
        const blocking = await restrictionGate(tx, actor, setting, input.override, new Set());
        const id = await repo.insert(tx, {
          kind: input.kind,
          title: input.title,
          orgUnitId: setting.unit.id,
          startsAt: setting.startsAt,
          endsAt: input.endsAt ? new Date(input.endsAt) : null,
          ...place,
          address: input.address || null,
          segments: [...new Set(input.segments ?? [])],
          themeCodes: [...new Set(input.themeCodes ?? [])],
          partners: [...new Set(input.partners ?? [])],
          partnerNote: input.partnerNote || null,
          plannedAttendance: input.plannedAttendance ?? null,
          costVnd: input.costVnd ?? null,
          calendarItemId: input.calendarItemId ?? null,
          productId: input.productId ?? null,
          note: input.note || null,
          createdBy: actor.userId,
        });
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        await recordOverride(tx, actor, created, 'create', input.override?.reason ?? '', blocking);
        return present(tx, actor, created);
      });
    },

    /** Changes a planned or held event (optimistic on `version`); rescheduling passes the restriction check again. */
    async updateEvent(actor: Actor, id: string, input: TUpdateEventRequest): Promise<TEvent> {
      eventsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id);
        if (isLocked(before.status as TEventStatus)) throw new AppError('event.locked');
        if (before.version !== input.version) throw new AppError('conflict.version');
        const pick = <K extends keyof TUpdateEventRequest, V>(key: K, current: V): V =>
          (input[key] !== undefined ? input[key] : current) as V;
        const placeSent = input.provinceCode !== undefined || input.address !== undefined;
        const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
        const endsAt = input.endsAt !== undefined ? (input.endsAt ? new Date(input.endsAt) : null) : before.endsAt;
        if (endsAt && endsAt < startsAt) throw fieldError('endsAt', 'validation.date_order');
        const { place, setting } = await checkedSetting(tx, actor, {
          kind: pick('kind', before.kind),
          startsAt,
          orgUnitId: pick('orgUnitId', before.orgUnitId),
          provinceCode: placeSent ? (input.provinceCode ?? null) : before.provinceCode,
          districtCode: placeSent ? (input.districtCode ?? null) : before.districtCode,
          communeCode: placeSent ? (input.communeCode ?? null) : before.communeCode,
          themeCodes: pick('themeCodes', before.themeCodes),
          calendarItemId: pick('calendarItemId', before.calendarItemId),
          productId: pick('productId', before.productId),
        });
        const address = placeSent ? input.address || null : before.address;
        if (!place.provinceCode && !address) throw fieldError('address', 'event.place_required');
        const moved =
          setting.kind !== before.kind ||
          startsAt.getTime() !== before.startsAt.getTime() ||
          setting.unit.id !== before.orgUnitId ||
          place.districtCode !== before.districtCode ||
          place.provinceCode !== before.provinceCode;
        const blocking = moved
          ? await restrictionGate(tx, actor, setting, input.override, await overriddenIds(tx, id))
          : [];
        const values = {
          kind: setting.kind,
          title: pick('title', before.title),
          orgUnitId: setting.unit.id,
          startsAt,
          endsAt,
          ...place,
          address,
          segments: [...new Set(pick('segments', before.segments))],
          themeCodes: [...new Set(pick('themeCodes', before.themeCodes))],
          partners: [...new Set(pick('partners', before.partners))],
          partnerNote: pick('partnerNote', before.partnerNote) || null,
          plannedAttendance: pick('plannedAttendance', before.plannedAttendance),
          costVnd: pick('costVnd', before.costVnd),
          calendarItemId: pick('calendarItemId', before.calendarItemId),
          productId: pick('productId', before.productId),
          note: pick('note', before.note) || null,
          extraAttendance: pick('extraAttendance', before.extraAttendance),
          extraMale: pick('extraMale', before.extraMale),
          extraFemale: pick('extraFemale', before.extraFemale),
          bySegment: pick('bySegment', before.bySegment) as Record<string, number>,
          questionsRaised: pick('questionsRaised', before.questionsRaised),
          questionsAnswered: pick('questionsAnswered', before.questionsAnswered),
          newVoluntary: pick('newVoluntary', before.newVoluntary),
          newHouseholdBhyt: pick('newHouseholdBhyt', before.newHouseholdBhyt),
        };
        if (values.newVoluntary < before.listedVoluntary || values.newHouseholdBhyt < before.listedHouseholdBhyt)
          throw fieldError('newVoluntary', 'event.list_exceeds_count', {
            listed: Math.max(before.listedVoluntary, before.listedHouseholdBhyt),
          });
        // Figures are checked when they are sent; a title fix leaves confirmed figures alone.
        if (FIGURE_FIELDS.some((key) => input[key] !== undefined))
          checkFigures({ ...before, ...values }, input.confirmImplausible);
        if (!(await repo.update(tx, id, input.version, values))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        await recordOverride(tx, actor, after, 'update', input.override?.reason ?? '', blocking);
        return present(tx, actor, after);
      });
    },

    /** planned → held (restrictions checked again), held → reported (figures checked), → cancelled with a reason. */
    async transition(actor: Actor, id: string, input: TEventTransitionRequest): Promise<TEvent> {
      eventsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id);
        if (before.version !== input.version) throw new AppError('conflict.version');
        if (!canTransition(before.status as TEventStatus, input.to)) throw new AppError('event.invalid_transition');
        let blocking: RestrictionRow[] = [];
        if (input.to === 'held') {
          const unit = (await units.findById(tx, before.orgUnitId))!;
          const { keeperPath } = await resolveEventPlace(tx, deps, before);
          const setting: Setting = { kind: before.kind, startsAt: before.startsAt, unit, keeperPath };
          blocking = await restrictionGate(tx, actor, setting, input.override, await overriddenIds(tx, id));
        }
        if (input.to === 'reported') checkFigures(before, input.confirmImplausible);
        const values =
          input.to === 'cancelled'
            ? { status: input.to, cancelReason: input.reason ?? null, checkInKey: null, checkInExpiresAt: null }
            : input.to === 'reported'
              ? { status: input.to, checkInKey: null, checkInExpiresAt: null }
              : { status: input.to };
        if (!(await repo.update(tx, id, input.version, values))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'change_status', before, after);
        await recordOverride(tx, actor, after, 'held', input.override?.reason ?? '', blocking);
        return present(tx, actor, after);
      });
    },

    /** Plan progress sources: held events, people reached, new participants of reported events. */
    progressSources(): [
      'events' | 'people_reached' | 'voluntary_participants' | 'household_bhyt_participants',
      ProgressSource,
    ][] {
      const metrics = ['events', 'people_reached', 'voluntary_participants', 'household_bhyt_participants'] as const;
      // Events name the §II.2.a segments, not the guidance audiences: a target for an audience has no data here.
      return metrics.map((metric) => [
        metric,
        async (tx, query) => (query.audienceCode ? new Map() : repo.progress(tx, metric, query)),
      ]);
    },

    /**
     * The campaign metrics events measure, each with how to add up a campaign's linked events (at their organising
     * units): events held, their attendance, and the new participants the reported ones brought in.
     */
    campaignFigures(): [TCampaignMetric, (tx: Executor, eventIds: readonly string[]) => Promise<FigureAt[]>][] {
      const figures: [TCampaignMetric, EventFigure][] = [
        ['events_held', 'held'],
        ['event_attendance', 'attendance'],
        ['new_voluntary_bhxh', 'new_voluntary'],
        ['new_household_bhyt', 'new_household_bhyt'],
      ];
      return figures.map(([metric, figure]) => [metric, (tx, eventIds) => repo.figuresAtUnits(tx, figure, eventIds)]);
    },
  };
}
