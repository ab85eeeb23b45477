import {
  FEEDBACK_CATEGORY_LABELS,
  viDate,
  type TFeedbackAction,
  type TFeedbackCategory,
  type TNotificationKind,
} from '@loa/contracts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** Vietnam's calendar day (yyyy-mm-dd) at `now`. */
export const vnDay = (now: Date) => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** What a notice needs to know about the feedback. */
export interface NoticeFacts {
  title: string;
  category: string;
  reporterUnitName: string;
  routedUnitName: string | null;
  dueOn: string | null;
}

/** The notification of one step of a feedback: kind, title and (when the step has text) body, in vi and en. */
export function feedbackNotice(
  action: TFeedbackAction | 'report',
  row: NoticeFacts,
  text: string,
): { kind: TNotificationKind; title: { vi: string; en: string }; body?: { vi: string; en: string } } {
  const due = row.dueOn ? viDate(row.dueOn) : '';
  const body = text ? { body: { vi: text.slice(0, 1000), en: text.slice(0, 1000) } } : {};
  switch (action) {
    case 'report': {
      const category = FEEDBACK_CATEGORY_LABELS[row.category as TFeedbackCategory];
      return {
        kind: 'assignment',
        title: {
          vi: `${row.reporterUnitName} gửi vướng mắc (${category.vi}): ${row.title}`,
          en: `${row.reporterUnitName} reports a difficulty (${category.en}): ${row.title}`,
        },
        ...body,
      };
    }
    case 'route':
      return {
        kind: 'assignment',
        title: {
          vi: `Vướng mắc chuyển ${row.routedUnitName} trả lời trước ${due}: ${row.title}`,
          en: `Feedback routed to ${row.routedUnitName}, answer by ${due}: ${row.title}`,
        },
        ...body,
      };
    case 'answer':
      return {
        kind: 'status_change',
        title: {
          vi: `${row.routedUnitName} đã trả lời vướng mắc: ${row.title}`,
          en: `${row.routedUnitName} answered the feedback: ${row.title}`,
        },
        ...body,
      };
    case 'reopen':
      return {
        kind: 'status_change',
        title: {
          vi: `${row.reporterUnitName} mở lại vướng mắc (hạn mới ${due}): ${row.title}`,
          en: `${row.reporterUnitName} re-opened the feedback (new due day ${due}): ${row.title}`,
        },
        ...body,
      };
    case 'close':
      return {
        kind: 'status_change',
        title: {
          vi: `${row.reporterUnitName} đã đóng vướng mắc: ${row.title}`,
          en: `${row.reporterUnitName} closed the feedback: ${row.title}`,
        },
        ...body,
      };
  }
}
