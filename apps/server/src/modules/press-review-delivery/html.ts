// The edition as accessible HTML: the e-mail's HTML part, the web preview and the feeds' content. Inline styles only
// (mail clients drop style sheets), black on white, real headings and lists, no layout tables, links that say where
// they go.
import type { Edition, EditionEntry, EditionGroup, EditionSection } from './document.js';

export interface HtmlOptions {
  /** Where the edition opens in Loa (absolute); the footer links to it when known. */
  editionUrl?: string | null;
}

const TEXT = '#111111';
const MUTED = '#333333';
const LINK = '#0b4fa8';
const RULE = '#8a8a8a';
const RISK = '#8f1010';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web addresses become links: a `javascript:` or `data:` URL stored in an article never does. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

/** Paragraphs of plain text: blank lines split paragraphs, single line breaks are kept. */
function paragraphs(text: string, style: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="${style}">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function link(url: string, text: string): string {
  if (!isWebUrl(url)) return escapeHtml(text);
  return `<a href="${escapeHtml(url)}" style="color:${LINK};text-decoration:underline">${escapeHtml(text)}</a>`;
}

function entryHtml(entry: EditionEntry): string {
  const parts = [
    `<p style="margin:0 0 4px 0;font-weight:bold;font-size:17px;color:${TEXT}">${escapeHtml(entry.headline)}</p>`,
    `<p style="margin:0 0 4px 0;font-size:14px;color:${MUTED}">${escapeHtml(entry.meta)}</p>`,
  ];
  if (entry.warning) {
    parts.push(
      `<p style="margin:0 0 4px 0;font-size:14px;font-weight:bold;color:${RISK}">Cần lưu ý: ${escapeHtml(entry.warning)}</p>`,
    );
  }
  if (entry.extract) parts.push(paragraphs(entry.extract, `margin:0 0 6px 0;color:${TEXT}`));
  if (entry.comment) {
    parts.push(
      `<p style="margin:0 0 6px 0;color:${TEXT}"><em>Ý kiến của biên tập: ${escapeHtml(entry.comment)}</em></p>`,
    );
  }
  if (entry.links.length > 0) {
    const items = entry.links.map((l) => `<li style="margin:0 0 2px 0">${link(l.url, l.text)}</li>`).join('');
    parts.push(`<ul style="margin:0;padding-left:20px;font-size:14px">${items}</ul>`);
  }
  return `<li style="margin:0 0 16px 0;color:${TEXT}">\n${parts.join('\n')}\n</li>`;
}

function groupHtml(group: EditionGroup): string {
  const start = group.entries[0]?.number ?? 1;
  const heading = group.heading
    ? `<h3 style="margin:16px 0 8px 0;font-size:17px;color:${TEXT}">${escapeHtml(group.heading)}</h3>\n`
    : '';
  const list = `<ol${start > 1 ? ` start="${start}"` : ''} style="margin:0;padding-left:28px">\n${group.entries
    .map(entryHtml)
    .join('\n')}\n</ol>`;
  return heading + list;
}

function sectionHtml(section: EditionSection): string {
  const id = `muc-${section.section}`;
  return (
    `<section aria-labelledby="${id}">\n` +
    `<h2 id="${id}" style="margin:28px 0 12px 0;padding-bottom:4px;border-bottom:2px solid ${RULE};font-size:20px;color:${TEXT}">${escapeHtml(section.heading)}</h2>\n` +
    section.groups.map(groupHtml).join('\n') +
    '\n</section>'
  );
}

/** The edition's content without the page around it: what a feed entry carries. */
export function renderHtmlContent(edition: Edition): string {
  const parts: string[] = [];
  if (edition.addressee)
    parts.push(`<p style="margin:0 0 12px 0;font-weight:bold">${escapeHtml(edition.addressee)}</p>`);
  if (edition.copyNote) {
    parts.push(`<p style="margin:0 0 12px 0;font-size:14px;color:${MUTED}">${escapeHtml(edition.copyNote)}</p>`);
  }
  if (edition.intro) parts.push(paragraphs(edition.intro, `margin:0 0 12px 0;color:${TEXT}`));
  parts.push(...edition.sections.map(sectionHtml));
  if (edition.emptyNote) parts.push(`<p style="margin:16px 0;color:${TEXT}">${escapeHtml(edition.emptyNote)}</p>`);
  if (edition.closing) parts.push(paragraphs(edition.closing, `margin:24px 0 0 0;color:${TEXT}`));
  return parts.join('\n');
}

/** A whole HTML document: the e-mail's HTML part and the web preview. */
export function renderHtml(edition: Edition, options: HtmlOptions = {}): string {
  const letterhead = [
    `<p style="margin:0;font-weight:bold">${escapeHtml(edition.agency)}</p>`,
    `<p style="margin:0;font-weight:bold">${escapeHtml(edition.issuer)}</p>`,
  ];
  if (edition.motto) {
    letterhead.push(
      `<p style="margin:8px 0 0 0;font-weight:bold">${escapeHtml(edition.motto.country)}</p>`,
      `<p style="margin:0">${escapeHtml(edition.motto.motto)}</p>`,
    );
  }
  letterhead.push(`<p style="margin:8px 0 0 0;font-style:italic">${escapeHtml(edition.dateLine)}</p>`);
  const footer = options.editionUrl
    ? `<footer style="margin-top:32px;padding-top:8px;border-top:1px solid ${RULE};font-size:14px;color:${MUTED}">` +
      `<p style="margin:0">${link(options.editionUrl, `Mở ${edition.documentTitle} trên Loa`)}</p></footer>`
    : '';
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(edition.documentTitle)}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:${TEXT};font-family:Arial,'DejaVu Sans',Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:720px;margin:0 auto;padding:24px 16px">
<header style="text-align:center;margin-bottom:16px">
${letterhead.join('\n')}
</header>
<main>
<h1 style="margin:16px 0 4px 0;text-align:center;font-size:26px;color:${TEXT}">${escapeHtml(edition.heading)}</h1>
<p style="margin:0 0 20px 0;text-align:center;font-size:14px;color:${MUTED}">${escapeHtml(edition.window)}</p>
${renderHtmlContent(edition)}
</main>
${footer}
</div>
</body>
</html>
`;
}
