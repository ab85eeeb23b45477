// Files exported by other monitoring and social-listening tools (issue 12 §1): CSV with tolerant, Vietnamese or English
// headers, or JSON Lines. Each data row becomes an ingest item carrying its line number, so a bad row is reported by
// line and the rest are kept.
import { foldVi } from '@loa/contracts';

export interface ImportRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The item as ingest takes it (validated there). */
  article: Record<string, unknown>;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ParsedImport {
  format: 'csv' | 'jsonl';
  rows: ImportRow[];
  problems: ImportProblem[];
}

const FIELD_ALIASES: Record<string, string[]> = {
  url: ['url', 'link', 'duongdan', 'lienket', 'diachi', 'address', 'permalink'],
  title: ['title', 'tieude', 'headline', 'ten', 'tenbai'],
  lead: ['lead', 'sapo', 'tomtat', 'summary', 'description', 'mota', 'trichdan'],
  body: ['body', 'content', 'noidung', 'text', 'message', 'fulltext'],
  publishedAt: ['publishedat', 'published', 'date', 'ngaydang', 'thoigian', 'ngay', 'pubdate', 'time', 'createdat'],
  source: ['source', 'nguon', 'outlet', 'bao', 'site', 'trang', 'kenh', 'sourcename'],
  author: ['author', 'tacgia', 'nguoiviet', 'by'],
};

/** The ingest field a column header names ("Tiêu đề" → title, "Published at" → publishedAt), or null. */
export function fieldOfHeader(header: string): string | null {
  const key = foldVi(header).replace(/[^a-z0-9]/g, '');
  for (const [field, aliases] of Object.entries(FIELD_ALIASES)) if (aliases.includes(key)) return field;
  return null;
}

/** RFC 4180 records of `text` with the line each starts on; quoted fields may hold delimiters and line breaks. */
export function csvRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      touched = true;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (touched || cells.some((v) => v !== '')) records.push({ line: start, cells });
      cells = [];
      cell = '';
      touched = false;
      line++;
      start = line;
    } else {
      cell += c;
      touched = true;
    }
  }
  cells.push(cell);
  if (touched || cells.some((v) => v !== '')) records.push({ line: start, cells });
  return records;
}

function parseCsv(text: string): ParsedImport {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const [header, ...records] = csvRecords(text, delimiter);
  const result: ParsedImport = { format: 'csv', rows: [], problems: [] };
  if (!header) return result;
  const fields = header.cells.map(fieldOfHeader);
  if (!fields.includes('url')) {
    result.problems.push({ line: header.line, message: 'no "url" column (url, link, đường dẫn …)' });
    return result;
  }
  for (const record of records) {
    const article: Record<string, unknown> = {};
    record.cells.forEach((value, i) => {
      const field = fields[i];
      if (field && value.trim() !== '') article[field] = value.trim();
    });
    result.rows.push({ line: record.line, article });
  }
  return result;
}

function parseJsonLines(text: string): ParsedImport {
  const result: ParsedImport = { format: 'jsonl', rows: [], problems: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      const value: unknown = JSON.parse(raw);
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
      const article: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) article[fieldOfHeader(key) ?? key] = v;
      result.rows.push({ line: i + 1, article });
    } catch {
      result.problems.push({ line: i + 1, message: 'not a JSON object' });
    }
  });
  return result;
}

/** Reads an import file's text: JSON Lines when its name ends .jsonl/.ndjson/.json or it starts with "{", else CSV. */
export function parseImport(text: string, fileName: string | undefined): ParsedImport {
  const body = text.replace(/^\uFEFF/, '');
  const jsonl = /\.(jsonl|ndjson|json)$/i.test(fileName ?? '') || body.trimStart().startsWith('{');
  return jsonl ? parseJsonLines(body) : parseCsv(body);
}
