import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** What is stored for a content: the original bytes, or the WebP thumbnail made from them. */
export type BlobVariant = 'original' | 'thumbnail';

/**
 * Where file contents live, addressed by their SHA-256 (lower-case hex): the same content is kept once.
 * The disk implementation is the default; an S3-compatible one can take its place behind this interface.
 * The thumbnail of an image is kept under a key derived from the original's SHA-256 (`variant`).
 */
export interface FileStore {
  /** Stores `bytes` under `sha256` unless already there; `created` says whether this call wrote them. */
  put(sha256: string, bytes: Buffer, variant?: BlobVariant): Promise<{ created: boolean }>;
  /** The content as a stream, or null when the store does not have it. */
  get(sha256: string, variant?: BlobVariant): Promise<Readable | null>;
  /** Removes the content; a missing one is not an error. */
  delete(sha256: string, variant?: BlobVariant): Promise<void>;
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * The key of a blob inside the store: `ab/cd/<sha256>` for originals (two levels of 256 folders keep any
 * one folder small), `thumbnails/ab/cd/<sha256>.webp` for thumbnails (no clash: hex folders have two letters).
 */
export function blobKey(sha256: string, variant: BlobVariant = 'original'): string {
  if (!HASH.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  const key = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  return variant === 'thumbnail' ? `thumbnails/${key}.webp` : key;
}

/** `<root>/ab/cd/<sha256>` (or the thumbnail's key under `root`). */
export function diskPath(root: string, sha256: string, variant: BlobVariant = 'original'): string {
  return path.join(root, ...blobKey(sha256, variant).split('/'));
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Files on the local disk under `root`. Writes go to a temporary file in the target folder and are renamed
 * into place, so a crash never leaves a half-written blob under a real hash.
 */
export function diskFileStore(root: string): FileStore {
  return {
    async put(sha256, bytes, variant) {
      const target = diskPath(root, sha256, variant);
      if (await exists(target)) return { created: false };
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomUUID()}.part`;
      try {
        await writeFile(temporary, bytes, { flag: 'wx' });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { created: true };
    },

    async get(sha256, variant) {
      const file = diskPath(root, sha256, variant);
      return (await exists(file)) ? createReadStream(file) : null;
    },

    async delete(sha256, variant) {
      await rm(diskPath(root, sha256, variant), { force: true });
    },
  };
}
