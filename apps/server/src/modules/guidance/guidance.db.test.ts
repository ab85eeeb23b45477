import { GUIDANCE_KIND_PATHS, matchesVi, type TGuidanceItem, type TGuidanceYear } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { GUIDANCE_2020 } from './guidance-2020.data.js';

let t: TestApp;
let comms: Session;
let viewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'truyen.thong', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'chi.xem', roles: ['viewer'], unitCode: 'P79' });
  comms = await t.login('truyen.thong');
  viewer = await t.login('chi.xem');
});
afterAll(async () => t?.close());

type Page<T> = { items: T[]; total: number };
const get = async <T>(session: Session, url: string) => {
  const response = await session.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};
const codes = (page: Page<TGuidanceItem>) => page.items.map((i) => i.code);
/** The 2020 items a query should find: every word in the code, names or texts, ignoring accents. */
const expectedMatches = (q: string) =>
  GUIDANCE_2020.items
    .filter((i) => matchesVi([i.code, i.nameVi, i.nameEn, i.textVi, i.textEn].join(' '), q))
    .map((i) => i.code);
const lastSeq = () => t.lastAuditSeq();
const auditSince = (seq: number) => t.auditSince(seq);
const COPY_2021 = {
  toYear: 2021,
  documentNo: '100/BHXH-TT',
  title: 'Hướng dẫn công tác truyền thông năm 2021',
  issuedOn: '2021-01-15',
};

describe('guidance routes', () => {
  describe('GET /api/guidance', () => {
    it('lists the 2020 guidance with its 61 items', async () => {
      const years = await get<Page<TGuidanceYear>>(viewer, '/api/guidance');
      expect(years).toEqual({
        items: [
          {
            year: 2020,
            documentNo: '1191/BHXH-TT',
            title: 'Hướng dẫn công tác truyền thông năm 2020',
            issuedOn: '2020-04-20',
            copiedFrom: null,
            itemCount: 61,
          },
        ],
        total: 1,
      });
    });
  });

  describe('GET /api/guidance/:year/<kind>', () => {
    it('lists the five audiences', async () => {
      const page = await get<Page<TGuidanceItem>>(viewer, '/api/guidance/2020/audiences');
      expect(page.total).toBe(5);
      expect(codes(page)).toEqual(['I.1', 'I.2', 'I.3', 'I.4', 'I.5']);
    });

    it('lists the 13 themes in the order of the document, including II.1.đ', async () => {
      const page = await get<Page<TGuidanceItem>>(viewer, '/api/guidance/2020/themes?pageSize=100');
      expect(page.total).toBe(13);
      expect(codes(page)).toEqual(GUIDANCE_2020.items.filter((i) => i.kind === 'theme').map((i) => i.code));
      expect(page.items.find((i) => i.code === 'II.1.đ')).toMatchObject({ parentCode: 'II.1', group: 'regular' });
    });

    it('splits the 61 items between the five kinds', async () => {
      let sum = 0;
      for (const [segment, kind] of Object.entries(GUIDANCE_KIND_PATHS)) {
        const page = await get<Page<TGuidanceItem>>(viewer, `/api/guidance/2020/${segment}?pageSize=100`);
        expect(page.total, segment).toBe(GUIDANCE_2020.items.filter((i) => i.kind === kind).length);
        expect(page.items.every((i) => i.kind === kind && i.year === 2020)).toBe(true);
        sum += page.total;
      }
      expect(sum).toBe(61);
      expect((await get<Page<TGuidanceItem>>(viewer, '/api/guidance/2020/items?pageSize=1')).total).toBe(61);
    });

    it('finds the COVID-19 theme by "dich covid"', async () => {
      const page = await get<Page<TGuidanceItem>>(viewer, '/api/guidance/2020/items?q=dich%20covid&pageSize=100');
      expect(codes(page)).toContain('II.2.c');
      expect(codes(page).sort()).toEqual(expectedMatches('dich covid').sort());
    });

    it('finds the Criminal Code theme by "gian lan"', async () => {
      const page = await get<Page<TGuidanceItem>>(viewer, '/api/guidance/2020/themes?q=gian%20lan&pageSize=100');
      expect(codes(page)).toContain('II.1.đ');
      const themes = new Set(GUIDANCE_2020.items.filter((i) => i.kind === 'theme').map((i) => i.code));
      expect(codes(page).sort()).toEqual(
        expectedMatches('gian lan')
          .filter((c) => themes.has(c))
          .sort(),
      );
    });

    it('answers 404 for a year without guidance and 400 for an impossible year', async () => {
      const missing = await viewer.get('/api/guidance/2019/themes');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('resource.not_found');
      expect((await viewer.get('/api/guidance/1999/themes')).statusCode).toBe(400);
    });
  });

  describe('POST /api/guidance/:year/copy', () => {
    it('does not let a viewer open a year: the route gate refuses the role', async () => {
      const seq = await lastSeq();
      const response = await viewer.post('/api/guidance/2020/copy', COPY_2021);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('access.role_forbidden');
      expect((await get<Page<TGuidanceYear>>(viewer, '/api/guidance')).total).toBe(1);
      expect(await auditSince(seq)).toEqual([]);
    });

    it('lets the Communication Center open 2021 as a copy of 2020, audited', async () => {
      const seq = await lastSeq();
      const response = await comms.post('/api/guidance/2020/copy', COPY_2021);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({
        year: 2021,
        documentNo: '100/BHXH-TT',
        title: 'Hướng dẫn công tác truyền thông năm 2021',
        issuedOn: '2021-01-15',
        copiedFrom: 2020,
        itemCount: 61,
      });
      const themes2021 = await get<Page<TGuidanceItem>>(viewer, '/api/guidance/2021/themes?pageSize=100');
      const themes2020 = await get<Page<TGuidanceItem>>(viewer, '/api/guidance/2020/themes?pageSize=100');
      expect(codes(themes2021)).toEqual(codes(themes2020));
      expect(themes2021.items.every((i) => i.year === 2021 && i.version === 1)).toBe(true);
      expect((await get<Page<TGuidanceYear>>(viewer, '/api/guidance')).items.map((y) => y.year)).toEqual([2021, 2020]);
      expect(await auditSince(seq)).toEqual([
        expect.objectContaining({
          action: 'copy',
          entity_type: 'guidance_year',
          entity_id: '2021',
          after: expect.objectContaining({ toYear: 2021, copiedFrom: 2020 }),
        }),
      ]);
    });

    it('refuses to copy onto a year that exists, naming `toYear`', async () => {
      const response = await comms.post('/api/guidance/2020/copy', { ...COPY_2021, documentNo: '200/BHXH-TT' });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'guidance.year_exists', errors: [{ field: 'toYear' }] });
      expect(response.json().title).toContain('2021');
    });

    it('answers 404 when copying from a year without guidance', async () => {
      const response = await comms.post('/api/guidance/2019/copy', { ...COPY_2021, toYear: 2022 });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('PATCH /api/guidance/:year/items/:id', () => {
    const itemOf = async (year: number, code: string) =>
      (await get<Page<TGuidanceItem>>(viewer, `/api/guidance/${year}/items?pageSize=100`)).items.find(
        (i) => i.code === code,
      )!;

    it('edits an item of 2021 and leaves the 2020 item alone, audited', async () => {
      const item = await itemOf(2021, 'II.2.c');
      const original = item.nameVi;
      const seq = await lastSeq();
      const response = await comms.patch(`/api/guidance/2021/items/${item.id}`, {
        nameVi: 'Phòng, chống dịch bệnh',
        version: item.version,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        code: 'II.2.c',
        year: 2021,
        nameVi: 'Phòng, chống dịch bệnh',
        version: 2,
      });
      expect((await itemOf(2020, 'II.2.c')).nameVi).toBe(original);
      expect(await auditSince(seq)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_type: 'guidance_item',
          entity_id: item.id,
          before: expect.objectContaining({ nameVi: original }),
          after: expect.objectContaining({ nameVi: 'Phòng, chống dịch bệnh' }),
        }),
      ]);
    });

    it('refuses a stale version with 409', async () => {
      const item = await itemOf(2021, 'I.1');
      expect(
        (await comms.patch(`/api/guidance/2021/items/${item.id}`, { nameEn: 'Workers', version: item.version }))
          .statusCode,
      ).toBe(200);
      const stale = await comms.patch(`/api/guidance/2021/items/${item.id}`, {
        nameEn: 'Employees',
        version: item.version,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict.version');
      expect((await itemOf(2021, 'I.1')).nameEn).toBe('Workers');
    });

    it('answers 404 for an item of another year', async () => {
      const item2020 = await itemOf(2020, 'I.2');
      const response = await comms.patch(`/api/guidance/2021/items/${item2020.id}`, { nameVi: 'Sai năm', version: 1 });
      expect(response.statusCode).toBe(404);
      expect((await itemOf(2020, 'I.2')).nameVi).toBe(item2020.nameVi);
    });

    it('does not let a viewer edit', async () => {
      const item = await itemOf(2021, 'I.3');
      const response = await viewer.patch(`/api/guidance/2021/items/${item.id}`, { nameVi: 'Không được', version: 1 });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('GET /api/guidance (list conventions)', () => {
    it('searches years by document number without accents, sorts and pages them', async () => {
      const copy = await comms.post('/api/guidance/2020/copy', {
        toYear: 2030,
        documentNo: '999/BHXH-TT',
        title: 'Hướng dẫn công tác truyền thông năm 2030',
      });
      expect(copy.statusCode).toBe(201);
      const found = await get<Page<{ year: number }>>(viewer, '/api/guidance?q=truyen%20thong%202030');
      expect(found.items.map((y) => y.year)).toEqual([2030]);
      const oldestFirst = await get<Page<{ year: number }>>(viewer, '/api/guidance?sort=year&pageSize=1');
      expect(oldestFirst.items.map((y) => y.year)).toEqual([2020]);
      expect(oldestFirst.total).toBeGreaterThanOrEqual(2);
      expect((await viewer.get('/api/guidance?pageSize=0')).statusCode).toBe(400);
    });
  });
});
