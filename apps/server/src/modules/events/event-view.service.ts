import type { TEvent, TEventKind, TEventOverride, TEventPartner, TEventSegment, TEventStatus } from '@loa/contracts';
import type { EventRow, OverrideRow } from './events.repository.js';

/** A restriction as an override names it. */
export interface NamedRestriction {
  id: string;
  area: string;
  startsOn: string;
  endsOn: string | null;
  basis: string;
}

export function toOverride(row: OverrideRow, restrictions: ReadonlyMap<string, NamedRestriction>): TEventOverride {
  return {
    id: row.id,
    eventId: row.eventId,
    eventTitle: row.eventTitle,
    action: row.action,
    reason: row.reason,
    by: row.byName,
    at: row.decidedAt.toISOString(),
    restrictions: row.restrictionIds.flatMap((id) => {
      const named = restrictions.get(id);
      return named ? [named] : [];
    }),
  };
}

/** Hand-counted and checked-in people of each segment, added up. */
function segmentsAdded(a: Record<string, number>, b: Record<string, number>): Partial<Record<TEventSegment, number>> {
  const sum: Record<string, number> = { ...a };
  for (const [key, n] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + n;
  return sum as Partial<Record<TEventSegment, number>>;
}

/** The event as the API shows it; the check-in key never leaves the server. */
export function toEvent(row: EventRow, overrides: TEventOverride[], canEdit: boolean, now: Date): TEvent {
  const place = (code: string | null, name: string | null) => (code && name ? { code, name } : null);
  const checkInOpen = row.checkInKey !== null && row.checkInExpiresAt !== null && row.checkInExpiresAt > now;
  return {
    id: row.id,
    kind: row.kind as TEventKind,
    title: row.title,
    status: row.status as TEventStatus,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    province: place(row.provinceCode, row.provinceName),
    district: place(row.districtCode, row.districtName),
    commune: place(row.communeCode, row.communeName),
    address: row.address,
    segments: row.segments as TEventSegment[],
    themeCodes: row.themeCodes,
    partners: row.partners as TEventPartner[],
    partnerNote: row.partnerNote,
    plannedAttendance: row.plannedAttendance,
    attendance: {
      total: row.checkedIn + row.extraAttendance,
      male: row.checkedInMale + row.extraMale,
      female: row.checkedInFemale + row.extraFemale,
      checkedIn: row.checkedIn,
      extra: {
        total: row.extraAttendance,
        male: row.extraMale,
        female: row.extraFemale,
        bySegment: row.bySegment as Partial<Record<TEventSegment, number>>,
      },
      bySegment: segmentsAdded(row.bySegment, row.checkInSegments),
    },
    questionsRaised: row.questionsRaised,
    questionsAnswered: row.questionsAnswered,
    outcomes: {
      voluntary: row.newVoluntary,
      householdBhyt: row.newHouseholdBhyt,
      listedVoluntary: row.listedVoluntary,
      listedHouseholdBhyt: row.listedHouseholdBhyt,
    },
    costVnd: row.costVnd,
    calendarItemId: row.calendarItemId,
    productId: row.productId,
    note: row.note,
    cancelReason: row.cancelReason,
    overrides,
    checkIn: { open: checkInOpen, expiresAt: checkInOpen ? row.checkInExpiresAt!.toISOString() : null },
    canEdit,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of an event. */
export function eventSnapshot(row: EventRow) {
  return {
    kind: row.kind,
    title: row.title,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    place: [row.communeCode, row.districtCode, row.provinceCode].filter(Boolean),
    address: row.address,
    segments: row.segments,
    themeCodes: row.themeCodes,
    partners: row.partners,
    plannedAttendance: row.plannedAttendance,
    extraAttendance: row.extraAttendance,
    questions: [row.questionsRaised, row.questionsAnswered],
    newVoluntary: row.newVoluntary,
    newHouseholdBhyt: row.newHouseholdBhyt,
    costVnd: row.costVnd,
    cancelReason: row.cancelReason,
  };
}
