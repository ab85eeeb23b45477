/**
 * The regulations of the seed (shared/seeds/000_821f2676707ecd9f.txt): Công văn 1191/BHXH-TT itself and the
 * 21 documents of its appendix, "Các văn bản chỉ đạo của BHXH Việt Nam trong phòng chống dịch Covid-19".
 *
 * Number, issue date, summary (trích yếu) and drafting unit are exactly as the appendix prints them; row 15
 * (1068/BHXH-PC) names no drafting unit, so it has none. The appendix heads them all as documents of
 * BHXH Việt Nam, which is their issuer here; it prints no effective dates, so they have none. The
 * subject line "V/v …" marks an official letter (công văn); the symbol TB marks a notice (thông báo).
 */
import type { TRegulationKind, TRelationKind } from '@loa/contracts';

export interface RegulationSeed {
  number: string;
  kind: TRegulationKind;
  issuer: string;
  issuedOn: string;
  summary: string;
  /** As printed in the appendix. */
  draftingUnitName: string | null;
  /** The org unit code it maps to (apps/server/reference-data/bhxh-central-units.json). */
  draftingUnitCode: string | null;
  recipients: string | null;
  signer: string | null;
  tags: string[];
}

export interface RelationSeed {
  from: string;
  to: string;
  kind: TRelationKind;
  /** Where the seed says so. */
  basis: string;
}

const ISSUER = 'BHXH Việt Nam';
const COVID = ['Covid-19'];

/** Drafting units as the appendix names them, and the codes of the org tree. */
export const DRAFTING_UNIT_CODES: Record<string, string> = {
  'Ban CSYT': 'CSYT',
  'Trung tâm CNTT': 'CNTT',
  'Văn phòng': 'VP',
  'Ban Thu': 'THU',
  'Trung tâm Truyền thông': 'TT',
  'Vụ TCKT': 'TCKT',
  'Vụ Tổ chức Cán bộ': 'TCCB',
  'Vụ Thanh tra - Kiểm tra': 'TTKT',
  'Vụ Pháp chế': 'PC',
  'Ban CSXH': 'CSXH',
  'Ban Sổ thẻ': 'ST',
};

/** One row of the appendix: number, date (dd/mm/yyyy as printed), content, drafting unit. */
function appendixRow(
  number: string,
  printedDate: string,
  summary: string,
  draftingUnitName: string | null,
  kind: TRegulationKind = 'cong_van',
): RegulationSeed {
  const [day, month, year] = printedDate.split('/');
  return {
    number,
    kind,
    issuer: ISSUER,
    issuedOn: `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`,
    summary,
    draftingUnitName,
    draftingUnitCode: draftingUnitName === null ? null : (DRAFTING_UNIT_CODES[draftingUnitName] ?? null),
    recipients: null,
    signer: null,
    tags: COVID,
  };
}

export const GUIDANCE_1191: RegulationSeed = {
  number: '1191/BHXH-TT',
  kind: 'cong_van',
  issuer: ISSUER,
  issuedOn: '2020-04-20',
  summary: 'V/v hướng dẫn công tác truyền thông năm 2020',
  draftingUnitName: 'Trung tâm Truyền thông',
  draftingUnitCode: 'TT',
  recipients: 'Các đơn vị trực thuộc BHXH Việt Nam; BHXH các tỉnh, thành phố trực thuộc Trung ương',
  signer: 'Đào Việt Anh, Phó Tổng Giám đốc',
  tags: ['truyền thông'],
};

/** The appendix of 1191/BHXH-TT, rows 1–21, in its order. */
export const APPENDIX_1191: RegulationSeed[] = [
  appendixRow(
    '280/BHXH-CSYT',
    '31/01/2020',
    'V/v phối hợp thực hiện thanh toán chi phí điều trị với trường hợp nghi ngờ nhiễm virus Corona',
    'Ban CSYT',
  ),
  appendixRow(
    '362/BHXH-CSYT',
    '10/2/2020',
    'V/v thanh toán chi phí KCB liên quan đến dịch bệnh do nCoV gây ra',
    'Ban CSYT',
  ),
  appendixRow(
    '779/BHXH-CNTT',
    '12/3/2020',
    'V/v triển khai tin nhắn thông báo mã số BHXH để khai báo y tế điện tử',
    'Trung tâm CNTT',
  ),
  appendixRow(
    '820/BHXH-VP',
    '13/3/2020',
    'V/v tiếp tục tăng cường các biện pháp phòng, chống dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút Corona gây ra',
    'Văn phòng',
  ),
  appendixRow(
    '860/BHXH-BT',
    '17/3/2020',
    'V/v hướng dẫn BHXH các địa phương thực hiện tạm dừng đóng BHXH vào quỹ hưu trí, tử tuất đối với DN bị ảnh hưởng bởi dịch Covid-19',
    'Ban Thu',
  ),
  appendixRow(
    '902/BHXH-CSYT',
    '20/3/2020',
    'V/v cấp thuốc điều trị ngoại trú đối với các trường hợp mắc bệnh mãn tính, điều trị dài ngày trong thời gian chống dịch Covid-19',
    'Ban CSYT',
  ),
  appendixRow('956/BHXH-VP', '25/3/2020', 'V/v phát động ủng hộ phòng chống dịch Covid-19', 'Văn phòng'),
  appendixRow(
    '972/BHXH-TCKT',
    '25/3/2020',
    'V/v thực hiện chi trả lương hưu, trợ cấp BHXH, BH thất nghiệp hàng tháng qua hệ thống Bưu điện trong thời gian phòng chống dịch Covid-19',
    'Vụ TCKT',
  ),
  appendixRow(
    '1007/BHXH-TT',
    '27/3/2020',
    'V/v truyền thông thực hiện phòng, chống dịch Covid-19',
    'Trung tâm Truyền thông',
  ),
  appendixRow(
    '1020/BHXH-TCKT',
    '30/3/2020',
    'V/v bổ sung nội dung thực hiện chi trả lương hưu, trợ cấp BHXH, BH thất nghiệp tháng 4 và tháng 5/2020 qua hệ thống Bưu điện',
    'Vụ TCKT',
  ),
  appendixRow(
    '1046/BHXH-CSYT',
    '31/3/2020',
    'V/v sử dụng kinh phí CSSKBĐ để mua thuốc sát trùng và xà phòng chống dịch Covid-19',
    'Ban CSYT',
  ),
  appendixRow(
    '1058/BHXH-TCCB',
    '31/3/2020',
    'V/v bố trí công chức, viên chức làm việc trong tình hình phòng, chống dịch Covid-19',
    'Vụ Tổ chức Cán bộ',
  ),
  appendixRow(
    '1059/TB-BHXH',
    '31/3/2020',
    'V/v tiếp công dân trong tình hình phòng, chống dịch bệnh viêm đường hô hấp cấp do chủng mới của virus Corona (COVID-19)',
    'Vụ Thanh tra - Kiểm tra',
    'thong_bao',
  ),
  appendixRow(
    '1061/BHXH-PC',
    '31/3/2020',
    'V/v tiếp nhận, giải quyết TTHC trong đợt cao điểm phòng chống dịch bệnh Covid-19',
    'Vụ Pháp chế',
  ),
  appendixRow(
    '1068/BHXH-PC',
    '1/4/2020',
    'V/v hướng dẫn thay thế mục 2, Công văn số 1061/BHXH-PC về tiếp nhận, giải quyết TTHC trong đợt cao điểm phòng chống dịch bệnh Covid-19',
    null,
  ),
  appendixRow('1071/BHXH-BT', '1/4/2020', 'V/v cấp, gia hạn thẻ BHYT', 'Ban Thu'),
  appendixRow(
    '1072/BHXH-CSYT',
    '1/4/2020',
    'V/v đảm bảo quyền lợi cho người có thẻ BHYT khi cơ sở KCB bị cách ly y tế hoặc thay đổi nhiệm vụ điều trị Covid-19',
    'Ban CSYT',
  ),
  appendixRow(
    '504/CNTT-HTA',
    '2/4/2020',
    'V/v sử dụng CNTT để làm việc trong phòng, chống dịch COVID-19',
    'Trung tâm CNTT',
  ),
  appendixRow(
    '1164/BHXH-CSXH',
    '13/4/2020',
    'V/v thực hiện Công văn số 2858/VPVP-NC về việc ngăn chặn trực lợi hưởng BHXH',
    'Ban CSXH',
  ),
  appendixRow('1165/BHXH-ST', '13/4/2020', 'V/v lạm dụng chính sách BHXH của NLĐ', 'Ban Sổ thẻ'),
  appendixRow(
    '537/CNTT-HTA',
    '14/4/2020',
    'V/v tăng cường công tác bảo đảm an toàn thông tin mạng khi sử dụng CNTT làm việc trực tuyến trong mùa dịch Covid-19',
    'Trung tâm CNTT',
  ),
];

/** Relations the seed states, and only those. */
export const RELATIONS_2020: RelationSeed[] = [
  {
    from: '1068/BHXH-PC',
    to: '1061/BHXH-PC',
    kind: 'amends',
    basis: 'Appendix row 15: "hướng dẫn thay thế mục 2, Công văn số 1061/BHXH-PC" replaces one section only.',
  },
  {
    from: '1020/BHXH-TCKT',
    to: '972/BHXH-TCKT',
    kind: 'amends',
    basis: 'Appendix row 10: "bổ sung nội dung thực hiện chi trả lương hưu … qua hệ thống Bưu điện" (row 8).',
  },
  {
    from: '1191/BHXH-TT',
    to: '1007/BHXH-TT',
    kind: 'guides',
    basis: '§II.2.c: "Truyền thông thực hiện phòng chống dịch Covid-19 theo Công văn số 1007/BHXH-TT".',
  },
];

export const REGULATIONS_2020: RegulationSeed[] = [GUIDANCE_1191, ...APPENDIX_1191];
