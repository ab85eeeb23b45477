import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NAMED_RESOURCES } from './problem.js';

const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modules');

/** Every `notFound('x')` in the modules' source, outside tests. */
function resourcesNotFound(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const match of fs.readFileSync(full, 'utf8').matchAll(/notFound\('([a-z_]+)'\)/g)) found.add(match[1]!);
      }
    }
  };
  walk(modulesDir);
  return [...found].sort();
}

describe('resource names', () => {
  it('names, in vi and en, every resource a module reports as not found', () => {
    const resources = resourcesNotFound();
    expect(resources.length).toBeGreaterThan(20);
    expect(resources.filter((r) => !NAMED_RESOURCES.includes(r))).toEqual([]);
  });
});
