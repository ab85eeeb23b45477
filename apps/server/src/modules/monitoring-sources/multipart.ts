// multipart/form-data (RFC 7578) bodies, for the file import: the parts with their names, file names and bytes.

export interface FormPart {
  name: string;
  fileName: string | null;
  contentType: string | null;
  data: Buffer;
}

/** The boundary of a multipart Content-Type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  const match = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2]!) : null;
}

function headerParam(header: string, name: string): string | null {
  const star = new RegExp(`\\b${name}\\*=(?:UTF-8|utf-8)''([^;]+)`).exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      return star[1]!.trim();
    }
  }
  const plain = new RegExp(`\\b${name}="((?:[^"\\\\]|\\\\.)*)"|\\b${name}=([^;\\s]+)`).exec(header);
  if (!plain) return null;
  const raw = plain[1] ?? plain[2]!;
  // Browsers send UTF-8 file names as raw bytes read here as latin1.
  return Buffer.from(raw.replace(/\\(.)/g, '$1'), 'latin1').toString('utf8');
}

/** The parts of a multipart body; an unreadable body gives no parts. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let position = body.indexOf(delimiter);
  while (position >= 0) {
    const afterDelimiter = position + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headerStart = afterDelimiter + 2;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0) break;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) break;
    const headers = body.subarray(headerStart, headerEnd).toString('latin1');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = headerParam(disposition, 'name');
    if (name !== null) {
      parts.push({
        name,
        fileName: headerParam(disposition, 'filename'),
        contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? null,
        data: body.subarray(headerEnd + 4, next),
      });
    }
    position = next + 2;
  }
  return parts;
}
