import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';

/**
 * The kinds of direct communication event (1191/BHXH-TT §III.2, §III.6): conferences, dialogues, small groups
 * going to households, residential areas, businesses and public places, launch days, and consultation sessions
 * held with the post office. Every one of them gathers people, so every one is a "direct form" that the
 * epidemic rule (§III "Lưu ý") can block.
 */
export const EVENT_KINDS = [
  'conference',
  'dialogue',
  'group_household',
  'group_residential',
  'group_business',
  'group_public_place',
  'launch_day',
  'consultation_post_office',
] as const;
export const ZEventKind = z.enum(EVENT_KINDS);
export type TEventKind = z.infer<typeof ZEventKind>;

export const EVENT_KIND_LABELS: Record<TEventKind, { vi: string; en: string }> = {
  conference: { vi: 'Hội nghị tư vấn', en: 'Conference' },
  dialogue: { vi: 'Đối thoại trực tiếp', en: 'Dialogue' },
  group_household: { vi: 'Nhóm nhỏ đến từng hộ gia đình', en: 'Small group: households' },
  group_residential: { vi: 'Nhóm nhỏ đến khu dân cư', en: 'Small group: residential area' },
  group_business: { vi: 'Nhóm nhỏ đến cơ sở kinh doanh', en: 'Small group: business' },
  group_public_place: { vi: 'Nhóm nhỏ tại địa điểm công cộng', en: 'Small group: public place' },
  launch_day: { vi: 'Lễ ra quân', en: 'Launch day' },
  consultation_post_office: { vi: 'Buổi tư vấn cùng bưu điện', en: 'Consultation with the post office' },
};

/** The forms a restriction blocks when none are named: all direct forms. */
export const DIRECT_EVENT_KINDS: readonly TEventKind[] = EVENT_KINDS;

const ZDay = z.iso.date({ message: 'validation.invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });

export const ZRestriction = z.object({
  id: ZId,
  /** The unit whose territory is restricted; its whole subtree inherits the restriction. */
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  /** First and last day (inclusive, Vietnam's calendar); `endsOn` null: until lifted. */
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  regulation: z.object({ id: ZId, number: z.string(), title: z.string() }).nullable(),
  basisText: z.string().nullable(),
  kinds: z.array(ZEventKind),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lifted: z.object({ at: z.iso.datetime(), by: z.string().nullable(), reason: z.string() }).nullable(),
  /** Not lifted and not ended: today it blocks (or will block) the forms named. */
  inForce: z.boolean(),
  canLift: z.boolean(),
  version: ZVersion,
});
export type TRestriction = z.infer<typeof ZRestriction>;

export const ZCreateRestrictionRequest = z
  .strictObject({
    orgUnitId: ZId,
    startsOn: ZDay,
    endsOn: ZDay.nullable().optional(),
    regulationId: ZId.nullable().optional(),
    basisText: text(500).nullable().optional(),
    /** The forms blocked; all direct forms when absent. */
    kinds: z.array(ZEventKind).min(1, { message: 'validation.required' }).optional(),
    note: text(2000).nullable().optional(),
  })
  .refine((r) => !r.endsOn || r.endsOn >= r.startsOn, { message: 'validation.date_order', path: ['endsOn'] })
  .refine((r) => !!r.regulationId || !!r.basisText, { message: 'validation.required', path: ['regulationId'] });
export type TCreateRestrictionRequest = z.infer<typeof ZCreateRestrictionRequest>;

export const ZLiftRestrictionRequest = z.strictObject({
  version: ZVersion,
  reason: text(2000).min(1, { message: 'validation.required' }),
});
export type TLiftRestrictionRequest = z.infer<typeof ZLiftRestrictionRequest>;

export const ZRestrictionListQuery = ZListQuery.extend({
  unitId: ZId.optional(),
  /** in_force: not lifted and not yet ended; lifted; ended (its last day has passed). */
  state: z.enum(['in_force', 'lifted', 'ended']).optional(),
});
export type TRestrictionListQuery = z.infer<typeof ZRestrictionListQuery>;

/** Which restrictions block `kind` (any direct form when absent) at the unit at the instant `at` (now when absent). */
export const ZActiveRestrictionQuery = z.strictObject({
  unitId: ZId,
  at: z.iso.datetime({ offset: true, message: 'validation.invalid_date' }).optional(),
  kind: ZEventKind.optional(),
});
export type TActiveRestrictionQuery = z.infer<typeof ZActiveRestrictionQuery>;

/** What a restriction needs to decide whether it blocks: its area's path, period, lifting and forms. */
export interface RestrictionWindow {
  areaPath: string;
  startsOn: string;
  endsOn: string | null;
  liftedAt: string | null;
  kinds: readonly string[];
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant, `yyyy-mm-dd`. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * True when the restriction blocks `kind` (any of its forms when null) for a unit with path `unitPath` at the
 * instant `at`: the unit lies in the restricted area's subtree, the day of `at` in Vietnam lies in the period,
 * and the restriction had not been lifted by then.
 */
export function restrictionBlocks(
  r: RestrictionWindow,
  target: { unitPath: string; at: Date; kind: string | null },
): boolean {
  if (!target.unitPath.startsWith(r.areaPath)) return false;
  const day = vietnamDay(target.at);
  if (day < r.startsOn || (r.endsOn !== null && day > r.endsOn)) return false;
  if (r.liftedAt !== null && new Date(r.liftedAt).getTime() <= target.at.getTime()) return false;
  return target.kind === null || r.kinds.includes(target.kind);
}

/** True when two periods (inclusive days, null end: open) share at least one day. */
export function periodsOverlap(
  a: { startsOn: string; endsOn: string | null },
  b: { startsOn: string; endsOn: string | null },
): boolean {
  return (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);
}
