// The edition as it is printed: one pure model that the HTML, text, PDF and DOCX renderers and the feeds all draw.
import {
  FLAG_LABELS,
  OWNING_UNIT_CODES,
  OWNING_UNIT_LABELS,
  REVIEW_SECTION_LABELS,
  REVIEW_SECTIONS,
  RISK_FLAGS,
  viDate,
  type OwningUnit,
  type TReview,
  type TReviewEntry,
  type TReviewKind,
  type TReviewSection,
} from '@loa/contracts';

/** What one recipient receives: empty lists mean everything. */
export interface RecipientFilter {
  sections: readonly TReviewSection[];
  provinceIds: readonly string[];
}

export const FULL_EDITION: RecipientFilter = { sections: [], provinceIds: [] };

export interface EditionLink {
  url: string;
  /** "Đọc bài “…” trên VnExpress": says where the link goes without its surroundings. */
  text: string;
}

export interface EditionEntry {
  /** 1-based, continuous inside its section. */
  number: number;
  headline: string;
  /** "VnExpress, Tuổi Trẻ · 08:15 24/11/2026 · Hà Nội". */
  meta: string;
  /** Risk flags worded ("Lừa đảo, giả mạo cơ quan BHXH"), or null. */
  warning: string | null;
  extract: string;
  comment: string | null;
  links: EditionLink[];
}

/** The theme section is printed by owning unit; the other sections have one untitled group. */
export interface EditionGroup {
  heading: string | null;
  entries: EditionEntry[];
}

export interface EditionSection {
  section: TReviewSection;
  heading: string;
  groups: EditionGroup[];
}

export interface Edition {
  kind: TReviewKind;
  /** "Điểm báo ngày 25/11/2026": the document's title (e-mail subject, PDF and DOCX properties). */
  documentTitle: string;
  /** The letterhead: the agency, then the issuing unit, both in capitals. */
  agency: string;
  issuer: string;
  /** The bulletin is an official dispatch to provinces: it carries the national motto. */
  motto: { country: string; motto: string } | null;
  /** "ĐIỂM BÁO" / "THÔNG TIN BÁO CHÍ – BẢN TIN 24 GIỜ". */
  heading: string;
  /** "Ngày 25 tháng 11 năm 2026". */
  dateLine: string;
  /** "Tin bài từ 06:30 ngày 24/11/2026 đến 06:30 ngày 25/11/2026". */
  window: string;
  /** "Kính gửi: …" of the bulletin; null for the review. */
  addressee: string | null;
  intro: string | null;
  sections: EditionSection[];
  /** Said when no entry is left (nothing compiled, or nothing in the recipient's choice). */
  emptyNote: string | null;
  closing: string | null;
  /** "Bản dành riêng cho …: chuyên mục …" on a recipient's filtered copy, else null. */
  copyNote: string | null;
  /** ASCII file name without extension: `diem-bao-2026-11-25`, `ban-tin-24h-2026-11-25`. */
  fileBase: string;
  /** The edition in Loa (`/reviews/<id>`, `/bulletins/<id>`). */
  path: string;
}

export const AGENCY = 'BẢO HIỂM XÃ HỘI VIỆT NAM';
const HEADINGS: Record<TReviewKind, string> = {
  review: 'ĐIỂM BÁO',
  bulletin: 'THÔNG TIN BÁO CHÍ – BẢN TIN 24 GIỜ',
};
const FILE_PREFIX: Record<TReviewKind, string> = { review: 'diem-bao', bulletin: 'ban-tin-24h' };
const RISK: ReadonlySet<string> = new Set(RISK_FLAGS);
/** Vietnam has kept UTC+7 all year since 1975: no time-zone database needed to print its hours. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** `/reviews/<id>` or `/bulletins/<id>`: where an edition opens in Loa. */
export function editionPath(kind: TReviewKind, id: string): string {
  return `${kind === 'review' ? '/reviews' : '/bulletins'}/${id}`;
}

/** "08:15 24/11/2026", Vietnam's wall clock. */
export function vietnamTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ${viDate(local.slice(0, 10))}`;
}

/** "Ngày 25 tháng 11 năm 2026": how Vietnamese documents date themselves. */
export function vietnameseDateLine(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `Ngày ${day} tháng ${month} năm ${year}`;
}

/** True when the edition is the Communication Center's (sent to the whole agency), not a province's own. */
function isCentreEdition(review: Pick<TReview, 'orgUnit'>): boolean {
  return review.orgUnit.code === OWNING_UNIT_CODES.truyenthong;
}

function keepsEntry(entry: TReviewEntry, filter: RecipientFilter): boolean {
  if (entry.excluded) return false;
  if (filter.sections.length > 0 && !filter.sections.includes(entry.section)) return false;
  if (entry.section === 'provincial' && filter.provinceIds.length > 0) {
    return entry.province !== null && filter.provinceIds.includes(entry.province.id);
  }
  return true;
}

function toEntry(entry: TReviewEntry, number: number): EditionEntry {
  const outlets = entry.outlets.length > 0 ? entry.outlets.join(', ') : null;
  const meta = [outlets, vietnamTime(entry.publishedAt), entry.province?.name ?? null].filter(Boolean).join(' · ');
  const risks = entry.flags.filter((flag) => RISK.has(flag)).map((flag) => FLAG_LABELS[flag].vi);
  return {
    number,
    headline: entry.headline,
    meta,
    warning: risks.length > 0 ? risks.join('; ') : null,
    extract: entry.extract,
    comment: entry.comment?.trim() ? entry.comment.trim() : null,
    links: entry.links.map((link) => ({
      url: link.url,
      text: `Đọc bài “${link.title || entry.headline}” trên ${link.sourceName}`,
    })),
  };
}

/** Groups the theme section by owning unit, the units in the order their first entry comes. */
function themeGroups(entries: readonly TReviewEntry[], first: number): EditionGroup[] {
  const byTheme = new Map<OwningUnit, TReviewEntry[]>();
  for (const entry of entries) byTheme.set(entry.theme, [...(byTheme.get(entry.theme) ?? []), entry]);
  let number = first;
  return [...byTheme].map(([theme, group]) => ({
    heading: theme === 'none' ? 'Chủ đề khác' : OWNING_UNIT_LABELS[theme].vi,
    entries: group.map((entry) => toEntry(entry, number++)),
  }));
}

function sectionsOf(entries: readonly TReviewEntry[]): EditionSection[] {
  const sections: EditionSection[] = [];
  for (const section of REVIEW_SECTIONS) {
    const inSection = entries
      .filter((entry) => entry.section === section)
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    if (inSection.length === 0) continue;
    const groups =
      section === 'theme'
        ? themeGroups(inSection, 1)
        : [{ heading: null, entries: inSection.map((entry, i) => toEntry(entry, i + 1)) }];
    sections.push({ section, heading: REVIEW_SECTION_LABELS[section].vi, groups });
  }
  return sections;
}

function copyNote(filter: RecipientFilter, provinceNames: ReadonlyMap<string, string>): string | null {
  const parts: string[] = [];
  if (filter.sections.length > 0) {
    const names = REVIEW_SECTIONS.filter((s) => filter.sections.includes(s)).map((s) => REVIEW_SECTION_LABELS[s].vi);
    parts.push(`chuyên mục ${names.join('; ')}`);
  }
  if (filter.provinceIds.length > 0) {
    const names = filter.provinceIds.map((id) => provinceNames.get(id)).filter((name): name is string => !!name);
    if (names.length > 0) parts.push(`tin địa phương của ${names.join(', ')}`);
  }
  return parts.length > 0 ? `Bản theo đăng ký nhận: ${parts.join('; ')}.` : null;
}

/**
 * The edition to print for one recipient: entries left out by the editor are dropped, then those outside the
 * recipient's sections, and provincial news of provinces they did not choose. Sections come in REVIEW_SECTIONS
 * order, entries by position; the theme section is grouped by owning unit. `provinceNames` names the chosen
 * provinces in the copy note (entries carry their own province's name).
 */
export function buildEdition(
  review: TReview,
  filter: RecipientFilter = FULL_EDITION,
  provinceNames: ReadonlyMap<string, string> = new Map(),
): Edition {
  const kept = review.entries.filter((entry) => keepsEntry(entry, filter));
  const centre = isCentreEdition(review);
  const bulletin = review.kind === 'bulletin';
  const window = `Tin bài từ ${vietnamTime(review.windowFrom).replace(' ', ' ngày ')} đến ${vietnamTime(
    review.windowTo,
  ).replace(' ', ' ngày ')}`;
  return {
    kind: review.kind,
    documentTitle: review.title,
    agency: AGENCY,
    issuer: review.orgUnit.name.toLocaleUpperCase('vi'),
    motto: bulletin ? { country: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' } : null,
    heading: HEADINGS[review.kind],
    dateLine: vietnameseDateLine(review.editionDate),
    window,
    addressee: bulletin
      ? centre
        ? 'Kính gửi: Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương'
        : `Kính gửi: Các đơn vị trực thuộc ${review.orgUnit.name}`
      : null,
    intro: review.intro?.trim() ? review.intro.trim() : null,
    sections: sectionsOf(kept),
    emptyNote: kept.length === 0 ? 'Không có tin bài nào trong bản này.' : null,
    closing: bulletin
      ? centre
        ? 'Đề nghị BHXH các tỉnh, thành phố theo dõi, chủ động nắm bắt thông tin liên quan trên địa bàn, kịp thời ' +
          'cung cấp thông tin, phối hợp xử lý và báo cáo về Trung tâm Truyền thông khi có vấn đề phát sinh.'
        : 'Đề nghị các đơn vị theo dõi, chủ động nắm bắt thông tin liên quan trên địa bàn, kịp thời phối hợp xử ' +
          `lý và báo cáo về ${review.orgUnit.name} khi có vấn đề phát sinh.`
      : null,
    copyNote: copyNote(filter, provinceNames),
    fileBase: `${FILE_PREFIX[review.kind]}-${review.editionDate}`,
    path: editionPath(review.kind, review.id),
  };
}

/** Every entry of the edition in print order (the theme section's groups flattened). */
export function editionEntries(edition: Edition): EditionEntry[] {
  return edition.sections.flatMap((section) => section.groups.flatMap((group) => group.entries));
}
