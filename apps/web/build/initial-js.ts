/// <reference types="node" />
// The weight of the shell: the JavaScript a browser must download before the first screen can render.
import { gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** The part of a Rollup/Rolldown output chunk this measure reads. */
export interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  /** Static imports only: they are fetched (and modulepreloaded) before the entry runs. */
  imports: readonly string[];
  code: string;
}

export interface AssetInfo {
  type: 'asset';
  fileName: string;
}

export type BundleLike = Record<string, ChunkInfo | AssetInfo>;

export interface InitialJs {
  files: { fileName: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

/**
 * The entry chunks and everything they import statically, transitively. Dynamic imports (the lazy
 * pages) are left out: they load when the user opens a screen, not with the shell.
 */
export function initialChunks(bundle: BundleLike): ChunkInfo[] {
  const chunks = new Map<string, ChunkInfo>();
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const seen = new Set<string>();
  const order: ChunkInfo[] = [];
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = chunks.get(fileName);
    if (!chunk) throw new Error(`The bundle has no chunk ${fileName}, imported statically`);
    order.push(chunk);
    chunk.imports.forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  return order;
}

/** Gzip size (level 9, as a server compressing static files would) of each initial chunk and their sum. */
export function measureInitialJs(bundle: BundleLike): InitialJs {
  const files = initialChunks(bundle).map((chunk) => ({
    fileName: chunk.fileName,
    gzipBytes: gzipSync(Buffer.from(chunk.code), { level: 9 }).length,
  }));
  return { files, totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Printed after every build; the build fails when the shell's initial JavaScript exceeds `limitBytes`. */
export function initialJsBudget(limitBytes: number): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'loa:initial-js-budget',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      const measured = measureInitialJs(bundle as unknown as BundleLike);
      const lines = measured.files.map((file) => `  ${file.fileName.padEnd(48)} ${kb(file.gzipBytes)} gzip`);
      const summary = `Initial JavaScript of the shell: ${kb(measured.totalGzipBytes)} gzip (limit ${kb(limitBytes)})`;
      config?.logger.info(['', summary, ...lines].join('\n'));
      if (measured.totalGzipBytes > limitBytes) {
        this.error(`${summary}: over the limit. Load the code that only some screens need lazily.`);
      }
    },
  };
}
