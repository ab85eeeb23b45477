import { ERRORS, type ErrorCode, type TLocale, type TProblem } from '@loa/contracts';
import type { AppError } from '../errors.js';
import { errorMessage, fieldMessage } from '../i18n/messages.js';

/** Renders an AppError as RFC 9457 problem details in the caller's language. */
export function toProblem(error: AppError, locale: TLocale, instance: string, requestId: string): TProblem {
  return problemFor(error.code, locale, instance, requestId, error.params, error.fields);
}

/** Params that also leave as extension members of the problem. */
const EXTENSION_PARAMS = ['existingId'] as const;

export function problemFor(
  code: ErrorCode,
  locale: TLocale,
  instance: string,
  requestId: string,
  params: Record<string, unknown> = {},
  fields: AppError['fields'] = [],
): TProblem {
  const title = errorMessage(code, locale, { ...params, resource: resourceName(params.resource, locale) });
  const problem: TProblem = {
    type: `https://loa.baohiemxahoi.gov.vn/problems/${code}`,
    title,
    status: ERRORS[code].status,
    code,
    instance,
    requestId,
  };
  // RFC 9457 extension members a client acts on, e.g. opening the report that already exists.
  for (const key of EXTENSION_PARAMS)
    if (typeof params[key] === 'string') Object.assign(problem, { [key]: params[key] });
  if (fields.length > 0) {
    problem.errors = fields.map((f) => ({
      field: f.field,
      code: f.code,
      message: fieldMessage(f.code, locale, f.params),
    }));
    problem.detail = problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  }
  return problem;
}

const RESOURCE_NAMES: Record<string, { vi: string; en: string }> = {
  org_unit: { vi: 'đơn vị', en: 'Unit' },
  user: { vi: 'người dùng', en: 'User' },
  api_token: { vi: 'mã truy cập', en: 'Access token' },
  guidance_year: { vi: 'hướng dẫn của năm này', en: 'Guidance year' },
  guidance_item: { vi: 'mục hướng dẫn', en: 'Guidance item' },
  audit_event: { vi: 'sự kiện nhật ký', en: 'Audit event' },
  notification: { vi: 'thông báo', en: 'Notification' },
  outbox_message: { vi: 'thư điện tử', en: 'E-mail' },
  review_subscription: { vi: 'đăng ký nhận bản tin', en: 'Subscription' },
  review_delivery: { vi: 'thư gửi bản tin', en: 'Edition e-mail' },
  review_feed: { vi: 'liên kết RSS/Atom', en: 'Feed' },
  scheduled_job: { vi: 'tác vụ định kỳ', en: 'Scheduled job' },
  regulation: { vi: 'văn bản', en: 'Document' },
  regulation_relation: { vi: 'liên kết giữa hai văn bản', en: 'Relation between the documents' },
  regulation_task: { vi: 'nhiệm vụ truyền thông', en: 'Communication task' },
  calendar_item: { vi: 'mục lịch biên tập', en: 'Calendar item' },
  proposal: { vi: 'đề xuất', en: 'Proposal' },
  plan: { vi: 'kế hoạch', en: 'Plan' },
  file: { vi: 'tệp', en: 'File' },
  regulation_attachment: { vi: 'tệp đính kèm', en: 'Attachment' },
  product: { vi: 'sản phẩm truyền thông', en: 'Communication product' },
  product_version: { vi: 'phiên bản sản phẩm', en: 'Product version' },
  product_file: { vi: 'tệp của sản phẩm', en: 'Product file' },
  product_appraisal: { vi: 'đề nghị thẩm định', en: 'Appraisal request' },
  story: { vi: 'câu chuyện', en: 'Story' },
  publication: { vi: 'bài đăng phát', en: 'Publication' },
  publication_proof: { vi: 'minh chứng đăng phát', en: 'Publication proof' },
  story_media: { vi: 'tệp của câu chuyện', en: 'Story file' },
  event: { vi: 'sự kiện', en: 'Event' },
  restriction: { vi: 'hạn chế truyền thông trực tiếp', en: 'Restriction' },
  event_photo: { vi: 'ảnh của sự kiện', en: 'Event photo' },
  training_course: { vi: 'lớp tập huấn', en: 'Training course' },
  trainee: { vi: 'học viên', en: 'Trainee' },
  training_material: { vi: 'tài liệu tập huấn', en: 'Training material' },
  budget_allocation: { vi: 'khoản phân bổ kinh phí', en: 'Allocation' },
  budget_expenditure: { vi: 'khoản chi', en: 'Expenditure' },
  budget_norm: { vi: 'định mức chi', en: 'Spending norm' },
  budget_norm_exception: { vi: 'đề nghị chi vượt định mức', en: 'Over-norm request' },
  agent: { vi: 'đại lý thu', en: 'Collection agent' },
  official_channel: { vi: 'kênh trong danh sách kênh chính thức', en: 'Registry entry' },
  campaign: { vi: 'chiến dịch', en: 'Campaign' },
  campaign_link: { vi: 'liên kết của chiến dịch', en: 'Campaign link' },
  feedback: { vi: 'ý kiến phản ánh', en: 'Feedback' },
  faq_entry: { vi: 'câu hỏi – trả lời', en: 'Q&A entry' },
  product_share: { vi: 'lượt chia sẻ', en: 'Share' },
  product_story: { vi: 'câu chuyện gắn với sản phẩm', en: 'Product story' },
  outlet: { vi: 'cơ quan báo chí', en: 'Press outlet' },
  contact: { vi: 'nhà báo, biên tập viên', en: 'Press contact' },
  press_request: { vi: 'yêu cầu của báo chí', en: 'Press request' },
  press_conference: { vi: 'hội nghị cung cấp thông tin', en: 'Press conference' },
  press_contract: { vi: 'hợp đồng báo chí', en: 'Press contract' },
  press_contract_deliverable: { vi: 'sản phẩm của hợp đồng', en: 'Contract deliverable' },
  press_contract_publication: { vi: 'tin bài gắn với hợp đồng', en: 'Contract publication' },
  monitoring_source: { vi: 'nguồn tin theo dõi', en: 'Monitoring source' },
  monitoring_query: { vi: 'truy vấn theo dõi báo chí', en: 'Monitoring query' },
  monitoring_article: { vi: 'bài báo', en: 'Article' },
  monitoring_view: { vi: 'bộ lọc đã lưu', en: 'Saved view' },
  press_review: { vi: 'bản tin', en: 'Edition' },
  press_review_entry: { vi: 'tin trong bản tin', en: 'Entry of the edition' },
  incident: { vi: 'sự cố truyền thông', en: 'Incident' },
  incident_item: { vi: 'tin bài gắn với sự cố', en: 'Incident item' },
  monitoring_alert: { vi: 'cảnh báo tin báo chí', en: 'Press alert' },
  monitoring_alert_rule: { vi: 'quy tắc cảnh báo', en: 'Alert rule' },
  report: { vi: 'báo cáo', en: 'Report' },
  report_template: { vi: 'mẫu báo cáo', en: 'Report template' },
};

/** The resources that have a name in screens (a 404 names what was not found). */
export const NAMED_RESOURCES: readonly string[] = Object.keys(RESOURCE_NAMES);

function resourceName(resource: unknown, locale: TLocale): string {
  if (typeof resource !== 'string') return locale === 'vi' ? 'dữ liệu' : 'Record';
  return RESOURCE_NAMES[resource]?.[locale] ?? resource;
}

/** The message of an error code or a field-message code, in `locale`. */
export function messageFor(code: string, locale: TLocale, params: Record<string, unknown> = {}): string {
  return code in ERRORS ? errorMessage(code as ErrorCode, locale, params) : fieldMessage(code, locale, params);
}
