// Editions for the delivery tests, written in the register of the Vietnamese press: built in memory for the pure
// tests, stored with raw SQL (as the press-reviews module stores them) for the db tests.
import type { TReview, TReviewEntry } from '@loa/contracts';
import type { TestApp } from '../../../test/test-app.js';

const HANOI = { id: '0b4b9d7c-6a43-4d36-8f57-5d3b7f6f0a01', code: 'P01', name: 'BHXH thành phố Hà Nội' };
const DANANG = { id: '0b4b9d7c-6a43-4d36-8f57-5d3b7f6f0a48', code: 'P48', name: 'BHXH thành phố Đà Nẵng' };
export const FIXTURE_PROVINCES = { HANOI, DANANG };

let serial = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One entry; `overrides` say what the test is about. */
export function anEntry(overrides: Partial<TReviewEntry> = {}): TReviewEntry {
  serial += 1;
  return {
    id: uuid(serial),
    clusterId: uuid(100_000 + serial),
    section: 'agency',
    theme: 'csxh',
    position: 1,
    headline: `Tăng lương hưu từ tháng 7 cho người hưởng chế độ (${serial})`,
    extract: 'Người hưởng lương hưu, trợ cấp bảo hiểm xã hội được điều chỉnh tăng 15% từ ngày 01/7.',
    comment: null,
    excluded: false,
    outlets: ['VnExpress', 'Tuổi Trẻ'],
    links: [
      {
        articleId: uuid(200_000 + serial),
        sourceName: 'VnExpress',
        url: `https://vnexpress.net/tang-luong-huu-${serial}.html`,
        title: 'Tăng lương hưu từ tháng 7',
      },
    ],
    relevance: 'core',
    sentiment: 'positive',
    flags: [],
    province: null,
    score: 1,
    publishedAt: '2026-11-24T01:15:00.000Z',
    ...overrides,
  };
}

/** An approved edition of the Communication Center with one entry in each section (and one left out). */
export function aReview(overrides: Partial<TReview> = {}): TReview {
  return {
    id: '9d9a3c1e-0a51-4c8e-9f0a-2f1b6c7d8e90',
    kind: 'review',
    title: 'Điểm báo ngày 25/11/2026',
    editionDate: '2026-11-25',
    windowFrom: '2026-11-23T23:30:00.000Z',
    windowTo: '2026-11-24T23:30:00.000Z',
    orgUnit: { id: '3f7d3a8e-1c2b-4d5e-8f90-a1b2c3d4e5f6', code: 'TT', name: 'Trung tâm Truyền thông' },
    status: 'approved',
    entryCount: 4,
    riskCount: 1,
    approvedAt: '2026-11-25T00:10:00.000Z',
    approvedBy: 'Trần Thị Thông',
    delivery: { pending: 0, sent: 0, failed: 0, held: 0 },
    createdAt: '2026-11-24T23:30:00.000Z',
    updatedAt: '2026-11-25T00:10:00.000Z',
    intro: 'Trong 24 giờ qua, báo chí đưa nhiều tin về điều chỉnh lương hưu và tình trạng lừa đảo qua mạng.',
    entries: [
      anEntry({
        section: 'risk',
        headline: 'Cảnh báo giả danh cán bộ BHXH gọi điện lừa đảo người cao tuổi',
        sentiment: 'negative',
        flags: ['scam_impersonation'],
        comment: 'Đề nghị Ban Thu và BHXH các tỉnh thông tin kịp thời tới người dân.',
        theme: 'thu',
      }),
      anEntry({ section: 'agency', position: 1 }),
      anEntry({ section: 'theme', theme: 'cshyt', headline: 'Thông tuyến khám chữa bệnh BHYT toàn quốc' }),
      anEntry({
        section: 'provincial',
        headline: 'Hà Nội: hơn 90% dân số tham gia bảo hiểm y tế',
        province: HANOI,
        outlets: ['Hà Nội Mới'],
      }),
      anEntry({
        section: 'provincial',
        position: 2,
        headline: 'Đà Nẵng đối thoại chính sách BHXH với doanh nghiệp',
        province: DANANG,
        outlets: ['Báo Đà Nẵng'],
      }),
      anEntry({ section: 'agency', position: 2, headline: 'Tin đã bị biên tập viên bỏ ra', excluded: true }),
    ],
    canEdit: false,
    canApprove: false,
    version: 3,
    ...overrides,
  };
}

export interface FixtureEntry {
  section: TReviewEntry['section'];
  headline: string;
  theme?: TReviewEntry['theme'];
  /** Code of the province the story is about. */
  provinceCode?: string;
  excluded?: boolean;
  comment?: string;
  flags?: string[];
}

/**
 * A draft edition stored as the press-reviews module stores one (raw SQL: the tests decide every entry), of unit
 * `unitCode`, its entries positioned in the order given within each section. Returns its id.
 */
export async function insertEdition(
  t: TestApp,
  options: { kind?: 'review' | 'bulletin'; unitCode?: string; day: string; title?: string; entries: FixtureEntry[] },
): Promise<string> {
  const kind = options.kind ?? 'review';
  const title =
    options.title ?? `${kind === 'review' ? 'Điểm báo' : 'Thông tin báo chí – Bản tin 24 giờ'} ngày ${options.day}`;
  const { rows } = await t.db.pool.query<{ id: string }>(
    `INSERT INTO press_reviews (kind, org_unit_id, edition_date, title, intro, window_from, window_to)
     VALUES ($1, (SELECT id FROM org_units WHERE code = $2), $3::date, $4, $5,
             (($3::date - 1) + time '06:30') AT TIME ZONE 'Asia/Ho_Chi_Minh',
             ($3::date + time '06:30') AT TIME ZONE 'Asia/Ho_Chi_Minh')
     RETURNING id`,
    [kind, options.unitCode ?? 'TT', options.day, title, 'Tóm tắt tình hình báo chí 24 giờ qua.'],
  );
  const id = rows[0]!.id;
  const positions = new Map<string, number>();
  for (const [i, entry] of options.entries.entries()) {
    const position = (positions.get(entry.section) ?? 0) + 1;
    positions.set(entry.section, position);
    const slug = `tin-${i + 1}`;
    await t.db.pool.query(
      `INSERT INTO press_review_entries (review_id, cluster_id, section, theme, position, headline, extract, comment,
                                         excluded, outlets, links, relevance_level, sentiment, flags, province_id,
                                         score, published_at)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10, 'core', $11, $12,
               (SELECT id FROM org_units WHERE code = $13), 1, $14)`,
      [
        id,
        entry.section,
        entry.theme ?? 'csxh',
        position,
        entry.headline,
        `Tóm tắt: ${entry.headline}.`,
        entry.comment ?? null,
        entry.excluded ?? false,
        ['Báo Lao Động'],
        JSON.stringify([
          {
            articleId: '00000000-0000-4000-8000-0000000000' + String(i + 10).padStart(2, '0'),
            sourceName: 'Báo Lao Động',
            url: `https://laodong.vn/${slug}.html`,
            title: entry.headline,
          },
        ]),
        entry.section === 'risk' ? 'negative' : 'neutral',
        entry.flags ?? [],
        entry.provinceCode ?? null,
        `${options.day}T00:00:00Z`,
      ],
    );
  }
  return id;
}
