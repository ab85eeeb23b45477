import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TPage, TStory, TStoryDetail, TStoryMedia } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let filesDir: string;
let hanoi: Session;
let badinh: Session;
let danang: Session;
let leader: Session;
let p01: string;
let p48: string;
let d001: string;

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const storyCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM stories')).rows[0]!.n;

const LAN = {
  kind: 'good_person',
  title: 'Chị Lan – đại lý thu vận động 300 người tham gia BHXH tự nguyện',
  story: 'Ở xã Đông Anh, chị Nguyễn Thị Lan đi từng nhà giải thích lợi ích của BHXH tự nguyện.',
  people: [{ name: 'Nguyễn Thị Lan', role: 'Nhân viên đại lý thu', contact: '0912 345 678' }],
  place: 'Xã Đông Anh, Hà Nội',
  occurredOn: '2026-03-15',
  guidanceYear: 2020,
  themes: ['II.1.g'],
  tags: ['BHXH tự nguyện', ' bhxh tu nguyen ', 'đại lý thu'],
};

async function create(session: Session, overrides: Record<string, unknown> = {}): Promise<TStoryDetail> {
  const response = await session.post('/api/stories', { ...LAN, ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TStoryDetail>();
}

async function makeUsable(session: Session, story: TStoryDetail): Promise<TStoryDetail> {
  const consent = await session.post(`/api/stories/${story.id}/consent`, {
    status: 'obtained',
    note: 'Đồng ý bằng văn bản ngày 20/3',
    version: story.version,
  });
  expect(consent.statusCode, consent.body).toBe(200);
  const usable = await session.post(`/api/stories/${story.id}/status`, {
    status: 'usable',
    version: consent.json<TStoryDetail>().version,
  });
  expect(usable.statusCode, usable.body).toBe(200);
  return usable.json<TStoryDetail>();
}

const upload = (session: Session, storyId: string, bytes: Buffer, name: string, query = '') =>
  session.post(`/api/stories/${storyId}/media${query}`, bytes, {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(name),
  });

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), 'loa-stories-test-'));
  t = await createTestApp({ filesDir });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'badinh.officer', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'hanoi.leader', roles: ['leader'], unitCode: 'P01' });
  [hanoi, badinh, danang, leader] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('badinh.officer'),
    t.login('danang.officer'),
    t.login('hanoi.leader'),
  ]);
  [p01, p48, d001] = await Promise.all([t.unitId('P01'), t.unitId('P48'), t.unitId('D001')]);
});
afterAll(async () => {
  await t?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

describe('POST /api/stories', () => {
  it('adds a draft kept by the caller’s unit, pending consent, audited without contacts', async () => {
    const seq = await t.lastAuditSeq();
    const story = await create(hanoi);
    expect(story).toMatchObject({
      kind: 'good_person',
      status: 'draft',
      orgUnit: { id: p01, code: 'P01' },
      consent: { status: 'pending', recordedBy: null, recordedAt: null },
      themes: ['II.1.g'],
      tags: ['BHXH tự nguyện', 'đại lý thu'],
      people: [{ name: 'Nguyễn Thị Lan', role: 'Nhân viên đại lý thu', contact: '0912 345 678' }],
      media: [],
      canEdit: true,
      version: 1,
    });
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id, a.org_unit_id])).toEqual([
      ['create', 'story', story.id, p01],
    ]);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('0912');
  });

  it('reports bad input field by field and writes nothing', async () => {
    const before = await storyCount();
    const seq = await t.lastAuditSeq();
    const response = await hanoi.post('/api/stories', {
      kind: 'hero',
      title: '  ',
      story: 'x',
      people: [{ name: '' }],
      occurredOn: '2026-02-30',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(response.json()).sort()).toEqual(
      [
        'kind:validation.invalid_value',
        'occurredOn:validation.invalid_date',
        'people.0.name:validation.required',
        'title:validation.required',
      ].sort(),
    );
    expect(await storyCount()).toBe(before);
    expect(await t.auditSince(seq)).toEqual([]);
  });

  it('checks theme codes against the guidance year, and the keeping unit against the scope', async () => {
    const theme = await hanoi.post('/api/stories', { ...LAN, themes: ['II.1.g', 'IX.9'] });
    expect(theme.statusCode).toBe(400);
    expect(fieldsOf(theme.json())).toEqual(['themes.1:validation.invalid_value']);
    const year = await hanoi.post('/api/stories', { ...LAN, guidanceYear: 2099 });
    expect(fieldsOf(year.json())).toEqual(['guidanceYear:validation.unknown_guidance_year']);
    const foreign = await hanoi.post('/api/stories', { ...LAN, orgUnitId: p48 });
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign.json())).toEqual(['orgUnitId:validation.unit_out_of_scope']);
  });

  it('is for the working roles; leaders read', async () => {
    const response = await leader.post('/api/stories', LAN);
    expect(response.statusCode).toBe(403);
  });
});

describe('scope', () => {
  it('keeps drafts within the subtree and shares usable stories with the whole agency', async () => {
    const draft = await create(badinh, { title: 'Sáng kiến thu BHYT học sinh ở Ba Đình', kind: 'initiative' });
    expect(draft.orgUnit.id).toBe(d001);
    // The province above sees and edits its district's draft; another province does not see it at all.
    expect((await hanoi.get(`/api/stories/${draft.id}`)).statusCode).toBe(200);
    expect((await danang.get(`/api/stories/${draft.id}`)).statusCode).toBe(404);
    expect((await danang.patch(`/api/stories/${draft.id}`, { title: 'X', version: 1 })).statusCode).toBe(404);
    const danangList = (await danang.get('/api/stories?pageSize=1000')).json<TPage<TStory>>();
    expect(danangList.items.map((s) => s.id)).not.toContain(draft.id);

    const usable = await makeUsable(hanoi, draft);
    const seen = await danang.get(`/api/stories/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<TStoryDetail>()).toMatchObject({
      canEdit: false,
      people: [{ name: 'Nguyễn Thị Lan', role: 'Nhân viên đại lý thu' }],
    });
    expect(seen.body).not.toContain('0912');
    expect((await hanoi.get(`/api/stories/${draft.id}`)).body).toContain('0912 345 678');
    const change = await danang.patch(`/api/stories/${draft.id}`, { title: 'Đổi tên', version: usable.version });
    expect(change.statusCode).toBe(403);
    expect(
      (await danang.post(`/api/stories/${draft.id}/status`, { status: 'archived', version: usable.version }))
        .statusCode,
    ).toBe(403);
  });

  it('filters by unit subtree and by status', async () => {
    const a = await create(hanoi, { title: 'Tập thể BHXH quận Ba Đình', kind: 'model_collective', orgUnitId: d001 });
    const b = await create(danang, { title: 'Ông Tư ở Hải Châu', guidanceYear: null, themes: [] });
    const underP01 = (await hanoi.get(`/api/stories?unitId=${p01}&pageSize=1000`)).json<TPage<TStory>>();
    expect(underP01.items.map((s) => s.id)).toContain(a.id);
    expect(underP01.items.map((s) => s.id)).not.toContain(b.id);
    expect(underP01.items.every((s) => ['P01', 'D001'].includes(s.orgUnit.code))).toBe(true);
    const collectives = (await hanoi.get('/api/stories?kind=model_collective&status=draft')).json<TPage<TStory>>();
    expect(collectives.items.map((s) => s.id)).toEqual([a.id]);
  });
});

describe('consent and status', () => {
  it('refuses to mark usable without consent, and changes nothing', async () => {
    const story = await create(hanoi, { title: 'Bà Hoa nhận lương hưu tận nhà' });
    const seq = await t.lastAuditSeq();
    const response = await hanoi.post(`/api/stories/${story.id}/status`, { status: 'usable', version: story.version });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'story.consent_required' });
    expect((await hanoi.get(`/api/stories/${story.id}`)).json<TStoryDetail>()).toMatchObject({
      status: 'draft',
      version: 1,
    });
    expect(await t.auditSince(seq)).toEqual([]);
  });

  it('records consent with who and when; a refusal takes a usable story back to draft', async () => {
    const story = await makeUsable(
      hanoi,
      await create(hanoi, { title: 'Anh Minh hiến máu, tham gia BHYT hộ gia đình' }),
    );
    expect(story.consent).toMatchObject({ status: 'obtained', note: 'Đồng ý bằng văn bản ngày 20/3' });
    expect(story.consent.recordedBy).toBe(hanoi.user.fullName);
    const seq = await t.lastAuditSeq();
    const refused = await hanoi.post(`/api/stories/${story.id}/consent`, {
      status: 'refused',
      note: 'Gia đình xin rút lại',
      version: story.version,
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json<TStoryDetail>()).toMatchObject({ status: 'draft', consent: { status: 'refused' } });
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => a.action)).toEqual(['record_consent']);
    expect(audit[0]!.before).toMatchObject({ status: 'usable', consent: 'obtained' });
    expect(audit[0]!.after).toMatchObject({ status: 'draft', consent: 'refused' });
  });

  it('asks why consent is not needed, and rejects a stale version', async () => {
    const story = await create(hanoi, { title: 'Sáng kiến tra cứu thẻ BHYT qua Zalo', kind: 'initiative', people: [] });
    const noNote = await hanoi.post(`/api/stories/${story.id}/consent`, { status: 'not_needed', version: 1 });
    expect(fieldsOf(noNote.json())).toEqual(['note:validation.required']);
    const stale = await hanoi.post(`/api/stories/${story.id}/consent`, { status: 'obtained', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict.version' });
  });

  it('freezes an archived story until it returns to draft', async () => {
    const story = await create(hanoi, { title: 'Câu chuyện cũ năm 2020' });
    const archived = (
      await hanoi.post(`/api/stories/${story.id}/status`, { status: 'archived', version: story.version })
    ).json<TStoryDetail>();
    expect(archived.status).toBe('archived');
    const edit = await hanoi.patch(`/api/stories/${story.id}`, { title: 'Sửa', version: archived.version });
    expect(edit.json()).toMatchObject({ status: 409, code: 'story.archived' });
    const usable = await hanoi.post(`/api/stories/${story.id}/status`, { status: 'usable', version: archived.version });
    expect(usable.json()).toMatchObject({ code: 'story.invalid_transition' });
    const back = await hanoi.post(`/api/stories/${story.id}/status`, { status: 'draft', version: archived.version });
    expect(back.json<TStoryDetail>().status).toBe('draft');
  });
});

describe('PATCH /api/stories/:id', () => {
  it('changes only the fields sent, audited with before and after', async () => {
    const story = await create(hanoi, { title: 'Chú Ba tuyên truyền ở chợ' });
    const seq = await t.lastAuditSeq();
    const response = await hanoi.patch(`/api/stories/${story.id}`, {
      title: 'Chú Ba tuyên truyền BHYT ở chợ Đồng Xuân',
      people: [{ name: 'Trần Văn Ba', role: 'Tiểu thương' }],
      version: story.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TStoryDetail>()).toMatchObject({ place: LAN.place, themes: ['II.1.g'], version: 2 });
    const [event] = await t.auditSince(seq);
    expect(event).toMatchObject({ action: 'update', entity_id: story.id });
    expect(event!.before).toMatchObject({ title: 'Chú Ba tuyên truyền ở chợ' });
    expect(event!.after).toMatchObject({ title: 'Chú Ba tuyên truyền BHYT ở chợ Đồng Xuân' });
  });
});

describe('GET /api/stories', () => {
  it('searches without accents across title, story, people and tags', async () => {
    const story = await create(hanoi, {
      title: 'Người thầy giáo vùng cao',
      story: 'Thầy vận động phụ huynh mua thẻ BHYT cho học sinh.',
      people: [{ name: 'Hoàng Văn Đức', role: 'Giáo viên' }],
      tags: ['Mường Lát'],
    });
    for (const q of ['hoang van duc', 'thay giao vung cao', 'muong lat', 'PHU HUYNH']) {
      const page = (await hanoi.get(`/api/stories?q=${encodeURIComponent(q)}`)).json<TPage<TStory>>();
      expect(
        page.items.map((s) => s.id),
        q,
      ).toEqual([story.id]);
    }
    const byTheme = (
      await hanoi.get('/api/stories?theme=II.1.g&occurredFrom=2026-03-01&occurredTo=2026-03-31&pageSize=1000')
    ).json<TPage<TStory>>();
    expect(byTheme.items.map((s) => s.id)).toContain(story.id);
    expect(byTheme.items.every((s) => s.themes.includes('II.1.g'))).toBe(true);
    const sorted = (await hanoi.get('/api/stories?sort=title&pageSize=2&page=1')).json<TPage<TStory>>();
    expect(sorted.items).toHaveLength(2);
    expect(sorted.total).toBeGreaterThan(2);
  });

  it('exports the matches as Excel', async () => {
    await create(hanoi, { title: 'Xuất Excel: gương sáng', tags: ['excel-mau'] });
    const response = await hanoi.get('/api/stories/export.xlsx?q=excel-mau');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tiêu đề');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Xuất Excel: gương sáng');
    expect(sheet.getRow(2).getCell(9).value).toBe('Chưa có');
  });
});

describe('story media', () => {
  it('uploads, serves and removes files; evidence of consent stays until consent is recorded again', async () => {
    const story = await create(hanoi, { title: 'Ảnh chị Lan' });
    const photo = Buffer.from('\x89PNG\r\n\x1a\n fake-not-checked-here');
    const text = Buffer.from('Biên bản đồng ý của chị Lan\n');
    const added = await upload(hanoi, story.id, text, 'Biên bản đồng ý.txt', '?caption=B%E1%BA%A3n%20k%C3%BD');
    expect(added.statusCode, added.body).toBe(201);
    const media = added.json<TStoryMedia>();
    expect(media).toMatchObject({
      caption: 'Bản ký',
      sortOrder: 1,
      file: { name: 'Biên bản đồng ý.txt', orgUnitId: p01 },
    });
    expect((await upload(danang, story.id, photo, 'x.png')).statusCode).toBe(404);

    const content = await hanoi.get(`/api/stories/${story.id}/media/${media.file.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(text)).toBe(true);

    const consent = await hanoi.post(`/api/stories/${story.id}/consent`, {
      status: 'obtained',
      evidenceFileId: media.file.id,
      version: story.version,
    });
    expect(consent.json<TStoryDetail>().consent.evidenceFileId).toBe(media.file.id);
    const blocked = await hanoi.delete(`/api/stories/${story.id}/media/${media.file.id}`);
    expect(blocked.json()).toMatchObject({ code: 'story.evidence_in_use' });

    const other = await hanoi.post(`/api/stories/${story.id}/consent`, {
      status: 'obtained',
      evidenceFileId: '00000000-0000-4000-8000-000000000000',
      version: consent.json<TStoryDetail>().version,
    });
    expect(fieldsOf(other.json())).toEqual(['evidenceFileId:validation.invalid_value']);
    const cleared = await hanoi.post(`/api/stories/${story.id}/consent`, {
      status: 'obtained',
      version: consent.json<TStoryDetail>().version,
    });
    expect(cleared.statusCode).toBe(200);
    const seq = await t.lastAuditSeq();
    expect((await hanoi.delete(`/api/stories/${story.id}/media/${media.file.id}`)).statusCode).toBe(204);
    expect((await t.auditSince(seq)).map((a) => [a.action, a.entity_type])).toEqual([['detach', 'story']]);
    expect((await hanoi.get(`/api/stories/${story.id}`)).json<TStoryDetail>().media).toEqual([]);
    expect((await hanoi.get(`/api/stories/${story.id}/media/${media.file.id}/content`)).statusCode).toBe(404);
  });
});
