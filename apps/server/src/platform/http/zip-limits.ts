import { inflateRawSync } from 'node:zlib';

/** Limits of a workbook Loa agrees to open: far above any real import, far below what would exhaust memory. */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxUncompressedBytes: 100 * 1024 * 1024 };

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Why a zip (an .xlsx) must not be opened, or null when it may: read from its central directory BEFORE anything is
 * inflated — too many entries, declared sizes past the limit, zip64 or an unknown compression — and then each entry
 * inflated with a cap at its declared size, so a package that lies about its sizes is caught having produced at most
 * what it declared. exceljs (through JSZip) would otherwise inflate every entry whole into memory.
 */
export function zipRefusal(bytes: Buffer, limits: ZipLimits = ZIP_LIMITS): string | null {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return 'not a zip package';
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return 'zip64 packages are not accepted';
  if (count > limits.maxEntries) return `more than ${limits.maxEntries} entries`;
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return 'damaged central directory';
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    total += declared;
    if (total > limits.maxUncompressedBytes)
      return `more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB once uncompressed`;
    if (method !== 0 && method !== 8) return 'unsupported compression';
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) return 'damaged entry';
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) return 'damaged entry';
    const data = bytes.subarray(start, start + compressed);
    if (method === 0 && compressed !== declared) return 'damaged entry';
    if (method === 8 && !inflatesWithin(data, declared)) return 'an entry is larger than it declares';
    at = next;
  }
  return null;
}

function inflatesWithin(data: Buffer, declared: number): boolean {
  try {
    // maxOutputLength makes zlib stop (and throw) as soon as the output would pass the declared size.
    return inflateRawSync(data, { maxOutputLength: Math.max(declared, 1) }).length === declared;
  } catch {
    return false;
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
}
