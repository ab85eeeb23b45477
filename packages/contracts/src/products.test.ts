import { describe, expect, it } from 'vitest';
import { ZCreateProductRequest, ZProductListQuery, ZUpdateProductRequest } from './products.js';

describe('ZCreateProductRequest', () => {
  it('fills the optional fields with their defaults', () => {
    const parsed = ZCreateProductRequest.parse({ guidanceYear: 2020, typeCode: 'video', title: ' Clip BHYT ' });
    expect(parsed).toMatchObject({
      title: 'Clip BHYT',
      summary: '',
      body: '',
      themeCodes: [],
      authors: [],
      language: 'vi',
    });
  });

  it('names each bad field', () => {
    const result = ZCreateProductRequest.safeParse({ guidanceYear: 2020, typeCode: '', title: 'x', language: 'fr' });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort();
    expect(fields[1]).toBe('typeCode:validation.required');
    expect(fields[0]).toMatch(/^language:/);
  });
});

describe('ZUpdateProductRequest', () => {
  it('needs the version the caller saw', () => {
    expect(ZUpdateProductRequest.safeParse({ title: 'Mới' }).success).toBe(false);
    expect(ZUpdateProductRequest.safeParse({ title: 'Mới', version: 3 }).success).toBe(true);
  });
});

describe('ZProductListQuery', () => {
  it('refuses a period that ends before it starts', () => {
    const result = ZProductListQuery.safeParse({ from: '2026-05-01', to: '2026-04-01' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['to', 'validation.date_order']]);
  });
});
