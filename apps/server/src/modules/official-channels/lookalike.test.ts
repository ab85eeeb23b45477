import { normaliseChannelValue } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { checkText, classifyHost, overallVerdict, splitHost, type RegistryEntry } from './lookalike.js';
import { decodePunycode, domainToUnicode, editDistance, skeleton } from './lookalike-spelling.js';
import { CHANNEL_SEEDS } from './official-channels.data.js';

const REGISTRY: RegistryEntry[] = CHANNEL_SEEDS.map((s) => ({
  kind: s.kind,
  value: normaliseChannelValue(s.kind, s.value)!,
  display: s.display,
  status: s.status,
  note: s.note,
}));

const host = (h: string) => classifyHost(h, REGISTRY);
const only = (text: string) => {
  const findings = checkText(text, REGISTRY);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

describe('editDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps as one edit each', () => {
    expect(editDistance('baohiemxahoi', 'baohiemxahoi')).toBe(0);
    expect(editDistance('baohiemxahoi', 'baohiemxahio')).toBe(1);
    expect(editDistance('baohiemxahoi', 'baohiemxaho')).toBe(1);
    expect(editDistance('baohiemxahoi', 'baohiemxxahoii')).toBe(2);
    expect(editDistance('vss', 'vtv')).toBe(2);
  });

  it('stops above the bound', () => {
    expect(editDistance('baohiemxahoi', 'vnexpress', 2)).toBe(3);
  });
});

describe('skeleton', () => {
  it('reads digits, Cyrillic letters and rn as the Latin letters they pass for', () => {
    expect(skeleton('baohiemxah0i')).toBe(skeleton('baohiemxahoi'));
    expect(skeleton('bаohiеmxahoi')).toBe(skeleton('baohiemxahoi')); // Cyrillic а and е
    expect(skeleton('vssrn')).toBe(skeleton('vssm'));
    expect(skeleton('bảohiểmxãhội')).toBe(skeleton('baohiemxahoi'));
  });
});

describe('splitHost', () => {
  it('knows Vietnamese second-level endings', () => {
    expect(splitHost('dichvucong.baohiemxahoi.gov.vn')).toEqual({
      sub: ['dichvucong'],
      label: 'baohiemxahoi',
      suffix: 'gov.vn',
    });
    expect(splitHost('vss-gov.vn')).toEqual({ sub: [], label: 'vss-gov', suffix: 'vn' });
    expect(splitHost('baohiemxahoi-vn.com')).toEqual({ sub: [], label: 'baohiemxahoi-vn', suffix: 'com' });
  });
});

describe('classifyHost', () => {
  it('treats the official domains and every subdomain of them as official', () => {
    expect(host('baohiemxahoi.gov.vn')).toMatchObject({ verdict: 'official', reasons: [] });
    expect(host('dichvucong.baohiemxahoi.gov.vn')).toMatchObject({ verdict: 'official', reasons: ['subdomain'] });
    expect(host('daklak.baohiemxahoi.gov.vn').entry?.value).toBe('baohiemxahoi.gov.vn');
    expect(host('vss.gov.vn').verdict).toBe('official');
  });

  it.each([
    ['baohiemxahoi-vn.com', ['added_words', 'other_tld']],
    ['dichvu-baohiemxahoi.net', ['added_words', 'other_tld']],
    ['dichvubaohiemxahoi.net', ['added_words', 'other_tld']],
    ['baohiemxahoi.com.vn', ['other_tld']],
    ['baohiemxahoi.vn', ['other_tld']],
    ['vss-gov.vn', ['added_words', 'other_tld']],
    ['vss.com', ['other_tld']],
    ['bao-hiem-xa-hoi.gov.vn.com', ['official_name_in_subdomain']],
    ['bao-hiem-xa-hoi.com', ['hyphens', 'other_tld']],
    ['baohiemxah0i.com', ['homoglyph', 'other_tld']],
    ['baohiernxahoi.gov.vn.vn', ['official_name_in_subdomain']],
    ['baohiernxahoi.vn', ['homoglyph', 'other_tld']],
    ['baohiemxahio.vn', ['edit_distance', 'other_tld']],
    ['baohiemxahoii.com', ['edit_distance', 'other_tld']],
    ['tracuu-bhxh.com', ['added_words', 'other_tld']],
    ['tracuubhxh.online', ['agency_name', 'other_tld']],
    ['baohiemxahoi.gov.vn.xacminh.top', ['official_name_in_subdomain']],
  ])('flags %s as a look-alike of an official domain', (name, reasons) => {
    const result = host(name);
    expect(result.verdict).toBe('lookalike');
    expect([...result.reasons].sort()).toEqual([...reasons].sort());
    expect(['baohiemxahoi.gov.vn', 'vss.gov.vn']).toContain(result.entry?.value);
  });

  it('names the official entry a look-alike imitates', () => {
    expect(host('vss-gov.vn').entry?.value).toBe('vss.gov.vn');
    expect(host('baohiemxahoi-vn.com').entry?.value).toBe('baohiemxahoi.gov.vn');
  });

  it('sees Cyrillic letters behind punycode', () => {
    const ascii = new URL('http://bаohiemxahoi.vn').hostname; // Cyrillic а
    expect(ascii.startsWith('xn--')).toBe(true);
    expect(host(ascii)).toMatchObject({ verdict: 'lookalike' });
    expect(host(ascii).reasons).toEqual(expect.arrayContaining(['punycode', 'homoglyph', 'other_tld']));
  });

  it('sees a Vietnamese-accented international name as punycode', () => {
    const ascii = new URL('http://bảohiểmxãhội.vn').hostname;
    expect(host(ascii).reasons).toEqual(expect.arrayContaining(['punycode']));
    expect(host(ascii).reasons).not.toContain('homoglyph');
  });

  it.each([
    'baomoi.com',
    'vnexpress.net',
    'chinhphu.vn',
    'vtv.vn',
    'vssc.com.vn',
    'tuoitre.vn',
    'thanhnien.vn',
    'dantri.com.vn',
    'laodong.vn',
    'google.com',
    'tapchibaohiemxahoi.gov.vn',
  ])('raises no alarm on %s', (name) => {
    expect(host(name).verdict).toBe('unknown');
  });
});

describe('checkText', () => {
  it('finds links and bare domains in running text, in order', () => {
    const findings = checkText(
      'Truy cập https://dichvucong.baohiemxahoi.gov.vn/tra-cuu hoặc baohiemxahoi-vn.com, www.vnexpress.net.',
      REGISTRY,
    );
    expect(findings.map((f) => [f.kind, f.value, f.verdict])).toEqual([
      ['url', 'dichvucong.baohiemxahoi.gov.vn', 'official'],
      ['domain', 'baohiemxahoi-vn.com', 'lookalike'],
      ['url', 'vnexpress.net', 'unknown'],
    ]);
    expect(findings[2]!.text).toBe('www.vnexpress.net');
  });

  it('does not take abbreviations with a dot for domains', () => {
    expect(checkText('BHXH TP.HCM và BHXH Q.1 đã làm việc.Hôm nay v.v.', REGISTRY)).toEqual([]);
  });

  it('finds a Cyrillic look-alike written in Unicode', () => {
    const finding = only('Cập nhật VssID tại bаohiemxahoi.gov.vn.info ngay');
    expect(finding).toMatchObject({ kind: 'domain', verdict: 'lookalike' });
  });

  it('reports reported fakes: social pages, in any case and with www or m.', () => {
    expect(only('Theo dõi https://www.facebook.com/DVBHXH121/posts/1')).toMatchObject({
      kind: 'social',
      value: 'facebook.com/dvbhxh121',
      verdict: 'reported_fake',
    });
    expect(only('fanpage m.facebook.com/bhxhvn999').verdict).toBe('reported_fake');
  });

  it('flags an unlisted page using the agency name, and leaves other pages unknown', () => {
    expect(only('facebook.com/hotrobhxh24h')).toMatchObject({ verdict: 'lookalike', reasons: ['agency_name'] });
    expect(only('facebook.com/vtv24news').verdict).toBe('unknown');
  });

  it('recognises official e-mail addresses and look-alike mail domains', () => {
    expect(only('Gửi về trungtamtruyenthong.bhxhvnn@vss.gov.vn').verdict).toBe('official');
    expect(only('Liên hệ hotro@vss-gov.vn').verdict).toBe('lookalike');
  });

  it.each(['1900 9068', '19009068', '1900.9068', '024.36285231', '+84 24 3628 5232', '(024) 3628 5231'])(
    'reads the official number %s',
    (text) => {
      expect(only(`Gọi tổng đài BHXH ${text} để được hỗ trợ`)).toMatchObject({ kind: 'phone', verdict: 'official' });
    },
  );

  it.each([
    'Tổng đài BHXH: 0912.345.678',
    'hotline bảo hiểm xã hội +84 912 345 678',
    'Gọi ngay 0912 345 678 (tổng đài hỗ trợ BHXH)',
    'Liên hệ Zalo 0987654321 để được BHXH hỗ trợ rút một lần',
  ])('flags a number presented as the agency but not listed: %s', (text) => {
    const finding = only(text);
    expect(finding).toMatchObject({ kind: 'phone', verdict: 'lookalike', reasons: ['presented_as_agency'] });
    expect(finding.entry?.value).toBe('19009068');
    expect(finding.context).not.toBeNull();
  });

  it('leaves numbers not presented as the agency unknown', () => {
    const finding = only('Nhà hàng Phố Biển, đặt bàn 0912 345 678');
    expect(finding).toMatchObject({ verdict: 'unknown', reasons: [] });
  });

  it('splits a run of two numbers, and ignores dates, amounts and document numbers', () => {
    const findings = checkText(
      'Ngày 15/3/2024, mức 1.500.000 đồng theo 1191/BHXH-TT; gọi 024.36285231 0912 345 678',
      REGISTRY,
    );
    expect(findings.map((f) => f.value)).toEqual(['02436285231', '0912345678']);
  });

  it('reports a forged document by its number, however spaced', () => {
    expect(only('Công văn 2133 / BHXH - CSYT về VSSID 4.0')).toMatchObject({
      kind: 'document',
      value: '2133/BHXH-CSYT',
      verdict: 'reported_fake',
    });
  });

  it('reports a fake account known by name, and the official app named alone', () => {
    expect(only('Kênh "VssID - Hỗ trợ BHXH" trên TikTok thu phí cài đặt')).toMatchObject({
      kind: 'social',
      verdict: 'reported_fake',
    });
    expect(only(' vssid ')).toMatchObject({ kind: 'app', verdict: 'official' });
    expect(checkText('Cài VssID để xem quá trình đóng', REGISTRY)).toEqual([]);
  });

  it('ignores retired entries: they are not in the registry it is given', () => {
    const withoutHotline = REGISTRY.filter((e) => e.value !== '19009068');
    expect(checkText('tổng đài BHXH 1900 9068', withoutHotline)[0]!.verdict).toBe('lookalike');
  });
});

describe('overallVerdict', () => {
  it('gives the most serious verdict, or null for nothing found', () => {
    expect(overallVerdict([{ verdict: 'official' }, { verdict: 'unknown' }])).toBe('unknown');
    expect(overallVerdict([{ verdict: 'lookalike' }, { verdict: 'reported_fake' }])).toBe('reported_fake');
    expect(overallVerdict([{ verdict: 'official' }])).toBe('official');
    expect(overallVerdict([])).toBeNull();
  });
});

describe('domainToUnicode', () => {
  it('decodes punycode labels as the URL parser encodes them', () => {
    for (const name of ['bаohiemxahoi.vn', 'bảohiểmxãhội.gov.vn', 'münchen.de', 'đà-nẵng.vn']) {
      expect(domainToUnicode(new URL(`http://${name}`).hostname)).toBe(name.toLowerCase());
    }
    expect(domainToUnicode('baohiemxahoi.gov.vn')).toBe('baohiemxahoi.gov.vn');
  });

  it('leaves a malformed label as it is', () => {
    expect(decodePunycode('a-!')).toBeNull();
    expect(domainToUnicode('xn--a-!.vn')).toBe('xn--a-!.vn');
  });
});
