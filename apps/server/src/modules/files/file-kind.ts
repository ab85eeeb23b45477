import { FILE_KINDS, type TFileKind } from '@loa/contracts';

/** What the content of an upload turned out to be, or why it is refused. */
export type SniffResult =
  | { ok: true; kind: TFileKind; mediaType: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'type_not_allowed' }
  | { ok: false; reason: 'extension_mismatch'; kind: TFileKind; extension: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const utf16le = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  for (let i = bytes.indexOf(first!); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first!, i + 1)) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// ISO base media brands of MP4 video; HEIF/AVIF images and QuickTime share the container but are not accepted.
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'mmp4', 'M4V ']);

/** Compound-file (OLE2) Office documents, told apart by the stream their directory names (UTF-16LE). */
function oleKind(bytes: Uint8Array): TFileKind | null {
  if (contains(bytes, utf16le('WordDocument'))) return 'doc';
  if (contains(bytes, utf16le('Workbook')) || contains(bytes, utf16le('Book\0'))) return 'xls';
  if (contains(bytes, utf16le('PowerPoint Document'))) return 'ppt';
  return null;
}

/** Office Open XML packages: a zip whose entry names (stored uncompressed in its headers) say which. */
function zipKind(bytes: Uint8Array): TFileKind | null {
  if (!contains(bytes, ascii('[Content_Types].xml'))) return null;
  if (contains(bytes, ascii('word/document.xml'))) return 'docx';
  if (contains(bytes, ascii('xl/workbook.xml'))) return 'xlsx';
  if (contains(bytes, ascii('ppt/presentation.xml'))) return 'pptx';
  return null;
}

function isMp3(bytes: Uint8Array): boolean {
  if (startsWith(bytes, ascii('ID3'))) return true;
  // An MPEG audio frame header: 11 sync bits, MPEG version not reserved, layer III.
  const [a, b] = [bytes[0] ?? 0, bytes[1] ?? 0];
  return a === 0xff && (b & 0xe0) === 0xe0 && (b & 0x18) !== 0x08 && (b & 0x06) === 0x02;
}

/** UTF-8 text without NUL or control characters other than tab, line breaks and form feed. */
function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The kind of the content by its magic bytes, ignoring the name; text is reported as 'txt'. */
export function detectKind(bytes: Uint8Array): TFileKind | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return MP4_BRANDS.has(brand) ? 'mp4' : null;
  }
  if (startsWith(bytes, OLE)) return oleKind(bytes);
  if (startsWith(bytes, ZIP)) return zipKind(bytes);
  if (isMp3(bytes)) return 'mp3';
  if (isText(bytes)) return 'txt';
  return null;
}

/** The extension of a file name, lower-case, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const match = /\.([^.]+)$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : '';
}

/**
 * Decides what an upload is from its CONTENT and checks that its name agrees: an .exe renamed .jpg, a zip
 * named .docx or a PDF named .xlsx are refused. Text becomes CSV or plain text according to its extension.
 */
export function sniffFile(bytes: Uint8Array, fileName: string): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const detected = detectKind(bytes);
  if (!detected) return { ok: false, reason: 'type_not_allowed' };
  const extension = extensionOf(fileName);
  const kind: TFileKind = detected === 'txt' && extension === 'csv' ? 'csv' : detected;
  const allowed: readonly string[] = FILE_KINDS[kind].extensions;
  if (!allowed.includes(extension)) return { ok: false, reason: 'extension_mismatch', kind, extension };
  return { ok: true, kind, mediaType: FILE_KINDS[kind].mediaType };
}
