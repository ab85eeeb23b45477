import { z } from 'zod';
import { ZId, ZListQuery } from './common.js';
import { ZStoredFile } from './files.js';
import { ZProductStatus } from './products.js';

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const ZUnitRef = z.object({ id: ZId, code: z.string(), name: z.string() });

/** The formal opinion of an appraising unit (1191/BHXH-TT §V.1.a). Only a plain `approve` counts as approval. */
export const APPRAISAL_VERDICTS = ['approve', 'approve_with_changes', 'reject'] as const;
export const ZAppraisalVerdict = z.enum(APPRAISAL_VERDICTS);
export type TAppraisalVerdict = z.infer<typeof ZAppraisalVerdict>;

export const APPRAISAL_VERDICT_LABELS: Record<TAppraisalVerdict, { vi: string; en: string }> = {
  approve: { vi: 'Đồng ý', en: 'Approve' },
  approve_with_changes: { vi: 'Đồng ý nhưng cần chỉnh sửa', en: 'Approve with changes' },
  reject: { vi: 'Không đồng ý', en: 'Reject' },
};

/**
 * Where a request stands for the product's current version, derived from its opinions: `pending` (no opinion),
 * `approved`, `changes_requested`, `rejected` (the latest opinion, on the current version), `reopened` (the latest
 * opinion was on an older version: the product changed since), `withdrawn`.
 */
export const APPRAISAL_STATES = [
  'pending',
  'approved',
  'changes_requested',
  'rejected',
  'reopened',
  'withdrawn',
] as const;
export const ZAppraisalState = z.enum(APPRAISAL_STATES);
export type TAppraisalState = z.infer<typeof ZAppraisalState>;

/** The states in which a request waits for the appraising unit. */
export const AWAITING_APPRAISAL_STATES = ['pending', 'reopened'] as const satisfies readonly TAppraisalState[];

export const APPRAISAL_STATE_LABELS: Record<TAppraisalState, { vi: string; en: string }> = {
  pending: { vi: 'Chờ ý kiến', en: 'Awaiting opinion' },
  approved: { vi: 'Đã chấp thuận', en: 'Approved' },
  changes_requested: { vi: 'Yêu cầu chỉnh sửa', en: 'Changes requested' },
  rejected: { vi: 'Không chấp thuận', en: 'Rejected' },
  reopened: { vi: 'Thẩm định lại (đã sửa sau ý kiến)', en: 'Re-opened (edited since the opinion)' },
  withdrawn: { vi: 'Đã rút đề nghị', en: 'Withdrawn' },
};

export const ZAppraisalOpinion = z.object({
  id: ZId,
  /** The version of the product the opinion is about. */
  productVersion: z.number().int(),
  verdict: ZAppraisalVerdict,
  comments: z.string(),
  /** The officer who signed, by name as it was then. */
  signer: z.object({ id: ZId.nullable(), name: z.string() }),
  signedAt: z.iso.datetime(),
  files: z.array(ZStoredFile),
});
export type TAppraisalOpinion = z.infer<typeof ZAppraisalOpinion>;

export const ZAppraisal = z.object({
  id: ZId,
  productId: ZId,
  unit: ZUnitRef,
  note: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime(),
  dueOn: ZDate,
  withdrawnAt: z.iso.datetime().nullable(),
  state: ZAppraisalState,
  /** Awaiting the unit past its due day (Vietnam time). */
  overdue: z.boolean(),
  /** Whether the caller is an officer of the asked unit who may sign an opinion now. */
  canGiveOpinion: z.boolean(),
  /** Whether the caller (the owner) may withdraw the request. */
  canWithdraw: z.boolean(),
  /** Newest first. */
  opinions: z.array(ZAppraisalOpinion),
});
export type TAppraisal = z.infer<typeof ZAppraisal>;

/** A product's appraisal: its requests (active first), whether it may be marked ready, and the suggested units. */
export const ZProductAppraisals = z.object({
  productId: ZId,
  status: ZProductStatus,
  currentVersion: z.number().int(),
  readyAt: z.iso.datetime().nullable(),
  appraisals: z.array(ZAppraisal),
  /** At least one active request and every active request approves the current version. */
  readyable: z.boolean(),
  /** The asked units whose approval of the current version is still missing. */
  missingUnits: z.array(ZUnitRef),
  /** Whether the caller may request appraisals and mark the product ready. */
  canRequest: z.boolean(),
  /** Central units suggested from the product's themes (those not already asked). */
  suggestedUnits: z.array(ZUnitRef),
  /** Every central unit that may be asked (the owner's choice beyond the suggestions). */
  centralUnits: z.array(ZUnitRef),
});
export type TProductAppraisals = z.infer<typeof ZProductAppraisals>;

export const ZRequestAppraisalRequest = z.strictObject({
  unitIds: z
    .array(ZId)
    .min(1, { message: 'validation.required' })
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'validation.duplicate' }),
  dueOn: ZDate,
  note: z.string().trim().max(1000).optional(),
});
export type TRequestAppraisalRequest = z.infer<typeof ZRequestAppraisalRequest>;

export const ZGiveOpinionRequest = z
  .strictObject({
    verdict: ZAppraisalVerdict,
    comments: z.string().trim().max(10_000).default(''),
    /** Files the officer uploaded (POST /api/files) into their unit: the signed letter, an annotated draft. */
    fileIds: z
      .array(ZId)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'validation.duplicate' })
      .default([]),
  })
  .refine((o) => o.verdict === 'approve' || o.comments.length > 0, {
    message: 'validation.required',
    path: ['comments'],
  });
export type TGiveOpinionRequest = z.infer<typeof ZGiveOpinionRequest>;
export type TGiveOpinionInput = z.input<typeof ZGiveOpinionRequest>;

export const ZAppraisalQueueQuery = ZListQuery.extend({
  /** One state; by default the requests awaiting the unit (pending or re-opened). */
  state: ZAppraisalState.exclude(['withdrawn']).optional(),
  /** Only those awaiting past their due day. */
  overdue: z.enum(['true', 'false']).optional(),
});
export type TAppraisalQueueQuery = z.infer<typeof ZAppraisalQueueQuery>;

/** One request in an appraising unit's queue. */
export const ZAppraisalQueueItem = z.object({
  id: ZId,
  product: z.object({
    id: ZId,
    title: z.string(),
    status: ZProductStatus,
    currentVersion: z.number().int(),
    ownerUnit: ZUnitRef,
  }),
  unit: ZUnitRef,
  note: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime(),
  dueOn: ZDate,
  state: ZAppraisalState,
  overdue: z.boolean(),
  lastOpinionAt: z.iso.datetime().nullable(),
});
export type TAppraisalQueueItem = z.infer<typeof ZAppraisalQueueItem>;
