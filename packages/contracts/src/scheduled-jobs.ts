// Loa's scheduled jobs as administrators see them: what runs when, how it last went, and "run now".
import { z } from 'zod';

type Label = { vi: string; en: string };

/** What each scheduled job does, in both languages; a job without a label is shown by its name. */
export const SCHEDULED_JOB_LABELS: Record<string, Label> = {
  'auth.session-cleanup': { vi: 'Xoá phiên đăng nhập hết hạn', en: 'Delete expired sessions' },
  'notifications.retention': {
    vi: 'Xoá thông báo và thư điện tử đã gửi quá thời hạn lưu',
    en: 'Delete notifications and sent e-mails past their retention',
  },
  'files.cleanup': { vi: 'Dọn tệp không còn dùng', en: 'Delete unreferenced files' },
  'notifications.flush-outbox': { vi: 'Gửi lại thư điện tử còn chờ', en: 'Queue pending e-mails' },
  'notifications.deadlines': { vi: 'Nhắc việc sắp đến hạn, quá hạn', en: 'Deadline reminders' },
  'proposals.monthly-reminder': { vi: 'Nhắc đề xuất nội dung hằng tháng', en: 'Monthly proposal reminder' },
  'calendar.extend-series': { vi: 'Gia hạn sự kiện lặp lại', en: 'Extend recurring events' },
  'monitoring.fetch-sources': { vi: 'Thu thập nguồn tin', en: 'Fetch monitored sources' },
  'monitoring.fetch-items': { vi: 'Tải bài viết đã phát hiện', en: 'Fetch discovered articles' },
  'monitoring.fetch-log-retention': {
    vi: 'Xoá nhật ký thu thập nguồn tin quá thời hạn lưu',
    en: 'Delete source fetch logs past their retention',
  },
  'monitoring.query-digest': { vi: 'Tổng hợp tin theo truy vấn hằng ngày', en: 'Daily saved-query digest' },
  'monitoring.train': { vi: 'Huấn luyện bộ phân loại', en: 'Train the classifier' },
  'monitoring.retrain-nightly': { vi: 'Huấn luyện lại bộ phân loại hằng đêm', en: 'Nightly classifier retraining' },
  'monitoring.alerts-evaluate': { vi: 'Xét cảnh báo tin mới', en: 'Evaluate alerts on new articles' },
  'monitoring.spikes': { vi: 'Phát hiện tăng đột biến', en: 'Detect spikes' },
  'press-reviews.compile-review': { vi: 'Tổng hợp điểm báo hằng ngày', en: 'Compile the daily press review' },
  'press-reviews.compile-bulletin': { vi: 'Tổng hợp Bản tin 24 giờ', en: 'Compile the 24-hour bulletin' },
  'press-reviews.flush-deliveries': { vi: 'Gửi lại điểm báo còn chờ', en: 'Queue pending review deliveries' },
  'incidents.escalate': { vi: 'Báo cáo lãnh đạo sự cố quá hạn', en: 'Escalate overdue incidents' },
  'incidents.link-arrivals': { vi: 'Gắn tin mới vào sự cố', en: 'Link new articles to incidents' },
  'dashboard.rollups-refresh': { vi: 'Cập nhật số liệu tổng hợp bảng điều khiển', en: 'Refresh dashboard rollups' },
  'dashboard.rollups-rebuild': {
    vi: 'Tính lại toàn bộ số liệu tổng hợp bảng điều khiển',
    en: 'Rebuild dashboard rollups',
  },
};

export const ZScheduledJob = z.object({
  name: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  /** Cron expression in Asia/Ho_Chi_Minh. */
  schedule: z.string(),
  /** The last run that finished, and how. */
  lastRunAt: z.iso.datetime().nullable(),
  lastState: z.enum(['completed', 'failed']).nullable(),
  /** Runs waiting or in progress now. */
  pending: z.number().int(),
});
export type TScheduledJob = z.infer<typeof ZScheduledJob>;

export const ZScheduledJobList = z.object({ items: z.array(ZScheduledJob) });
export type TScheduledJobList = z.infer<typeof ZScheduledJobList>;

/** `queued` is false when a run asked for a moment ago is still waiting (it is not queued twice). */
export const ZRunJobResponse = z.object({ queued: z.boolean() });
export type TRunJobResponse = z.infer<typeof ZRunJobResponse>;
