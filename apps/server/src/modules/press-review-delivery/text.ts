// The edition as plain text: the e-mail's text part, for mail readers, screen readers and filters that skip HTML.
import type { Edition, EditionEntry } from './document.js';

export interface TextOptions {
  /** Where the edition opens in Loa (absolute), named at the end when known. */
  editionUrl?: string | null;
}

const underline = (text: string, mark: string) => `${text}\n${mark.repeat(Math.min([...text].length, 72))}`;

/** Indents every line of `text` after the first by `indent` spaces. */
function hanging(text: string, indent: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(indent)}`);
}

function entryText(entry: EditionEntry): string {
  const label = `${entry.number}. `;
  const pad = label.length;
  const lines = [`${label}${hanging(entry.headline, pad)}`, `${' '.repeat(pad)}${entry.meta}`];
  if (entry.warning) lines.push(`${' '.repeat(pad)}Cần lưu ý: ${entry.warning}`);
  if (entry.extract) lines.push(`${' '.repeat(pad)}${hanging(entry.extract.trim(), pad)}`);
  if (entry.comment) lines.push(`${' '.repeat(pad)}Ý kiến của biên tập: ${hanging(entry.comment, pad)}`);
  for (const link of entry.links) lines.push(`${' '.repeat(pad)}- ${link.text}: ${link.url}`);
  return lines.join('\n');
}

/** The whole edition as text, sections underlined, entries numbered, each link with its address. */
export function renderText(edition: Edition, options: TextOptions = {}): string {
  const blocks: string[] = [[edition.agency, edition.issuer].join('\n')];
  if (edition.motto) blocks.push([edition.motto.country, edition.motto.motto].join('\n'));
  blocks.push(edition.dateLine);
  blocks.push(underline(edition.heading, '='));
  blocks.push(edition.window);
  if (edition.addressee) blocks.push(edition.addressee);
  if (edition.copyNote) blocks.push(edition.copyNote);
  if (edition.intro) blocks.push(edition.intro);
  for (const section of edition.sections) {
    blocks.push(underline(section.heading.toLocaleUpperCase('vi'), '-'));
    for (const group of section.groups) {
      if (group.heading) blocks.push(`* ${group.heading}`);
      blocks.push(...group.entries.map(entryText));
    }
  }
  if (edition.emptyNote) blocks.push(edition.emptyNote);
  if (edition.closing) blocks.push(edition.closing);
  if (options.editionUrl) blocks.push(`Mở ${edition.documentTitle} trên Loa: ${options.editionUrl}`);
  return `${blocks.join('\n\n')}\n`;
}
