import { z } from 'zod';
import { ZId, ZListQuery } from './common.js';
import { ZStoredFile } from './files.js';
import type { TContactChannel } from './press-outlets.js';
import { ZUnitRef } from './regulations.js';

/**
 * Press requests (issue 6 §6; 1191/BHXH-TT §V.1.a): a journalist asks for information or an interview; the receiver
 * (the Communication Center, or a province's communication officers for local press) routes it to the owning unit
 * and a designated spokesperson; the owning unit drafts, the spokesperson or a leader approves, the answer is sent.
 */
export const PRESS_REQUEST_STATUSES = ['received', 'routed', 'drafted', 'approved', 'answered', 'declined'] as const;
export const ZPressRequestStatus = z.enum(PRESS_REQUEST_STATUSES, { message: 'validation.invalid_value' });
export type TPressRequestStatus = z.infer<typeof ZPressRequestStatus>;

export const PRESS_REQUEST_STATUS_LABELS: Record<TPressRequestStatus, { vi: string; en: string }> = {
  received: { vi: 'Mới tiếp nhận', en: 'Received' },
  routed: { vi: 'Đã giao xử lý', en: 'Routed' },
  drafted: { vi: 'Đã dự thảo', en: 'Drafted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  declined: { vi: 'Từ chối', en: 'Declined' },
};

export const PRESS_REQUEST_ACTIONS = ['route', 'draft', 'approve', 'return', 'answer', 'decline'] as const;
export type TPressRequestAction = (typeof PRESS_REQUEST_ACTIONS)[number];

const TRANSITIONS: Record<TPressRequestAction, { from: readonly TPressRequestStatus[]; to: TPressRequestStatus }> = {
  route: { from: ['received', 'routed'], to: 'routed' },
  // The drafter may revise the draft until it is approved.
  draft: { from: ['routed', 'drafted'], to: 'drafted' },
  approve: { from: ['drafted'], to: 'approved' },
  // Returned for rework, with a comment, to the owning unit.
  return: { from: ['drafted', 'approved'], to: 'routed' },
  answer: { from: ['approved'], to: 'answered' },
  decline: { from: ['received', 'routed', 'drafted', 'approved'], to: 'declined' },
};

/** The status `action` leads to from `status`, or null when it is not allowed there. */
export function pressRequestTransition(
  status: TPressRequestStatus,
  action: TPressRequestAction,
): TPressRequestStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** The spokesperson answers the press (§V.1.a): the designated spokesperson or a leader approves, never the drafter. */
export function mayApprovePressAnswer(input: {
  actorId: string | null;
  isLeader: boolean;
  spokespersonId: string | null;
  draftedBy: string | null;
}): boolean {
  if (!input.actorId || input.actorId === input.draftedBy) return false;
  return input.isLeader || input.actorId === input.spokespersonId;
}

/** Still waiting for the answer after its deadline. */
export function isPressRequestOverdue(item: { status: TPressRequestStatus; deadline: string }, now: Date): boolean {
  return item.status !== 'answered' && item.status !== 'declined' && new Date(item.deadline) < now;
}

export const ANSWER_CHANNELS = ['email', 'phone', 'interview', 'written', 'press_conference'] as const;
export const ZAnswerChannel = z.enum(ANSWER_CHANNELS, { message: 'validation.invalid_value' });
export type TAnswerChannel = z.infer<typeof ZAnswerChannel>;
export const ANSWER_CHANNEL_LABELS: Record<TAnswerChannel, { vi: string; en: string }> = {
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  interview: { vi: 'Trả lời phỏng vấn', en: 'Interview' },
  written: { vi: 'Văn bản', en: 'Written reply' },
  press_conference: { vi: 'Hội nghị cung cấp thông tin', en: 'Press conference' },
};

const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.too_long' });
const optionalText = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' }).default('');
const ZDateTime = z.iso.datetime({ offset: true, message: 'validation.invalid_date' });
const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const ZVersion = z.number().int().min(0).max(2_147_483_647);

export const ZPersonRef = z.object({ id: ZId, name: z.string() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZPressRequest = z.object({
  id: ZId,
  outletName: z.string(),
  /** The outlet and the journalist in the media database, when the request came from them. */
  outletId: ZId.nullable(),
  contactId: ZId.nullable(),
  journalistName: z.string(),
  journalistPhone: z.string(),
  journalistEmail: z.string(),
  topic: z.string(),
  questions: z.string(),
  receivedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  receivingUnit: ZUnitRef,
  receivedBy: z.string(),
  status: ZPressRequestStatus,
  owningUnit: ZUnitRef.nullable(),
  spokesperson: ZPersonRef.nullable(),
  overdue: z.boolean(),
  answerSentOn: z.string().nullable(),
  answerChannel: ZAnswerChannel.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: ZVersion,
});
export type TPressRequest = z.infer<typeof ZPressRequest>;

export const ZPressRequestStep = z.object({
  id: ZId,
  kind: z.enum(['receive', ...PRESS_REQUEST_ACTIONS]),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.iso.datetime(),
});
export type TPressRequestStep = z.infer<typeof ZPressRequestStep>;

export const ZPressRequestDetail = ZPressRequest.extend({
  draftAnswer: z.string(),
  draftedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  declineReason: z.string(),
  steps: z.array(ZPressRequestStep),
  can: z.object(
    Object.fromEntries(PRESS_REQUEST_ACTIONS.map((a) => [a, z.boolean()])) as Record<TPressRequestAction, z.ZodBoolean>,
  ),
});
export type TPressRequestDetail = z.infer<typeof ZPressRequestDetail>;

export const ZPressRequestListQuery = ZListQuery.extend({
  status: ZPressRequestStatus.optional(),
  /** Received by or routed to this unit or its subtree. */
  unitId: ZId.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Requests from this outlet / journalist of the media database. */
  outletId: ZId.optional(),
  contactId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TPressRequestListQuery = z.infer<typeof ZPressRequestListQuery>;

export const ZCreatePressRequest = z
  .strictObject({
    outletName: requiredText(300),
    /** Chosen in the media database; the names above stay as received. A contact must be of that outlet. */
    outletId: ZId.nullable().default(null),
    contactId: ZId.nullable().default(null),
    journalistName: requiredText(200),
    journalistPhone: optionalText(40),
    journalistEmail: z.union([z.literal(''), z.email({ message: 'validation.invalid_email' })]).default(''),
    topic: requiredText(500),
    questions: requiredText(20000),
    receivedAt: ZDateTime,
    deadline: ZDateTime,
  })
  .refine((r) => new Date(r.deadline) > new Date(r.receivedAt), {
    path: ['deadline'],
    message: 'press.deadline_before_received',
  })
  .refine((r) => r.contactId === null || r.outletId !== null, {
    path: ['contactId'],
    message: 'press.contact_outlet',
  });
export type TCreatePressRequest = z.infer<typeof ZCreatePressRequest>;

export const ZRoutePressRequest = z.strictObject({
  owningUnitId: ZId,
  spokespersonId: ZId,
  note: optionalText(2000),
  version: ZVersion,
});
export type TRoutePressRequest = z.infer<typeof ZRoutePressRequest>;

export const ZDraftPressAnswer = z.strictObject({ draftAnswer: requiredText(20000), version: ZVersion });
export type TDraftPressAnswer = z.infer<typeof ZDraftPressAnswer>;

export const ZApprovePressAnswer = z.strictObject({ comment: optionalText(2000), version: ZVersion });
export type TApprovePressAnswer = z.infer<typeof ZApprovePressAnswer>;

export const ZReturnPressRequest = z.strictObject({ comment: requiredText(5000), version: ZVersion });
export type TReturnPressRequest = z.infer<typeof ZReturnPressRequest>;

export const ZSendPressAnswer = z.strictObject({ sentOn: ZDate, channel: ZAnswerChannel, version: ZVersion });
export type TSendPressAnswer = z.infer<typeof ZSendPressAnswer>;

export const ZDeclinePressRequest = z.strictObject({ reason: requiredText(5000), version: ZVersion });
export type TDeclinePressRequest = z.infer<typeof ZDeclinePressRequest>;

const CONTACT_CHANNEL_OF_ANSWER: Record<TAnswerChannel, TContactChannel> = {
  email: 'email',
  phone: 'call',
  interview: 'meeting',
  press_conference: 'meeting',
  written: 'email',
};

/**
 * The entry appended to the journalist's contact history when their request is closed: answered by its channel, or
 * declined (the refusal goes back in writing, as e-mail).
 */
export function pressContactEntry(
  request: { topic: string },
  outcome: { action: 'answer'; channel: TAnswerChannel } | { action: 'decline' },
): { channel: TContactChannel; summary: string } {
  const topic = request.topic.trim();
  return outcome.action === 'answer'
    ? { channel: CONTACT_CHANNEL_OF_ANSWER[outcome.channel], summary: `Trả lời yêu cầu: ${topic}` }
    : { channel: 'email', summary: `Từ chối yêu cầu: ${topic}` };
}

/** Press conferences (hội nghị cung cấp thông tin cho báo chí). */
export const PRESS_CONFERENCE_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ZPressConferenceStatus = z.enum(PRESS_CONFERENCE_STATUSES, { message: 'validation.invalid_value' });
export type TPressConferenceStatus = z.infer<typeof ZPressConferenceStatus>;
export const PRESS_CONFERENCE_STATUS_LABELS: Record<TPressConferenceStatus, { vi: string; en: string }> = {
  planned: { vi: 'Dự kiến', en: 'Planned' },
  held: { vi: 'Đã tổ chức', en: 'Held' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Invitees and coverage name the outlet as text, and may link it (and the journalist) to the media database. */
export const ZInvitee = z
  .strictObject({
    outletName: requiredText(300),
    personName: optionalText(200),
    outletId: ZId.nullable().default(null),
    contactId: ZId.nullable().default(null),
  })
  .refine((r) => r.contactId === null || r.outletId !== null, {
    path: ['contactId'],
    message: 'press.contact_outlet',
  });
export type TInvitee = z.infer<typeof ZInvitee>;

export const ZCoverage = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'validation.invalid_url' }).max(2000),
  outletName: requiredText(300),
  publishedOn: ZDate,
  publicationId: ZId.nullable().default(null),
  outletId: ZId.nullable().default(null),
});
export type TCoverage = z.infer<typeof ZCoverage>;

export const ZPressConference = z.object({
  id: ZId,
  title: z.string(),
  heldAt: z.iso.datetime(),
  place: z.string(),
  hostUnit: ZUnitRef,
  spokespersons: z.array(ZPersonRef),
  invitees: z.array(ZInvitee),
  coverage: z.array(ZCoverage),
  materials: z.array(ZStoredFile),
  status: ZPressConferenceStatus,
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: ZVersion,
});
export type TPressConference = z.infer<typeof ZPressConference>;

export const ZPressMaterialQuery = z.strictObject({ name: z.string().max(255).optional() });

export const ZPressConferenceListQuery = ZListQuery.extend({
  status: ZPressConferenceStatus.optional(),
  unitId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TPressConferenceListQuery = z.infer<typeof ZPressConferenceListQuery>;

const conferenceFields = {
  title: requiredText(500),
  heldAt: ZDateTime,
  place: requiredText(500),
  spokespersonIds: z.array(ZId).min(1, { message: 'validation.required' }).max(10),
  invitees: z.array(ZInvitee).max(500),
  coverage: z.array(ZCoverage).max(500),
  status: ZPressConferenceStatus,
};

export const ZCreatePressConference = z.strictObject({
  ...conferenceFields,
  hostUnitId: ZId.optional(),
  invitees: conferenceFields.invitees.default([]),
  coverage: conferenceFields.coverage.default([]),
  status: conferenceFields.status.default('planned'),
});
export type TCreatePressConference = z.infer<typeof ZCreatePressConference>;

export const ZUpdatePressConference = z
  .strictObject({ ...conferenceFields, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdatePressConference = z.infer<typeof ZUpdatePressConference>;
