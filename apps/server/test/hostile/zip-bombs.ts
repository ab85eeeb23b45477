import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  compressed: Buffer;
  /** The uncompressed size the headers declare (a bomb may lie). */
  declared: number;
  crc: number;
}

/** A zip package of `entries` (deflated), with local headers and a central directory as Excel writes them. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function entry(name: string, text: string): Entry {
  const bytes = Buffer.from(text, 'utf8');
  return { name, compressed: deflateRawSync(bytes), declared: bytes.length, crc: crc32(bytes) };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** Deflates `size` bytes of one repeated cell without ever holding them: a few hundred KB that inflate to `size`. */
async function inflatingTo(size: number): Promise<{ compressed: Buffer; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 'A');
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, size - written));
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc };
}

export interface ZipBombs {
  /** Sheet XML of 400 MB that says so in its headers. */
  honestXlsx: Buffer;
  /** The same sheet, its headers claiming 2 KB. */
  lyingXlsx: Buffer;
  /** 5,000 tiny entries. */
  manyEntriesXlsx: Buffer;
  /** A .docx whose document.xml inflates to 400 MB. */
  docx: Buffer;
}

let built: Promise<ZipBombs> | undefined;

/** The zip bombs of the suite, built once per process. */
export function zipBombs(): Promise<ZipBombs> {
  built ??= (async () => {
    const size = 400 * 1024 * 1024;
    const { compressed, crc } = await inflatingTo(size);
    const base = [entry('[Content_Types].xml', CONTENT_TYPES), entry('xl/workbook.xml', '<workbook/>')];
    const sheet = (declared: number): Entry => ({ name: 'xl/worksheets/sheet1.xml', compressed, declared, crc });
    const many = Array.from({ length: 5000 }, (_, i) => entry(`xl/worksheets/sheet${i + 1}.xml`, '<worksheet/>'));
    return {
      honestXlsx: zip([...base, sheet(size)]),
      lyingXlsx: zip([...base, sheet(2048)]),
      manyEntriesXlsx: zip([...base, ...many]),
      docx: zip([
        entry('[Content_Types].xml', CONTENT_TYPES),
        { name: 'word/document.xml', compressed, declared: size, crc },
      ]),
    };
  })();
  return built;
}
