import { describe, expect, it } from 'vitest';
import { ACCEPTED_FILE_EXTENSIONS, decodeFileNameHeader, FILE_KINDS, ZFileName } from './files.js';

describe('decodeFileNameHeader', () => {
  it('reads RFC 5987 values and plain URI-encoded UTF-8 Vietnamese names', () => {
    expect(decodeFileNameHeader("UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf")).toBe('Quyết định.pdf');
    expect(decodeFileNameHeader("utf-8''b%C3%A1o%20c%C3%A1o.docx")).toBe('báo cáo.docx');
    expect(decodeFileNameHeader('K%E1%BA%BF%20ho%E1%BA%A1ch.xlsx')).toBe('Kế hoạch.xlsx');
    expect(decodeFileNameHeader('plain.txt')).toBe('plain.txt');
  });

  it('gives null for a malformed escape', () => {
    expect(decodeFileNameHeader('bad%E1%BA.pdf')).toBeNull();
  });
});

describe('ZFileName', () => {
  it('keeps a name in NFC without surrounding blanks', () => {
    expect(ZFileName.parse('  Ke\u0302\u0301 hoa\u0323ch.pdf ')).toBe('Kế hoạch.pdf');
  });

  it('refuses empty names, paths and control characters', () => {
    for (const name of ['', '   ', '../etc/passwd', 'a\\b.txt', 'a\nb.txt', 'x'.repeat(256)]) {
      expect(ZFileName.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
  });
});

describe('FILE_KINDS', () => {
  it('never serves anything as HTML, and every extension belongs to one kind only', () => {
    expect(Object.values(FILE_KINDS).some((k) => k.mediaType.includes('html'))).toBe(false);
    expect(new Set(ACCEPTED_FILE_EXTENSIONS).size).toBe(ACCEPTED_FILE_EXTENSIONS.length);
    expect(ACCEPTED_FILE_EXTENSIONS).toContain('.docx');
    expect(ACCEPTED_FILE_EXTENSIONS).not.toContain('.exe');
  });
});
