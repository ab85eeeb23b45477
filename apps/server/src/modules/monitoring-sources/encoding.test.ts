import { describe, expect, it } from 'vitest';
import { charsetOfContentType, decodeBody, declaredCharset } from './encoding.js';

// "Bảo hiểm xã hội" in windows-1258: base letters with combining tone marks (0xD2 hook above, 0xDE tilde, 0xF2 dot below).
const CP1258 = Buffer.from([
  0x42, 0x61, 0xd2, 0x6f, 0x20, 0x68, 0x69, 0xea, 0xd2, 0x6d, 0x20, 0x78, 0x61, 0xde, 0x20, 0x68, 0xf4, 0xf2, 0x69,
]);

describe('decodeBody', () => {
  it('decodes windows-1258 named by the header and composes the tone marks (NFC)', () => {
    const decoded = decodeBody(CP1258, 'text/html; charset=windows-1258');
    expect(decoded).toEqual({ ok: true, text: 'Bảo hiểm xã hội', charset: 'windows-1258' });
  });

  it('reads the charset from the XML prolog or <meta charset> when the header has none', () => {
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1258"?><t>'),
      CP1258,
      Buffer.from('</t>'),
    ]);
    expect(decodeBody(xml, 'application/xml')).toMatchObject({
      ok: true,
      text: '<?xml version="1.0" encoding="windows-1258"?><t>Bảo hiểm xã hội</t>',
    });
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head>'), Buffer.from([0xe9])]);
    expect(decodeBody(html, null)).toMatchObject({ ok: true, charset: 'windows-1252' });
  });

  it('decodes UTF-16 with and without a byte-order mark', () => {
    const text = '<rss>Bảo hiểm</rss>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeBody(le, null)).toMatchObject({ ok: true, text });
    expect(decodeBody(Buffer.from(text, 'utf16le'), null)).toMatchObject({ ok: true, text });
  });

  it('reports invalid UTF-8 instead of replacing it', () => {
    const broken = Buffer.concat([Buffer.from('<rss>Bả'), Buffer.from([0xc3, 0x28]), Buffer.from('</rss>')]);
    expect(decodeBody(broken, 'text/xml; charset=utf-8')).toMatchObject({ ok: false });
  });

  it('finds the declared charsets', () => {
    expect(charsetOfContentType('text/html; charset="UTF-8"')).toBe('UTF-8');
    expect(charsetOfContentType('text/html')).toBeNull();
    expect(declaredCharset('<?xml version="1.0" encoding=\'utf-16\'?>')).toBe('utf-16');
    expect(declaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')).toBe(
      'windows-1258',
    );
  });
});
