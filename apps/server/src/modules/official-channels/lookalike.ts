// Pure: finds links, domains, e-mail addresses, phone numbers and forged document numbers in a text and tells
// whether each is an official channel of the agency, a reported fake, a look-alike of an official one, or unknown.
import {
  foldVi,
  normaliseChannelValue,
  normaliseDocumentNumber,
  normaliseHost,
  normaliseSocial,
  normalizeVnPhone,
  type TChannelKind,
  type TChannelStatus,
  type TCheckFinding,
  type TCheckVerdict,
  type TLookalikeReason,
} from '@loa/contracts';
import { domainToUnicode, editDistance, skeleton } from './lookalike-spelling.js';

/** A registry entry as the checks see it (entries in force only). */
export interface RegistryEntry {
  kind: TChannelKind;
  value: string;
  display: string;
  status: TChannelStatus;
  note: string | null;
}

/** Second-level endings under which names are registered, as in the public suffix list. */
const SECOND_LEVEL = new Set(['com', 'net', 'org', 'edu', 'gov', 'info', 'biz', 'name', 'pro', 'health', 'ac', 'int']);
/** Names registered only by state bodies (VNNIC): a name under them is never a look-alike scam. */
const STATE_SUFFIXES = ['gov.vn'];
/** The agency's abbreviated name, which scams put in domains and pages: it stands for "baohiemxahoi". */
const AGENCY_ABBREVIATIONS: Record<string, string> = { bhxh: 'baohiemxahoi' };
/** Hosts whose pages are people and organisations (the page is the first path segment). */
const SOCIAL_HOSTS = [
  'facebook.com',
  'fb.com',
  'fb.me',
  'zalo.me',
  'tiktok.com',
  'youtube.com',
  't.me',
  'instagram.com',
  'x.com',
  'twitter.com',
];
/** Endings a bare word.word must have to count as a domain in running text ("TP.HCM" is not one). */
const TLDS = new Set(
  'vn com net org info biz xyz top site online app io co me cc tk ml ga cf gq shop store club live pro asia edu gov int us uk link click website space fun icu vip one today cloud tech'.split(
    ' ',
  ),
);

/** How many edits still imitate a name of this length: none for short names ("vss" vs "vtv"), up to two for long. */
function allowedEdits(length: number): number {
  return length <= 4 ? 0 : length <= 7 ? 1 : 2;
}

/** A host split into its registrable label, the labels before it, and its public ending. */
export function splitHost(host: string): { sub: string[]; label: string; suffix: string } {
  const labels = host.split('.');
  const n = labels.length;
  const two = n >= 3 && SECOND_LEVEL.has(labels[n - 2]!) && labels[n - 1]!.length === 2;
  const suffixLength = two ? 2 : 1;
  return {
    sub: labels.slice(0, n - suffixLength - 1),
    label: labels[n - suffixLength - 1] ?? '',
    suffix: labels.slice(n - suffixLength).join('.'),
  };
}

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

interface Brand {
  entry: RegistryEntry;
  label: string;
  suffix: string;
}

/** The official domains' names, each with the entry it stands for. */
function brandsOf(registry: readonly RegistryEntry[]): Brand[] {
  return registry
    .filter((e) => e.kind === 'domain' && e.status === 'official')
    .map((entry) => ({ entry, ...splitHost(entry.value) }));
}

const NON_ASCII = /[^ -~]/;

/** True when `token` is the brand's name, spelt alike or abbreviated ("bhxh" for "baohiemxahoi"). */
function namesBrand(token: string, name: string): boolean {
  return skeleton(token) === skeleton(name) || AGENCY_ABBREVIATIONS[token] === name;
}

/** Why `host` imitates `brand`, or nothing when it does not. */
function imitation(host: string, brand: Brand): TLookalikeReason[] {
  const { label, suffix } = splitHost(host);
  const { sub, label: uLabel } = splitHost(domainToUnicode(host) || host);
  const name = brand.label;
  const reasons = new Set<TLookalikeReason>();
  const tokens = uLabel.split('-').filter(Boolean);
  const edits = allowedEdits(name.length);
  if (label === name) {
    if (suffix !== brand.suffix) reasons.add('other_tld');
  } else if (skeleton(uLabel) === skeleton(name)) {
    if (label.includes('-')) reasons.add('hyphens');
    if (NON_ASCII.test(uLabel)) reasons.add('punycode');
    const plain = uLabel
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/-/g, '');
    if (plain !== name) reasons.add('homoglyph');
  } else if (tokens.length > 1 && tokens.some((t) => namesBrand(t, name))) {
    reasons.add('added_words');
  } else if (editDistance(skeleton(uLabel), skeleton(name), edits) <= edits) {
    reasons.add('edit_distance');
  } else if (name.length >= 6 && skeleton(uLabel).includes(skeleton(name))) {
    reasons.add('added_words');
  } else if (Object.entries(AGENCY_ABBREVIATIONS).some(([short, full]) => full === name && label.includes(short))) {
    reasons.add('agency_name');
  }
  if (reasons.size > 0 && suffix !== brand.suffix) reasons.add('other_tld');
  const inSub = (s: string) => namesBrand(s, name) || (name.length >= 6 && skeleton(s).includes(skeleton(name)));
  if (reasons.size === 0 && sub.some(inSub)) reasons.add('official_name_in_subdomain');
  return [...reasons];
}

type Classified = Pick<TCheckFinding, 'verdict' | 'reasons' | 'entry'>;
const entryOf = (e: RegistryEntry) => ({ kind: e.kind, value: e.value, display: e.display, note: e.note });
const UNKNOWN: Classified = { verdict: 'unknown', reasons: [], entry: null };

/** What a host is: official (itself or a subdomain of an official domain), reported fake, a look-alike, or unknown. */
export function classifyHost(host: string, registry: readonly RegistryEntry[]): Classified {
  const domains = registry.filter((e) => e.kind === 'domain');
  const official = domains.find((e) => e.status === 'official' && within(host, e.value));
  if (official)
    return { verdict: 'official', reasons: host === official.value ? [] : ['subdomain'], entry: entryOf(official) };
  const fake = domains.find((e) => e.status === 'reported_fake' && within(host, e.value));
  if (fake) return { verdict: 'reported_fake', reasons: [], entry: entryOf(fake) };
  if (STATE_SUFFIXES.some((s) => within(host, s))) return UNKNOWN;
  for (const brand of brandsOf(registry)) {
    const reasons = imitation(host, brand);
    if (reasons.length > 0) return { verdict: 'lookalike', reasons, entry: entryOf(brand.entry) };
  }
  return UNKNOWN;
}

/** A social page: listed (official or fake), using the agency's name without being listed, or unknown. */
function classifySocial(page: string, registry: readonly RegistryEntry[]): Classified {
  const listed = registry.find((e) => e.kind === 'social' && (page === e.value || page.startsWith(`${e.value}/`)));
  if (listed) return { verdict: listed.status, reasons: [], entry: entryOf(listed) };
  const handle = skeleton(page.split('/').slice(1).join('/'));
  const names = [...brandsOf(registry).map((b) => b.label), ...Object.keys(AGENCY_ABBREVIATIONS)].filter(
    (n) => n.length >= 4,
  );
  const target = registry.find((e) => e.kind === 'social' && e.status === 'official') ?? brandsOf(registry)[0]?.entry;
  if (target && names.some((n) => handle.includes(skeleton(n))))
    return { verdict: 'lookalike', reasons: ['agency_name'], entry: entryOf(target) };
  return UNKNOWN;
}

const CONTACT_WORDS = [
  'tong dai',
  'hotline',
  'duong day nong',
  'so dien thoai',
  'dien thoai',
  'sdt',
  'lien he',
  'goi',
  'zalo',
  'cham soc khach hang',
  'ho tro',
];
const AGENCY_WORDS = ['bhxh', 'bao hiem xa hoi', 'bhyt', 'bao hiem y te', 'vss', 'vssid', 'co quan bao hiem'];
const hasPhrase = (folded: string, phrases: readonly string[]) =>
  phrases.some((p) => new RegExp(`(?:^|[^a-z0-9])${p.replace(/ /g, '\\s+')}(?![a-z0-9])`).test(folded));

/** The few words around a number when they present it as the agency's ("tổng đài BHXH …"), else null. */
function agencyPresentation(text: string, start: number, end: number): string | null {
  const before = text
    .slice(Math.max(0, start - 90), start)
    .split(/\s+/)
    .slice(-9)
    .join(' ');
  const after = text
    .slice(end, end + 50)
    .split(/\s+/)
    .slice(0, 6)
    .join(' ');
  const folded = foldVi(`${before} ${after}`).replace(/[^a-z0-9]+/g, ' ');
  return hasPhrase(folded, CONTACT_WORDS) && hasPhrase(folded, AGENCY_WORDS) ? `${before} … ${after}`.trim() : null;
}

function classifyPhone(phone: string, registry: readonly RegistryEntry[], presentedAs: string | null): Classified {
  const listed = registry.find((e) => e.kind === 'phone' && e.value === phone);
  if (listed) return { verdict: listed.status, reasons: [], entry: entryOf(listed) };
  if (presentedAs === null) return UNKNOWN;
  const phones = registry.filter((e) => e.kind === 'phone' && e.status === 'official');
  const hotline = phones.find((e) => /^1[89]00/.test(e.value)) ?? phones[0];
  return { verdict: 'lookalike', reasons: ['presented_as_agency'], entry: hotline ? entryOf(hotline) : null };
}

interface Span {
  start: number;
  end: number;
}
const overlaps = (spans: Span[], s: Span) => spans.some((t) => s.start < t.end && t.start < s.end);
const TRAILING = /[.,;:!?)\]}'"”’»]+$/;

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`“”]+/giu;
const EMAIL_RE = /[a-z0-9._%+-]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,24}/giu;
const DOMAIN_RE =
  /(?<![\p{L}\p{N}@._-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:xn--[a-z0-9-]+|\p{L}{2,24})(?:\/[^\s<>"'`“”]*)?/giu;
const PHONE_RUN_RE = /(?<![\p{L}\p{N}])(?:\+\s?)?\(?\d+\)?(?:[ .-]\(?\d+\)?)*/gu;
const DOCUMENT_RE = /(?<![\p{L}\p{N}/])\d{1,6}\s?\/\s?[A-ZĐ0-9]+(?:\s?-\s?[A-ZĐ0-9]+)*/gu;

/** The host (or social page) of a link or bare domain, with its kind. */
function locate(raw: string): { kind: 'url' | 'domain' | 'social'; value: string } | null {
  const host = normaliseHost(raw.replace(/^www\./i, ''));
  if (!host) return null;
  const bare = host.replace(/^(?:m|mobile|web|vt|vm)\./, '');
  if (SOCIAL_HOSTS.includes(bare) && /\/[^/\s]/.test(raw.replace(/^[a-z]+:\/\//i, ''))) {
    const page = normaliseSocial(raw);
    if (page && page.includes('/')) return { kind: 'social', value: page };
  }
  return { kind: /^(?:https?:\/\/|www\.)/i.test(raw) ? 'url' : 'domain', value: host };
}

/**
 * Every link, bare domain, e-mail address, phone number and forged document number of `text`, in order, each with
 * its verdict against `registry` (entries in force), the reasons of a look-alike and the entry it is or imitates.
 * A whole text that names a listed app or a social page known by name is reported too.
 */
export function checkText(text: string, registry: readonly RegistryEntry[]): TCheckFinding[] {
  const found: (TCheckFinding & Span)[] = [];
  const taken: Span[] = [];
  const add = (span: Span, finding: TCheckFinding) => {
    taken.push(span);
    found.push({ ...finding, ...span });
  };
  const scan = (re: RegExp, handle: (raw: string, span: Span) => void) => {
    for (const m of text.matchAll(re)) {
      const raw = m[0].replace(TRAILING, '');
      const span = { start: m.index, end: m.index + raw.length };
      if (raw && !overlaps(taken, span)) handle(raw, span);
    }
  };
  scan(EMAIL_RE, (raw, span) => {
    const value = normaliseChannelValue('email', raw);
    if (!value) return;
    const listed = registry.find((e) => e.kind === 'email' && e.value === value);
    const verdict = listed
      ? { verdict: listed.status, reasons: [], entry: entryOf(listed) }
      : classifyHost(value.split('@')[1]!, registry);
    add(span, { kind: 'email', text: raw, value, context: null, ...verdict });
  });
  const hostFinding = (raw: string, span: Span) => {
    const located = locate(raw);
    if (!located) return;
    // In running text only known endings make a domain: "TP.HCM" and "BHXH.Hôm" are not ones.
    const tld = raw.split('/')[0]!.split('.').at(-1)!.toLowerCase();
    if (located.kind === 'domain' && !TLDS.has(tld) && !tld.startsWith('xn--')) return;
    const verdict =
      located.kind === 'social' ? classifySocial(located.value, registry) : classifyHost(located.value, registry);
    add(span, { kind: located.kind, text: raw, value: located.value, context: null, ...verdict });
  };
  scan(URL_RE, hostFinding);
  scan(DOMAIN_RE, (raw, span) => {
    if (/^\d+(?:\.\d+)+$/.test(raw.split('/')[0]!)) return;
    hostFinding(raw, span);
  });
  scan(DOCUMENT_RE, (raw, span) => {
    const value = normaliseDocumentNumber(raw);
    const listed = value && registry.find((e) => e.kind === 'document' && e.value === value);
    if (listed)
      add(span, {
        kind: 'document',
        text: raw,
        value,
        context: null,
        verdict: listed.status,
        reasons: [],
        entry: entryOf(listed),
      });
  });
  for (const m of text.matchAll(PHONE_RUN_RE)) phonesOfRun(text, m[0], m.index, registry, taken, add);
  const folded = ` ${foldVi(text).replace(/[^a-z0-9]+/g, ' ')} `;
  for (const entry of registry) {
    const named = entry.kind === 'app' || (entry.kind === 'social' && !entry.value.includes('/'));
    if (!named) continue;
    const name = foldVi(entry.value.replace(/^[^:]{1,20}:\s*/, ''))
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const hit = entry.kind === 'app' ? folded.trim() === name : name.length >= 6 && folded.includes(` ${name} `);
    if (hit)
      found.push({
        kind: entry.kind === 'app' ? 'app' : 'social',
        text: text.trim(),
        value: entry.value,
        verdict: entry.status,
        reasons: [],
        entry: entryOf(entry),
        context: null,
        start: text.length,
        end: text.length,
      });
  }
  return found.sort((a, b) => a.start - b.start).map(({ start: _s, end: _e, ...finding }) => finding);
}

/** The phone numbers of a run of digit groups ("024.36285231 0912 345 678"): the longest groups that make one. */
function phonesOfRun(
  text: string,
  run: string,
  offset: number,
  registry: readonly RegistryEntry[],
  taken: Span[],
  add: (span: Span, finding: TCheckFinding) => void,
): void {
  const groups = [...run.matchAll(/(?:\+\s?)?\(?\d+\)?/g)];
  let i = 0;
  while (i < groups.length) {
    let matched = 0;
    for (let j = groups.length; j > i; j--) {
      const start = offset + groups[i]!.index;
      const end = offset + groups[j - 1]!.index + groups[j - 1]![0].length;
      const raw = text.slice(start, end);
      const phone = normalizeVnPhone(raw);
      if (!phone || overlaps(taken, { start, end })) continue;
      const context = agencyPresentation(text, start, end);
      add(
        { start, end },
        {
          kind: 'phone',
          text: raw,
          value: phone,
          ...classifyPhone(phone, registry, context),
          context,
        },
      );
      matched = j - i;
      break;
    }
    i += matched || 1;
  }
}

const SEVERITY: TCheckVerdict[] = ['reported_fake', 'lookalike', 'unknown', 'official'];

/** The most serious verdict among findings (reported fake, then look-alike, unknown, official); null when none. */
export function overallVerdict(findings: readonly Pick<TCheckFinding, 'verdict'>[]): TCheckVerdict | null {
  return SEVERITY.find((v) => findings.some((f) => f.verdict === v)) ?? null;
}
