/**
 * RFC 4180 CSV: fields separated by commas (or the `delimiter`), records by CRLF or LF; a quoted field may hold
 * commas, line breaks and doubled quotes. A leading UTF-8 byte-order mark is dropped. Returns every record,
 * blank lines included as one empty field, so row numbers match the file's.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) endField();
    else if (c === '\r' && source[i + 1] === '\n') {
      endRecord();
      i += 1;
    } else if (c === '\n' || c === '\r') endRecord();
    else field += c;
    i += 1;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** The delimiter of an export: Excel in Vietnamese locales writes semicolons; platforms write commas or tabs. */
export function guessDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
