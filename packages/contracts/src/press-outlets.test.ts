import { describe, expect, it } from 'vitest';
import { ZAddContactHistoryRequest, ZCreateContactRequest, ZCreateOutletRequest } from './press-outlets.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('press outlet contracts', () => {
  it('accepts an outlet with an empty website, phone and e-mail as none', () => {
    const parsed = ZCreateOutletRequest.parse({
      name: 'VTV1',
      kind: 'tv',
      area: 'national',
      website: '',
      phone: '',
      email: '',
    });
    expect(parsed).toMatchObject({ website: null, phone: null, email: null });
  });

  it('refuses a bad area, phone, e-mail and website field by field', () => {
    const result = ZCreateOutletRequest.safeParse({
      name: 'X',
      kind: 'tv',
      area: '1',
      phone: '0123',
      email: 'x@',
      website: 'ftp://x',
    });
    expect(issues(result)).toEqual(
      expect.arrayContaining([
        ['area', 'validation.invalid_format'],
        ['phone', 'validation.invalid_phone'],
        ['email', 'validation.invalid_email'],
        ['website', 'validation.invalid_url'],
      ]),
    );
  });

  it('validates each phone and e-mail of a contact', () => {
    const result = ZCreateContactRequest.safeParse({
      outletId: '00000000-0000-4000-8000-000000000000',
      fullName: 'A',
      role: 'reporter',
      phones: ['0912345678', '12'],
      emails: ['a@b.vn', 'nope'],
    });
    expect(issues(result)).toEqual([
      ['phones.1', 'validation.invalid_phone'],
      ['emails.1', 'validation.invalid_email'],
    ]);
  });

  it('needs a real date, a known channel and a summary for a history entry', () => {
    const result = ZAddContactHistoryRequest.safeParse({ contactedOn: '2026-02-30', channel: 'fax', summary: ' ' });
    expect(issues(result).map(([path]) => path)).toEqual(['contactedOn', 'channel', 'summary']);
  });
});
