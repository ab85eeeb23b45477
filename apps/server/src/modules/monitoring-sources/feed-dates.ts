// Dates of feeds and pages to UTC instants. Vietnamese outlets publish RFC 822 dates (often with "GMT+7"), ISO 8601,
// or "dd/mm/yyyy HH:mm" without a zone: a date without a zone is Vietnam's time (Asia/Ho_Chi_Minh, UTC+7, no DST).

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const VN = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ ,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/i;
const pad = (n: string | number) => String(n).padStart(2, '0');

function offset(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

/** The instant a feed or page date names, or null when it cannot be read. */
export function parseFeedDate(raw: string | null | undefined): Date | null {
  const text = (raw ?? '').trim();
  if (!text) return null;
  const iso = ISO.exec(text);
  if (iso) {
    const at = new Date(`${iso[1]}T${iso[2] ?? '00:00'}${iso[3] ? offset(iso[3]) : '+07:00'}`);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  const vn = VN.exec(text);
  if (vn) {
    const [, d, m, y, hh, mm, ss] = vn;
    const at = new Date(`${y}-${pad(m!)}-${pad(d!)}T${pad(hh ?? 0)}:${pad(mm ?? 0)}:${pad(ss ?? 0)}+07:00`);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  // RFC 822 / 1123 need a four-digit year and a time; Date.parse alone accepts almost anything.
  if (!/\b\d{4}\b/.test(text) || !/\d{1,2}:\d{2}/.test(text)) return null;
  // RFC 822 / 1123: "GMT+7", "GMT+07:00", "+07" become "+0700"; no zone at all means Vietnam's time.
  let rfc = text.replace(
    /\b(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i,
    (_m, sign: string, h: string, mi?: string) => ` ${sign}${pad(h)}${mi ?? '00'}`,
  );
  if (!/([+-]\d{4}|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T))$/i.test(rfc)) rfc = `${rfc} +0700`;
  const at = Date.parse(rfc);
  return Number.isNaN(at) || at < Date.UTC(1990, 0, 1) ? null : new Date(at);
}
