// The agency's own alert rules (issue 8 §4), seeded at every start and matched by key (alert-rules.seed.ts).
import type { MonitoringFlag, OwningUnit, RelevanceLevel, Sentiment } from '@loa/contracts';

export interface SeedRule {
  key: string;
  name: string;
  description: string;
  /** The org unit code (seeded tree) told — or, routing to the owning unit, the fallback. */
  unitCode: string;
  routeToOwningUnit: boolean;
  minRelevance: RelevanceLevel;
  sentiments: Sentiment[];
  flags: MonitoringFlag[];
  units: OwningUnit[];
}

export const SEED_RULES: readonly SeedRule[] = [
  {
    key: 'core-negative',
    name: 'Tin cốt lõi, tiêu cực',
    description:
      'Tin trọng tâm về Ngành mang sắc thái tiêu cực: báo ngay đơn vị phụ trách nội dung để kịp thời xử lý; ' +
      'tin không thuộc đơn vị nào báo Trung tâm Truyền thông.',
    unitCode: 'TT',
    routeToOwningUnit: true,
    minRelevance: 'core',
    sentiments: ['negative'],
    flags: [],
    units: [],
  },
  {
    key: 'scam-impersonation',
    name: 'Mạo danh cơ quan BHXH để lừa đảo',
    description:
      'Mọi tin về đối tượng giả danh cơ quan, cán bộ BHXH, trang web, tổng đài giả mạo để lừa đảo người dân, ' +
      'ở bất kỳ mức liên quan nào: cần cảnh báo người dân và phối hợp cơ quan công an.',
    unitCode: 'TT',
    routeToOwningUnit: true,
    minRelevance: 'unrelated',
    sentiments: [],
    flags: ['scam_impersonation'],
    units: [],
  },
  {
    key: 'book-trading',
    name: 'Mua bán, cầm cố sổ BHXH',
    description:
      'Tin, quảng cáo mua bán, cầm cố sổ BHXH, thẻ BHYT hoặc "hỗ trợ rút BHXH một lần" trái quy định: ' +
      'báo Ban Sổ - Thẻ.',
    unitCode: 'ST',
    routeToOwningUnit: false,
    minRelevance: 'unrelated',
    sentiments: [],
    flags: ['book_trading'],
    units: [],
  },
];
