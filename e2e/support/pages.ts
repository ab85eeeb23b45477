// The screens of the web app, read from its own menu definition so that a new screen is checked without an edit here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NAV_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/web/src/app/nav.tsx');

/** Every entry of NAV_ENTRIES (apps/web/src/app/nav.tsx): its key and its path. */
export function navPages(source = fs.readFileSync(NAV_FILE, 'utf8')): { path: string; label: string }[] {
  const entries = [...source.matchAll(/key: '([^']+)',\s*path: '([^']+)'/g)].map((m) => ({
    label: m[1]!,
    path: m[2]!,
  }));
  if (entries.length < 10) throw new Error(`Only ${entries.length} menu entries found in ${NAV_FILE}`);
  return entries;
}

export const NAV_PAGES = navPages();
