import ExcelJS from 'exceljs';
import type { TArticleSearchResult, TProblem } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { train } from '../monitoring/index.js';
import { EXPORT_CHUNK } from './monitoring-articles.service.js';

// More articles than one export chunk, many sharing one sort time (a batch without dates arrives at one moment),
// so the keyset has to break ties to read every row exactly once.
const COUNT = Math.round(EXPORT_CHUNK * 1.3);
const SOURCES = ['Báo Đà Nẵng', 'Báo Cà Mau', 'Báo Gia Lai'];
const WORDS = (
  'bảo hiểm xã hội y tế thất nghiệp lương hưu doanh nghiệp người lao động chậm đóng thẻ sổ cấp đổi khám chữa bệnh ' +
  'bệnh viện thanh toán chính sách tăng giảm tỉnh huyện xã hướng dẫn thủ tục hồ sơ trợ cấp ốm đau thai sản tai nạn ' +
  'nghề nghiệp giá vàng thời tiết bóng đá giao thông học sinh nông nghiệp du lịch'
).split(' ');

let t: TestApp;
let reader: Session;

/** A deterministic pseudo-random sequence (mulberry32), so every run ingests the same texts. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'export.reader', roles: ['viewer'], unitCode: 'P01' });
  reader = await t.login('export.reader');
  const next = random(12);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const articles = Array.from({ length: COUNT }, (_, i) => ({
    url: `https://bao.example.vn/tin/${i}.html`,
    source: SOURCES[i % SOURCES.length],
    title: `Tin ${i}: ${words(8)}`,
    lead: words(20),
    body: words(60),
    ...(i % 2 === 0 ? { publishedAt: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00+07:00` } : {}),
  }));
  const model = train(
    articles.slice(0, 40).map((a, i) => ({
      article: a,
      label:
        i % 2 === 0
          ? { relevance: 'core' as const, sentiment: 'neutral' as const, flags: [], unit: 'csxh' as const }
          : { relevance: 'unrelated' as const, sentiment: 'na' as const, flags: [], unit: 'none' as const },
    })),
  );
  await t.db.pool.query('INSERT INTO monitoring_models (model, examples, corrections) VALUES ($1, 40, 0)', [
    JSON.stringify(model),
  ]);
  const half = Math.ceil(COUNT / 2);
  for (const batch of [articles.slice(0, half), articles.slice(half)])
    await t.services.monitoringIngest.ingest(SYSTEM_ACTOR, { articles: batch }, 'vi');
}, 180_000);
afterAll(async () => t?.close());

async function exported(params: string, lang = 'vi') {
  const response = await reader.get(`/api/monitoring/articles/export.xlsx?${params}`, { 'accept-language': lang });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const urls: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) urls.push((row.getCell(header.length - 1).value as { hyperlink: string }).hyperlink);
  });
  return { header, urls };
}
const total = async (params: string) =>
  (await reader.get(`/api/monitoring/articles?${params}&pageSize=1`)).json<TArticleSearchResult>().total;

describe('GET /api/monitoring/articles/export.xlsx', () => {
  it('writes every matching article once, past the first chunk, with the URL as a link', async () => {
    const stored = (await t.db.pool.query<{ url: string }>('SELECT url FROM monitoring_articles')).rows.map(
      (r) => r.url,
    );
    expect(stored.length).toBe(COUNT);
    const { header, urls } = await exported('collapse=false');
    expect(header[0]).toBe('Tiêu đề');
    expect(urls.length).toBe(await total('collapse=false'));
    expect(new Set(urls).size).toBe(urls.length);
    expect([...urls].sort()).toEqual([...stored].sort());
  }, 60_000);

  it('keeps every row when the order has long runs of ties (source, relevance, cluster size)', async () => {
    for (const sort of ['source', '-relevance', '-clusterSize', 'publishedAt']) {
      const { urls } = await exported(`collapse=false&sort=${sort}`);
      expect(urls.length, sort).toBe(COUNT);
      expect(new Set(urls).size, sort).toBe(COUNT);
    }
  }, 120_000);

  it('applies the search filters and the caller language', async () => {
    const params = `q=${encodeURIComponent('lương hưu')}&source=${encodeURIComponent('Báo Cà Mau')}`;
    const expected = await total(params);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(COUNT);
    const { header, urls } = await exported(params, 'en');
    expect(header.slice(0, 3)).toEqual(['Title', 'Source', 'Published']);
    expect(urls.length).toBe(expected);
  }, 60_000);

  it('answers bad parameters with problem+json before anything is streamed', async () => {
    const response = await reader.get('/api/monitoring/articles/export.xlsx?from=2026-03-05&to=2026-03-01');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<TProblem>().errors!.map((e) => e.field)).toEqual(['to']);
  });
});
