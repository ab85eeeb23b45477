import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectKind, extensionOf, sniffFile } from './file-kind.js';

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p as ArrayLike<number>))),
  );

/** A real zip archive (deflated entries, local headers and central directory), as Office writes them. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = deflateRawSync(Buffer.from(text));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(text.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(text.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An OLE2 compound file whose directory (at sector 1) names one stream, in UTF-16LE as Office stores it. */
function ole(stream: string): Buffer {
  const file = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  Buffer.from('Root Entry', 'utf16le').copy(file, 512);
  Buffer.from(stream, 'utf16le').copy(file, 640);
  return file;
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const PDF = bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = bytes(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
  'IHDR',
  [0, 0, 0, 1, 0, 0, 0, 1, 8, 6],
);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const GIF = bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x3b]);
const WEBP = bytes(
  'RIFF',
  [26, 0, 0, 0],
  'WEBPVP8L',
  [13, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 7, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0],
);
const MP4 = bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2', [0, 0, 0, 8], 'free');
const MP3_ID3 = bytes('ID3', [4, 0, 0, 0, 0, 0, 0], [0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0]);
const MP3_FRAME = bytes([0xff, 0xfb, 0x90, 0x64], new Uint8Array(413));
const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff], 'This program cannot be run in DOS mode.');
const DOCX = zip({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': '<w:document/>' });
const PPTX = zip({ '[Content_Types].xml': CONTENT_TYPES, 'ppt/presentation.xml': '<p:presentation/>' });

async function realXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Văn bản').addRow(['1007/BHXH-TT', 'Công văn']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('sniffFile', () => {
  it('recognises every accepted kind from its content, with its media type', async () => {
    const cases: [Buffer, string, string, string][] = [
      [PDF, 'Công văn 1007.pdf', 'pdf', 'application/pdf'],
      [PNG, 'infographic.png', 'png', 'image/png'],
      [JPEG, 'ảnh hội nghị.JPG', 'jpeg', 'image/jpeg'],
      [JPEG, 'anh.jpeg', 'jpeg', 'image/jpeg'],
      [GIF, 'banner.gif', 'gif', 'image/gif'],
      [WEBP, 'poster.webp', 'webp', 'image/webp'],
      [MP4, 'clip.mp4', 'mp4', 'video/mp4'],
      [MP3_ID3, 'spot.mp3', 'mp3', 'audio/mpeg'],
      [MP3_FRAME, 'spot.mp3', 'mp3', 'audio/mpeg'],
      [DOCX, 'du thao.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [await realXlsx(), 'bang.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [PPTX, 'trinh chieu.pptx', 'pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      [ole('WordDocument'), 'cu.doc', 'doc', 'application/msword'],
      [ole('Workbook'), 'cu.xls', 'xls', 'application/vnd.ms-excel'],
      [ole('PowerPoint Document'), 'cu.ppt', 'ppt', 'application/vnd.ms-powerpoint'],
      [Buffer.from('Bảo hiểm xã hội Việt Nam\r\n'), 'ghi chu.txt', 'txt', 'text/plain; charset=utf-8'],
      [Buffer.from('\ufeffmã,tên\nP01,Hà Nội\n'), 'don vi.csv', 'csv', 'text/csv; charset=utf-8'],
    ];
    for (const [content, name, kind, mediaType] of cases) {
      expect(sniffFile(content, name), name).toEqual({ ok: true, kind, mediaType });
    }
  });

  it('refuses a Windows program renamed .jpg, by its content', () => {
    expect(sniffFile(EXE, 'anh-dep.jpg')).toEqual({ ok: false, reason: 'type_not_allowed' });
    expect(detectKind(EXE)).toBeNull();
  });

  it('refuses an extension that disagrees with the content', () => {
    expect(sniffFile(PDF, 'bang.xlsx')).toEqual({
      ok: false,
      reason: 'extension_mismatch',
      kind: 'pdf',
      extension: 'xlsx',
    });
    expect(sniffFile(PNG, 'anh.jpg')).toMatchObject({ ok: false, reason: 'extension_mismatch', kind: 'png' });
    expect(sniffFile(Buffer.from('xin chào'), 'anh.jpg')).toMatchObject({ reason: 'extension_mismatch', kind: 'txt' });
    expect(sniffFile(PDF, 'khong-duoi')).toMatchObject({ reason: 'extension_mismatch', extension: '' });
    expect(sniffFile(DOCX, 'bang.xlsx')).toMatchObject({ reason: 'extension_mismatch', kind: 'docx' });
  });

  it('tells text from binary: invalid UTF-8 or control characters are not text', () => {
    expect(detectKind(Buffer.from('Quyết định 595/QĐ-BHXH\n\tĐiều 1.'))).toBe('txt');
    expect(detectKind(Buffer.from([0x48, 0x69, 0x00, 0x21]))).toBeNull();
    expect(detectKind(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBeNull(); // Latin-1 "café"
    expect(detectKind(Buffer.from('a\u0007b'))).toBeNull();
  });

  it('refuses archives and compound files that are not Office documents, and empty files', () => {
    expect(sniffFile(zip({ 'readme.txt': 'hello' }), 'tai-lieu.docx')).toEqual({
      ok: false,
      reason: 'type_not_allowed',
    });
    expect(sniffFile(ole('Contents'), 'tai-lieu.doc')).toEqual({ ok: false, reason: 'type_not_allowed' });
    expect(sniffFile(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'anh.mp4')).toEqual({
      ok: false,
      reason: 'type_not_allowed',
    });
    expect(sniffFile(Buffer.alloc(0), 'rong.txt')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('extensionOf', () => {
  it('is the lower-case last extension, or empty', () => {
    expect(extensionOf('Báo cáo.Final.PDF')).toBe('pdf');
    expect(extensionOf('README')).toBe('');
  });
});
