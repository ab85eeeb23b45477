// The short extract under an entry's headline: the article's lead, or the first two sentences of its body, never
// longer than EXTRACT_MAX characters. Sentence ends are found the Vietnamese press's way: "TP. Hồ Chí Minh",
// "PGS.TS. Nguyễn Văn A", "ông Nguyễn V. Hùng" and "1.500.000 đồng" do not end a sentence.

export const EXTRACT_MAX = 400;

/** Abbreviations (lower case, accents kept: "nợ." ends a sentence) that a full stop follows inside a sentence. */
const ABBREVIATIONS = new Set([
  'tp',
  'tx',
  'tt',
  'q',
  'p',
  'h',
  'ts',
  'ths',
  'pgs',
  'gs',
  'bs',
  'bsck',
  'bsckii',
  'ks',
  'ls',
  'ncs',
  'ng',
  'st',
  'mr',
  'ms',
  'dr',
  'vd',
  'tr',
]);

/** A candidate end: punctuation, closing quotes or brackets, spaces, then what may start a sentence. */
const END = /[.!?…]+["”’»)\]]*\s+(?=["“‘«([]?[\p{Lu}\d])/gu;

/** Whether a full stop after `before` belongs to an abbreviation or an initial rather than ending a sentence. */
function abbreviationBefore(before: string): boolean {
  const word = /[\p{L}\p{N}.]*$/u.exec(before)?.[0] ?? '';
  const last = word.split('.').pop() ?? '';
  if (last.length === 1 && /\p{Lu}/u.test(last)) return true; // an initial: "Nguyễn V. Hùng"
  return ABBREVIATIONS.has(last.toLowerCase());
}

/** The sentences of a text: paragraphs split on line breaks, then on sentence ends; spaces collapsed. */
export function sentences(text: string): string[] {
  const result: string[] = [];
  for (const paragraph of text.normalize('NFC').split(/\n+/)) {
    const clean = paragraph.replace(/\s+/g, ' ').trim();
    if (!clean) continue;
    let start = 0;
    for (const match of clean.matchAll(END)) {
      const singleStop = match[0].startsWith('.') && !match[0].startsWith('..');
      if (singleStop && abbreviationBefore(clean.slice(start, match.index))) continue;
      result.push(clean.slice(start, match.index + match[0].trimEnd().length).trim());
      start = match.index + match[0].length;
    }
    const rest = clean.slice(start).trim();
    if (rest) result.push(rest);
  }
  return result;
}

/** Cuts `text` at a word boundary so that, with the ellipsis, it is at most `max` characters. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:–-]+$/u, '')}…`;
}

/** Leading sentences of `parts`, at most `limit` of them, while they fit in `max`; the first is cut if it alone is too long. */
function leading(parts: string[], limit: number, max: number): string {
  const first = parts[0];
  if (first === undefined) return '';
  if (first.length > max) return cutAtWord(first, max);
  let text = first;
  for (const next of parts.slice(1, limit)) {
    if (text.length + 1 + next.length > max) break;
    text = `${text} ${next}`;
  }
  return text;
}

/** The extract of an article: its lead (as much as fits), else its body's first two sentences; ≤ `max` characters. */
export function cutExtract(lead: string, body: string, max = EXTRACT_MAX): string {
  const fromLead = sentences(lead);
  if (fromLead.length > 0) return leading(fromLead, fromLead.length, max);
  return leading(sentences(body), 2, max);
}
