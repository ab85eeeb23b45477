import { viDate, type TNotificationKind, type TPressRequestAction } from '@loa/contracts';
import type { Recipients } from '../notifications/index.js';

const VN_OFFSET_MS = 7 * 3_600_000;

/** Vietnam's calendar day (yyyy-mm-dd) at `now`. */
export const vnDay = (now: Date) => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** "dd/mm/yyyy hh:mm" in Vietnam's time. */
export function vnDateTime(at: Date): string {
  const shifted = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return `${viDate(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

/** What a notice needs to know about the request. */
export interface PressRequestRow {
  outletName: string;
  topic: string;
  deadline: Date;
  owningUnitId: string | null;
  owningUnitName: string | null;
  receivingUnitId: string;
  spokespersonId: string | null;
  spokespersonName: string | null;
  draftedBy: string | null;
}

type Notice = { kind: TNotificationKind; title: { vi: string; en: string }; body?: { vi: string; en: string } };

/** The notification of one step of a press request, in vi and en. */
export function pressNotice(action: TPressRequestAction, row: PressRequestRow, text: string): Notice {
  const what = `${row.outletName}: ${row.topic}`;
  const due = vnDateTime(row.deadline);
  const body = text ? { body: { vi: text.slice(0, 1000), en: text.slice(0, 1000) } } : {};
  switch (action) {
    case 'route':
      return {
        kind: 'assignment',
        title: {
          vi: `Yêu cầu báo chí giao ${row.owningUnitName} (phát ngôn: ${row.spokespersonName}), hạn ${due} — ${what}`,
          en: `Press request routed to ${row.owningUnitName} (spokesperson: ${row.spokespersonName}), due ${due} — ${what}`,
        },
        ...body,
      };
    case 'draft':
      return {
        kind: 'assignment',
        title: {
          vi: `Dự thảo trả lời báo chí chờ duyệt — ${what}`,
          en: `Draft press answer awaits approval — ${what}`,
        },
        ...body,
      };
    case 'approve':
      return {
        kind: 'status_change',
        title: { vi: `Đã duyệt trả lời báo chí — ${what}`, en: `Press answer approved — ${what}` },
        ...body,
      };
    case 'return':
      return {
        kind: 'status_change',
        title: { vi: `Trả lại dự thảo để chỉnh sửa — ${what}`, en: `Draft returned for rework — ${what}` },
        ...body,
      };
    case 'answer':
      return {
        kind: 'status_change',
        title: { vi: `Đã gửi trả lời báo chí — ${what}`, en: `Press answer sent — ${what}` },
      };
    case 'decline':
      return {
        kind: 'status_change',
        title: { vi: `Từ chối yêu cầu báo chí — ${what}`, en: `Press request declined — ${what}` },
        ...body,
      };
  }
}

/** Who hears of a step: owning unit and spokesperson of routing; the approver of a draft; the rest all parties. */
export function pressRecipients(action: TPressRequestAction, row: PressRequestRow): Recipients {
  const speaker = row.spokespersonId ? [row.spokespersonId] : [];
  const owning = row.owningUnitId ? [row.owningUnitId] : [];
  switch (action) {
    case 'route':
      return { userIds: speaker, orgUnitIds: owning };
    case 'draft':
      return { userIds: speaker, orgUnitIds: [row.receivingUnitId] };
    case 'approve':
    case 'return':
      return { userIds: row.draftedBy ? [row.draftedBy] : [], orgUnitIds: [...owning, row.receivingUnitId] };
    case 'answer':
    case 'decline':
      return { userIds: speaker, orgUnitIds: [...owning, row.receivingUnitId] };
  }
}
