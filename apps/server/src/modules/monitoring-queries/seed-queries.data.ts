// The agency's saved queries, seeded at every start (matched by key; an officer's edit or deletion is kept). Topics
// from issue 12 §5 and guidance 1191/BHXH-TT (§II.1.h, §II.2.c, §V.1.b, §V.2): contributions and evasion, health
// insurance payments, pensions and lump-sum withdrawal, unemployment insurance, books and cards and their trading,
// fraud on the funds, scams impersonating the agency, false information, and the COVID-19 support policies of the
// guidance's appendix (halting contributions to the retirement fund, BHYT payment for COVID-19 treatment, pensions
// paid through the post office) with the Government's support resolutions 42/NQ-CP, 68/NQ-CP and 116/NQ-CP.
//
// Written for folded, accent-insensitive matching (decision 0030): "BHXH" is the phrase "bảo hiểm xã hội"; a short
// word like "sổ" also matches "số" and "so", so book terms always name the book ("sổ bảo hiểm") and never stand alone.
import type { RelevanceLevel, TQueryAlert } from '@loa/contracts';

export interface SeedQuery {
  key: string;
  /** The org unit code (seeded tree) that owns the query and receives its alerts. */
  unitCode: 'THU' | 'CSYT' | 'CSXH' | 'ST' | 'TTKT' | 'TT';
  name: string;
  description: string;
  text: string;
  alert: TQueryAlert;
  alertMinRelevance: RelevanceLevel;
}

const SCHEMES = '(BHXH OR BHYT OR BHTN)';

export const SEED_QUERIES: readonly SeedQuery[] = [
  {
    key: 'thu.evasion-debt',
    unitCode: 'THU',
    name: 'Trốn đóng, nợ đóng BHXH, BHYT, BHTN',
    description: 'Doanh nghiệp trốn đóng, chậm đóng, nợ đọng, chiếm dụng tiền đóng bảo hiểm của người lao động.',
    text: `("trốn đóng" OR "nợ đóng" OR "chậm đóng" OR "nợ đọng" OR "chiếm dụng" OR "đóng thiếu" OR "Điều 216" OR "nợ tiền bảo hiểm" OR "nợ bảo hiểm") AND ${SCHEMES}`,
    alert: 'daily',
    alertMinRelevance: 'peripheral',
  },
  {
    key: 'thu.contributions-enrolment',
    unitCode: 'THU',
    name: 'Mức đóng, phát triển người tham gia',
    description: 'Mức đóng, tiền lương làm căn cứ đóng, BHXH tự nguyện, BHYT hộ gia đình, độ bao phủ.',
    text: '"mức đóng" NEAR/8 "bảo hiểm" OR "lương làm căn cứ đóng" OR "BHXH tự nguyện" OR "BHYT hộ gia đình" OR "người tham gia" NEAR/4 "bảo hiểm" OR "tỷ lệ bao phủ" OR "bao phủ BHYT"',
    alert: 'daily',
    alertMinRelevance: 'core',
  },
  {
    key: 'csyt.health-insurance-payment',
    unitCode: 'CSYT',
    name: 'Khám chữa bệnh và thanh toán BHYT',
    description: 'Quyền lợi, thanh toán chi phí khám chữa bệnh BHYT, quỹ BHYT, thuốc, giá dịch vụ, thông tuyến.',
    text: 'BHYT AND ("thanh toán" OR "chi trả" OR "quỹ BHYT" OR "khám chữa bệnh" OR "viện phí" OR thuốc OR "vượt tuyến" OR "thông tuyến" OR "đúng tuyến" OR "giá dịch vụ" OR "bệnh viện" OR "vật tư y tế")',
    alert: 'daily',
    alertMinRelevance: 'core',
  },
  {
    key: 'csxh.pensions',
    unitCode: 'CSXH',
    name: 'Lương hưu, tuổi nghỉ hưu',
    description: 'Lương hưu và điều chỉnh lương hưu, tuổi nghỉ hưu, chi trả lương hưu, trợ cấp BHXH hằng tháng.',
    text: '"lương hưu" OR "tuổi nghỉ hưu" OR "tuổi hưu" OR "điều chỉnh lương hưu" OR "chế độ hưu trí" OR "hưu trí" NEAR/6 BHXH OR "trợ cấp BHXH hằng tháng"',
    alert: 'daily',
    alertMinRelevance: 'core',
  },
  {
    key: 'csxh.lump-sum',
    unitCode: 'CSXH',
    name: 'Hưởng BHXH một lần',
    description: 'Rút BHXH một lần, làn sóng nghỉ việc nhận BHXH một lần, đề xuất hạn chế hưởng một lần.',
    text: '"BHXH một lần" OR "rút BHXH" OR "rút bảo hiểm" OR "hưởng một lần" NEAR/10 BHXH OR "nhận BHXH một lần"',
    alert: 'daily',
    alertMinRelevance: 'peripheral',
  },
  {
    key: 'csxh.unemployment',
    unitCode: 'CSXH',
    name: 'Bảo hiểm thất nghiệp, trợ cấp thất nghiệp',
    description: 'Trợ cấp thất nghiệp, quỹ BHTN, hỗ trợ người lao động mất việc từ quỹ BHTN.',
    text: 'BHTN OR "trợ cấp thất nghiệp" OR "quỹ thất nghiệp" OR "hưởng thất nghiệp"',
    alert: 'daily',
    alertMinRelevance: 'peripheral',
  },
  {
    key: 'csxh.short-term-benefits',
    unitCode: 'CSXH',
    name: 'Ốm đau, thai sản, tai nạn lao động, tử tuất',
    description: 'Các chế độ BHXH ngắn hạn và tử tuất.',
    text: '("thai sản" OR "ốm đau" OR "tai nạn lao động" OR "bệnh nghề nghiệp" OR "tử tuất" OR "dưỡng sức") AND (BHXH OR "chế độ" OR "trợ cấp")',
    alert: 'daily',
    alertMinRelevance: 'core',
  },
  {
    key: 'st.books-cards',
    unitCode: 'ST',
    name: 'Sổ BHXH, thẻ BHYT, VssID',
    description: 'Cấp, đổi sổ BHXH và thẻ BHYT, mã số BHXH, thẻ BHYT điện tử, ứng dụng VssID, chốt sổ.',
    text: '"sổ bảo hiểm" OR "thẻ BHYT" OR "thẻ bảo hiểm" OR "mã số BHXH" OR "BHYT điện tử" OR VssID OR "chốt sổ bảo hiểm" OR "chốt sổ BHXH"',
    alert: 'daily',
    alertMinRelevance: 'core',
  },
  {
    key: 'st.book-trading',
    unitCode: 'ST',
    name: 'Mua bán, cầm cố sổ BHXH, thẻ BHYT',
    description:
      'Quảng cáo, dịch vụ thu mua, cầm sổ BHXH, mua bán thẻ BHYT (hướng dẫn 1191/BHXH-TT §V.1.b): cảnh báo ngay cho Ban Sổ - Thẻ.',
    text: '"mua sổ bảo hiểm" OR "bán sổ bảo hiểm" OR "cầm sổ bảo hiểm" OR "cầm cố sổ bảo hiểm" OR "thu gom sổ bảo hiểm" OR "cầm đồ" NEAR/10 "sổ bảo hiểm" OR "mua bán thẻ BHYT" OR "cầm thẻ BHYT"',
    alert: 'immediate',
    alertMinRelevance: 'unrelated',
  },
  {
    key: 'ttkt.fraud',
    unitCode: 'TTKT',
    name: 'Gian lận, trục lợi quỹ BHXH, BHYT, BHTN',
    description: 'Trục lợi, gian lận, lập hồ sơ khống, lạm dụng quỹ; thanh tra, kiểm tra; vụ án theo Điều 214, 215.',
    text: `("trục lợi" OR "gian lận" OR "lạm dụng quỹ" OR "kê khống" OR "lập khống" OR "hồ sơ giả" OR "chiếm đoạt" OR "Điều 214" OR "Điều 215" OR "thanh tra" NEAR/5 "đóng BHXH") AND ${SCHEMES}`,
    alert: 'daily',
    alertMinRelevance: 'peripheral',
  },
  {
    key: 'tt.scams',
    unitCode: 'TT',
    name: 'Lừa đảo, giả mạo cơ quan BHXH',
    description:
      'Cuộc gọi, tin nhắn, trang web, ứng dụng giả mạo cơ quan BHXH, mạo danh cán bộ BHXH: cảnh báo ngay cho Trung tâm Truyền thông.',
    text: '("lừa đảo" OR "giả mạo" OR "mạo danh" OR "ứng dụng giả" OR "trang web giả" OR "website giả" OR "app giả") AND (BHXH OR "cơ quan bảo hiểm" OR VssID OR "cán bộ bảo hiểm")',
    alert: 'immediate',
    alertMinRelevance: 'unrelated',
  },
  {
    key: 'tt.misinformation',
    unitCode: 'TT',
    name: 'Thông tin sai sự thật về chính sách BHXH, BHYT',
    description: 'Tin giả, thông tin sai lệch, xuyên tạc về chính sách, và các bài đính chính.',
    text: `("sai sự thật" OR "tin giả" OR "thông tin sai lệch" OR "xuyên tạc" OR "đính chính" OR "tin đồn") AND ${SCHEMES}`,
    alert: 'daily',
    alertMinRelevance: 'peripheral',
  },
  {
    key: 'tt.agency',
    unitCode: 'TT',
    name: 'Ngành BHXH Việt Nam',
    description: 'Tin bài về BHXH Việt Nam, BHXH các tỉnh, thành phố và lãnh đạo Ngành.',
    text: '"BHXH Việt Nam" OR "BHXH tỉnh" OR "BHXH thành phố" OR "BHXH TP" OR "Tổng Giám đốc BHXH" OR "ngành BHXH"',
    alert: 'daily',
    alertMinRelevance: 'core',
  },
  {
    key: 'tt.covid-support',
    unitCode: 'TT',
    name: 'Chính sách hỗ trợ trong dịch COVID-19',
    description:
      'Tạm dừng đóng vào quỹ hưu trí và tử tuất, giảm mức đóng, hỗ trợ từ quỹ BHTN, thanh toán BHYT điều trị COVID-19, chi trả lương hưu qua Bưu điện (Phụ lục của hướng dẫn 1191/BHXH-TT; Nghị quyết 42/NQ-CP, 68/NQ-CP, 116/NQ-CP).',
    text: `(covid* OR nCoV OR corona OR "42/NQ-CP" OR "68/NQ-CP" OR "116/NQ-CP" OR "Nghị quyết 42" OR "Nghị quyết 68" OR "Nghị quyết 116") AND (${SCHEMES.slice(1, -1)} OR "quỹ hưu trí" OR "tạm dừng đóng" OR "lương hưu")`,
    alert: 'daily',
    alertMinRelevance: 'peripheral',
  },
];
