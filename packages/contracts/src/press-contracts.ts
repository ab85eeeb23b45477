import { z } from 'zod';
import { ZDong, ZFiscalYear } from './budget.js';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZStoredFile } from './files.js';
import { ZOutletKind } from './press-outlets.js';

/**
 * Communication contracts with press outlets (issue 6 §5; 1191/BHXH-TT §V.1.b): the Communication Center or a
 * province office orders articles, reportages, interviews and airtime from an outlet for a year. What was delivered
 * is counted from real publications linked to the contract; acceptance (nghiệm thu) and payments follow, never
 * beyond what was delivered or beyond the value without an explicit, recorded reason.
 */
export const CONTRACT_STATUSES = ['draft', 'signed', 'completed', 'terminated'] as const;
export const ZContractStatus = z.enum(CONTRACT_STATUSES);
export type TContractStatus = z.infer<typeof ZContractStatus>;
export const CONTRACT_STATUS_LABELS: Record<TContractStatus, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  terminated: { vi: 'Đã chấm dứt', en: 'Terminated' },
};

export const DELIVERABLE_KINDS = ['article', 'reportage', 'interview', 'airtime_minutes', 'video', 'other'] as const;
export const ZDeliverableKind = z.enum(DELIVERABLE_KINDS);
export type TDeliverableKind = z.infer<typeof ZDeliverableKind>;
export const DELIVERABLE_KIND_LABELS: Record<TDeliverableKind, { vi: string; en: string }> = {
  article: { vi: 'Tin, bài', en: 'News and articles' },
  reportage: { vi: 'Phóng sự', en: 'Reportages' },
  interview: { vi: 'Phỏng vấn', en: 'Interviews' },
  airtime_minutes: { vi: 'Phút phát sóng', en: 'Minutes of airtime' },
  video: { vi: 'Video', en: 'Videos' },
  other: { vi: 'Khác', en: 'Other' },
};

const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
const ZDay = z.iso.date({ message: 'validation.invalid_date' });
const ZQuantity = z
  .number({ message: 'validation.invalid_quantity' })
  .int({ message: 'validation.invalid_quantity' })
  .positive({ message: 'validation.invalid_quantity' })
  .max(100_000, { message: 'validation.too_big' });
const ZUnitRef = z.object({ id: ZId, code: z.string(), name: z.string() });
const ZPersonRef = z.object({ id: ZId.nullable(), name: z.string() });

export const ZDeliverable = z.object({
  id: ZId,
  kind: ZDeliverableKind,
  theme: z.string().nullable(),
  description: z.string().nullable(),
  planned: z.number().int(),
  /** Sum of the quantities of the publications linked to it. */
  delivered: z.number().int(),
  /** Sum of the quantities accepted for it in every acceptance. */
  accepted: z.number().int(),
});
export type TDeliverable = z.infer<typeof ZDeliverable>;

export const ZContractPublication = z.object({
  id: ZId,
  deliverableId: ZId,
  publication: z.object({
    id: ZId,
    outlet: z.string(),
    channel: z.string(),
    url: z.string().nullable(),
    publishedAt: z.iso.datetime(),
    productId: ZId,
    productTitle: z.string(),
  }),
  quantity: z.number().int(),
  /** Counted in an acceptance: it can no longer be unlinked. */
  accepted: z.boolean(),
  linkedBy: ZPersonRef,
  linkedAt: z.iso.datetime(),
});
export type TContractPublication = z.infer<typeof ZContractPublication>;

export const ZAcceptance = z.object({
  id: ZId,
  acceptedOn: z.string(),
  note: z.string().nullable(),
  /** Why more was accepted than delivered (null when within what was delivered). */
  overDeliveryReason: z.string().nullable(),
  lines: z.array(z.object({ deliverableId: ZId, quantity: z.number().int() })),
  minutesFile: ZStoredFile.nullable(),
  createdBy: ZPersonRef,
  createdAt: z.iso.datetime(),
});
export type TAcceptance = z.infer<typeof ZAcceptance>;

export const ZContractPayment = z.object({
  id: ZId,
  expenditureId: ZId,
  amount: z.number().int(),
  paidOn: z.string(),
  voucherNo: z.string(),
  description: z.string(),
  overValueReason: z.string().nullable(),
  createdBy: ZPersonRef,
  createdAt: z.iso.datetime(),
});
export type TContractPayment = z.infer<typeof ZContractPayment>;

export const ZContractAttachment = z.object({ file: ZStoredFile, addedBy: ZPersonRef, addedAt: z.iso.datetime() });
export type TContractAttachment = z.infer<typeof ZContractAttachment>;

/** A contract as listed. */
export const ZPressContractSummary = z.object({
  id: ZId,
  number: z.string(),
  title: z.string(),
  outlet: z.object({ id: ZId, name: z.string(), kind: ZOutletKind }),
  unit: ZUnitRef,
  value: z.number().int(),
  year: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  themes: z.array(z.string()),
  status: ZContractStatus,
  /** Net amount paid (payments recorded as expenditures, reversals included). */
  paid: z.number().int(),
  signedOn: z.string().nullable(),
  version: ZVersion,
  updatedAt: z.iso.datetime(),
});
export type TPressContractSummary = z.infer<typeof ZPressContractSummary>;

/** A contract with everything its page shows. */
export const ZPressContract = ZPressContractSummary.extend({
  note: z.string().nullable(),
  terminationReason: z.string().nullable(),
  /** Budget still reserved for it (committed at signing, released by payments and at completion). */
  committed: z.number().int(),
  deliverables: z.array(ZDeliverable),
  publications: z.array(ZContractPublication),
  acceptances: z.array(ZAcceptance),
  payments: z.array(ZContractPayment),
  attachments: z.array(ZContractAttachment),
  createdBy: ZPersonRef,
  createdAt: z.iso.datetime(),
  canEdit: z.boolean(),
});
export type TPressContract = z.infer<typeof ZPressContract>;

const contractFields = {
  number: requiredText(60),
  title: requiredText(500),
  outletId: ZId,
  /** The signing unit; the actor's own unit when left out. Must lie in the actor's scope. */
  unitId: ZId.optional(),
  value: ZDong,
  year: ZFiscalYear,
  periodFrom: ZDay,
  periodTo: ZDay,
  themes: z.array(requiredText(40)).max(20, { message: 'validation.too_many_items' }).optional(),
  note: text(2000).nullable().optional(),
};
const periodInOrder = (value: { periodFrom?: string; periodTo?: string }) =>
  !value.periodFrom || !value.periodTo || value.periodFrom <= value.periodTo;
const periodIssue = { message: 'validation.end_before_start', path: ['periodTo'] };

export const ZCreatePressContractRequest = z.strictObject(contractFields).refine(periodInOrder, periodIssue);
export type TCreatePressContractRequest = z.infer<typeof ZCreatePressContractRequest>;
/** Changes a draft; optimistic on `version`. */
export const ZUpdatePressContractRequest = z
  .strictObject({ ...contractFields, version: ZVersion })
  .partial()
  .required({ version: true })
  .refine(periodInOrder, periodIssue);
export type TUpdatePressContractRequest = z.infer<typeof ZUpdatePressContractRequest>;

export const ZPressContractListQuery = ZListQuery.extend({
  year: ZFiscalYear.optional(),
  status: ZContractStatus.optional(),
  outletId: ZId.optional(),
  unitId: ZId.optional(),
});
export type TPressContractListQuery = z.infer<typeof ZPressContractListQuery>;

export const ZSignContractRequest = z.strictObject({ signedOn: ZDay, version: ZVersion });
export type TSignContractRequest = z.infer<typeof ZSignContractRequest>;
export const ZCompleteContractRequest = z.strictObject({ version: ZVersion });
export type TCompleteContractRequest = z.infer<typeof ZCompleteContractRequest>;
export const ZTerminateContractRequest = z.strictObject({ reason: requiredText(2000), version: ZVersion });
export type TTerminateContractRequest = z.infer<typeof ZTerminateContractRequest>;

const deliverableFields = {
  kind: ZDeliverableKind,
  theme: text(40).nullable().optional(),
  description: text(500).nullable().optional(),
  planned: ZQuantity,
};
export const ZCreateDeliverableRequest = z.strictObject(deliverableFields);
export type TCreateDeliverableRequest = z.infer<typeof ZCreateDeliverableRequest>;
export const ZUpdateDeliverableRequest = z.strictObject(deliverableFields).partial();
export type TUpdateDeliverableRequest = z.infer<typeof ZUpdateDeliverableRequest>;

/** Counts a publication towards a deliverable: 1 article, or N minutes of airtime. */
export const ZLinkPublicationRequest = z.strictObject({
  deliverableId: ZId,
  publicationId: ZId,
  quantity: ZQuantity.optional(),
});
export type TLinkPublicationRequest = z.infer<typeof ZLinkPublicationRequest>;

export const ZCreateAcceptanceRequest = z.strictObject({
  acceptedOn: ZDay,
  lines: z
    .array(z.strictObject({ deliverableId: ZId, quantity: ZQuantity }))
    .min(1, { message: 'validation.required' })
    .max(50, { message: 'validation.too_many_items' }),
  note: text(2000).nullable().optional(),
  /** Required to accept more than was delivered; recorded and audited. */
  overDeliveryReason: text(2000).nullable().optional(),
  /** The signed minutes, uploaded first through /api/files. */
  minutesFileId: ZId.nullable().optional(),
});
export type TCreateAcceptanceRequest = z.infer<typeof ZCreateAcceptanceRequest>;

export const ZCreateContractPaymentRequest = z.strictObject({
  amount: ZDong,
  paidOn: ZDay,
  voucherNo: requiredText(50),
  description: requiredText(2000),
  /** Required to pay beyond the value of the contract; recorded and audited. */
  overValueReason: text(2000).nullable().optional(),
});
export type TCreateContractPaymentRequest = z.infer<typeof ZCreateContractPaymentRequest>;

export const ZAttachContractFileRequest = z.strictObject({ fileId: ZId });
export type TAttachContractFileRequest = z.infer<typeof ZAttachContractFileRequest>;

// ── Arithmetic shared by server and web ───────────────────────────────────────────────────────────────────────────

/** What is left to pay: value − paid (negative when paid beyond the value with a reason). */
export function remainingToPay(value: number, paid: number): number {
  return value - paid;
}

/** True when a payment takes the total paid beyond the value of the contract. */
export function paysBeyondValue(value: number, paid: number, amount: number): boolean {
  return paid + amount > value;
}

/** Sum of the quantities of the links of one deliverable. */
export function deliveredOf(deliverableId: string, links: readonly { deliverableId: string; quantity: number }[]) {
  return links.reduce((sum, link) => (link.deliverableId === deliverableId ? sum + link.quantity : sum), 0);
}

/**
 * The lines of an acceptance that take a deliverable's cumulative accepted quantity beyond what was delivered:
 * their indexes in `lines` (the same deliverable twice adds up).
 */
export function linesBeyondDelivered(
  lines: readonly { deliverableId: string; quantity: number }[],
  figures: ReadonlyMap<string, { delivered: number; accepted: number }>,
): number[] {
  const accepted = new Map<string, number>();
  const beyond: number[] = [];
  lines.forEach((line, index) => {
    const figure = figures.get(line.deliverableId) ?? { delivered: 0, accepted: 0 };
    const total = (accepted.get(line.deliverableId) ?? figure.accepted) + line.quantity;
    accepted.set(line.deliverableId, total);
    if (total > figure.delivered) beyond.push(index);
  });
  return beyond;
}

/** Progress of a deliverable as a whole percentage of its planned quantity, capped at 100. */
export function progressPercent(done: number, planned: number): number {
  if (planned <= 0) return 0;
  return Math.min(100, Math.floor((done * 100) / planned));
}
