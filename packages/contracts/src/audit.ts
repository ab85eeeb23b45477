import { z } from 'zod';
import { ZId, ZListQuery } from './common.js';

export const ZAuditEvent = z.object({
  id: z.string(),
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actorId: ZId.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitId: ZId.nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditListQuery = ZListQuery.extend({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  actorId: ZId.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;

type Labels = Record<string, { vi: string; en: string }>;

/** How the audit log names actions; modules add theirs as they land. Unknown codes show as themselves. */
export const AUDIT_ACTION_LABELS: Labels = {
  create: { vi: 'Tạo mới', en: 'Create' },
  update: { vi: 'Cập nhật', en: 'Update' },
  delete: { vi: 'Xóa', en: 'Delete' },
  move: { vi: 'Chuyển đơn vị cấp trên', en: 'Move' },
  seed: { vi: 'Khởi tạo dữ liệu', en: 'Initial data' },
  copy: { vi: 'Sao chép', en: 'Copy' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  login: { vi: 'Đăng nhập', en: 'Log in' },
  login_failed: { vi: 'Đăng nhập sai', en: 'Failed login' },
  lockout: { vi: 'Khóa do đăng nhập sai', en: 'Locked after failed logins' },
  logout: { vi: 'Đăng xuất', en: 'Log out' },
  unlock: { vi: 'Mở khóa', en: 'Unlock' },
  reset_password: { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  change_password: { vi: 'Đổi mật khẩu', en: 'Password change' },
  update_profile: { vi: 'Sửa thông tin cá nhân', en: 'Profile change' },
  retry: { vi: 'Gửi lại', en: 'Retry' },
  generate_tasks: { vi: 'Lập nhiệm vụ truyền thông', en: 'Plan communication tasks' },
  link: { vi: 'Liên kết văn bản', en: 'Link documents' },
  unlink: { vi: 'Bỏ liên kết văn bản', en: 'Unlink documents' },
  submit: { vi: 'Trình duyệt', en: 'Submit' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  return: { vi: 'Trả lại', en: 'Return' },
  set_targets: { vi: 'Cập nhật chỉ tiêu', en: 'Set targets' },
  import: { vi: 'Nhập từ Excel', en: 'Import from Excel' },
  rotate_feed: { vi: 'Tạo đường dẫn lịch iCalendar', en: 'Create calendar feed link' },
  accept: { vi: 'Tiếp nhận', en: 'Accept' },
  merge: { vi: 'Gộp', en: 'Merge' },
  decline: { vi: 'Không tiếp nhận', en: 'Decline' },
  withdraw: { vi: 'Rút lại', en: 'Withdraw' },
  upload: { vi: 'Tải tệp lên', en: 'Upload' },
  attach: { vi: 'Đính kèm tệp', en: 'Attach file' },
  detach: { vi: 'Gỡ tệp đính kèm', en: 'Remove attachment' },
  cleanup: { vi: 'Dọn tệp không còn dùng', en: 'Clean up unused files' },
  archive: { vi: 'Lưu trữ', en: 'Archive' },
  record_consent: { vi: 'Ghi nhận sự đồng ý', en: 'Record consent' },
  change_status: { vi: 'Đổi trạng thái', en: 'Change status' },
  link_story: { vi: 'Liên kết câu chuyện', en: 'Link story' },
  unlink_story: { vi: 'Bỏ liên kết câu chuyện', en: 'Unlink story' },
  publish: { vi: 'Đăng phát', en: 'Publish' },
  request_appraisal: { vi: 'Đề nghị thẩm định', en: 'Request appraisal' },
  give_opinion: { vi: 'Cho ý kiến thẩm định', en: 'Give appraisal opinion' },
  mark_ready: { vi: 'Đánh dấu sẵn sàng đăng phát', en: 'Mark ready to publish' },
  record_metrics: { vi: 'Ghi số liệu tiếp cận', en: 'Record reach figures' },
};

export const AUDIT_ENTITY_LABELS: Labels = {
  user: { vi: 'Người dùng', en: 'User' },
  org_unit: { vi: 'Đơn vị', en: 'Unit' },
  api_token: { vi: 'Mã truy cập API', en: 'API token' },
  guidance_year: { vi: 'Hướng dẫn năm', en: 'Guidance year' },
  guidance_item: { vi: 'Mục hướng dẫn', en: 'Guidance item' },
  notification_preferences: { vi: 'Tùy chọn thông báo', en: 'Notification settings' },
  outbox_message: { vi: 'Thư điện tử gửi đi', en: 'Outgoing e-mail' },
  regulation: { vi: 'Văn bản', en: 'Document' },
  file: { vi: 'Tệp', en: 'File' },
  regulation_task: { vi: 'Nhiệm vụ truyền thông', en: 'Communication task' },
  task_template: { vi: 'Mẫu nhiệm vụ truyền thông', en: 'Communication task template' },
  plan: { vi: 'Kế hoạch truyền thông', en: 'Communication plan' },
  calendar_item: { vi: 'Mục lịch biên tập', en: 'Editorial calendar item' },
  calendar_series: { vi: 'Chuỗi lịch lặp lại', en: 'Recurring calendar series' },
  calendar_feed: { vi: 'Lịch iCalendar cá nhân', en: 'Personal calendar feed' },
  proposal: { vi: 'Đề xuất nội dung', en: 'Content proposal' },
  product: { vi: 'Sản phẩm truyền thông', en: 'Communication product' },
  story: { vi: 'Câu chuyện, sáng kiến', en: 'Story or initiative' },
  product_appraisal: { vi: 'Thẩm định sản phẩm', en: 'Product appraisal' },
  collection_agent: { vi: 'Đại lý thu', en: 'Collection agent' },
  product_share: { vi: 'Chia sẻ bài viết của cán bộ', en: 'Staff share of a post' },
  publication: { vi: 'Đăng phát', en: 'Publication' },
};

/** The label of an audit action or entity type in `locale`, or the code itself when none is known. */
export function auditLabel(kind: 'action' | 'entity', code: string, locale: 'vi' | 'en'): string {
  return (kind === 'action' ? AUDIT_ACTION_LABELS : AUDIT_ENTITY_LABELS)[code]?.[locale] ?? code;
}
