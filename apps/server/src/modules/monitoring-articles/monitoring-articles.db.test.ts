import type { TArticleDetail, TArticleSearchResult, TIngestResult, TProblem } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { train } from '../monitoring/index.js';

// Six articles, ingested through the engine (real search tokens, clusters, sort times), then given the
// classification each test expects (the model's own guesses are the engine's business, not the search's).
const STORIES = {
  a1: {
    url: 'https://laodong.vn/xa-hoi/rao-ban-so-bhxh-1.html',
    source: 'Báo Lao Động',
    publishedAt: '2026-03-02T09:00:00+07:00',
    title: 'Rao bán sổ BHXH trên mạng xã hội',
    lead: 'Nhiều tài khoản công khai rao mua sổ BHXH của người lao động đã nghỉ việc.',
    body: 'Các đối tượng hứa trả tiền ngay cho người bán sổ. Cơ quan BHXH khuyến cáo không mua bán, cầm cố sổ.',
    set: { level: 'core', score: 0.95, sentiment: 'negative', flags: ['book_trading'], unit: 'sothe' },
  },
  a2: {
    url: 'https://tuoitre.vn/canh-bao-mua-ban-so-bao-hiem-xa-hoi-2.htm',
    source: 'Báo Tuổi Trẻ',
    publishedAt: '2026-03-03T10:00:00+07:00',
    title: 'Cảnh báo mua bán sổ bảo hiểm xã hội',
    lead: 'Cơ quan bảo hiểm xã hội cảnh báo thủ đoạn mua bán sổ bảo hiểm xã hội, giả danh cán bộ để lừa đảo.',
    body:
      'Thời gian gần đây xuất hiện nhiều trang mạng giả danh cơ quan bảo hiểm xã hội, hứa hỗ trợ rút bảo hiểm ' +
      'xã hội một lần nhanh chóng để thu mua sổ của người lao động với giá thấp. Người dân cần cảnh giác, chỉ ' +
      'liên hệ cơ quan bảo hiểm xã hội nơi cư trú hoặc tổng đài chính thức để được hướng dẫn thủ tục.',
    set: {
      level: 'core',
      score: 0.9,
      sentiment: 'negative',
      flags: ['book_trading', 'scam_impersonation'],
      unit: 'sothe',
    },
  },
  a4: {
    url: 'https://tuoitre.vn/tang-luong-huu-tu-thang-7-4.htm',
    source: 'Báo Tuổi Trẻ',
    publishedAt: '2026-03-01T08:00:00+07:00',
    title: 'Tăng lương hưu từ tháng 7',
    lead: 'Người hưởng lương hưu được điều chỉnh tăng mức hưởng.',
    body: 'Mức điều chỉnh áp dụng cho người nghỉ hưu trước năm 1995.',
    set: { level: 'core', score: 0.8, sentiment: 'positive', flags: ['policy_change'], unit: 'csxh' },
  },
  a5: {
    url: 'https://laodong.vn/doanh-nghiep-no-dong-5.html',
    source: 'Báo Lao Động',
    publishedAt: '2026-03-04T23:30:00+07:00',
    title: 'Doanh nghiệp nợ đóng kéo dài',
    lead: 'Kiểm tra sổ sách kế toán cho thấy doanh nghiệp chưa đóng bảo hiểm xã hội cho công nhân.',
    body: 'Số tiền chậm đóng lên tới hàng tỷ đồng.',
    set: { level: 'peripheral', score: 0.6, sentiment: 'negative', flags: ['evasion_debt'], unit: 'thu' },
  },
  a6: {
    url: 'https://thanhnien.vn/gia-vang-hom-nay-6.htm',
    source: 'Báo Thanh Niên',
    publishedAt: '2026-03-05T00:30:00+07:00',
    title: 'Giá vàng hôm nay tăng mạnh',
    lead: 'Giá vàng miếng trong nước tiếp tục tăng.',
    body: 'Các doanh nghiệp kinh doanh vàng điều chỉnh giá bán.',
    set: { level: 'unrelated', score: 0.1, sentiment: 'na', flags: [] as string[], unit: 'none' },
  },
};
// The same story as a2, syndicated later the same day by another outlet.
const A3 = { ...STORIES.a2, url: 'https://thanhnien.vn/canh-bao-mua-ban-so-3.htm', source: 'Báo Thanh Niên' };
const A3_AT = '2026-03-03T15:00:00+07:00';

let t: TestApp;
let officer: Session;
let reader: Session;
let leader: Session;
const id: Record<string, string> = {};
let bookQuery: string;
let pensionQuery: string;

type Result = TArticleSearchResult;
const search = async (params: string, session = reader): Promise<Result> => {
  const response = await session.get(`/api/monitoring/articles?${params}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Result>();
};
const names = (result: Result) => result.items.map((item) => Object.keys(id).find((k) => id[k] === item.id));
const sorted = (list: (string | undefined)[]) => [...list].sort();
const facet = (result: Result, name: keyof Result['facets']) =>
  Object.fromEntries(result.facets[name].map((v) => [v.value, v.count]));

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'thu.triage', roles: ['unit_officer'], unitCode: 'THU', fullName: 'Trần Thu Hà' });
  await t.createUser({ username: 'st.officer', roles: ['unit_officer'], unitCode: 'ST' });
  await t.createUser({ username: 'mon.reader', roles: ['viewer'], unitCode: 'P79' });
  await t.createUser({ username: 'mon.leader', roles: ['leader'], unitCode: 'TT' });
  [officer, reader, leader] = await Promise.all([t.login('thu.triage'), t.login('mon.reader'), t.login('mon.leader')]);

  const model = train(
    Object.values(STORIES).map((s) => ({
      article: { title: s.title, lead: s.lead, body: s.body },
      label: { relevance: s.set.level, sentiment: s.set.sentiment, flags: s.set.flags, unit: s.set.unit },
    })) as Parameters<typeof train>[0],
  );
  await t.db.pool.query('INSERT INTO monitoring_models (model, examples, corrections) VALUES ($1, 5, 0)', [
    JSON.stringify(model),
  ]);
  const ingest = (articles: unknown[]) => t.services.monitoringIngest.ingest(SYSTEM_ACTOR, { articles }, 'vi');
  const first = await ingest(Object.values(STORIES).map(({ set: _set, ...article }) => article));
  Object.keys(STORIES).forEach((key, i) => (id[key] = (first.results[i] as TIngestResult).id));
  const { set: _set, ...copy } = A3;
  const second = await ingest([{ ...copy, publishedAt: A3_AT }]);
  const a3 = second.results[0] as TIngestResult;
  id.a3 = a3.id;
  expect(a3.duplicateOf).toBe(id.a2);

  for (const [key, story] of [...Object.entries(STORIES), ['a3', A3] as const]) {
    const s = story.set;
    await t.db.pool.query(
      `UPDATE monitoring_articles SET relevance_level = $2, relevance_score = $3, sentiment = $4, flags = $5,
              unit = $6, matched_query_ids = '{}' WHERE id = $1`,
      [id[key], s.level, s.score, s.sentiment, s.flags, s.unit],
    );
  }
  const query = async (name: string) =>
    (
      await t.db.pool.query<{ id: string }>(
        `INSERT INTO monitoring_queries (name, text, org_unit_id) VALUES ($1, $1, $2) RETURNING id`,
        [name, await t.unitId('TT')],
      )
    ).rows[0]!.id;
  bookQuery = await query('Mua bán sổ BHXH');
  pensionQuery = await query('Lương hưu');
  const gone = await query('Truy vấn đã xóa');
  const tag = (ids: string[], queries: string[]) =>
    t.db.pool.query('UPDATE monitoring_articles SET matched_query_ids = $2 WHERE id = ANY($1)', [ids, queries]);
  await tag([id.a1!, id.a2!, id.a3!], [bookQuery, gone]);
  await tag([id.a4!], [pensionQuery]);
  await t.db.pool.query('DELETE FROM monitoring_queries WHERE id = $1', [gone]);
}, 120_000);
afterAll(async () => t?.close());

describe('GET /api/monitoring/articles — full text', () => {
  it('finds "sổ BHXH" and "sổ bảo hiểm xã hội" for "so bhxh", one row per cluster', async () => {
    const result = await search('q=so%20bhxh');
    expect(sorted(names(result))).toEqual(['a1', 'a2', 'a5']);
    expect(result.total).toBe(3);
    const a2 = result.items.find((i) => i.id === id.a2)!;
    expect(a2.clusterSize).toBe(2);
    expect(a2.duplicateOf).toBeNull();
  });

  it('keeps a quoted phrase together and lists every article when not collapsed', async () => {
    expect(sorted(names(await search('q=%22so%20bhxh%22')))).toEqual(['a1', 'a2']);
    const all = await search('q=%22s%E1%BB%95%20BHXH%22&collapse=false');
    expect(sorted(names(all))).toEqual(['a1', 'a2', 'a3']);
    expect(all.items.find((i) => i.id === id.a3)!.duplicateOf).toBe(id.a2);
  });

  it('is accent-insensitive both ways', async () => {
    expect(names(await search('q=luong%20huu'))).toEqual(['a4']);
    expect(names(await search(`q=${encodeURIComponent('LƯƠNG HƯU')}`))).toEqual(['a4']);
    expect((await search('q=khong%20co%20tu%20nay')).total).toBe(0);
  });

  it('highlights the searched words in the title and lead', async () => {
    const a1 = (await search('q=so%20bhxh')).items.find((i) => i.id === id.a1)!;
    const pieces = (text: string, ranges: [number, number][]) => ranges.map(([a, b]) => text.slice(a, b));
    expect(pieces(a1.title, a1.highlights!.title)).toEqual(['sổ', 'BHXH']);
    expect(pieces(a1.lead, a1.highlights!.lead)).toEqual(['sổ', 'BHXH']);
    expect((await search('')).items[0]!.highlights).toBeUndefined();
  });
});

describe('GET /api/monitoring/articles — filters', () => {
  it('filters by source names, showing the first matching article of a cluster', async () => {
    const result = await search(`source=${encodeURIComponent('Báo Thanh Niên')}`);
    expect(sorted(names(result))).toEqual(['a3', 'a6']);
    const two = await search(`source=${encodeURIComponent('Báo Thanh Niên,Báo Lao Động')}&collapse=false`);
    expect(sorted(names(two))).toEqual(['a1', 'a3', 'a5', 'a6']);
  });

  it('filters by days of Asia/Ho_Chi_Minh', async () => {
    expect(names(await search('from=2026-03-05&to=2026-03-05'))).toEqual(['a6']);
    expect(names(await search('from=2026-03-04&to=2026-03-04'))).toEqual(['a5']);
    expect(sorted(names(await search('to=2026-03-02')))).toEqual(['a1', 'a4']);
  });

  it('filters by relevance, sentiment, flags (any of), unit, query, cluster and corrected', async () => {
    expect(sorted(names(await search('relevance=peripheral,unrelated')))).toEqual(['a5', 'a6']);
    expect(names(await search('sentiment=positive'))).toEqual(['a4']);
    expect(sorted(names(await search('flag=scam_impersonation,policy_change')))).toEqual(['a2', 'a4']);
    expect(sorted(names(await search('flag=scam_impersonation&flag=policy_change&collapse=false')))).toEqual([
      'a2',
      'a3',
      'a4',
    ]);
    expect((await search('unit=sothe')).total).toBe(2);
    expect((await search('unit=sothe&collapse=false')).total).toBe(3);
    expect(sorted(names(await search(`query=${bookQuery}`)))).toEqual(['a1', 'a2']);
    expect(sorted(names(await search(`cluster=${id.a2}`)))).toEqual(['a2', 'a3']);
    expect((await search('corrected=true')).total).toBe(0);
    expect((await search('corrected=false')).total).toBe(5);
  });
});

describe('GET /api/monitoring/articles — facets', () => {
  it('counts each facet under the other filters, not its own', async () => {
    const result = await search('q=so%20bhxh&flag=book_trading');
    expect(result.total).toBe(2);
    expect(facet(result, 'flag')).toEqual({ book_trading: 2, scam_impersonation: 1, evasion_debt: 1 });
    expect(facet(result, 'source')).toEqual({ 'Báo Lao Động': 1, 'Báo Tuổi Trẻ': 1, 'Báo Thanh Niên': 1 });
    expect(facet(result, 'relevance')).toEqual({ core: 2 });
    expect(facet(result, 'day')).toEqual({ '2026-03-02': 1, '2026-03-03': 1 });
    expect(result.facets.day.map((d) => d.value)).toEqual(['2026-03-03', '2026-03-02']);
    const narrowed = await search('q=so%20bhxh&flag=book_trading&relevance=peripheral');
    expect(narrowed.total).toBe(0);
    expect(facet(narrowed, 'relevance')).toEqual({ core: 2 });
  });

  it('labels values in the caller language and leaves out deleted queries', async () => {
    const vi = await search('');
    expect(vi.facets.unit.find((v) => v.value === 'sothe')!.label).toBe('Ban Sổ - Thẻ');
    expect(vi.facets.day.find((v) => v.value === '2026-03-05')!.label).toBe('05/03/2026');
    expect(vi.facets.query).toEqual([
      { value: bookQuery, label: 'Mua bán sổ BHXH', count: 2 },
      { value: pensionQuery, label: 'Lương hưu', count: 1 },
    ]);
    const response = await reader.get('/api/monitoring/articles?collapse=false', { 'accept-language': 'en' });
    const en = response.json<Result>();
    expect(en.facets.sentiment.find((v) => v.value === 'negative')).toEqual({
      value: 'negative',
      label: 'Negative',
      count: 4,
    });
    expect(en.items.find((i) => i.id === id.a1)!.matchedQueries).toEqual([{ id: bookQuery, name: 'Mua bán sổ BHXH' }]);
  });
});

describe('GET /api/monitoring/articles — sorting and paging', () => {
  it('sorts by relevance level then score, by date either way, by cluster size and by source', async () => {
    expect(names(await search('sort=-relevance&collapse=false'))).toEqual(['a1', 'a3', 'a2', 'a4', 'a5', 'a6']);
    expect(names(await search('sort=publishedAt&collapse=false'))).toEqual(['a4', 'a1', 'a2', 'a3', 'a5', 'a6']);
    expect(names(await search('collapse=false'))).toEqual(['a6', 'a5', 'a3', 'a2', 'a1', 'a4']);
    expect(names(await search('sort=-clusterSize&collapse=false'))).toEqual(['a3', 'a2', 'a6', 'a5', 'a1', 'a4']);
    expect(names(await search('sort=source&collapse=false'))).toEqual(['a5', 'a1', 'a6', 'a3', 'a2', 'a4']);
  });

  it('pages', async () => {
    const page = await search('sort=publishedAt&collapse=false&page=2&pageSize=2');
    expect(names(page)).toEqual(['a2', 'a3']);
    expect(page.total).toBe(6);
    expect((await search('page=9&pageSize=2')).items).toEqual([]);
  });
});

describe('GET /api/monitoring/articles — bad parameters', () => {
  it.each([
    ['sort=bogus', 'sort'],
    ['relevance=hot', 'relevance'],
    ['from=2026-13-01', 'from'],
    ['pageSize=100000', 'pageSize'],
    ['query=not-an-id', 'query'],
    ['from=2026-03-05&to=2026-03-01', 'to'],
    ['color=red', ''],
  ])('answers %s with problem+json naming the field', async (params, field) => {
    const response = await reader.get(`/api/monitoring/articles?${params}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json<TProblem>();
    expect(problem.code).toBe('validation.failed');
    expect(problem.errors!.some((e) => e.field.startsWith(field))).toBe(true);
  });
});

describe('GET /api/monitoring/articles/:id', () => {
  it('shows the article with its cluster (first appearance first), prediction and correction rights', async () => {
    const response = await reader.get(`/api/monitoring/articles/${id.a3}`);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<TArticleDetail>();
    expect(detail.body).toBe(STORIES.a2.body);
    expect(detail.duplicateOf).toBe(id.a2);
    expect(detail.cluster.map((c) => c.id)).toEqual([id.a2]);
    expect(detail.cluster[0]!.sourceName).toBe('Báo Tuổi Trẻ');
    expect(detail.unit).toBe('sothe');
    expect(detail.predicted.relevance.level).toMatch(/core|peripheral|unrelated/);
    expect(detail.canCorrect).toBe(false);
    const mine = (await officer.get(`/api/monitoring/articles/${id.a2}`)).json<TArticleDetail>();
    expect(mine.canCorrect).toBe(true);
    expect(mine.cluster.map((c) => c.id)).toEqual([id.a3]);
  });

  it('is 404 for an unknown article and 400 for a malformed id', async () => {
    expect((await reader.get('/api/monitoring/articles/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await reader.get('/api/monitoring/articles/abc')).statusCode).toBe(400);
  });
});

describe('POST /api/monitoring/articles/:id/corrections', () => {
  it('records each changed field, updates the article, audits and tells the new unit', async () => {
    const seq = await t.lastAuditSeq();
    const response = await officer.post(`/api/monitoring/articles/${id.a5}/corrections`, {
      relevance: 'core',
      sentiment: 'negative',
      unit: 'sothe',
      note: 'Bài nêu việc giữ sổ của người lao động',
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<TArticleDetail>();
    expect(detail.relevance).toEqual({ level: 'core', score: 1 });
    expect(detail.unit).toBe('sothe');
    expect(detail.correctedAt).not.toBeNull();
    expect(detail.predicted.relevance.level).not.toBeUndefined();
    expect(detail.corrections.map((c) => [c.field, c.before, c.after, c.by])).toEqual([
      ['relevance', { level: 'peripheral', score: 0.6 }, { level: 'core', score: 1 }, 'Trần Thu Hà'],
      ['unit', 'thu', 'sothe', 'Trần Thu Hà'],
    ]);
    const { rows } = await t.db.pool.query(
      'SELECT field, note FROM monitoring_corrections WHERE article_id = $1 ORDER BY field',
      [id.a5],
    );
    expect(rows).toEqual([
      { field: 'relevance', note: 'Bài nêu việc giữ sổ của người lao động' },
      { field: 'unit', note: 'Bài nêu việc giữ sổ của người lao động' },
    ]);
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
      ['correct', 'monitoring_article', id.a5],
    ]);
    expect(audit[0]!.before).toEqual({ relevance: { level: 'peripheral', score: 0.6 }, unit: 'thu' });
    const { rows: notes } = await t.db.pool.query(
      `SELECT u.username, n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.entity_id = $1`,
      [id.a5],
    );
    expect(notes).toEqual([{ username: 'st.officer', link: `/monitoring/articles/${id.a5}` }]);
    expect(names(await search('corrected=true'))).toEqual(['a5']);
    expect(names(await search('unit=sothe&relevance=core&q=doanh%20nghiep'))).toEqual(['a5']);
  });

  it('writes nothing when nothing changes', async () => {
    const seq = await t.lastAuditSeq();
    const response = await officer.post(`/api/monitoring/articles/${id.a4}/corrections`, {
      sentiment: 'positive',
      flags: ['policy_change'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<TArticleDetail>().corrections).toEqual([]);
    expect(await t.auditSince(seq)).toEqual([]);
  });

  it('lets only the working roles correct, and refuses an empty correction', async () => {
    for (const session of [reader, leader]) {
      const response = await session.post(`/api/monitoring/articles/${id.a4}/corrections`, { unit: 'thu' });
      expect(response.statusCode).toBe(403);
    }
    const empty = await officer.post(`/api/monitoring/articles/${id.a4}/corrections`, { note: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<TProblem>().errors!.map((e) => e.field)).toEqual(['relevance']);
    const bad = await officer.post(`/api/monitoring/articles/${id.a4}/corrections`, { flags: ['nonsense'] });
    expect(bad.statusCode).toBe(400);
    const missing = await officer.post('/api/monitoring/articles/00000000-0000-4000-8000-000000000000/corrections', {
      unit: 'thu',
    });
    expect(missing.statusCode).toBe(404);
    expect(
      (await t.db.pool.query('SELECT 1 FROM monitoring_corrections WHERE article_id = $1', [id.a4])).rowCount,
    ).toBe(0);
  });
});
