import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { workbook } from './excel.js';
import { zipRefusal } from './zip-limits.js';

/** A one-entry zip whose headers declare `declared` bytes for `content`. */
function zipOf(content: Buffer, declared = content.length): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('zipRefusal', () => {
  it('opens a real workbook', async () => {
    const book = await workbook('Sheet', [{ key: 'a', header: 'A', value: (r: string) => r }], ['Hà Nội', 'Đà Nẵng']);
    expect(zipRefusal(book)).toBeNull();
  });

  it('refuses a package whose declared size passes the limit', () => {
    const limits = { maxEntries: 10, maxUncompressedBytes: 1000 };
    expect(zipRefusal(zipOf(Buffer.alloc(2000, 'A')), limits)).toMatch(/uncompressed/);
    expect(zipRefusal(zipOf(Buffer.alloc(500, 'A')), limits)).toBeNull();
  });

  it('refuses an entry that inflates past what it declares', () => {
    expect(zipRefusal(zipOf(Buffer.alloc(100_000, 'A'), 100))).toBe('an entry is larger than it declares');
  });

  it('refuses too many entries and what is not a zip', () => {
    expect(zipRefusal(zipOf(Buffer.from('x')), { maxEntries: 0, maxUncompressedBytes: 1000 })).toMatch(/entries/);
    expect(zipRefusal(Buffer.from('not a zip at all, just text'))).toBe('not a zip package');
    expect(zipRefusal(Buffer.alloc(0))).toBe('not a zip package');
  });
});
