// Bytes to text for feeds and pages: the byte-order mark, then the charset of Content-Type, then the XML prolog or
// <meta charset>, else UTF-8. Vietnamese legacy pages use windows-1258 (tone marks as combining characters), so the
// text is NFC-normalised after decoding. Invalid UTF-8 is reported, not silently replaced.

export type Decoded = { ok: true; text: string; charset: string } | { ok: false; message: string };

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'x-unicode20utf8': 'utf-8',
  unicode: 'utf-16le',
  'utf-16': 'utf-16le',
  cp1258: 'windows-1258',
  'x-cp1258': 'windows-1258',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'us-ascii': 'windows-1252',
  latin1: 'windows-1252',
};

function canonical(label: string): string | null {
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const mapped = ALIASES[name] ?? name;
  try {
    return new TextDecoder(mapped).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header, or null. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match ? match[2]! : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM shows as ASCII letters alternating with zero bytes ("<\0?\0x\0"). */
function sniffUtf16(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return null;
}

/** The encoding the document declares in its first kilobytes: XML prolog, <meta charset> or http-equiv. */
export function declaredCharset(head: string): string | null {
  const prolog = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (prolog) return prolog[1]!;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1]! : null;
}

/** Decodes a fetched body; the HTTP header wins over what the document says of itself (HTML's rule). */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): Decoded {
  const bom = bomCharset(bytes);
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  const candidates = [bom, sniffUtf16(bytes), charsetOfContentType(contentType), declaredCharset(head), 'utf-8'];
  let charset = 'utf-8';
  for (const candidate of candidates) {
    const name = candidate ? canonical(candidate) : null;
    if (name) {
      charset = name;
      break;
    }
  }
  try {
    const text = new TextDecoder(charset, { fatal: true }).decode(bytes);
    return { ok: true, text: text.normalize('NFC'), charset };
  } catch {
    return { ok: false, message: `invalid ${charset} bytes` };
  }
}
