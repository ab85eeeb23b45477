// A small known data set for the dashboard db tests, stored with raw SQL (each test file decides times exactly):
// the centre (TT), Hà Nội (P01) with Ba Đình (D001), and Hồ Chí Minh City (P79), in the first quarter of 2025 and the
// same quarter of 2024. The figures each scope must show are worked out by hand in EXPECTED, not read from the code.
import type { TDashboardFigure } from '@loa/contracts';
import type { TestApp } from '../../../test/test-app.js';

export const PERIOD = { from: '2025-01-01', to: '2025-03-31' };

type Figures = Record<TDashboardFigure, number>;
const zero: Figures = {
  products: 0,
  publications: 0,
  reach: 0,
  events: 0,
  attendance: 0,
  newVoluntary: 0,
  newHousehold: 0,
  budgetAllocated: 0,
  budgetSpent: 0,
  pressArticles: 0,
  pressNegative: 0,
  incidentsOpened: 0,
  incidentsOpen: 0,
};
const figures = (values: Partial<Figures>): Figures => ({ ...zero, ...values });

/** What each scope shows for PERIOD (`value`) and for the first quarter of 2024 (`previous`). */
export const EXPECTED: Record<'BHXHVN' | 'P01' | 'D001' | 'P79' | 'TT', { value: Figures; previous: Figures }> = {
  BHXHVN: {
    value: figures({
      products: 5,
      publications: 3,
      reach: 1200,
      events: 3,
      attendance: 62,
      newVoluntary: 7,
      newHousehold: 7,
      budgetAllocated: 1_300_000_000,
      budgetSpent: 57_000_000,
      pressArticles: 5,
      pressNegative: 3,
      incidentsOpened: 2,
      incidentsOpen: 1,
    }),
    previous: figures({
      products: 1,
      publications: 1,
      reach: 10,
      events: 1,
      attendance: 8,
      budgetAllocated: 500_000_000,
      budgetSpent: 3_000_000,
      pressArticles: 1,
      pressNegative: 1,
      incidentsOpened: 1,
      incidentsOpen: 1,
    }),
  },
  P01: {
    value: figures({
      products: 3,
      publications: 3,
      reach: 1200,
      events: 2,
      attendance: 52,
      newVoluntary: 5,
      newHousehold: 7,
      budgetAllocated: 300_000_000,
      budgetSpent: 50_000_000,
      pressArticles: 2,
      pressNegative: 1,
      incidentsOpened: 2,
    }),
    previous: figures({
      products: 1,
      publications: 1,
      reach: 10,
      events: 1,
      attendance: 8,
      budgetAllocated: 100_000_000,
      budgetSpent: 3_000_000,
      pressArticles: 1,
      pressNegative: 1,
      incidentsOpen: 1,
    }),
  },
  D001: {
    value: figures({
      products: 1,
      publications: 1,
      reach: 50,
      events: 1,
      attendance: 30,
      newVoluntary: 5,
      newHousehold: 7,
      budgetAllocated: 50_000_000,
      incidentsOpened: 1,
    }),
    previous: zero,
  },
  P79: {
    value: figures({
      products: 1,
      events: 1,
      attendance: 10,
      newVoluntary: 2,
      budgetAllocated: 200_000_000,
      budgetSpent: 7_000_000,
      pressArticles: 1,
      pressNegative: 1,
      incidentsOpen: 1,
    }),
    previous: figures({ incidentsOpened: 1 }),
  },
  TT: {
    value: figures({ products: 1, budgetAllocated: 100_000_000, pressArticles: 3, pressNegative: 1 }),
    previous: zero,
  },
};

/** Stores the data set; returns the two product type codes used (A for three products, B for two). */
export async function storeDashboardData(t: TestApp): Promise<{ typeA: string; typeB: string; year: number }> {
  const q = async (text: string, values: unknown[] = []) => (await t.db.pool.query<{ id: string }>(text, values)).rows;
  const unit = (code: string) => t.unitId(code);
  const [p01, d001, p79, tt, root] = await Promise.all([
    unit('P01'),
    unit('D001'),
    unit('P79'),
    unit('TT'),
    unit('BHXHVN'),
  ]);
  const types = await q(
    `SELECT year::text || ':' || code AS id FROM guidance_items WHERE kind = 'product_type'
      AND year = (SELECT max(year) FROM guidance_items WHERE kind = 'product_type') ORDER BY sort_order LIMIT 2`,
  );
  const [year, typeA] = types[0]!.id.split(':') as [string, string];
  const typeB = types[1]!.id.split(':')[1]!;

  const product = async (title: string, owner: string, type: string, createdAt: string) =>
    (
      await q(
        `INSERT INTO products (guidance_year, type_code, title, owner_unit_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
        [Number(year), type, title, owner, createdAt],
      )
    )[0]!.id;
  const pA1 = await product('Hỏi đáp BHXH tự nguyện', p01, typeA, '2025-01-31T17:30:00Z'); // 1 Feb in Vietnam
  await product('Tờ gấp BHYT hộ gia đình', p01, typeA, '2025-03-10T03:00:00Z');
  const pB = await product('Phóng sự Ba Đình', d001, typeB, '2025-02-15T03:00:00Z');
  await product('Video TP.HCM', p79, typeA, '2024-12-31T17:00:00Z'); // 00:00 on 1 January in Vietnam: inside
  await product('Bản tin cuối quý', tt, typeB, '2025-03-31T16:59:00Z'); // 23:59 on 31 March: inside
  await product('Bản tin đầu quý II', tt, typeB, '2025-03-31T17:00:00Z'); // 00:00 on 1 April: outside
  const pPrev = await product('Sản phẩm năm trước', p01, typeA, '2024-02-10T03:00:00Z');

  const publication = async (productId: string, org: string, channel: string, url: string | null, at: string) =>
    (
      await q(
        `INSERT INTO publications (product_id, channel, outlet, url, published_at, org_unit_id)
         VALUES ($1, $2, 'Cơ quan đăng tải', $3, $4, $5) RETURNING id`,
        [productId, channel, url, at, org],
      )
    )[0]!.id;
  const metric = (pub: string, name: string, value: number, on: string) =>
    q(
      `INSERT INTO publication_metrics (publication_id, metric, value, read_on, source) VALUES ($1, $2, $3, $4, 'manual')`,
      [pub, name, value, on],
    );
  const pub1 = await publication(pA1, p01, 'facebook', 'https://facebook.com/bhxh/1', '2025-02-03T03:00:00Z');
  const pub2 = await publication(pA1, p01, 'tv', null, '2025-02-04T12:00:00Z');
  const pub3 = await publication(pB, d001, 'press', null, '2025-03-01T01:00:00Z');
  const pub4 = await publication(pPrev, p01, 'press', null, '2024-03-05T01:00:00Z');
  await metric(pub1, 'views', 100, '2025-02-04');
  await metric(pub1, 'views', 150, '2025-02-06'); // the latest reading counts
  await metric(pub1, 'shares', 30, '2025-02-06'); // an interaction, not people reached
  await metric(pub2, 'listeners', 1000, '2025-02-05');
  await metric(pub3, 'views', 50, '2025-03-02');
  await metric(pub4, 'views', 10, '2024-03-06');

  const event = async (
    org: string,
    kind: string,
    status: string,
    at: string,
    extra: number,
    voluntary = 0,
    household = 0,
  ) =>
    (
      await q(
        `INSERT INTO events (kind, title, org_unit_id, status, starts_at, extra_attendance, new_voluntary, new_household_bhyt)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [kind, `Hoạt động ${kind} ${at}`, org, status, at, extra, voluntary, household],
      )
    )[0]!.id;
  const e1 = await event(p01, 'conference', 'held', '2025-01-10T02:00:00Z', 20, 3); // held: results not reported yet
  for (const name of ['Nguyễn Văn A', 'Trần Thị B'])
    await q(`INSERT INTO event_check_ins (event_id, full_name, sex) VALUES ($1, $2, 'male')`, [e1, name]);
  await event(d001, 'dialogue', 'reported', '2025-02-20T02:00:00Z', 30, 5, 7);
  await event(p01, 'conference', 'planned', '2025-03-01T02:00:00Z', 40);
  await event(p01, 'dialogue', 'cancelled', '2025-03-02T02:00:00Z', 15);
  await event(p79, 'group_household', 'reported', '2025-03-15T02:00:00Z', 10, 2, 0);
  await event(p01, 'conference', 'held', '2024-01-15T02:00:00Z', 8);

  await q(`INSERT INTO budget_fiscal_years (year) VALUES (2024), (2025) ON CONFLICT DO NOTHING`);
  const allocate = async (from: string | null, to: string, category: string, amount: number, year: number) =>
    (
      await q(
        `INSERT INTO budget_allocations (fiscal_year, from_unit_id, to_unit_id, category, source, amount, decision_no,
           decided_on, created_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Kế toán') RETURNING id`,
        [year, from, to, category, from ? null : 'bhxh', amount, `${amount / 1e6}/QĐ-${year}`, `${year}-01-05`],
      )
    )[0]!.id;
  await allocate(null, root, 'event', 1_000_000_000, 2025);
  await allocate(null, root, 'printing', 300_000_000, 2025);
  await allocate(root, p01, 'event', 300_000_000, 2025);
  await allocate(root, tt, 'event', 100_000_000, 2025);
  await allocate(root, p79, 'printing', 200_000_000, 2025);
  const wrong = await allocate(root, p79, 'printing', 20_000_000, 2025);
  await q(
    `INSERT INTO budget_allocations (fiscal_year, from_unit_id, to_unit_id, category, amount, decision_no, decided_on,
       reverses_id, reason, created_by_name)
     VALUES (2025, $1, $2, 'printing', -20000000, '20/QĐ-2025-HUY', '2025-02-01', $3, 'Nhầm số tiền', 'Kế toán')`,
    [root, p79, wrong],
  );
  await allocate(p01, d001, 'event', 50_000_000, 2025);
  await allocate(null, root, 'event', 500_000_000, 2024);
  await allocate(root, p01, 'event', 100_000_000, 2024);

  const spend = async (org: string, category: string, amount: number, on: string, voucher: string, reverses?: string) =>
    (
      await q(
        `INSERT INTO budget_expenditures (unit_id, fiscal_year, category, amount, spent_on, voucher_no, description,
           reverses_id, reason, created_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, 'Chi hội nghị', $7, $8, 'Kế toán') RETURNING id`,
        [
          org,
          reverses ? 2025 : Number(on.slice(0, 4)),
          category,
          amount,
          on,
          voucher,
          reverses ?? null,
          reverses ? 'Sai' : null,
        ],
      )
    )[0]!.id;
  await spend(p01, 'event', 40_000_000, '2025-02-10', 'C01');
  const c02 = await spend(p01, 'event', 10_000_000, '2025-01-20', 'C02');
  await spend(p01, 'event', -10_000_000, '2025-04-02', 'C02-HUY', c02); // reversed after the period
  const c03 = await spend(d001, 'event', 5_000_000, '2025-02-25', 'C03');
  await spend(d001, 'event', -5_000_000, '2025-03-01', 'C03-HUY', c03);
  await spend(p79, 'printing', 7_000_000, '2025-03-20', 'C04');
  await spend(p01, 'event', 3_000_000, '2024-03-01', 'C05');

  const source = async (name: string, area: string | null, org: string) =>
    (
      await q(
        `INSERT INTO monitoring_sources (name, kind, tier, area_unit_id, org_unit_id)
         VALUES ($1, 'manual', $2, $3, $4) RETURNING id`,
        [name, area ? 'provincial' : 'national', area, org],
      )
    )[0]!.id;
  const hanoiPaper = await source('Báo Hà Nội', p01, tt);
  const national = await source('Báo quốc gia', null, tt);
  const hcmPaper = await source('Báo TP.HCM', p79, p79);
  let n = 0;
  const article = async (src: string | null, relevance: string, sentiment: string, at: string) => {
    n += 1;
    await q(
      `INSERT INTO monitoring_articles (source_id, source_name, url, url_key, title, sort_at, published_at, cluster_id,
         relevance_level, relevance_score, sentiment, unit, predicted)
       VALUES ($1, 'Nguồn', $2, $2, $3, $4, $4, gen_random_uuid(), $5, 0.9, $6, 'none', '{}')`,
      [src, `https://bao.example/${n}`, `Bài báo ${n}`, at, relevance, sentiment],
    );
  };
  await article(hanoiPaper, 'core', 'negative', '2025-01-15T03:00:00Z');
  await article(hanoiPaper, 'peripheral', 'positive', '2025-02-15T03:00:00Z');
  await article(hanoiPaper, 'unrelated', 'negative', '2025-02-16T03:00:00Z');
  await article(national, 'core', 'neutral', '2025-03-01T03:00:00Z');
  await article(hcmPaper, 'core', 'negative', '2025-03-02T03:00:00Z');
  await article(null, 'core', 'negative', '2025-03-03T03:00:00Z');
  await article(hanoiPaper, 'core', 'negative', '2024-02-01T03:00:00Z');

  const incident = (code: string, org: string, openedAt: string, closedAt: string | null) =>
    q(
      `INSERT INTO incidents (code, title, severity, guide, status, owning_unit_id, assess_due_at, respond_due_at,
         opened_at, closed_at)
       VALUES ($1, $2, 'medium', '{}', $3, $4, ${openedAt} + interval '1 day', ${openedAt} + interval '2 days',
         ${openedAt}, ${closedAt ?? 'NULL'})`,
      [code, `Sự cố ${code}`, closedAt ? 'closed' : 'open', org],
    );
  await incident('SC-1', p01, `'2025-02-01T03:00:00Z'::timestamptz`, `'2025-02-20T03:00:00Z'::timestamptz`);
  await incident('SC-2', d001, `'2025-03-10T03:00:00Z'::timestamptz`, `'2025-03-20T03:00:00Z'::timestamptz`);
  await incident('SC-3', p79, `now() - interval '10 days'`, null); // open now, not a year ago
  await incident('SC-4', p01, `now() - interval '500 days'`, `now() - interval '30 days'`); // open a year ago only
  await incident('SC-6', p79, `'2024-02-10T03:00:00Z'::timestamptz`, `'2024-03-01T03:00:00Z'::timestamptz`);
  return { typeA, typeB, year: Number(year) };
}
