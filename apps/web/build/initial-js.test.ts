import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { initialChunks, measureInitialJs, type BundleLike } from './initial-js';

const chunk = (fileName: string, imports: string[], code: string, isEntry = false) =>
  ({ type: 'chunk', fileName, isEntry, imports, code }) as const;

// Entry → react, shared; shared → react (twice reachable); the lazy page and its library are only dynamic imports.
const bundle: BundleLike = {
  'index.js': chunk('index.js', ['react.js', 'shared.js'], 'import "react";'.repeat(40), true),
  'react.js': chunk('react.js', [], 'export const react = 1;'.repeat(200)),
  'shared.js': chunk('shared.js', ['react.js'], 'export const shared = "x";'.repeat(90)),
  'page.js': chunk('page.js', ['big-library.js', 'shared.js'], 'export const page = 2;'.repeat(500)),
  'big-library.js': chunk('big-library.js', [], 'export const lib = Math.random();'.repeat(5000)),
  'index.css': { type: 'asset', fileName: 'index.css' },
};

describe('initial JavaScript of the shell', () => {
  it('follows static imports from the entry, once each, and leaves lazy chunks out', () => {
    expect(initialChunks(bundle).map((c) => c.fileName)).toEqual(['index.js', 'react.js', 'shared.js']);
  });

  it('sums the gzip size of exactly those chunks', () => {
    const gz = (name: string) => gzipSync(Buffer.from((bundle[name] as { code: string }).code), { level: 9 }).length;
    const measured = measureInitialJs(bundle);
    expect(measured.totalGzipBytes).toBe(gz('index.js') + gz('react.js') + gz('shared.js'));
    expect(measured.files.map((f) => f.fileName)).toEqual(['index.js', 'react.js', 'shared.js']);
  });

  it('fails loudly on a static import the bundle does not have', () => {
    const broken: BundleLike = { 'index.js': chunk('index.js', ['missing.js'], '', true) };
    expect(() => initialChunks(broken)).toThrow(/missing\.js/);
  });
});
