import type { TProblem, TSavedView } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let mine: Session;
let other: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'view.owner', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'view.other', roles: ['viewer'], unitCode: 'P48' });
  [mine, other] = await Promise.all([t.login('view.owner'), t.login('view.other')]);
});
afterAll(async () => t?.close());

const create = (session: Session, name: string, params: string) =>
  session.post('/api/monitoring/views', { name, params });
const list = async (session: Session) => (await session.get('/api/monitoring/views')).json<TSavedView[]>();

describe('saved views', () => {
  it('saves a search for its owner only, without the page, audited', async () => {
    const seq = await t.lastAuditSeq();
    const response = await create(mine, 'Sổ BHXH tiêu cực', '?q=so+bhxh&sentiment=negative&page=3');
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json<TSavedView>();
    expect(view.params).toBe('q=so+bhxh&sentiment=negative');
    await create(mine, 'Bảo hiểm y tế', 'flag=fraud&flag=service_complaint');
    expect((await list(mine)).map((v) => v.name)).toEqual(['Bảo hiểm y tế', 'Sổ BHXH tiêu cực']);
    expect(await list(other)).toEqual([]);
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type, a.summary])).toEqual([
      ['create', 'monitoring_view', 'Sổ BHXH tiêu cực'],
      ['create', 'monitoring_view', 'Bảo hiểm y tế'],
    ]);
  });

  it('keeps a name once per officer (409 naming the field) while others may use it', async () => {
    const again = await create(mine, 'Sổ BHXH tiêu cực', 'q=khac');
    expect(again.statusCode).toBe(409);
    expect(again.json<TProblem>().errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'validation.duplicate' }),
    ]);
    expect((await create(other, 'Sổ BHXH tiêu cực', 'q=so+bhxh')).statusCode).toBe(201);
  });

  it('refuses a blank name and parameters the search would refuse', async () => {
    const blank = await create(mine, '  ', 'q=x');
    expect(blank.statusCode).toBe(400);
    expect(blank.json<TProblem>().errors!.map((e) => e.field)).toEqual(['name']);
    for (const params of ['sort=bogus', 'relevance=hot', 'nonsense=1']) {
      const bad = await create(mine, `Sai ${params}`, params);
      expect(bad.statusCode).toBe(400);
      expect(bad.json<TProblem>().errors!.map((e) => e.field)).toEqual(['params']);
    }
  });

  it("deletes one's own view and treats another's as not found", async () => {
    const [view] = await list(mine);
    expect((await other.delete(`/api/monitoring/views/${view!.id}`)).statusCode).toBe(404);
    const seq = await t.lastAuditSeq();
    expect((await mine.delete(`/api/monitoring/views/${view!.id}`)).statusCode).toBe(204);
    expect((await list(mine)).map((v) => v.id)).not.toContain(view!.id);
    expect((await t.auditSince(seq)).map((a) => [a.action, a.entity_id])).toEqual([['delete', view!.id]]);
    expect((await mine.delete(`/api/monitoring/views/${view!.id}`)).statusCode).toBe(404);
  });
});
