/** UI strings of the scheduled jobs screen for administrators (Vietnamese). */
export const scheduledJobsVi = {
  'nav.scheduledJobs': 'Tác vụ định kỳ',
  'home.card.scheduledJobs':
    'Các tác vụ chạy theo lịch (điểm báo 06:30, nhắc hạn, thu thập tin…), lần chạy gần nhất; chạy ngay',
  'scheduledJobs.title': 'Tác vụ định kỳ',
  'scheduledJobs.subtitle':
    'Loa tự chạy các tác vụ này theo lịch (giờ Việt Nam). Quản trị viên có thể chạy ngay một tác vụ mà không chờ đến giờ.',
  'scheduledJobs.tableLabel': 'Danh sách tác vụ định kỳ',
  'scheduledJobs.column.job': 'Tác vụ',
  'scheduledJobs.column.schedule': 'Lịch chạy',
  'scheduledJobs.column.lastRun': 'Lần chạy gần nhất',
  'scheduledJobs.column.pending': 'Đang chờ, đang chạy',
  'scheduledJobs.never': 'Chưa chạy',
  'scheduledJobs.state.completed': 'Thành công',
  'scheduledJobs.state.failed': 'Lỗi',
  'scheduledJobs.run': 'Chạy ngay',
  'scheduledJobs.runConfirm': 'Chạy ngay “{job}”?',
  'scheduledJobs.runExplain': 'Tác vụ chạy như khi đến giờ theo lịch; lịch chạy thường lệ không thay đổi.',
  'scheduledJobs.queued': 'Đã xếp lịch chạy ngay “{job}”',
  'scheduledJobs.alreadyQueued': '“{job}” đang chờ chạy; không xếp thêm',
  'scheduledJobs.refresh': 'Làm mới',
};

export const scheduledJobsEn: Record<keyof typeof scheduledJobsVi, string> = {
  'nav.scheduledJobs': 'Scheduled jobs',
  'home.card.scheduledJobs':
    'Jobs Loa runs on a schedule (06:30 press review, reminders, fetching…), their last run; run now',
  'scheduledJobs.title': 'Scheduled jobs',
  'scheduledJobs.subtitle':
    'Loa runs these jobs on their schedules (Vietnam time). Administrators can run one now instead of waiting.',
  'scheduledJobs.tableLabel': 'Scheduled jobs',
  'scheduledJobs.column.job': 'Job',
  'scheduledJobs.column.schedule': 'Schedule',
  'scheduledJobs.column.lastRun': 'Last run',
  'scheduledJobs.column.pending': 'Waiting or running',
  'scheduledJobs.never': 'Never run',
  'scheduledJobs.state.completed': 'Completed',
  'scheduledJobs.state.failed': 'Failed',
  'scheduledJobs.run': 'Run now',
  'scheduledJobs.runConfirm': 'Run “{job}” now?',
  'scheduledJobs.runExplain': 'The job runs as it does on schedule; its regular schedule does not change.',
  'scheduledJobs.queued': '“{job}” is queued to run now',
  'scheduledJobs.alreadyQueued': '“{job}” is already waiting to run; not queued again',
  'scheduledJobs.refresh': 'Refresh',
};
