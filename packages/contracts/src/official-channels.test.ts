import { describe, expect, it } from 'vitest';
import {
  ZCreateOfficialChannelRequest,
  normaliseChannelValue,
  normaliseHost,
  normaliseSocial,
} from './official-channels.js';

describe('normaliseHost', () => {
  it.each([
    ['https://www.BaoHiemXaHoi.gov.vn/tin-tuc?id=1', 'baohiemxahoi.gov.vn'],
    ['dichvucong.baohiemxahoi.gov.vn.', 'dichvucong.baohiemxahoi.gov.vn'],
    ['http://user@vss.gov.vn:8080/x', 'vss.gov.vn'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseHost(input)).toBe(expected);
  });

  it('encodes international names as punycode, the ASCII letters first', () => {
    expect(normaliseHost('bảohiểmxãhội.vn')).toMatch(/^xn--bohimxhi-[a-z0-9]+\.vn$/);
  });

  it.each(['', 'localhost', 'bao hiem.vn', 'TP.HCM1', '1.2.3.4'])('refuses %j', (input) => {
    expect(normaliseHost(input)).toBeNull();
  });
});

describe('normaliseSocial', () => {
  it('keeps host and page, in lower case, without www or m.', () => {
    expect(normaliseSocial('https://m.facebook.com/DVBHXH121/posts/9')).toBe('facebook.com/dvbhxh121');
    expect(normaliseSocial('fb.com/groups/BHXH.Hotro/permalink/1')).toBe('facebook.com/groups/bhxh.hotro');
    expect(normaliseSocial('https://www.facebook.com/profile.php?id=1000123')).toBe(
      'facebook.com/profile.php?id=1000123',
    );
    expect(normaliseSocial('www.tiktok.com/@vssid.hotro?lang=vi')).toBe('tiktok.com/@vssid.hotro');
  });

  it('keeps a page known only by name as typed, in lower case', () => {
    expect(normaliseSocial('TikTok:  VssID - Hỗ trợ BHXH')).toBe('tiktok: vssid - hỗ trợ bhxh');
  });
});

describe('normaliseChannelValue', () => {
  it('puts phones in national digits and documents in capitals', () => {
    expect(normaliseChannelValue('phone', '+84 24 3628 5231')).toBe('02436285231');
    expect(normaliseChannelValue('phone', '1900.9068')).toBe('19009068');
    expect(normaliseChannelValue('phone', '12345')).toBeNull();
    expect(normaliseChannelValue('document', '2133 / bhxh-csyt')).toBe('2133/BHXH-CSYT');
    expect(normaliseChannelValue('email', 'TrungTam@VSS.gov.vn')).toBe('trungtam@vss.gov.vn');
    expect(normaliseChannelValue('email', 'not-an-address')).toBeNull();
  });
});

describe('ZCreateOfficialChannelRequest', () => {
  it('refuses a value not of its kind, and an official document', () => {
    const bad = ZCreateOfficialChannelRequest.safeParse({ kind: 'phone', value: 'abc', status: 'official' });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['value', 'validation.invalid_channel_value'],
    ]);
    const doc = ZCreateOfficialChannelRequest.safeParse({ kind: 'document', value: '1/BHXH', status: 'official' });
    expect(doc.success ? [] : doc.error.issues.map((i) => i.path.join('.'))).toEqual(['status']);
  });
});
