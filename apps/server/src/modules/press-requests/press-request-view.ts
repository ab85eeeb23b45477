import {
  isPressRequestOverdue,
  type TAnswerChannel,
  type TPressRequest,
  type TPressRequestStatus,
} from '@loa/contracts';

/** A press request as the repository reads it, with its units' codes, names and paths. */
export interface PressRequestRow {
  id: string;
  outletName: string;
  outletId: string | null;
  contactId: string | null;
  journalistName: string;
  journalistPhone: string;
  journalistEmail: string;
  topic: string;
  questions: string;
  receivedAt: Date;
  deadline: Date;
  receivingUnitId: string;
  receivedBy: string | null;
  receivedByName: string;
  status: string;
  owningUnitId: string | null;
  spokespersonId: string | null;
  draftAnswer: string;
  draftedBy: string | null;
  draftedByName: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  answerSentOn: string | null;
  answerChannel: string | null;
  declineReason: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  receivingUnitCode: string;
  receivingUnitName: string;
  receivingUnitPath: string;
  owningUnitCode: string | null;
  owningUnitName: string | null;
  owningUnitPath: string | null;
  spokespersonName: string | null;
}

const unitRef = (id: string | null, code: string | null, name: string | null) =>
  id && code && name ? { id, code, name } : null;

export function toPressRequest(row: PressRequestRow, now: Date): TPressRequest {
  const status = row.status as TPressRequestStatus;
  const deadline = row.deadline.toISOString();
  return {
    id: row.id,
    outletName: row.outletName,
    outletId: row.outletId,
    contactId: row.contactId,
    journalistName: row.journalistName,
    journalistPhone: row.journalistPhone,
    journalistEmail: row.journalistEmail,
    topic: row.topic,
    questions: row.questions,
    receivedAt: row.receivedAt.toISOString(),
    deadline,
    receivingUnit: { id: row.receivingUnitId, code: row.receivingUnitCode, name: row.receivingUnitName },
    receivedBy: row.receivedByName,
    status,
    owningUnit: unitRef(row.owningUnitId, row.owningUnitCode, row.owningUnitName),
    spokesperson:
      row.spokespersonId && row.spokespersonName ? { id: row.spokespersonId, name: row.spokespersonName } : null,
    overdue: isPressRequestOverdue({ status, deadline }, now),
    answerSentOn: row.answerSentOn,
    answerChannel: row.answerChannel as TAnswerChannel | null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export const snapshot = (row: PressRequestRow) => ({
  outletName: row.outletName,
  outletId: row.outletId,
  contactId: row.contactId,
  journalistName: row.journalistName,
  topic: row.topic,
  status: row.status,
  deadline: row.deadline.toISOString(),
  owningUnit: row.owningUnitCode,
  spokespersonId: row.spokespersonId,
  draftedBy: row.draftedBy,
  approvedBy: row.approvedBy,
  answerSentOn: row.answerSentOn,
  answerChannel: row.answerChannel,
});
