/** Stable error codes: HTTP status and the message shown to users, in Vietnamese and English. */
export const ERRORS = {
  'validation.failed': { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'The request is not valid' },
  'request.malformed_json': {
    status: 400,
    vi: 'Nội dung gửi lên không phải JSON hợp lệ',
    en: 'The request body is not valid JSON',
  },
  'request.unsupported_media_type': {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ',
    en: 'Unsupported media type',
  },
  'request.too_large': { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'The request is too large' },
  'request.rate_limited': {
    status: 429,
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
    en: 'Too many requests; try again later',
  },
  'auth.required': { status: 401, vi: 'Vui lòng đăng nhập', en: 'Please log in' },
  'auth.session_expired': {
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại',
    en: 'Your session has expired; please log in again',
  },
  'auth.invalid_credentials': {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  },
  'auth.locked': {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần, thử lại sau {minutes} phút',
    en: 'The account is locked after repeated failures; try again in {minutes} minutes',
  },
  'auth.disabled': { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa', en: 'This account is disabled' },
  'auth.csrf_missing': {
    status: 403,
    vi: 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)',
    en: 'Missing or wrong anti-forgery token (X-CSRF-Token)',
  },
  'auth.invalid_token': {
    status: 401,
    vi: 'Mã truy cập không hợp lệ hoặc đã hết hạn',
    en: 'The access token is invalid or expired',
  },
  'auth.wrong_current_password': {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng',
    en: 'The current password is wrong',
  },
  'auth.password_change_required': {
    status: 403,
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục',
    en: 'You must change your password first',
  },
  'access.forbidden': {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
  },
  'access.role_forbidden': {
    status: 403,
    vi: 'Vai trò của bạn không được phép thực hiện thao tác này',
    en: 'Your role does not allow this',
  },
  'resource.not_found': { status: 404, vi: 'Không tìm thấy {resource}', en: '{resource} not found' },
  'route.not_found': { status: 404, vi: 'Không có đường dẫn này', en: 'No such route' },
  'conflict.duplicate': {
    status: 409,
    vi: 'Giá trị "{value}" đã được dùng',
    en: 'The value "{value}" is already in use',
  },
  'conflict.version': {
    status: 409,
    vi: 'Bản ghi đã được người khác sửa, vui lòng tải lại',
    en: 'Someone else changed this record; reload it',
  },
  'org.cycle': {
    status: 409,
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó',
    en: 'A unit cannot be moved under itself or its descendants',
  },
  'org.has_children': {
    status: 409,
    vi: 'Đơn vị còn {count} đơn vị trực thuộc, không thể xóa',
    en: 'The unit still has {count} child units and cannot be deleted',
  },
  'org.has_users': {
    status: 409,
    vi: 'Đơn vị còn {count} người dùng, không thể xóa',
    en: 'The unit still has {count} users and cannot be deleted',
  },
  'org.has_records': {
    status: 409,
    vi: 'Đơn vị đã có hồ sơ, văn bản hoặc kế hoạch gắn với nó, không thể xóa',
    en: 'Records, documents or plans still refer to the unit; it cannot be deleted',
  },
  'org.root_required': {
    status: 409,
    vi: 'Đơn vị gốc không thể có đơn vị cấp trên',
    en: 'The root unit cannot have a parent',
  },
  'org.invalid_kind_for_parent': {
    status: 409,
    vi: 'Loại đơn vị "{kind}" không thể trực thuộc "{parentKind}"',
    en: 'A "{kind}" unit cannot sit under a "{parentKind}" unit',
  },
  'user.cannot_change_self': {
    status: 409,
    vi: 'Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình',
    en: 'You cannot disable yourself or remove your own admin role',
  },
  'guidance.year_exists': {
    status: 409,
    vi: 'Hướng dẫn năm {year} đã tồn tại',
    en: 'The guidance for {year} already exists',
  },
  'regulation.has_done_tasks': {
    status: 409,
    vi: 'Văn bản đã có {count} nhiệm vụ truyền thông hoàn thành, không thể xóa',
    en: 'The document has {count} completed communication tasks and cannot be deleted',
  },
  'regulation.no_effective_date': {
    status: 409,
    vi: 'Văn bản chưa có ngày hiệu lực; hãy nhập ngày hiệu lực trước khi lập nhiệm vụ truyền thông',
    en: 'The document has no effective date; enter it before planning communication tasks',
  },
  'review.already_approved': {
    status: 409,
    vi: 'Bản tin đã được duyệt và gửi; không thể sửa hay duyệt lại',
    en: 'This edition has already been approved and sent; it can no longer change',
  },
  'review.order_mismatch': {
    status: 422,
    vi: 'Thứ tự mới phải liệt kê mỗi tin của bản tin đúng một lần',
    en: 'The new order must list every entry of the edition exactly once',
  },
  'proposal.not_pending': {
    status: 409,
    vi: 'Đề xuất đã được xử lý hoặc đã rút lại, không thể thay đổi nữa',
    en: 'The proposal has already been decided or withdrawn and can no longer change',
  },
  'file.too_large': {
    status: 413,
    vi: 'Tệp vượt quá dung lượng cho phép ({maxMb} MB)',
    en: 'The file is larger than the allowed {maxMb} MB',
  },
  'file.empty': { status: 400, vi: 'Tệp rỗng', en: 'The file is empty' },
  'file.name_required': {
    status: 400,
    vi: 'Thiếu tên tệp hợp lệ (tiêu đề X-File-Name)',
    en: 'A valid file name is missing (X-File-Name header)',
  },
  'file.type_not_allowed': {
    status: 415,
    vi: 'Loại tệp không được chấp nhận; chỉ nhận PDF, Word, Excel, PowerPoint, ảnh JPEG/PNG/GIF/WEBP, MP4, MP3, TXT, CSV',
    en: 'This kind of file is not accepted; only PDF, Word, Excel, PowerPoint, JPEG/PNG/GIF/WEBP images, MP4, MP3, TXT and CSV',
  },
  'file.extension_mismatch': {
    status: 415,
    vi: 'Phần mở rộng ".{extension}" không khớp với nội dung tệp ({kind})',
    en: 'The extension ".{extension}" does not match the content of the file ({kind})',
  },
  'file.no_thumbnail': { status: 404, vi: 'Tệp này không có ảnh thu nhỏ', en: 'This file has no thumbnail' },
  'import.invalid_file': {
    status: 400,
    vi: 'Tệp Excel không đọc được: {reason}',
    en: 'The Excel file cannot be read: {reason}',
  },
  'import.rejected': {
    status: 422,
    vi: 'Có {count} dòng bị từ chối; không dòng nào được ghi',
    en: '{count} rows were rejected; nothing was written',
  },
  'notification.smtp_not_configured': {
    status: 409,
    vi: 'Chưa cấu hình máy chủ thư (SMTP_URL); thư vẫn được giữ lại và có thể gửi sau khi cấu hình',
    en: 'No mail server is configured (SMTP_URL); the e-mail stays held and can be sent once one is',
  },
  'notification.already_sent': {
    status: 409,
    vi: 'Thư này đã được gửi',
    en: 'This e-mail has already been sent',
  },
  'subscription.province_out_of_scope': {
    status: 422,
    vi: 'Có tỉnh, thành phố được chọn nằm ngoài phạm vi quản lý của bạn',
    en: 'A chosen province lies outside your scope',
  },
  'review_delivery.not_retryable': {
    status: 409,
    vi: 'Chỉ gửi lại được thư gửi thất bại hoặc đang bị giữ lại (thư này: {status})',
    en: 'Only a failed or held e-mail can be sent again (this one: {status})',
  },
  'review_delivery.no_address': {
    status: 409,
    vi: '{user} chưa có địa chỉ thư điện tử; cập nhật địa chỉ rồi gửi lại',
    en: '{user} has no e-mail address; set one, then send again',
  },
  'plan.exists': {
    status: 409,
    vi: 'Đơn vị đã có kế hoạch năm {year}',
    en: 'The unit already has a plan for {year}',
  },
  'plan.not_editable': {
    status: 409,
    vi: 'Chỉ sửa hoặc trình được kế hoạch đang soạn thảo hoặc bị trả lại',
    en: 'Only a draft or returned plan can be changed or submitted',
  },
  'plan.not_under_review': {
    status: 409,
    vi: 'Chỉ duyệt được kế hoạch đã trình',
    en: 'Only a submitted plan can be approved',
  },
  'plan.cannot_return': {
    status: 409,
    vi: 'Chỉ trả lại được kế hoạch đã trình hoặc đã duyệt',
    en: 'Only a submitted or approved plan can be returned',
  },
  'plan.not_deletable': {
    status: 409,
    vi: 'Chỉ xóa được kế hoạch đang soạn thảo',
    en: 'Only a draft plan can be deleted',
  },
  'plan.self_review': {
    status: 403,
    vi: 'Người trình kế hoạch không thể tự duyệt hoặc trả lại kế hoạch đó',
    en: 'The person who submitted a plan cannot approve or return it',
  },
  'plan.no_targets': {
    status: 409,
    vi: 'Kế hoạch chưa có chỉ tiêu nào, chưa thể trình',
    en: 'The plan has no targets yet and cannot be submitted',
  },
  'story.invalid_transition': {
    status: 409,
    vi: 'Không thể chuyển câu chuyện sang trạng thái này',
    en: 'The story cannot move to this status',
  },
  'story.consent_required': {
    status: 409,
    vi: 'Chưa có sự đồng ý của người trong câu chuyện, chưa thể đưa vào sử dụng',
    en: 'The people in the story have not consented; it cannot be marked usable',
  },
  'story.archived': {
    status: 409,
    vi: 'Câu chuyện đã lưu trữ; hãy đưa về bản nháp trước khi sửa',
    en: 'The story is archived; return it to draft before changing it',
  },
  'product.archived': {
    status: 409,
    vi: 'Sản phẩm đã lưu trữ, không thể thay đổi nữa',
    en: 'The product is archived and can no longer change',
  },
  'share.product_not_published': {
    status: 409,
    vi: 'Chỉ ghi nhận chia sẻ được cho sản phẩm đã đăng phát',
    en: 'Shares can only be recorded for a published product',
  },
  'story.evidence_in_use': {
    status: 409,
    vi: 'Tệp này là minh chứng sự đồng ý; hãy ghi nhận lại sự đồng ý trước khi gỡ tệp',
    en: 'This file is the evidence of consent; record the consent again before removing it',
  },
  'appraisal.not_requested_unit': {
    status: 403,
    vi: 'Đơn vị của bạn không được đề nghị thẩm định sản phẩm này; chỉ cán bộ của đơn vị được đề nghị mới cho ý kiến',
    en: 'Your unit was not asked to appraise this product; only officers of the asked unit may give an opinion',
  },
  'appraisal.withdrawn': {
    status: 409,
    vi: 'Đề nghị thẩm định đã được rút lại',
    en: 'The appraisal request has been withdrawn',
  },
  'appraisal.none_requested': {
    status: 409,
    vi: 'Sản phẩm chưa được đề nghị thẩm định; cần ít nhất một đơn vị chấp thuận trước khi đăng phát',
    en: 'No appraisal was requested; at least one unit must approve the product before it is published',
  },
  'appraisal.not_approved': {
    status: 409,
    vi: 'Chưa thể đánh dấu sẵn sàng đăng phát: còn thiếu ý kiến chấp thuận phiên bản hiện tại của {units}',
    en: 'The product cannot be marked ready yet: approval of the current version is missing from {units}',
  },
  'event.restricted': {
    status: 409,
    vi: 'Đang hạn chế truyền thông trực tiếp tại {area} ({period}) theo {basis}',
    en: 'Direct communication is restricted in {area} ({period}) under {basis}',
  },
  'event.implausible': {
    status: 422,
    vi: 'Số liệu bất thường, cần xác nhận lại',
    en: 'The figures look implausible; confirm them to save',
  },
  'press.media_link': {
    status: 422,
    vi: 'Cơ quan báo chí hoặc người liên hệ không khớp với cơ sở dữ liệu báo chí',
    en: 'The outlet or contact does not match the media database',
  },
  'event.invalid_transition': {
    status: 409,
    vi: 'Không thể chuyển sự kiện sang trạng thái này',
    en: 'The event cannot move to this status',
  },
  'event.locked': {
    status: 409,
    vi: 'Sự kiện đã báo cáo hoặc đã hủy, không thể thay đổi nữa',
    en: 'The event is reported or cancelled and can no longer change',
  },
  'event.check_in_closed': {
    status: 410,
    vi: 'Mã điểm danh đã hết hạn hoặc đã đóng',
    en: 'This check-in code has expired or been closed',
  },
  'restriction.overlap': {
    status: 409,
    vi: 'Đã có hạn chế cho cùng địa bàn, cùng hình thức trong khoảng thời gian này ({period})',
    en: 'A restriction of the same area and forms already covers this period ({period})',
  },
  'restriction.lifted': {
    status: 409,
    vi: 'Hạn chế này đã được dỡ bỏ',
    en: 'This restriction has already been lifted',
  },
  'feedback.invalid_transition': {
    status: 409,
    vi: 'Vướng mắc đang ở trạng thái "{status}", không thể thực hiện thao tác này',
    en: 'The feedback is "{status}"; this action is not possible now',
  },
  'press_request.invalid_transition': {
    status: 409,
    vi: 'Yêu cầu báo chí đang ở trạng thái "{status}", không thể thực hiện thao tác này',
    en: 'The press request is "{status}"; this action is not possible now',
  },
  'training.not_eligible': {
    status: 409,
    vi: 'Học viên chưa đủ điều kiện được cấp giấy chứng nhận',
    en: 'The trainee does not qualify for a certificate',
  },
  'training.not_held': {
    status: 409,
    vi: 'Chỉ cấp giấy chứng nhận khi lớp tập huấn đã tổ chức',
    en: 'Certificates are issued only once the course has been held',
  },
  'training.no_certificate': {
    status: 409,
    vi: 'Học viên chưa được cấp giấy chứng nhận',
    en: 'No certificate has been issued to this trainee',
  },
  'training.locked': {
    status: 409,
    vi: 'Lớp tập huấn đã kết thúc, không thể thay đổi nữa',
    en: 'The course is closed and can no longer change',
  },
  'training.has_certificates': {
    status: 409,
    vi: 'Đã cấp giấy chứng nhận, không thể xóa',
    en: 'Certificates have been issued; it cannot be deleted',
  },
  'training.invalid_transition': {
    status: 409,
    vi: 'Không thể chuyển lớp tập huấn sang trạng thái này',
    en: 'The course cannot move to this status',
  },
  'campaign.invalid_transition': {
    status: 409,
    vi: 'Không thể chuyển chiến dịch sang trạng thái này',
    en: 'The campaign cannot move to this status',
  },
  'campaign.no_goals': {
    status: 409,
    vi: 'Chiến dịch cần ít nhất một mục tiêu trước khi triển khai',
    en: 'The campaign needs at least one goal before it is launched',
  },
  'campaign.closed': {
    status: 409,
    vi: 'Chiến dịch đã kết thúc, không thể thay đổi',
    en: 'The campaign is closed and cannot change',
  },
  'press_contract.invalid_transition': {
    status: 409,
    vi: 'Hợp đồng đang ở trạng thái "{status}", không thể thực hiện thao tác này',
    en: 'The contract is "{status}"; this action is not possible now',
  },
  'press_contract.over_value': {
    status: 422,
    vi: 'Tổng số đã thanh toán vượt giá trị hợp đồng; cần nêu lý do',
    en: 'The total paid would exceed the value of the contract; a reason is required',
  },
  'press_contract.over_delivered': {
    status: 422,
    vi: 'Số lượng nghiệm thu vượt số đã thực hiện; cần nêu lý do',
    en: 'The accepted quantity would exceed what was delivered; a reason is required',
  },
  'press_contract.link_accepted': {
    status: 409,
    vi: 'Bài đăng phát này đã được nghiệm thu, không thể gỡ khỏi hợp đồng',
    en: 'This publication has been accepted and can no longer be unlinked',
  },
  'press_contract.deliverable_in_use': {
    status: 409,
    vi: 'Hạng mục đã có bài đăng phát hoặc nghiệm thu, không thể xóa',
    en: 'The deliverable has publications or acceptances and cannot be deleted',
  },
  'budget.insufficient': {
    status: 409,
    vi: 'Không đủ kinh phí: số còn lại là {remaining}',
    en: 'Not enough budget: {remaining} remains',
  },
  'budget.year_closed': {
    status: 409,
    vi: 'Năm ngân sách {year} chưa mở hoặc đã khóa sổ',
    en: 'Fiscal year {year} is not open or has been closed',
  },
  'budget.year_exists': { status: 409, vi: 'Năm ngân sách {year} đã có', en: 'Fiscal year {year} already exists' },
  'budget.over_norm': {
    status: 422,
    vi: 'Vượt định mức chi (tối đa {limit}): cần lãnh đạo phê duyệt chi vượt định mức',
    en: 'Above the spending norm (at most {limit}): a leader must approve an exception',
  },
  'budget.not_over_norm': {
    status: 409,
    vi: 'Khoản chi không vượt định mức, không cần phê duyệt ngoại lệ',
    en: 'The amount is within the norm; no exception is needed',
  },
  'budget.already_reversed': {
    status: 409,
    vi: 'Bút toán này đã được điều chỉnh giảm',
    en: 'This entry has already been reversed',
  },
  'budget.not_reversible': {
    status: 409,
    vi: 'Không thể điều chỉnh giảm một bút toán điều chỉnh',
    en: 'A reversing entry cannot itself be reversed',
  },
  'budget.history_immutable': {
    status: 409,
    vi: 'Không được sửa hoặc xóa bút toán ngân sách; hãy lập bút toán điều chỉnh',
    en: 'Budget entries are never edited or deleted; record a reversing entry',
  },
  'budget.exception_decided': {
    status: 409,
    vi: 'Đề nghị chi vượt định mức đã được quyết định',
    en: 'The exception request has already been decided',
  },
  'budget.self_decision': {
    status: 403,
    vi: 'Người đề nghị không được tự phê duyệt',
    en: 'The requester cannot decide their own request',
  },
  'monitoring.query_syntax': {
    status: 422,
    vi: 'Truy vấn chưa đúng cú pháp',
    en: 'The query has a syntax error',
  },
  'monitoring.no_training_examples': {
    status: 409,
    vi: 'Chưa có bài báo gán nhãn để huấn luyện; hãy nhập bằng lệnh "monitor train … --import"',
    en: 'There are no labelled articles to train on; import them with "monitor train … --import"',
  },
  'monitoring.no_model': {
    status: 503,
    vi: 'Chưa có mô hình phân loại tin: quản trị viên cần huấn luyện mô hình (npm run loa -- monitor train) trước khi nhận bài',
    en: 'There is no classifier model yet: an administrator must train one (npm run loa -- monitor train) before articles can be ingested',
  },
  'monitoring_source.not_fetchable': {
    status: 409,
    vi: 'Chỉ lấy tin ngay được với nguồn đang bật và là nguồn RSS/Atom, sitemap hoặc trang danh sách',
    en: 'Only an enabled feed, sitemap or listing-page source can be fetched now',
  },
  'monitoring_source.fetch_failed': {
    status: 422,
    vi: 'Không lấy được bài từ địa chỉ này: {reason}',
    en: 'The article could not be fetched from this address: {reason}',
  },
  'monitoring_source.import_unreadable': {
    status: 400,
    vi: 'Tệp nhập không đọc được ({reason}); cần tệp CSV hoặc JSONL mã hóa UTF-8',
    en: 'The import file cannot be read ({reason}); a UTF-8 CSV or JSONL file is needed',
  },
  'alert.incident_opened': {
    status: 409,
    vi: 'Cảnh báo đã được mở thành sự cố truyền thông; hãy xử lý trong sự cố',
    en: 'An incident has been opened from this alert; handle it in the incident',
  },
  'alert_rule.seeded': {
    status: 409,
    vi: 'Quy tắc cảnh báo của Ngành không xóa được; hãy tắt quy tắc nếu không cần dùng',
    en: "The agency's own alert rules cannot be deleted; disable the rule instead",
  },
  'incident.invalid_transition': {
    status: 409,
    vi: 'Không thể chuyển sự cố sang trạng thái này từ trạng thái hiện tại',
    en: 'The incident cannot move to this status from its current one',
  },
  'incident.missing_actions': {
    status: 422,
    vi: 'Chưa đủ điều kiện: còn thiếu việc xử lý bắt buộc hoặc bài học kinh nghiệm',
    en: 'Not yet: required actions or the lessons learnt are missing',
  },
  'incident.closed': {
    status: 409,
    vi: 'Sự cố đã đóng, không thể thay đổi',
    en: 'The incident is closed and can no longer be changed',
  },
  'incident.invalid_deadline': {
    status: 422,
    vi: 'Hạn xử lý phải sau thời điểm hiện tại',
    en: 'A deadline must lie in the future',
  },
  'incident.correction_link': {
    status: 422,
    vi: 'Thông tin cải chính cần liên kết tới bài đăng phát trong Loa hoặc địa chỉ công khai của bài',
    en: 'A published correction needs a publication of Loa or its public address',
  },
  'incident.alert_taken': {
    status: 409,
    vi: 'Cảnh báo này đã được mở thành sự cố {code}',
    en: 'Incident {code} was already opened from this alert',
  },
  'dashboard.invalid_period': {
    status: 422,
    vi: 'Khoảng thời gian không hợp lệ',
    en: 'The period is not valid',
  },
  'report.exists': {
    status: 409,
    vi: 'Đơn vị đã có báo cáo của kỳ này (chưa lưu trữ)',
    en: 'The unit already has a report for this period (not archived)',
  },
  'report.invalid_period': {
    status: 422,
    vi: 'Kỳ báo cáo không hợp lệ',
    en: 'The reporting period is not valid',
  },
  'report.unknown_placeholder': {
    status: 422,
    vi: 'Nội dung có trường tự động không xác định: "{name}"',
    en: 'The text has an unknown placeholder: "{name}"',
  },
  'report.not_draft': {
    status: 409,
    vi: 'Chỉ sửa được báo cáo ở trạng thái dự thảo',
    en: 'Only a draft report can be changed',
  },
  'report.not_ready': {
    status: 409,
    vi: 'Văn bản của báo cáo chưa được tạo xong',
    en: "The report's documents are not generated yet",
  },
  'report.archived': {
    status: 409,
    vi: 'Báo cáo đã được lưu trữ',
    en: 'The report is archived',
  },
  'report.generating': {
    status: 409,
    vi: 'Báo cáo đang được tạo, vui lòng chờ hoàn tất',
    en: 'The report is being generated; wait until it finishes',
  },
  internal: { status: 500, vi: 'Lỗi hệ thống, vui lòng thử lại sau', en: 'Internal error; please try again later' },
  'service.unavailable': {
    status: 503,
    vi: 'Hệ thống tạm thời không sẵn sàng',
    en: 'The service is temporarily unavailable',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Messages for field-level validation problems, keyed by the codes the server reports per field. */
export const FIELD_MESSAGES = {
  'validation.required': { vi: 'Bắt buộc nhập', en: 'Required' },
  'validation.invalid_type': { vi: 'Sai kiểu dữ liệu (cần {expected})', en: 'Wrong type (expected {expected})' },
  'validation.too_short': { vi: 'Tối thiểu {minimum} ký tự', en: 'At least {minimum} characters' },
  'validation.too_long': { vi: 'Tối đa {maximum} ký tự', en: 'At most {maximum} characters' },
  'validation.too_small': { vi: 'Giá trị tối thiểu là {minimum}', en: 'The minimum is {minimum}' },
  'validation.too_big': { vi: 'Giá trị tối đa là {maximum}', en: 'The maximum is {maximum}' },
  'validation.too_few_items': { vi: 'Cần ít nhất {minimum} mục', en: 'At least {minimum} items' },
  'validation.too_many_items': { vi: 'Tối đa {maximum} mục', en: 'At most {maximum} items' },
  'validation.unknown_field': { vi: 'Trường không được phép', en: 'Unknown field' },
  'validation.invalid_value': { vi: 'Giá trị không nằm trong danh sách cho phép', en: 'Not one of the allowed values' },
  'validation.invalid_format': { vi: 'Sai định dạng', en: 'Wrong format' },
  'validation.invalid_email': { vi: 'Địa chỉ e-mail không hợp lệ', en: 'Not a valid e-mail address' },
  'validation.invalid_id': { vi: 'Mã định danh không hợp lệ', en: 'Not a valid identifier' },
  'validation.invalid_sort': { vi: 'Cách sắp xếp không hợp lệ', en: 'Not a valid sort order' },
  'validation.invalid_code': {
    vi: 'Mã chỉ gồm chữ in hoa, số, dấu gạch ngang hoặc gạch dưới',
    en: 'Codes use capital letters, digits, "-" and "_" only',
  },
  'validation.invalid_username': {
    vi: 'Tên đăng nhập gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới',
    en: 'Usernames use lowercase letters, digits, ".", "-" and "_"',
  },
  'validation.invalid_date': { vi: 'Ngày không hợp lệ', en: 'Not a valid date' },
  'validation.date_order': { vi: 'Ngày kết thúc phải sau ngày bắt đầu', en: 'The end date must follow the start date' },
  'validation.invalid_recurrence': {
    vi: 'Quy tắc lặp không hợp lệ (hỗ trợ FREQ=YEARLY, MONTHLY, WEEKLY với BYMONTH, BYMONTHDAY, BYDAY, INTERVAL, COUNT hoặc UNTIL)',
    en: 'Not a valid recurrence rule (FREQ=YEARLY, MONTHLY or WEEKLY with BYMONTH, BYMONTHDAY, BYDAY, INTERVAL, COUNT or UNTIL)',
  },
  'validation.recurrence_no_occurrence': {
    vi: 'Quy tắc lặp không cho ngày nào trong thời gian lập lịch',
    en: 'The recurrence rule gives no day within the planning horizon',
  },
  'validation.recurrence_fixed_dates': {
    vi: 'Ngày của chuỗi do quy tắc lặp quyết định: hãy đổi quy tắc, hoặc chỉ dời lần này',
    en: "The series' rule fixes its dates: change the rule, or move only this occurrence",
  },
  'validation.unknown_unit_code': { vi: 'Không có đơn vị mã "{code}"', en: 'No unit has code "{code}"' },
  'validation.unknown_user': { vi: 'Không có người dùng "{username}"', en: 'No user "{username}"' },
  'validation.calendar_window': {
    vi: 'Khoảng thời gian tối đa 400 ngày',
    en: 'The period may span at most 400 days',
  },
  'validation.period_order': {
    vi: 'Ngày kết thúc không được trước ngày bắt đầu',
    en: 'The end date cannot precede the start date',
  },
  'validation.period_too_long': {
    vi: 'Khoảng thời gian tối đa {years} năm',
    en: 'The period may span at most {years} years',
  },
  'validation.invalid': { vi: 'Giá trị không hợp lệ', en: 'Not a valid value' },
  'validation.invalid_characters': {
    vi: 'Chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng)',
    en: 'Contains characters that are not allowed (NUL or broken Unicode)',
  },
  'validation.too_deep': {
    vi: 'Dữ liệu lồng nhau quá {maximum} cấp',
    en: 'The data is nested more than {maximum} levels deep',
  },
  'validation.unknown_placeholder': {
    vi: 'Không có trường tự động "{name}"',
    en: 'There is no placeholder "{name}"',
  },
  'validation.report_period_number': {
    vi: 'Số kỳ phải từ 1 đến {max} với loại kỳ này',
    en: 'The period number must be from 1 to {max} for this kind',
  },
  'review.order_mismatch': {
    vi: 'Mỗi tin của bản tin phải có mặt đúng một lần, mỗi mục một lần',
    en: 'Every entry of the edition exactly once, and each section once',
  },
  'review.no_edition_for_unit': {
    vi: 'Chỉ Trung tâm Truyền thông, BHXH tỉnh và cơ quan báo chí của Ngành có bản tin riêng',
    en: 'Only the Communication Center, provinces and the agency’s press offices have editions of their own',
  },
  'review.future_edition': {
    vi: 'Không thể tổng hợp bản tin cho ngày chưa đến',
    en: 'An edition cannot be compiled for a day still to come',
  },
  'review.article_out_of_scope': {
    vi: 'Không có bài báo này trong các nguồn tin của bản tin',
    en: 'No such article among the edition’s sources',
  },
  'review.story_present': {
    vi: 'Tin này đã có trong bản tin (có thể đang được để ra ngoài)',
    en: 'This story is already in the edition (it may have been left out)',
  },
  'validation.duplicate': { vi: 'Giá trị này đã được dùng', en: 'This value is already in use' },
  'subscription.province_out_of_scope': {
    vi: 'Chỉ chọn được tỉnh, thành phố thuộc phạm vi quản lý của bạn',
    en: 'Choose only provinces within your scope',
  },
  'subscription.user_out_of_scope': {
    vi: 'Người dùng không thuộc phạm vi bạn quản lý',
    en: 'This user is outside the users you manage',
  },
  'subscription.source_unit_invalid': {
    vi: 'Chỉ nhận được bản tin của Trung tâm Truyền thông, BHXH tỉnh hoặc cơ quan báo chí của Ngành',
    en: "Editions come from the Communication Center, a province or one of the agency's press offices",
  },
  'subscription.source_unit_out_of_scope': {
    vi: 'Bạn không được đăng ký bản tin của đơn vị này cho người dùng này',
    en: "You may not subscribe this user to this unit's editions",
  },
  'subscription.duplicate': {
    vi: 'Người dùng đã đăng ký nhận loại bản tin này của đơn vị này',
    en: 'The user already receives this kind of edition from this unit',
  },
  'validation.regulation_number': {
    vi: 'Số hiệu gồm số và ký hiệu văn bản, ví dụ 1007/BHXH-TT',
    en: 'A number and a document symbol, e.g. 1007/BHXH-TT',
  },
  'validation.effective_before_issued': {
    vi: 'Ngày hiệu lực không được trước ngày ban hành',
    en: 'The effective date cannot precede the issue date',
  },
  'validation.self_relation': {
    vi: 'Văn bản không thể liên kết với chính nó',
    en: 'A document cannot be related to itself',
  },
  'validation.unit_out_of_scope': {
    vi: 'Đơn vị không thuộc phạm vi của bạn',
    en: 'This unit is outside your scope',
  },
  'validation.story_not_usable': {
    vi: 'Chỉ liên kết được câu chuyện đã sẵn sàng sử dụng (đã có sự đồng ý của nhân vật)',
    en: 'Only usable stories (with the consent of the people in them) can be linked',
  },
  'validation.share_url': {
    vi: 'Cần đường dẫn web bắt đầu bằng http:// hoặc https://',
    en: 'A web address starting with http:// or https:// is needed',
  },
  'validation.share_url_network': {
    vi: 'Đường dẫn không thuộc mạng xã hội đã chọn',
    en: 'The address is not on the chosen social network',
  },
  'validation.shared_in_future': { vi: 'Ngày chia sẻ không được ở tương lai', en: 'The date cannot be in the future' },
  'validation.shared_before_ready': {
    vi: 'Ngày chia sẻ không được trước ngày sản phẩm sẵn sàng đăng phát ({date})',
    en: 'The date cannot be before the product was ready to publish ({date})',
  },
  'validation.drafting_unit_outside_owner': {
    vi: 'Đơn vị soạn thảo phải thuộc đơn vị sở hữu văn bản',
    en: 'The drafting unit must belong to the unit that owns the document',
  },
  'validation.assignee_not_in_unit': {
    vi: 'Người được giao phải thuộc đơn vị chủ trì nhiệm vụ',
    en: "The assignee must belong to the task's owner unit",
  },
  'validation.phase_offset': {
    vi: 'Bước "trước" cần số ngày âm, bước "sau" cần số ngày dương',
    en: '"Before" steps need a negative number of days, "after" steps a positive one',
  },
  'validation.invalid_step_name': {
    vi: 'Mã bước gồm chữ thường không dấu, số và dấu gạch dưới',
    en: 'Step codes use lowercase letters, digits and "_"',
  },
  'validation.proposal_month_closed': {
    vi: 'Đã hết hạn đề xuất cho tháng {month} (hạn chót {deadline})',
    en: 'Proposals for {month} closed after {deadline}',
  },
  'validation.proposal_period_ended': { vi: 'Thời gian này đã qua', en: 'This period has already ended' },
  'validation.proposal_one_month': {
    vi: 'Nội dung hằng tháng phải nằm trong một tháng',
    en: 'Monthly content must stay within one month',
  },
  'validation.unknown_guidance_year': {
    vi: 'Chưa có hướng dẫn truyền thông của năm này',
    en: 'There is no communication guidance for this year',
  },
  'validation.unknown_guidance_code': {
    vi: 'Mã "{code}" không có trong hướng dẫn của năm đã chọn',
    en: 'Code "{code}" is not in the guidance of the chosen year',
  },
  'validation.merge_self': { vi: 'Không thể gộp đề xuất vào chính nó', en: 'A proposal cannot be merged into itself' },
  'validation.merge_target': {
    vi: 'Chỉ gộp được vào đề xuất đang chờ xử lý hoặc đã tiếp nhận',
    en: 'Proposals can only be merged into one awaiting a decision or accepted',
  },
  'validation.merge_other_year': {
    vi: 'Chỉ gộp được vào đề xuất theo hướng dẫn cùng năm',
    en: 'Proposals can only be merged into one of the same guidance year',
  },
  'validation.split_exceeds_parent': {
    vi: 'Tổng chỉ tiêu giao cho các đơn vị cấp dưới ({total}) vượt chỉ tiêu của đơn vị cấp trên ({parent}); còn lại tối đa {available}',
    en: "The child units' total ({total}) would exceed the parent unit's target ({parent}); at most {available} is left",
  },
  'validation.below_children_sum': {
    vi: 'Thấp hơn tổng chỉ tiêu đã giao cho các đơn vị cấp dưới ({sum})',
    en: 'Below what the child units already hold ({sum})',
  },
  'validation.quarters_exceed_year': {
    vi: 'Tổng các quý ({sum}) vượt chỉ tiêu cả năm ({total})',
    en: "The quarters add up to {sum}, more than the year's {total}",
  },
  'validation.quarters_not_year': {
    vi: 'Đủ 4 quý thì tổng các quý ({sum}) phải bằng chỉ tiêu cả năm ({total})',
    en: "All four quarters must add up to the year's target ({sum} instead of {total})",
  },
  'validation.months_exceed_year': {
    vi: 'Tổng các tháng ({sum}) vượt chỉ tiêu cả năm ({total})',
    en: "The months add up to {sum}, more than the year's {total}",
  },
  'validation.months_not_year': {
    vi: 'Đủ 12 tháng thì tổng các tháng ({sum}) phải bằng chỉ tiêu cả năm ({total})',
    en: "All twelve months must add up to the year's target ({sum} instead of {total})",
  },
  'validation.months_exceed_quarter': {
    vi: 'Tổng các tháng của quý {quarter} ({sum}) vượt chỉ tiêu của quý ({total})',
    en: "The months of quarter {quarter} add up to {sum}, more than the quarter's {total}",
  },
  'validation.months_not_quarter': {
    vi: 'Đủ 3 tháng thì tổng các tháng của quý {quarter} ({sum}) phải bằng chỉ tiêu của quý ({total})',
    en: "The three months of quarter {quarter} must add up to the quarter's target ({sum} instead of {total})",
  },
  'validation.part_exceeds_whole': {
    vi: 'Vượt chỉ tiêu chung của cùng chỉ số và kỳ ({total})',
    en: 'More than the general target of the same metric and period ({total})',
  },
  'validation.unknown_monitoring_source': {
    vi: 'Không có nguồn tin theo dõi này',
    en: 'No such monitoring source',
  },
  'validation.invalid_url': {
    vi: 'Đường liên kết phải là địa chỉ http:// hoặc https://',
    en: 'The link must be an http:// or https:// address',
  },
  'validation.invalid_amount': {
    vi: 'Số tiền phải là số nguyên dương tính bằng đồng',
    en: 'The amount must be a positive whole number of đồng',
  },
  'validation.invalid_year': { vi: 'Năm ngân sách không hợp lệ', en: 'Not a valid fiscal year' },
  'validation.invalid_quantity': {
    vi: 'Số lượng phải là số nguyên dương',
    en: 'The quantity must be a positive whole number',
  },
  'validation.budget_insufficient': {
    vi: 'Vượt số kinh phí còn lại ({remaining})',
    en: 'More than the remaining budget ({remaining})',
  },
  'validation.budget_over_norm': {
    vi: 'Vượt định mức (tối đa {limit})',
    en: 'Above the norm (at most {limit})',
  },
  'validation.budget_norm_not_applicable': {
    vi: 'Định mức {code} không áp dụng cho nội dung chi hoặc ngày chi này',
    en: 'Norm {code} does not apply to this category or day',
  },
  'validation.budget_not_direct_child': {
    vi: 'Chỉ phân bổ cho đơn vị trực thuộc trực tiếp',
    en: 'Allocations go to a direct child unit only',
  },
  'validation.budget_source_required': {
    vi: 'Cần nguồn kinh phí khi giao dự toán cho cấp cao nhất',
    en: 'The funding source is required for an appropriation to the root',
  },
  'validation.budget_contract_payment': {
    vi: 'Thanh toán hợp đồng báo chí được ghi nhận tại trang của hợp đồng',
    en: 'Payments on a press contract are recorded on the contract’s page',
  },
  'validation.budget_year_mismatch': {
    vi: 'Ngày không thuộc năm ngân sách {year}',
    en: 'The day is not in fiscal year {year}',
  },
  'validation.not_integer': { vi: 'Phải là số nguyên', en: 'Must be a whole number' },
  'validation.negative': { vi: 'Không được là số âm', en: 'Must not be negative' },
  'validation.invalid_phone': {
    vi: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678 hoặc 024 3824 1234)',
    en: 'Not a valid Vietnamese phone number (e.g. 0912 345 678 or 024 3824 1234)',
  },
  'validation.unknown_place': { vi: 'Không có địa bàn "{value}"', en: 'No such place: "{value}"' },
  'validation.ambiguous_place': {
    vi: 'Có nhiều địa bàn tên "{value}", hãy ghi mã',
    en: 'Several places are called "{value}"; give the code',
  },
  'validation.place_mismatch': {
    vi: 'Địa bàn này không thuộc địa bàn cấp trên đã chọn',
    en: 'This place does not lie in the place chosen above it',
  },
  'validation.duplicate_in_file': { vi: 'Trùng với dòng {row} của tệp', en: 'Repeats row {row} of the file' },
  'validation.duplicate_agent': {
    vi: 'Đã có đại lý cùng tên, cùng số điện thoại ở địa bàn này',
    en: 'An agent with this name and phone number already exists in this place',
  },
  'validation.invalid_channel_value': {
    vi: 'Giá trị không đúng loại kênh (tên miền, số điện thoại, trang mạng xã hội, thư điện tử, số văn bản)',
    en: 'The value is not of this kind (domain, phone number, social page, e-mail address, document number)',
  },
  'validation.document_must_be_fake': {
    vi: 'Văn bản chỉ được ghi nhận là giả mạo',
    en: 'A document can only be recorded as fake',
  },
  'validation.duplicate_channel': { vi: 'Kênh này đã có trong danh sách', en: 'This channel is already listed' },
  'validation.nothing_to_check': {
    vi: 'Không tìm thấy đường link, tên miền hay số điện thoại để kiểm tra',
    en: 'No link, domain or phone number to check was found',
  },
  'validation.unknown_unit': { vi: 'Không có đơn vị này', en: 'No such unit' },
  'validation.duplicate_outlet': {
    vi: 'Đơn vị đã có cơ quan báo chí cùng tên',
    en: 'This unit already keeps an outlet with this name',
  },
  'validation.unknown_outlet': {
    vi: 'Không có cơ quan báo chí "{value}" trong phạm vi của bạn',
    en: 'No outlet called "{value}" in your scope',
  },
  'validation.ambiguous_outlet': {
    vi: 'Có nhiều cơ quan báo chí tên "{value}"',
    en: 'Several outlets are called "{value}"',
  },
  'publication.product_not_ready': {
    vi: 'Sản phẩm chưa được thẩm định xong, chưa thể đăng phát',
    en: 'The product has not passed appraisal; it cannot be published yet',
  },
  'publication.before_approval': {
    vi: 'Không được trước thời điểm sản phẩm được duyệt ({approvedAt})',
    en: 'Must not be before the product was approved ({approvedAt})',
  },
  'publication.in_future': { vi: 'Không được ở tương lai', en: 'Must not be in the future' },
  'publication.url_required': {
    vi: 'Kênh trực tuyến cần có đường liên kết',
    en: 'An online channel needs the link',
  },
  'publication.unknown_url': {
    vi: 'Không có bài đăng phát nào bạn được cập nhật có liên kết này',
    en: 'No publication you may update has this link',
  },
  'metric.absurd': {
    vi: 'Con số bất thường (tối đa {maximum})',
    en: 'Not a plausible figure (at most {maximum})',
  },
  'metric.before_publication': {
    vi: 'Ngày đọc số liệu không được trước ngày đăng phát ({publishedOn})',
    en: 'The reading date must not be before the publication date ({publishedOn})',
  },
  'event.restricted_by': {
    vi: 'Đang hạn chế truyền thông trực tiếp tại {area} ({period}) theo {basis}',
    en: 'Direct communication is restricted in {area} ({period}) under {basis}',
  },
  'event.override_leader_only': {
    vi: 'Chỉ lãnh đạo được quyết định vẫn tổ chức, kèm lý do bằng văn bản',
    en: 'Only a leader may go ahead, with a written reason',
  },
  'event.place_required': {
    vi: 'Chọn địa bàn (tỉnh, huyện, xã) hoặc ghi địa chỉ',
    en: 'Choose a place (province, district, commune) or give an address',
  },
  'event.place_outside_territory': {
    vi: 'Địa bàn không thuộc địa bàn của đơn vị tổ chức',
    en: 'The place lies outside the organising unit’s territory',
  },
  'event.parts_exceed_total': {
    vi: 'Các phần cộng lại vượt quá tổng số ({total})',
    en: 'The parts add up to more than the total ({total})',
  },
  'event.answered_exceeds_raised': {
    vi: 'Số câu hỏi được giải đáp không vượt quá số câu hỏi nêu ra',
    en: 'More questions answered than raised',
  },
  'event.outcomes_exceed_attendance': {
    vi: 'Số người tham gia mới ({outcomes}) nhiều hơn số người dự ({total}); hãy kiểm tra và xác nhận',
    en: 'More new participants ({outcomes}) than attendees ({total}); check and confirm',
  },
  'event.list_exceeds_count': {
    vi: 'Danh sách có {listed} người, nhiều hơn số đã báo cáo',
    en: 'The list has {listed} people, more than the count reported',
  },
  'validation.invalid_insurance_code': {
    vi: 'Mã số BHXH gồm 10 chữ số',
    en: 'A social insurance number has 10 digits',
  },
  'feedback.not_central_unit': {
    vi: 'Chỉ chuyển vướng mắc đến đơn vị trực thuộc BHXH Việt Nam (ban, vụ, trung tâm)',
    en: 'Feedback can only be routed to a central unit of VSS (board, department, centre)',
  },
  'feedback.not_routed_unit': {
    vi: 'Vướng mắc được chuyển cho {unit}, chỉ đơn vị này được trả lời',
    en: 'The feedback was routed to {unit}; only that unit may answer',
  },
  'feedback.reporter_unit': {
    vi: 'Đơn vị báo cáo phải là BHXH tỉnh hoặc huyện thuộc phạm vi của bạn',
    en: 'The reporting unit must be a province or district in your scope',
  },
  'feedback.not_answered': {
    vi: 'Chỉ đăng hỏi đáp từ vướng mắc đã được trả lời',
    en: 'Only an answered feedback can be published as Q&A',
  },
  'feedback.already_published': {
    vi: 'Vướng mắc này đã được đăng thành hỏi đáp',
    en: 'This feedback is already published as Q&A',
  },
  'feedback.due_in_past': {
    vi: 'Hạn trả lời không được trước hôm nay',
    en: 'The due day must not be before today',
  },
  'press.deadline_before_received': {
    vi: 'Hạn trả lời phải sau thời điểm tiếp nhận',
    en: 'The deadline must be after the time received',
  },
  'press.sent_before_received': {
    vi: 'Ngày gửi trả lời không được trước ngày tiếp nhận',
    en: 'The answer cannot be sent before the request was received',
  },
  'press.receiver': {
    vi: 'Chỉ Trung tâm Truyền thông hoặc bộ phận truyền thông BHXH tỉnh tiếp nhận yêu cầu báo chí',
    en: 'Only the Communication Center or a province’s communication officers receive press requests',
  },
  'press.owning_unit': {
    vi: 'Đơn vị chủ trì phải là đơn vị trực thuộc BHXH Việt Nam hoặc đơn vị thuộc phạm vi tiếp nhận',
    en: 'The owning unit must be a central unit or a unit under the receiver',
  },
  'press.spokesperson': {
    vi: 'Người phát ngôn phải là người dùng đang hoạt động',
    en: 'The spokesperson must be an active user',
  },
  'press.not_owning_unit': {
    vi: 'Chỉ {unit} được dự thảo trả lời',
    en: 'Only {unit} may draft the answer',
  },
  'press.self_approval': {
    vi: 'Người phát ngôn hoặc lãnh đạo duyệt; người dự thảo không tự duyệt',
    en: 'The spokesperson or a leader approves; the drafter cannot approve their own draft',
  },
  'press.host_unit': {
    vi: 'Đơn vị chủ trì phải thuộc phạm vi của bạn',
    en: 'The host unit must be in your scope',
  },
  'press.contact_outlet': {
    vi: 'Người liên hệ phải thuộc cơ quan báo chí đã chọn',
    en: 'The contact must belong to the chosen outlet',
  },
  'training.course_too_long': {
    vi: 'Một lớp tập huấn kéo dài tối đa 31 ngày',
    en: 'A course may last at most 31 days',
  },
  'training.online_url_required': {
    vi: 'Nhập đường dẫn tham gia lớp trực tuyến',
    en: 'Give the link to join the online course',
  },
  'training.duplicate_trainee': {
    vi: 'Học viên này đã có trong lớp',
    en: 'This trainee is already in the course',
  },
  'training.day_outside_course': {
    vi: 'Ngày {value} không thuộc thời gian của lớp',
    en: 'The day {value} is not within the course dates',
  },
  'training.not_attended': {
    vi: 'Học viên dự chưa đủ số buổi (cần ít nhất {required} ngày)',
    en: 'The trainee attended too few days (at least {required} needed)',
  },
  'training.score_missing': {
    vi: 'Học viên chưa có điểm đánh giá',
    en: 'The trainee has no score yet',
  },
  'training.score_below': {
    vi: 'Điểm đánh giá thấp hơn điểm đạt ({passScore})',
    en: 'The score is below the pass mark ({passScore})',
  },
  'validation.campaign_ends_before_start': {
    vi: 'Ngày kết thúc không được trước ngày bắt đầu',
    en: 'The end day must not be before the start day',
  },
  'validation.campaign_too_long': {
    vi: 'Một chiến dịch kéo dài tối đa 3 năm',
    en: 'A campaign may last at most three years',
  },
  'validation.campaign_unit_not_taking_part': {
    vi: 'Mục này thuộc đơn vị không tham gia chiến dịch',
    en: 'This item belongs to a unit that does not take part in the campaign',
  },
  'password.too_short': { vi: 'Mật khẩu cần ít nhất 10 ký tự', en: 'The password needs at least 10 characters' },
  'validation.not_central_unit': {
    vi: 'Chỉ đề nghị thẩm định với đơn vị trực thuộc BHXH Việt Nam (ban, vụ, trung tâm)',
    en: 'Only central units of Vietnam Social Security appraise products',
  },
  'validation.appraisal_requested': {
    vi: 'Đã đề nghị {name} thẩm định sản phẩm này',
    en: '{name} has already been asked to appraise this product',
  },
  'validation.due_in_past': { vi: 'Hạn không được trước hôm nay', en: 'The due date cannot be in the past' },
  'validation.in_past': { vi: 'Thời điểm phải sau hiện tại', en: 'Must lie in the future' },
  'incident.action_required': { vi: 'Cần ghi nhận trước: {kindsVi}', en: 'Record first: {kindsEn}' },
  'incident.publication_unknown': { vi: 'Không tìm thấy bài đăng phát này', en: 'No such publication' },
  'incident.correction_link_required': {
    vi: 'Chọn bài đăng phát hoặc nhập địa chỉ của bài cải chính',
    en: 'Choose a publication or give the address of the correction',
  },
  'validation.appraisal_not_approved': {
    vi: '{unit} chưa chấp thuận phiên bản hiện tại',
    en: '{unit} has not approved the current version',
  },
  'password.too_long': { vi: 'Mật khẩu tối đa 128 ký tự', en: 'The password may have at most 128 characters' },
  'password.needs_letter': { vi: 'Mật khẩu cần có chữ cái', en: 'The password needs a letter' },
  'password.needs_digit': { vi: 'Mật khẩu cần có chữ số', en: 'The password needs a digit' },
  'password.contains_username': {
    vi: 'Mật khẩu không được chứa tên đăng nhập',
    en: 'The password must not contain the username',
  },
  'password.same_as_current': {
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại',
    en: 'The new password must differ from the current one',
  },
  'validation.end_before_start': {
    vi: 'Ngày kết thúc không được trước ngày bắt đầu',
    en: 'The end day must not be before the start day',
  },
  'press_contract.over_value': {
    vi: 'Đã thanh toán {paid}, giá trị hợp đồng {value}: khoản này vượt giá trị; nêu lý do nếu vẫn chi',
    en: 'Paid {paid} of a value of {value}: this payment goes beyond it; give a reason to pay anyway',
  },
  'press_contract.over_delivered': {
    vi: 'Đã thực hiện {delivered}, đã nghiệm thu {accepted}: vượt số đã thực hiện; nêu lý do nếu vẫn nghiệm thu',
    en: 'Delivered {delivered}, accepted {accepted}: beyond what was delivered; give a reason to accept anyway',
  },
  'press_contract.outlet_out_of_scope': {
    vi: 'Cơ quan báo chí phải thuộc danh sách của đơn vị ký hoặc danh sách toàn quốc',
    en: 'The outlet must be kept by the signing unit or be on the national list',
  },
  'press_contract.duplicate_number': {
    vi: 'Đơn vị đã có hợp đồng số này',
    en: 'The signing unit already has a contract with this number',
  },
  'press_contract.publication_linked': {
    vi: 'Bài đăng phát này đã được tính cho hợp đồng',
    en: 'This publication already counts for the contract',
  },
  'press_contract.publication_outside_period': {
    vi: 'Bài đăng phát ngoài thời hạn hợp đồng ({from} – {to})',
    en: 'The publication is outside the contract period ({from} – {to})',
  },
  'press_contract.year_outside_period': {
    vi: 'Năm ngân sách phải nằm trong thời hạn hợp đồng',
    en: 'The fiscal year must lie within the contract period',
  },
  'query.empty_query': { vi: 'Truy vấn đang trống', en: 'The query is empty' },
  'query.unbalanced_parenthesis': {
    vi: 'Dấu ngoặc không khớp tại ký tự thứ {column}',
    en: 'Unbalanced parenthesis at character {column}',
  },
  'query.empty_group': { vi: 'Cặp ngoặc rỗng tại ký tự thứ {column}', en: 'Empty parentheses at character {column}' },
  'query.dangling_operator': {
    vi: 'Toán tử thiếu vế tại ký tự thứ {column}',
    en: 'Operator without an operand at character {column}',
  },
  'query.unterminated_phrase': {
    vi: 'Cụm từ mở ngoặc kép tại ký tự thứ {column} chưa được đóng',
    en: 'The phrase opened at character {column} is not closed',
  },
  'query.empty_phrase': { vi: 'Cụm từ rỗng tại ký tự thứ {column}', en: 'Empty phrase at character {column}' },
  'query.empty_term': {
    vi: 'Từ tại ký tự thứ {column} không có chữ cái hay chữ số',
    en: 'The term at character {column} has no letter or digit',
  },
  'query.near_distance': {
    vi: 'NEAR cần khoảng cách từ 1 đến 100, ví dụ NEAR/5 (ký tự thứ {column})',
    en: 'NEAR needs a distance from 1 to 100, e.g. NEAR/5 (character {column})',
  },
  'query.near_operand': {
    vi: 'NEAR chỉ nối hai từ hoặc cụm từ (ký tự thứ {column})',
    en: 'NEAR joins exactly two terms or phrases (character {column})',
  },
  'query.bad_field': {
    vi: 'Trường không hợp lệ tại ký tự thứ {column}; dùng title:, lead:, body: hoặc source:',
    en: 'Unknown field at character {column}; use title:, lead:, body: or source:',
  },
  'query.short_prefix': {
    vi: 'Tìm theo tiền tố cần ít nhất 3 ký tự trước dấu * (ký tự thứ {column})',
    en: 'A prefix search needs at least 3 characters before the * (character {column})',
  },
  'query.misplaced_wildcard': {
    vi: 'Dấu * chỉ được đặt ở cuối từ (ký tự thứ {column})',
    en: 'The * may only end a word (character {column})',
  },
  'query.too_deep': {
    vi: 'Truy vấn lồng quá nhiều tầng (ký tự thứ {column})',
    en: 'The query is nested too deeply (character {column})',
  },
  'monitoring.term_without_words': {
    vi: '"{value}" không có chữ cái hay chữ số nào để so khớp',
    en: '"{value}" has no letter or digit to match',
  },
  'alert_rule.no_condition': {
    vi: 'Quy tắc cần ít nhất một điều kiện ngoài mức liên quan: truy vấn, sắc thái, dấu hiệu hoặc đơn vị phụ trách',
    en: 'A rule needs at least one condition besides relevance: a query, a sentiment, a flag or an owning unit',
  },
  'alert_rule.unknown_query': { vi: 'Không có truy vấn theo dõi này', en: 'No such saved query' },
  'alert_rule.route_out_of_scope': {
    vi: 'Chỉ Trung tâm Truyền thông và quản trị viên được chuyển cảnh báo đến đơn vị phụ trách bài báo',
    en: "Only the Communication Center and administrators may route alerts to the article's owning unit",
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type FieldMessageCode = keyof typeof FIELD_MESSAGES;
export const LOCALES = ['vi', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];

/** Fills `{name}` placeholders of a message. */
export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
