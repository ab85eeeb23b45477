import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZStoredFile } from './files.js';

/**
 * What the library collects (1191/BHXH-TT §II.1.g): good people and good deeds, outstanding individuals and
 * collectives in carrying out social and health insurance policy, and useful initiatives.
 */
export const STORY_KINDS = ['good_person', 'model_collective', 'good_deed', 'initiative'] as const;
export const ZStoryKind = z.enum(STORY_KINDS);
export type TStoryKind = z.infer<typeof ZStoryKind>;

export const STORY_KIND_LABELS: Record<TStoryKind, { vi: string; en: string }> = {
  good_person: { vi: 'Cá nhân tiêu biểu', en: 'Outstanding individual' },
  model_collective: { vi: 'Tập thể tiêu biểu', en: 'Outstanding collective' },
  good_deed: { vi: 'Người tốt, việc tốt', en: 'Good deed' },
  initiative: { vi: 'Sáng kiến', en: 'Initiative' },
};

/** draft: being written; usable: cleared for use in products; archived: kept, no longer offered. */
export const STORY_STATUSES = ['draft', 'usable', 'archived'] as const;
export const ZStoryStatus = z.enum(STORY_STATUSES);
export type TStoryStatus = z.infer<typeof ZStoryStatus>;

/** Whether the people of the story agreed to its publication. */
export const CONSENT_STATUSES = ['pending', 'obtained', 'not_needed', 'refused'] as const;
export const ZConsentStatus = z.enum(CONSENT_STATUSES);
export type TConsentStatus = z.infer<typeof ZConsentStatus>;

/** Consent that clears a story for publication. */
export function consentAllowsUse(consent: TConsentStatus): boolean {
  return consent === 'obtained' || consent === 'not_needed';
}

/** The status changes a story may make; to `usable` the consent must also allow it. */
export const STORY_TRANSITIONS: Record<TStoryStatus, readonly TStoryStatus[]> = {
  draft: ['usable', 'archived'],
  usable: ['draft', 'archived'],
  archived: ['draft'],
};

/** Why a story may not move from `from` to `to` with this consent (an error code), or null when it may. */
export function storyTransitionProblem(
  from: TStoryStatus,
  to: TStoryStatus,
  consent: TConsentStatus,
): 'story.invalid_transition' | 'story.consent_required' | null {
  if (!STORY_TRANSITIONS[from].includes(to)) return 'story.invalid_transition';
  if (to === 'usable' && !consentAllowsUse(consent)) return 'story.consent_required';
  return null;
}

/** The status a story has once consent is recorded: withdrawn or missing consent takes a usable story back to draft. */
export function statusAfterConsent(status: TStoryStatus, consent: TConsentStatus): TStoryStatus {
  return status === 'usable' && !consentAllowsUse(consent) ? 'draft' : status;
}

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });

export const ZStoryPerson = z.strictObject({
  name: requiredText(200),
  /** Job, title or relation to the story ("cán bộ thu", "đại lý thu", "người tham gia BHXH tự nguyện"). */
  role: text(200).nullable().optional(),
  /** How to reach them again (phone, e-mail); kept for the editors, not published. */
  contact: text(200).nullable().optional(),
});
export type TStoryPerson = z.infer<typeof ZStoryPerson>;

const ZUnitRef = z.object({ id: ZId, code: z.string(), name: z.string() });

export const ZStoryConsent = z.object({
  status: ZConsentStatus,
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.iso.datetime().nullable(),
  evidenceFileId: ZId.nullable(),
});
export type TStoryConsent = z.infer<typeof ZStoryConsent>;

export const ZStory = z.object({
  id: ZId,
  kind: ZStoryKind,
  title: z.string(),
  story: z.string(),
  people: z.array(
    z.object({ name: z.string(), role: z.string().nullable().optional(), contact: z.string().nullable().optional() }),
  ),
  place: z.string().nullable(),
  /** The province or district where it happened, when it is one of the agency's units' areas. */
  areaUnit: ZUnitRef.nullable(),
  /** The unit that keeps the story (scope). */
  orgUnit: ZUnitRef,
  occurredOn: z.string().nullable(),
  guidanceYear: z.number().int().nullable(),
  themes: z.array(z.string()),
  tags: z.array(z.string()),
  consent: ZStoryConsent,
  status: ZStoryStatus,
  mediaCount: z.number().int(),
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TStory = z.infer<typeof ZStory>;

export const ZStoryMedia = z.object({
  file: ZStoredFile,
  caption: z.string().nullable(),
  sortOrder: z.number().int(),
  addedBy: z.string().nullable(),
  addedAt: z.iso.datetime(),
});
export type TStoryMedia = z.infer<typeof ZStoryMedia>;

export const ZStoryDetail = ZStory.extend({ media: z.array(ZStoryMedia) });
export type TStoryDetail = z.infer<typeof ZStoryDetail>;

const storyFields = {
  kind: ZStoryKind,
  title: requiredText(300),
  story: requiredText(20_000),
  people: z.array(ZStoryPerson).max(50, { message: 'validation.too_many_items' }),
  place: text(300).nullable().optional(),
  areaUnitId: ZId.nullable().optional(),
  /** Defaults to the caller's own unit. */
  orgUnitId: ZId,
  occurredOn: ZDate.nullable().optional(),
  /** The guidance year whose theme codes `themes` names; required with themes. */
  guidanceYear: z.number().int().min(2000).max(2100).nullable().optional(),
  themes: z.array(requiredText(40)).max(20, { message: 'validation.too_many_items' }),
  tags: z.array(requiredText(60)).max(20, { message: 'validation.too_many_items' }),
};

const themesNeedYear = (value: { guidanceYear?: number | null; themes?: string[] }) =>
  !value.themes || value.themes.length === 0 || (value.guidanceYear !== undefined && value.guidanceYear !== null);

export const ZCreateStoryRequest = z
  .strictObject({
    ...storyFields,
    people: storyFields.people.default([]),
    themes: storyFields.themes.default([]),
    tags: storyFields.tags.default([]),
    orgUnitId: storyFields.orgUnitId.optional(),
  })
  .refine(themesNeedYear, { message: 'validation.required', path: ['guidanceYear'] });
export type TCreateStoryRequest = z.infer<typeof ZCreateStoryRequest>;

/** Only the fields sent change; status and consent have their own requests. */
export const ZUpdateStoryRequest = z
  .strictObject({ ...storyFields, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateStoryRequest = z.infer<typeof ZUpdateStoryRequest>;

export const ZRecordConsentRequest = z
  .strictObject({
    status: ZConsentStatus,
    note: text(2000).nullable().optional(),
    /** One of the story's media files that holds the signed consent, if any. */
    evidenceFileId: ZId.nullable().optional(),
    version: ZVersion,
  })
  .refine((v) => v.status !== 'not_needed' || Boolean(v.note), { message: 'validation.required', path: ['note'] });
export type TRecordConsentRequest = z.infer<typeof ZRecordConsentRequest>;

export const ZChangeStoryStatusRequest = z.strictObject({ status: ZStoryStatus, version: ZVersion });
export type TChangeStoryStatusRequest = z.infer<typeof ZChangeStoryStatusRequest>;

/** Query of POST /api/stories/:id/media (body: the file itself, as application/octet-stream). */
export const ZAddStoryMediaQuery = z.strictObject({
  caption: text(300).optional(),
  name: z.string().max(1000).optional(),
});
export type TAddStoryMediaQuery = z.infer<typeof ZAddStoryMediaQuery>;

export const ZStoryListQuery = ZListQuery.extend({
  kind: ZStoryKind.optional(),
  status: ZStoryStatus.optional(),
  consent: ZConsentStatus.optional(),
  /** Stories kept by this unit or any unit under it. */
  unitId: ZId.optional(),
  /** A guidance theme code (e.g. II.1.g). */
  theme: z.string().trim().max(40).optional(),
  occurredFrom: ZDate.optional(),
  occurredTo: ZDate.optional(),
});
export type TStoryListQuery = z.infer<typeof ZStoryListQuery>;
