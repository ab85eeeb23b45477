import ExcelJS from 'exceljs';
import type { TReport, TReportExistsProblem, TReportSummary } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipEntry } from '../../../test/documents.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { EXPECTED, storeDashboardData } from '../dashboard/dashboard.fixtures.js';
import { createReportGeneration } from './report-generation.service.js';
import { reportsRepository } from './reports.repository.js';

let t: TestApp;
let hnLeader: Session;
let hnOfficer: Session;
let bdOfficer: Session;
let hcmViewer: Session;
let p01: string;
let p79: string;
let d001: string;

/** The first quarter of 2025: the period of the dashboard's fixtures. */
const Q1_2025 = { kind: 'quarter', year: 2025, number: 1 } as const;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'rp.hn.lead', roles: ['leader'], unitCode: 'P01' });
  await t.createUser({ username: 'rp.hn', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'rp.bd', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'rp.hcm', roles: ['viewer'], unitCode: 'P79' });
  await storeDashboardData(t);
  [hnLeader, hnOfficer, bdOfficer, hcmViewer] = await Promise.all([
    t.login('rp.hn.lead'),
    t.login('rp.hn'),
    t.login('rp.bd'),
    t.login('rp.hcm'),
  ]);
  [p01, p79, d001] = await Promise.all([t.unitId('P01'), t.unitId('P79'), t.unitId('D001')]);
});
afterAll(async () => t?.close());

async function create(session: Session, body: object): Promise<TReport> {
  const response = await session.post('/api/reports', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TReport>();
}
async function get(session: Session, id: string): Promise<TReport> {
  const response = await session.get(`/api/reports/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TReport>();
}
const generate = (report: { id: string; version: number }) =>
  t.services.reportGeneration.run(report.id, report.version);

describe('creating and generating a report', () => {
  let report: TReport;

  it('starts a draft with the header of its unit and its generation queued, audited', async () => {
    const seq = await t.lastAuditSeq();
    report = await create(hnOfficer, { orgUnitId: p01, period: Q1_2025 });
    expect(report).toMatchObject({
      status: 'draft',
      from: '2025-01-01',
      to: '2025-03-31',
      parentAgency: 'BẢO HIỂM XÃ HỘI VIỆT NAM',
      issuer: 'BẢO HIỂM XÃ HỘI THÀNH PHỐ HÀ NỘI',
      place: 'Hà Nội',
      generation: { state: 'queued', progress: 0 },
      documents: [],
      can: { edit: true, approve: false, delete: true },
    });
    expect(report.subject).toContain('{{ky_bao_cao}}');
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([['create', 'report', report.id]]);
  });

  it('serves no document before the generation', async () => {
    const response = await hnOfficer.get(`/api/reports/${report.id}/document.docx`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('report.not_ready');
  });

  it('refuses a second live report of the same unit and period, naming the existing one', async () => {
    const response = await hnLeader.post('/api/reports', { orgUnitId: p01, period: Q1_2025 });
    expect(response.statusCode).toBe(409);
    const problem = response.json<TReportExistsProblem>();
    expect(problem.code).toBe('report.exists');
    expect(problem.existingId).toBe(report.id);
  });

  it('generates DOCX, PDF and XLSX with the figures filled in', async () => {
    expect(await generate(report)).toBe('done');
    const after = await get(hnOfficer, report.id);
    expect(after.generation).toMatchObject({ state: 'done', progress: 100, step: null, error: null });
    expect(after.documents.sort()).toEqual(['docx', 'pdf', 'xlsx']);
    expect(after.subject).toBe('Kết quả công tác thông tin, truyền thông quý I năm 2025');
    const results = after.sections.find((s) => s.table === 'figures')!.text;
    const p01Figures = EXPECTED.P01.value;
    expect(results).toContain(`thực hiện ${p01Figures.products} sản phẩm truyền thông`);
    expect(results).toContain(`tiếp cận 1.200 lượt người`);
    expect(results).toContain(`Kinh phí được phân bổ 300.000.000 đồng, đã chi 50.000.000 đồng`);
    expect(results).toContain('tỷ lệ giải ngân 16,7%');
    expect(after.version).toBe(report.version);

    const docx = await hnOfficer.get(`/api/reports/${report.id}/document.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const xml = zipEntry(docx.rawPayload, 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain('BẢO HIỂM XÃ HỘI THÀNH PHỐ HÀ NỘI');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    const pdf = await hnOfficer.get(`/api/reports/${report.id}/document.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const xlsx = await hnOfficer.get(`/api/reports/${report.id}/document.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Chi tieu')!;
    expect(sheet.getRow(4).getCell(1).value).toBe('Sản phẩm truyền thông');
    expect(sheet.getRow(4).getCell(3).value).toBe(p01Figures.products);
    expect(sheet.getRow(4).getCell(4).value).toBe(EXPECTED.P01.previous.products);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Chi tieu',
      'Don vi truc thuoc',
      'Theo thang',
      'Ke hoach - thuc hien',
      'Bao phu huong dan',
    ]);
  });

  it('rolls up: lists the child units with their reports, and counts the approved ones', async () => {
    const district = await create(bdOfficer, { period: Q1_2025 });
    expect(district.orgUnit.id).toBe(d001);
    expect(district.parentAgency).toBe('BẢO HIỂM XÃ HỘI THÀNH PHỐ HÀ NỘI');
    const children = (await get(hnOfficer, report.id)).children;
    expect(children.length).toBeGreaterThan(1);
    expect(children.find((c) => c.unit.code === 'D001')!.report).toEqual({
      id: district.id,
      status: 'draft',
      number: null,
    });
    expect(children.filter((c) => c.report !== null)).toHaveLength(1);
    expect(await generate(district)).toBe('done');
    const approved = await hnLeader.post(`/api/reports/${district.id}/approve`, { version: district.version });
    expect(approved.statusCode, approved.body).toBe(200);
    const current = await get(hnOfficer, report.id);
    const regenerated = await hnOfficer.post(`/api/reports/${report.id}/regenerate`, {
      version: current.version,
      resetText: true,
    });
    expect(regenerated.statusCode, regenerated.body).toBe(200);
    const queued = regenerated.json<TReport>();
    expect(queued.generation.state).toBe('queued');
    expect(queued.children.find((c) => c.unit.id === d001)!.report).toMatchObject({
      id: district.id,
      status: 'approved',
    });
    expect(await generate(queued)).toBe('done');
    const done = await get(hnOfficer, report.id);
    expect(done.sections.find((s) => s.table === 'children')!.text).toContain(
      `Đơn vị có ${done.children.length} đơn vị trực thuộc, trong đó 1 đơn vị đã có báo cáo kỳ này được phê duyệt`,
    );
  });

  it('writes nothing from a generation whose version was edited away', async () => {
    const current = await get(hnOfficer, report.id);
    const edited = await hnOfficer.patch(`/api/reports/${report.id}`, {
      version: current.version,
      number: '15',
      signerName: 'Nguyễn Văn An',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const next = edited.json<TReport>();
    expect(next).toMatchObject({ number: '15', version: current.version + 1, generation: { state: 'queued' } });
    expect(next.documents).toEqual([]);
    expect(await generate(current)).toBe('stale');
    expect((await get(hnOfficer, report.id)).generation.state).toBe('queued');
    const stale = await hnOfficer.get(`/api/reports/${report.id}/document.pdf`);
    expect(stale.statusCode).toBe(409);
    expect(await generate(next)).toBe('done');
  });

  it('lets the leader approve, freezes the documents and notifies the creator', async () => {
    const current = await get(hnLeader, report.id);
    expect(current.can.approve).toBe(true);
    expect((await hnOfficer.post(`/api/reports/${report.id}/approve`, { version: current.version })).statusCode).toBe(
      403,
    );
    const seq = await t.lastAuditSeq();
    const response = await hnLeader.post(`/api/reports/${report.id}/approve`, { version: current.version });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TReport>()).toMatchObject({
      status: 'approved',
      approvedBy: { fullName: expect.any(String) },
    });
    expect((await t.auditSince(seq)).map((a) => a.action)).toEqual(['approve']);
    const { rows } = await t.db.pool.query(
      `SELECT n.kind, n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'rp.hn'`,
    );
    expect(rows).toContainEqual({ kind: 'status_change', link: `/reports/${report.id}` });

    const edit = await hnOfficer.patch(`/api/reports/${report.id}`, { version: current.version + 1, number: '16' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('report.not_draft');
    const before = await hnOfficer.get(`/api/reports/${report.id}/document.docx`);
    expect(before.statusCode).toBe(200);
    expect(zipEntry(before.rawPayload, 'word/document.xml')!.toString('utf8')).toContain('15/BC-BHXH');
    expect((await hnOfficer.delete(`/api/reports/${report.id}`)).statusCode).toBe(409);
  });

  it('archives (leaders only), after which the period may be reported again', async () => {
    const current = await get(hnLeader, report.id);
    expect((await hnOfficer.post(`/api/reports/${report.id}/archive`, { version: current.version })).statusCode).toBe(
      403,
    );
    const archived = await hnLeader.post(`/api/reports/${report.id}/archive`, { version: current.version });
    expect(archived.json<TReport>().status).toBe('archived');
    const again = await create(hnOfficer, { orgUnitId: p01, period: Q1_2025 });
    expect(again.id).not.toBe(report.id);
    expect((await hnOfficer.delete(`/api/reports/${again.id}`)).statusCode).toBe(204);
  });
});

describe('bad input', () => {
  it('refuses a period number that does not fit the kind, on the field', async () => {
    const response = await hnOfficer.post('/api/reports', { period: { kind: 'quarter', year: 2025, number: 5 } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'report.invalid_period',
      errors: [{ field: 'period.number', code: 'validation.report_period_number' }],
    });
  });

  it('hides units outside the caller scope and refuses viewers', async () => {
    const outside = await hnOfficer.post('/api/reports', { orgUnitId: p79, period: Q1_2025 });
    expect(outside.statusCode).toBe(404);
    expect((await hcmViewer.post('/api/reports', { period: Q1_2025 })).statusCode).toBe(403);
  });

  it('refuses unknown placeholders field by field', async () => {
    const draft = await create(hnOfficer, { orgUnitId: p01, period: { kind: 'month', year: 2025, number: 2 } });
    const response = await hnOfficer.patch(`/api/reports/${draft.id}`, {
      version: draft.version,
      subject: 'Báo cáo {{ky_bao_cao}}',
      sections: [
        { heading: 'I. KẾT QUẢ', text: 'Có {{so_san_pham}} sản phẩm', table: 'figures' },
        { heading: 'II. {{muc_hai}}', text: 'Số liệu {{so_lieu_la}}', table: 'none' },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'report.unknown_placeholder',
      errors: [
        { field: 'sections.1.heading', code: 'validation.unknown_placeholder' },
        { field: 'sections.1.text', code: 'validation.unknown_placeholder' },
      ],
    });
    expect(response.json().errors[1].message).toContain('so_lieu_la');
  });

  it('refuses to regenerate while a generation is under way, but not once it is lost', async () => {
    const draft = await create(hnOfficer, { orgUnitId: p01, period: { kind: 'month', year: 2025, number: 3 } });
    const busy = await hnOfficer.post(`/api/reports/${draft.id}/regenerate`, { version: draft.version });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('report.generating');
    await t.db.pool.query(`UPDATE reports SET generation_touched_at = now() - interval '11 minutes' WHERE id = $1`, [
      draft.id,
    ]);
    const lost = await hnOfficer.post(`/api/reports/${draft.id}/regenerate`, { version: draft.version });
    expect(lost.statusCode, lost.body).toBe(200);
  });
});

describe('an empty period and a failing generation', () => {
  it('gives an honest report with zeros for a period without records', async () => {
    const empty = await create(hnOfficer, { orgUnitId: p01, period: { kind: 'year', year: 2031, number: 1 } });
    expect(await generate(empty)).toBe('done');
    const done = await get(hnOfficer, empty.id);
    expect(done.sections.find((s) => s.table === 'figures')!.text).toContain('thực hiện 0 sản phẩm truyền thông');
    expect(done.sections.find((s) => s.table === 'figures')!.text).toContain('tỷ lệ giải ngân 0%');
  });

  it('records the reason of a failure on the report', async () => {
    const draft = await create(hnOfficer, { orgUnitId: p01, period: { kind: 'half', year: 2025, number: 2 } });
    const broken = createReportGeneration({
      db: t.db.db,
      runInTransaction: t.services.runInTransaction,
      repo: reportsRepository,
      sources: {
        dashboard: async () => {
          throw new Error('số liệu không đọc được');
        },
      },
    });
    expect(await broken.run(draft.id, draft.version)).toBe('failed');
    const failed = await get(hnOfficer, draft.id);
    expect(failed.generation).toMatchObject({ state: 'failed', error: 'số liệu không đọc được' });
    const retried = await hnOfficer.post(`/api/reports/${draft.id}/regenerate`, { version: draft.version });
    expect(retried.statusCode, retried.body).toBe(200);
  });
});

describe('the list', () => {
  it('searches without accents, filters, pages and exports within the caller scope', async () => {
    const page = await hnOfficer.get('/api/reports?q=ha noi&periodKind=month&sort=-period&pageSize=1');
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<{ items: TReportSummary[]; total: number }>();
    expect(body.total).toBe(2);
    expect(body.items.map((r) => r.period)).toEqual([{ kind: 'month', year: 2025, number: 3 }]);
    const district = await bdOfficer.get('/api/reports');
    expect(district.json<{ items: TReportSummary[] }>().items.every((r) => r.orgUnit.id === d001)).toBe(true);
    const archived = await hnOfficer.get('/api/reports?status=archived');
    expect(archived.json<{ total: number }>().total).toBe(1);
    const outside = await hnOfficer.get(`/api/reports?orgUnitId=${p79}`);
    expect(outside.statusCode).toBe(404);
    const file = await hnOfficer.get('/api/reports/export.xlsx?periodKind=month');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe('BHXH thành phố Hà Nội');
  });
});
