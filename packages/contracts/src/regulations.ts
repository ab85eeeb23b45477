import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZStoredFile } from './files.js';
import { ZUnitKind } from './roles.js';

/** Kinds of legal and guidance documents (loại văn bản). */
export const REGULATION_KINDS = [
  'cong_van',
  'quyet_dinh',
  'nghi_dinh',
  'thong_tu',
  'nghi_quyet',
  'luat',
  'chi_thi',
  'thong_bao',
  'ke_hoach',
  'huong_dan',
  'other',
] as const;
export const ZRegulationKind = z.enum(REGULATION_KINDS);
export type TRegulationKind = z.infer<typeof ZRegulationKind>;

/** How documents name their kind; the Vietnamese label is also searchable ("cong van 1007"). */
export const REGULATION_KIND_LABELS: Record<TRegulationKind, { vi: string; en: string }> = {
  cong_van: { vi: 'Công văn', en: 'Official letter' },
  quyet_dinh: { vi: 'Quyết định', en: 'Decision' },
  nghi_dinh: { vi: 'Nghị định', en: 'Decree' },
  thong_tu: { vi: 'Thông tư', en: 'Circular' },
  nghi_quyet: { vi: 'Nghị quyết', en: 'Resolution' },
  luat: { vi: 'Luật', en: 'Law' },
  chi_thi: { vi: 'Chỉ thị', en: 'Directive' },
  thong_bao: { vi: 'Thông báo', en: 'Notice' },
  ke_hoach: { vi: 'Kế hoạch', en: 'Plan' },
  huong_dan: { vi: 'Hướng dẫn', en: 'Guidance' },
  other: { vi: 'Khác', en: 'Other' },
};

/** `from` replaces, amends or guides `to`. */
export const RELATION_KINDS = ['replaces', 'amends', 'guides'] as const;
export const ZRelationKind = z.enum(RELATION_KINDS);
export type TRelationKind = z.infer<typeof ZRelationKind>;

/** "Before, during, after" the document takes effect (§V.1.a, §V.1.c of 1191/BHXH-TT). */
export const TASK_PHASES = ['before', 'during', 'after'] as const;
export const ZTaskPhase = z.enum(TASK_PHASES);
export type TTaskPhase = z.infer<typeof ZTaskPhase>;

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;
/** A status filter: one status, or `open` for "to do" and "in progress" together. */
export const ZTaskStatusFilter = z.enum([...TASK_STATUSES, 'open']);
export type TTaskStatusFilter = z.infer<typeof ZTaskStatusFilter>;

/** Who owns a task made from a template step: the drafting unit, the Communication Center (TT) or a fixed unit. */
export const TEMPLATE_OWNERS = ['drafting_unit', 'comms_center', 'unit'] as const;
export const ZTemplateOwner = z.enum(TEMPLATE_OWNERS);
export type TTemplateOwner = z.infer<typeof ZTemplateOwner>;

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });

/**
 * A "số hiệu" as typed: a number before a "/" and a symbol after it (1007/BHXH-TT, 30/2020/NĐ-CP, 28-NQ/TW).
 * The server normalises spacing and case and checks the full grammar.
 */
export const ZRegulationNumber = requiredText(60).regex(/^[^/]*\d[^/]*\/.*\p{L}/u, {
  message: 'validation.regulation_number',
});

export const ZUnitRef = z.object({ id: ZId, code: z.string(), name: z.string() });
export type TUnitRef = z.infer<typeof ZUnitRef>;

export const ZRegulation = z.object({
  id: ZId,
  number: z.string(),
  kind: ZRegulationKind,
  issuer: z.string(),
  issuedOn: z.string(),
  effectiveOn: z.string().nullable(),
  summary: z.string(),
  draftingUnit: ZUnitRef.nullable(),
  /** The drafting unit as the document prints it ("Ban CSYT"); may name a body outside the org tree. */
  draftingUnitName: z.string().nullable(),
  recipients: z.string().nullable(),
  signer: z.string().nullable(),
  tags: z.array(z.string()),
  needsCommunication: z.boolean(),
  /** The unit the document belongs to: the root for national documents, a province for local ones. */
  orgUnit: ZUnitRef,
  /** Whether the caller may change or delete it. */
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TRegulation = z.infer<typeof ZRegulation>;

export const ZRegulationRelation = z.object({
  /** The other document. */
  regulationId: ZId,
  number: z.string(),
  summary: z.string(),
  kind: ZRelationKind,
  /** `outgoing`: this document replaces/amends/guides the other; `incoming`: the other does so to this one. */
  direction: z.enum(['outgoing', 'incoming']),
});
export type TRegulationRelation = z.infer<typeof ZRegulationRelation>;

/** A file attached to a document (the signed scan, appendices, infographics), in the order shown. */
export const ZRegulationAttachment = z.object({
  file: ZStoredFile,
  title: z.string(),
  sortOrder: z.number().int(),
  addedBy: z.string().nullable(),
  addedAt: z.iso.datetime(),
});
export type TRegulationAttachment = z.infer<typeof ZRegulationAttachment>;

/** Query of POST /api/regulations/:id/attachments (body: the file itself, as application/octet-stream). */
export const ZAddAttachmentQuery = z.strictObject({
  title: z.string().trim().max(300, { message: 'validation.too_long' }).optional(),
  name: z.string().max(1000).optional(),
});
export type TAddAttachmentQuery = z.infer<typeof ZAddAttachmentQuery>;

export const ZRegulationDetail = ZRegulation.extend({
  relations: z.array(ZRegulationRelation),
  attachments: z.array(ZRegulationAttachment),
});
export type TRegulationDetail = z.infer<typeof ZRegulationDetail>;

const ZTag = requiredText(60);
const regulationFields = {
  number: ZRegulationNumber,
  kind: ZRegulationKind,
  issuer: requiredText(200),
  issuedOn: ZDate,
  effectiveOn: ZDate.nullable().optional(),
  summary: requiredText(2000),
  draftingUnitId: ZId.nullable().optional(),
  draftingUnitName: text(200).nullable().optional(),
  recipients: text(2000).nullable().optional(),
  signer: text(200).nullable().optional(),
  tags: z.array(ZTag).max(20),
  needsCommunication: z.boolean(),
  /** Defaults to the root for central users and to the caller's own unit for provinces. */
  orgUnitId: ZId,
};

type DatedRegulation = { issuedOn?: string; effectiveOn?: string | null; needsCommunication?: boolean };
/** A document cannot take effect before it is issued (same day is usual). */
const effectiveNotBeforeIssued = (value: DatedRegulation) =>
  !value.issuedOn || !value.effectiveOn || value.effectiveOn >= value.issuedOn;
/** Tasks are dated from the effective date, so a document that needs communication must have one. */
const effectiveDateWhenCommunicated = (value: DatedRegulation) =>
  value.needsCommunication !== true || Boolean(value.effectiveOn);

export const ZCreateRegulationRequest = z
  .strictObject({
    ...regulationFields,
    tags: regulationFields.tags.default([]),
    needsCommunication: regulationFields.needsCommunication.default(false),
    orgUnitId: regulationFields.orgUnitId.optional(),
  })
  .refine(effectiveNotBeforeIssued, { message: 'validation.effective_before_issued', path: ['effectiveOn'] })
  .refine(effectiveDateWhenCommunicated, { message: 'validation.required', path: ['effectiveOn'] });
export type TCreateRegulationRequest = z.infer<typeof ZCreateRegulationRequest>;

/** Only the fields sent change; the server checks the dates again against the stored ones. */
export const ZUpdateRegulationRequest = z
  .strictObject({ ...regulationFields, version: ZVersion })
  .partial()
  .required({ version: true })
  .refine(effectiveNotBeforeIssued, { message: 'validation.effective_before_issued', path: ['effectiveOn'] });
export type TUpdateRegulationRequest = z.infer<typeof ZUpdateRegulationRequest>;

export const ZRegulationListQuery = ZListQuery.extend({
  kind: ZRegulationKind.optional(),
  draftingUnitId: ZId.optional(),
  issuedFrom: ZDate.optional(),
  issuedTo: ZDate.optional(),
  effectiveFrom: ZDate.optional(),
  effectiveTo: ZDate.optional(),
  needsCommunication: z.enum(['true', 'false']).optional(),
  /** Documents carrying this tag (accents and case ignored). */
  tag: z.string().trim().max(60).optional(),
});
export type TRegulationListQuery = z.infer<typeof ZRegulationListQuery>;

export const ZCreateRelationRequest = z.strictObject({ relatedId: ZId, kind: ZRelationKind });
export type TCreateRelationRequest = z.infer<typeof ZCreateRelationRequest>;

/** A unit that may be named as drafting unit: the central agency's units and those of the caller's scope. */
export const ZRegulationUnitOption = ZUnitRef.extend({ kind: ZUnitKind });
export type TRegulationUnitOption = z.infer<typeof ZRegulationUnitOption>;

export const ZRegulationTask = z.object({
  id: ZId,
  regulationId: ZId,
  regulationNumber: z.string(),
  regulationSummary: z.string(),
  phase: ZTaskPhase,
  title: z.string(),
  ownerUnit: ZUnitRef,
  assignee: z.object({ id: ZId, fullName: z.string() }).nullable(),
  dueOn: z.string(),
  /** Days from the effective date while the due date follows it; null once set by hand (or for ad-hoc tasks). */
  offsetDays: z.number().int().nullable(),
  templateId: ZId.nullable(),
  status: ZTaskStatus,
  completedAt: z.iso.datetime().nullable(),
  /** Still open after its due date (Vietnam's calendar day). */
  overdue: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TRegulationTask = z.infer<typeof ZRegulationTask>;

const ZTaskTitle = requiredText(300);

export const ZCreateTaskRequest = z.strictObject({
  phase: ZTaskPhase,
  title: ZTaskTitle,
  ownerUnitId: ZId,
  dueOn: ZDate,
  assigneeUserId: ZId.nullable().optional(),
});
export type TCreateTaskRequest = z.infer<typeof ZCreateTaskRequest>;

export const ZUpdateTaskRequest = z
  .strictObject({
    status: ZTaskStatus,
    ownerUnitId: ZId,
    assigneeUserId: ZId.nullable(),
    dueOn: ZDate,
    title: ZTaskTitle,
    version: ZVersion,
  })
  .partial()
  .required({ version: true });
export type TUpdateTaskRequest = z.infer<typeof ZUpdateTaskRequest>;

export const ZGenerateTasksResponse = z.object({
  /** How many tasks this call added (0 when every step of the template already has its task). */
  created: z.number().int(),
  items: z.array(ZRegulationTask),
});
export type TGenerateTasksResponse = z.infer<typeof ZGenerateTasksResponse>;

/** A document's tasks (those the caller may see), in timeline order by default: before, during, after. */
export const ZRegulationTaskListQuery = ZListQuery.extend({
  status: ZTaskStatusFilter.optional(),
  phase: ZTaskPhase.optional(),
});
export type TRegulationTaskListQuery = z.infer<typeof ZRegulationTaskListQuery>;

/** "My to-do list": tasks owned by my own unit or assigned to me. */
export const ZMyTaskListQuery = ZListQuery.extend({
  status: ZTaskStatusFilter.optional(),
  phase: ZTaskPhase.optional(),
  /** Tasks due on or before this day. */
  dueBefore: ZDate.optional(),
});
export type TMyTaskListQuery = z.infer<typeof ZMyTaskListQuery>;

/** Every task in my scope (the calendar's source): by period, unit, regulation, status and phase. */
export const ZTaskListQuery = ZListQuery.extend({
  status: ZTaskStatusFilter.optional(),
  phase: ZTaskPhase.optional(),
  dueFrom: ZDate.optional(),
  dueTo: ZDate.optional(),
  ownerUnitId: ZId.optional(),
  regulationId: ZId.optional(),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZTaskTemplateItem = z.object({
  id: ZId,
  name: z.string(),
  phase: ZTaskPhase,
  /** Days relative to the effective date: negative before it, positive after it. */
  offsetDays: z.number().int(),
  owner: ZTemplateOwner,
  ownerUnit: ZUnitRef.nullable(),
  titleVi: z.string(),
  titleEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: ZVersion,
});
export type TTaskTemplateItem = z.infer<typeof ZTaskTemplateItem>;

export const ZTemplateStepName = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(40)
  .regex(/^[a-z0-9_]+$/, { message: 'validation.invalid_step_name' });

/** A "before" step falls before the effective date, an "after" step after it; "during" may sit on either side. */
export function offsetFitsPhase(phase: TTaskPhase, offsetDays: number): boolean {
  if (phase === 'before') return offsetDays < 0;
  if (phase === 'after') return offsetDays > 0;
  return true;
}

export const ZTaskTemplateStepInput = z
  .strictObject({
    /** Absent for a new step. */
    id: ZId.optional(),
    /** The version seen, for an existing step. */
    version: ZVersion.optional(),
    name: ZTemplateStepName,
    phase: ZTaskPhase,
    offsetDays: z.number().int().min(-365).max(365),
    owner: ZTemplateOwner,
    ownerUnitId: ZId.nullable().optional(),
    titleVi: ZTaskTitle,
    titleEn: ZTaskTitle,
    active: z.boolean().default(true),
  })
  .refine((step) => step.owner !== 'unit' || Boolean(step.ownerUnitId), {
    message: 'validation.required',
    path: ['ownerUnitId'],
  })
  .refine((step) => step.owner === 'unit' || !step.ownerUnitId, {
    message: 'validation.invalid',
    path: ['ownerUnitId'],
  })
  .refine((step) => offsetFitsPhase(step.phase, step.offsetDays), {
    message: 'validation.phase_offset',
    path: ['offsetDays'],
  });
export type TTaskTemplateStepInput = z.infer<typeof ZTaskTemplateStepInput>;

/** The whole template, in order: steps without `id` are added, steps left out are removed. */
export const ZUpdateTaskTemplateRequest = z
  .strictObject({ items: z.array(ZTaskTemplateStepInput).min(1).max(50) })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.items.forEach((step, index) => {
      if (seen.has(step.name))
        ctx.addIssue({ code: 'custom', message: 'validation.duplicate', path: ['items', index, 'name'] });
      seen.add(step.name);
    });
  });
export type TUpdateTaskTemplateRequest = z.infer<typeof ZUpdateTaskTemplateRequest>;
