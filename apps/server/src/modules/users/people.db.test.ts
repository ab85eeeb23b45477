import type { TPerson } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let hanoiOfficer: Session;
let badinhOfficer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'pp.hanoi', roles: ['province_officer'], unitCode: 'P01', fullName: 'Lê Văn Hà' });
  await t.createUser({ username: 'pp.badinh', roles: ['district_officer'], unitCode: 'D001', fullName: 'Trần Thị Ba' });
  await t.createUser({ username: 'pp.nghi', roles: ['viewer'], unitCode: 'D001', fullName: 'Phạm Văn Nghỉ' });
  await t.createUser({ username: 'pp.danang', roles: ['province_officer'], unitCode: 'P48', fullName: 'Lê Văn Đà' });
  await t.db.pool.query(`UPDATE users SET disabled = true WHERE username = 'pp.nghi'`);
  hanoiOfficer = await t.login('pp.hanoi');
  badinhOfficer = await t.login('pp.badinh');
});
afterAll(async () => t?.close());

const people = async (session: Session, query: string) => {
  const response = await session.get(`/api/people?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPerson[]>().map((p) => p.fullName);
};

describe('GET /api/people', () => {
  it('lets any officer find the active colleagues of their scope, accents optional', async () => {
    expect(await people(hanoiOfficer, 'q=le van')).toEqual(['Lê Văn Hà']);
    expect(await people(hanoiOfficer, 'q=tran thi')).toEqual(['Trần Thị Ba']);
    // Disabled accounts are not offered.
    expect(await people(hanoiOfficer, 'q=nghi')).toEqual([]);
  });

  it('never shows people outside the scope', async () => {
    expect(await people(badinhOfficer, 'q=le van')).toEqual([]);
    expect(await people(hanoiOfficer, 'q=da')).not.toContain('Lê Văn Đà');
  });

  it('narrows to one unit of the scope and refuses a unit outside it', async () => {
    const d001 = await t.unitId('D001');
    expect(await people(hanoiOfficer, `orgUnitId=${d001}`)).toEqual(['Trần Thị Ba']);
    const outside = await badinhOfficer.get(`/api/people?orgUnitId=${await t.unitId('P01')}`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['orgUnitId']);
  });

  it('returns only what a picker needs, not account details', async () => {
    const response = await hanoiOfficer.get('/api/people?q=tran');
    const [person] = response.json<Record<string, unknown>[]>();
    expect(Object.keys(person!).sort()).toEqual(['fullName', 'id', 'orgUnit', 'title']);
    expect(person!.orgUnit).toMatchObject({ code: 'D001' });
  });

  it('limits the page and validates the limit', async () => {
    expect((await hanoiOfficer.get('/api/people?limit=500')).statusCode).toBe(400);
    expect(await people(hanoiOfficer, 'limit=1')).toHaveLength(1);
  });
});
