import { REPORT_PLACEHOLDERS, placeholdersIn, type TReport, type TReportTemplate } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let comms: Session;
let officer: Session;

const section = (heading: string, text: string, table = 'none') => ({ heading, text, table });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tpl.tt', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'tpl.hn', roles: ['province_officer'], unitCode: 'P01' });
  [comms, officer] = await Promise.all([t.login('tpl.tt'), t.login('tpl.hn')]);
});
afterAll(async () => t?.close());

describe('report templates', () => {
  it('ship a default template with the usual sections, using known placeholders only', async () => {
    const response = await officer.get('/api/report-templates');
    expect(response.statusCode, response.body).toBe(200);
    const [first] = response.json<TReportTemplate[]>();
    expect(first).toMatchObject({ isDefault: true, periodKinds: [] });
    expect(first!.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining([
        'I. KẾT QUẢ THỰC HIỆN',
        'II. ĐÁNH GIÁ CHUNG',
        'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
        'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      ]),
    );
    expect(first!.sections.map((s) => s.table)).toEqual(expect.arrayContaining(['figures', 'children']));
    const used = [first!.subject, ...first!.sections.flatMap((s) => [s.heading, s.text])].flatMap(placeholdersIn);
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((name) => !(REPORT_PLACEHOLDERS as readonly string[]).includes(name))).toEqual([]);
  });

  it('are kept by the Communication Center, audited, and refused to other roles', async () => {
    const body = {
      name: 'Báo cáo tháng rút gọn',
      periodKinds: ['month'],
      subject: 'Kết quả truyền thông {{ky_bao_cao}}',
      sections: [section('I. KẾT QUẢ', '{{so_san_pham}} sản phẩm', 'figures')],
      isDefault: false,
    };
    expect((await officer.post('/api/report-templates', body)).statusCode).toBe(403);
    const seq = await t.lastAuditSeq();
    const created = await comms.post('/api/report-templates', body);
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json<TReportTemplate>();
    expect((await t.auditSince(seq)).map((a) => [a.action, a.entity_type])).toEqual([['create', 'report_template']]);

    const renamed = await comms.patch(`/api/report-templates/${template.id}`, {
      version: template.version,
      name: 'Báo cáo tháng',
    });
    expect(renamed.json<TReportTemplate>()).toMatchObject({ name: 'Báo cáo tháng', version: template.version + 1 });
    const stale = await comms.patch(`/api/report-templates/${template.id}`, { version: template.version, name: 'X' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.version');
  });

  it('refuse an unknown placeholder with the field and the name', async () => {
    const response = await comms.post('/api/report-templates', {
      name: 'Sai',
      periodKinds: [],
      subject: 'Báo cáo {{ky_bao_kao}}',
      sections: [section('I', 'Đúng {{don_vi}}'), section('II', 'Sai {{don_vi_x}}')],
      isDefault: false,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'report.unknown_placeholder',
      errors: [
        { field: 'subject', code: 'validation.unknown_placeholder' },
        { field: 'sections.1.text', code: 'validation.unknown_placeholder' },
      ],
    });
  });

  it('may become the default, and deleting one leaves its reports in place', async () => {
    const created = await comms.post('/api/report-templates', {
      name: 'Mẫu quý mới',
      periodKinds: ['quarter'],
      subject: 'Báo cáo quý: {{ky_bao_cao}}',
      sections: [section('I. TÌNH HÌNH', 'Đơn vị {{don_vi}} báo cáo.')],
      isDefault: true,
    });
    const template = created.json<TReportTemplate>();
    const all = (await officer.get('/api/report-templates')).json<TReportTemplate[]>();
    expect(all.filter((x) => x.isDefault).map((x) => x.id)).toEqual([template.id]);

    const report = await officer.post('/api/reports', { period: { kind: 'quarter', year: 2025, number: 2 } });
    expect(report.statusCode, report.body).toBe(201);
    const made = report.json<TReport>();
    expect(made).toMatchObject({ templateId: template.id, subject: 'Báo cáo quý: {{ky_bao_cao}}' });
    const refused = await officer.post('/api/reports', {
      period: { kind: 'month', year: 2025, number: 2 },
      templateId: template.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'templateId' })]);

    expect((await comms.delete(`/api/report-templates/${template.id}`)).statusCode).toBe(204);
    expect((await comms.get(`/api/report-templates/${template.id}`)).statusCode).toBe(404);
    const kept = (await officer.get(`/api/reports/${made.id}`)).json<TReport>();
    expect(kept).toMatchObject({ templateId: null, subject: made.subject, sections: made.sections });
  });
});
