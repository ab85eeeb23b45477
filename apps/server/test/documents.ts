// Document checks for generated files: read a DOCX/XLSX part without a zip library, convert a DOCX with LibreOffice,
// render a PDF's pages with pdftoppm, read its page size and fonts with pdfinfo and pdffonts (poppler-utils).
// The tools are installed with apt when missing and running as root; otherwise the check fails with the command to
// run — never a silent skip.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

export const INSTALL_DOCUMENT_TOOLS = 'apt-get install -y --no-install-recommends libreoffice-writer poppler-utils';

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

/** Makes sure soffice, pdftoppm, pdfinfo and pdffonts are there (installing them as root), or throws how to. */
export function requireDocumentTools(): void {
  const missing = () => ['soffice', 'pdftoppm', 'pdfinfo', 'pdffonts'].filter((c) => !onPath(c));
  if (missing().length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The document checks need ${missing().join(', ')}, which are not installed. Install them with: sudo ${INSTALL_DOCUMENT_TOOLS}`,
    );
  }
  console.error(`documents: ${missing().join(', ')} not found, installing: ${INSTALL_DOCUMENT_TOOLS}`);
  const run = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const install = ['install', '-y', '--no-install-recommends', 'libreoffice-writer', 'poppler-utils'];
  try {
    run(install);
  } catch {
    run(['update']);
    run(install);
  }
  if (missing().length > 0) throw new Error(`${INSTALL_DOCUMENT_TOOLS} did not provide ${missing().join(', ')}`);
}

/** One file of a zip archive (DOCX, XLSX), read through the central directory; null when absent. */
export function zipEntry(zip: Buffer, name: string): Buffer | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken zip central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    offset += 46 + nameLength + extra + comment;
  }
  return null;
}

/** A fresh temporary directory, removed by the caller with `fs.rmSync(dir, { recursive: true })`. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Converts a DOCX to PDF with LibreOffice (its own profile, headless) and returns the PDF. */
export function convertDocxToPdf(docx: Buffer, dir: string): Buffer {
  const input = path.join(dir, 'report.docx');
  fs.writeFileSync(input, docx);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return fs.readFileSync(path.join(dir, 'report.pdf'));
}

/** pdfinfo's fields: "Pages", "Page size" … */
export function pdfInfo(pdf: Buffer, dir: string): Record<string, string> {
  const file = path.join(dir, `info-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** The fonts of a PDF as pdffonts lists them: name (subset prefix removed) and whether it is embedded. */
export function pdfFonts(pdf: Buffer, dir: string): { name: string; embedded: boolean }[] {
  const file = path.join(dir, 'fonts.pdf');
  fs.writeFileSync(file, pdf);
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const [name = '', ...rest] = line.trim().split(/\s+/);
    // Columns after the name: type (one or more words), encoding, emb, sub, uni, object, id.
    const emb = rest.at(-5);
    return { name: name.replace(/^[A-Z]{6}\+/, ''), embedded: emb === 'yes' };
  });
}

/** Renders each page of a PDF to a PNG at `dpi` with pdftoppm; returns the image files, page 1 first. */
export function renderPdfPages(pdf: Buffer, dir: string, dpi = 50): string[] {
  const file = path.join(dir, 'pages.pdf');
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, path.join(dir, 'page')], { stdio: 'pipe' });
  return fs
    .readdirSync(dir)
    .filter((name) => /^page-\d+\.png$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((name) => path.join(dir, name));
}
