import type { TChannelKind, TChannelStatus } from '@loa/contracts';

/** One entry of the registry's first-start data. */
export interface ChannelSeed {
  kind: TChannelKind;
  /** As the source writes it; stored normalised. */
  value: string;
  display: string;
  status: TChannelStatus;
  note: string;
  source: string;
}

const PORTAL = 'Cổng Thông tin điện tử BHXH Việt Nam (baohiemxahoi.gov.vn)';
const SEED_1191 = 'Hướng dẫn 1191/BHXH-TT (2020)';
const WARNING = 'Cảnh báo của BHXH Việt Nam (vss.gov.vn/english, ItemID=11079)';

/**
 * The agency's known official channels and the impersonations it warned about publicly
 * (`../shared/data/official-channels.json`, checked against it by a test); administrators keep the registry current.
 * The forged letter of the data's "note" kind is a `document` entry: its number in a text is a reported fake.
 */
export const CHANNEL_SEEDS: readonly ChannelSeed[] = [
  {
    kind: 'domain',
    value: 'baohiemxahoi.gov.vn',
    display: 'baohiemxahoi.gov.vn',
    status: 'official',
    note: 'Cổng thông tin chính; mọi tên miền con đều chính thức (dichvucong., kekhai., egw., mỗi tỉnh một tên miền con như daklak.)',
    source: PORTAL,
  },
  {
    kind: 'domain',
    value: 'vss.gov.vn',
    display: 'vss.gov.vn',
    status: 'official',
    note: 'Cổng thông tin tiếng Anh',
    source: PORTAL,
  },
  {
    kind: 'phone',
    value: '19009068',
    display: '1900 9068',
    status: 'official',
    note: 'Tổng đài hỗ trợ, chăm sóc khách hàng toàn quốc',
    source: PORTAL,
  },
  {
    kind: 'app',
    value: 'VssID',
    display: 'VssID',
    status: 'official',
    note: 'Chỉ tải từ Google Play (CH Play) hoặc App Store; nhà phát hành BHXH Việt Nam',
    source: PORTAL,
  },
  {
    kind: 'email',
    value: 'trungtamtruyenthong.bhxhvnn@vss.gov.vn',
    display: 'trungtamtruyenthong.bhxhvnn@vss.gov.vn',
    status: 'official',
    note: 'Hộp thư Trung tâm Truyền thông',
    source: SEED_1191,
  },
  {
    kind: 'phone',
    value: '02436285231',
    display: '024.36285231',
    status: 'official',
    note: 'Trung tâm Truyền thông',
    source: SEED_1191,
  },
  {
    kind: 'phone',
    value: '02436285232',
    display: '024.36285232',
    status: 'official',
    note: 'Trung tâm Truyền thông',
    source: SEED_1191,
  },
  {
    kind: 'social',
    value: 'facebook.com/DVBHXH121',
    display: 'facebook.com/DVBHXH121',
    status: 'reported_fake',
    note: 'Trang Facebook giả mạo đã được BHXH Việt Nam cảnh báo',
    source: WARNING,
  },
  {
    kind: 'social',
    value: 'facebook.com/bhxhvn999',
    display: 'facebook.com/bhxhvn999',
    status: 'reported_fake',
    note: 'Trang Facebook giả mạo đã được BHXH Việt Nam cảnh báo',
    source: WARNING,
  },
  {
    kind: 'social',
    value: 'TikTok: VssID - Hỗ trợ BHXH',
    display: 'TikTok: VssID - Hỗ trợ BHXH',
    status: 'reported_fake',
    note: 'Tài khoản TikTok thu tiền "hỗ trợ" cài đặt, sử dụng VssID',
    source: 'Báo Sài Gòn Giải Phóng (sggp.org.vn, 2023)',
  },
  {
    kind: 'document',
    value: '2133/BHXH-CSYT',
    display: 'Công văn giả 2133/BHXH-CSYT về "VSSID 4.0"',
    status: 'reported_fake',
    note: 'Văn bản giả mạo về "VSSID 4.0"',
    source: 'Công văn 2433/BHXH-VP (2024)',
  },
];
