import { foldVi, METRICS, METRICS_SHEET_HEADERS, type TMetric } from '@loa/contracts';

/** The columns the metrics import reads. */
export type SheetKey = 'url' | 'readOn' | TMetric;

/** One data row, keyed by column, with its 1-based row number in the file. */
export interface SheetRow {
  row: number;
  values: Partial<Record<SheetKey, string>>;
}

/**
 * Header names of the template and of the platforms' own exports (Facebook, YouTube, TikTok, Zalo, portals), in
 * Vietnamese and English; compared accent- and case-insensitively. "Reach" counts as people reached, i.e. views.
 */
const SYNONYMS: Record<SheetKey, string[]> = {
  url: ['url', 'link', 'permalink', 'lien ket', 'duong dan', 'duong lien ket', 'post link', 'video link'],
  readOn: ['date', 'ngay', 'ngay doc', 'ngay doc so lieu', 'read on', 'readon', 'as of', 'ngay lay so lieu'],
  views: [
    'views',
    'view',
    'luot xem',
    'reach',
    'so nguoi tiep can',
    'nguoi tiep can',
    'luot tiep can',
    'impressions',
    'video views',
    'plays',
    'luot phat',
  ],
  listeners: ['listeners', 'nguoi nghe', 'so nguoi nghe', 'luot nghe', 'audience'],
  shares: ['shares', 'share', 'chia se', 'luot chia se'],
  comments: ['comments', 'comment', 'binh luan', 'luot binh luan'],
  reactions: ['reactions', 'reaction', 'cam xuc', 'luot cam xuc', 'likes', 'like', 'luot thich', 'thich'],
};

const normalise = (header: string) =>
  foldVi(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const BY_NAME = new Map<string, SheetKey>();
for (const [key, names] of Object.entries(SYNONYMS) as [SheetKey, string[]][]) {
  for (const name of names) BY_NAME.set(normalise(name), key);
  BY_NAME.set(normalise(key), key);
}
for (const [key, header] of Object.entries(METRICS_SHEET_HEADERS)) BY_NAME.set(normalise(header), key as SheetKey);

/** The column key of a header, or null for columns the import ignores; the first column of a key wins. */
export function mapHeaders(headers: readonly (string | null)[]): Map<number, SheetKey> {
  const columns = new Map<number, SheetKey>();
  const seen = new Set<SheetKey>();
  headers.forEach((header, index) => {
    const key = BY_NAME.get(normalise(header ?? ''));
    if (key && !seen.has(key)) {
      seen.add(key);
      columns.set(index, key);
    }
  });
  return columns;
}

/**
 * The data rows of a grid (header in its first row): each non-empty row keyed by column, numbered as in the file.
 * Null when the header names no URL column or no metric column.
 */
export function rowsOfGrid(grid: readonly (readonly (string | null)[])[]): SheetRow[] | null {
  const columns = mapHeaders(grid[0] ?? []);
  const keys = new Set(columns.values());
  if (!keys.has('url') || !METRICS.some((m) => keys.has(m))) return null;
  const rows: SheetRow[] = [];
  grid.slice(1).forEach((cells, index) => {
    const values: SheetRow['values'] = {};
    for (const [column, key] of columns) {
      const text = cells[column]?.trim();
      if (text) values[key] = text;
    }
    if (Object.keys(values).length > 0) rows.push({ row: index + 2, values });
  });
  return rows;
}

/**
 * A count as exports write it: "12345", "12,345", "12.345", "12 345"; "1.2K" / "3,4M" as the platforms shorten
 * them. Null when it is not a count; negative and fractional values come back as numbers for the rules to reject.
 */
export function parseCount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const short = /^(-?\d+(?:[.,]\d+)?)([kKmMbB])$/.exec(compact);
  if (short) {
    const scale = { k: 1e3, m: 1e6, b: 1e9 }[short[2]!.toLowerCase() as 'k' | 'm' | 'b'];
    return Math.round(Number(short[1]!.replace(',', '.')) * scale);
  }
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  if (/^-?\d+(\.\d+)?$/.test(compact)) return Number(compact);
  return null;
}

/** A day as exports write it: yyyy-mm-dd (or an ISO date-time: its date), dd/mm/yyyy or dd-mm-yyyy. */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text.trim());
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const [y, m, d] = iso
    ? [iso[1]!, iso[2]!, iso[3]!]
    : vn
      ? [vn[3]!, vn[2]!.padStart(2, '0'), vn[1]!.padStart(2, '0')]
      : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m}-${d}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}
