// `npm run loa -- backup DIR` and `restore DIR`: the database and the uploaded files, verified by counts and hashes.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { recreateDatabase } from './platform/db/client.js';
import { findPgTool, runPgTool } from './platform/db/pg-tools.js';
import type { BlobVariant, FileStore } from './modules/files/index.js';

export const BACKUP_FORMAT = 'loa-backup/1';
const DUMP = 'database.dump';
const MANIFEST = 'manifest.json';
const HASH = /^[0-9a-f]{64}$/;

interface BlobEntry {
  /** The content's SHA-256 (of the original; a thumbnail's key is its original's). */
  sha256: string;
  variant: BlobVariant;
  /** SHA-256 of the bytes in the backup (equal to `sha256` for originals). */
  contentSha256: string;
  bytes: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** The newest migration of the backed-up database: a restore needs a Loa that knows it. */
  migration: string | null;
  /** Exact row counts of every table, read in the snapshot pg_dump wrote. */
  tables: Record<string, number>;
  blobs: BlobEntry[];
}

/** Where a blob sits inside the backup folder: `files/ab/cd/<sha256>` (thumbnails under `files/thumbnails/`). */
function blobFile(dir: string, blob: Pick<BlobEntry, 'sha256' | 'variant'>): string {
  if (!HASH.test(blob.sha256)) throw new Error(`Backup manifest holds a bad hash: ${blob.sha256}`);
  const key = `${blob.sha256.slice(0, 2)}/${blob.sha256.slice(2, 4)}/${blob.sha256}`;
  return path.join(
    dir,
    'files',
    ...(blob.variant === 'thumbnail' ? ['thumbnails', `${key}.webp`] : [key]).join('/').split('/'),
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function serverMajor(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(rows[0]!.v) / 10_000);
}

/** Exact row counts of every table of the public schema, through `client` (inside its snapshot). */
export async function tableCounts(client: pg.Pool | pg.PoolClient): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public."${name.replace(/"/g, '""')}"`);
    counts[name] = Number(result.rows[0]!.n);
  }
  return counts;
}

/**
 * Writes a backup folder: `database.dump` (pg_dump, custom format), `files/` (every blob a `files` row refers to,
 * thumbnails included) and `manifest.json` (row counts, blob hashes). The file list, the counts and the dump come
 * from one exported snapshot, so they agree even while Loa keeps running.
 */
export async function backupTo(dir: string, pool: pg.Pool, url: string, store: FileStore): Promise<BackupManifest> {
  await fs.mkdir(dir, { recursive: true });
  if ((await fs.readdir(dir)).length > 0) throw new Error(`${dir} is not empty: back up into a new folder.`);
  const pgDump = await findPgTool('pg_dump', await serverMajor(pool));
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const dumped = runPgTool(
      pgDump,
      ['--format=custom', '--no-owner', `--snapshot=${snapshot}`, `--file=${path.join(dir, DUMP)}`],
      url,
    );
    const tables = await tableCounts(client);
    const migration = tables.schema_migrations
      ? ((await client.query<{ id: string }>('SELECT max(id) AS id FROM schema_migrations')).rows[0]?.id ?? null)
      : null;
    const { rows } = await client.query<{ sha256: string; thumbnail: boolean }>(
      `SELECT sha256, bool_or(has_thumbnail) AS thumbnail FROM files GROUP BY sha256 ORDER BY sha256`,
    );
    const blobs: BlobEntry[] = [];
    for (const row of rows) {
      const variants: BlobVariant[] = row.thumbnail ? ['original', 'thumbnail'] : ['original'];
      for (const variant of variants) {
        const stream = await store.get(row.sha256, variant);
        if (!stream)
          throw new Error(`The file store has no ${variant} for ${row.sha256}: the store and the database disagree.`);
        const bytes = await readAll(stream);
        const contentSha256 = sha256Of(bytes);
        if (variant === 'original' && contentSha256 !== row.sha256) {
          throw new Error(`The stored file ${row.sha256} is corrupt (its content hashes to ${contentSha256}).`);
        }
        const target = blobFile(dir, { sha256: row.sha256, variant });
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, bytes);
        blobs.push({ sha256: row.sha256, variant, contentSha256, bytes: bytes.length });
      }
    }
    await dumped;
    await client.query('COMMIT');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migration,
      tables,
      blobs,
    };
    await fs.writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Reads a backup folder's manifest and checks every blob against its hash; throws naming the first problem. */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await fs.readFile(path.join(dir, MANIFEST), 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new Error(`${dir} is not a Loa backup (format ${String(manifest.format)}).`);
  await fs.access(path.join(dir, DUMP));
  for (const blob of manifest.blobs) {
    const bytes = await fs.readFile(blobFile(dir, blob)).catch(() => null);
    if (!bytes) throw new Error(`The backup lacks the file ${blob.sha256} (${blob.variant}).`);
    if (bytes.length !== blob.bytes || sha256Of(bytes) !== blob.contentSha256) {
      throw new Error(
        `The backup's file ${blob.sha256} (${blob.variant}) does not match its hash: the backup is damaged.`,
      );
    }
  }
  return manifest;
}

/**
 * Replaces the database with the backup's and puts its files back into the store, after checking every file's
 * hash (a damaged backup changes nothing); then compares the restored row counts with the manifest's.
 * `reopen` gives a pool on the re-created database. Returns the tables whose counts differ (none when exact).
 */
export async function restoreFrom(
  dir: string,
  url: string,
  store: FileStore,
  reopen: () => { pool: pg.Pool; close(): Promise<void> },
  major: number,
): Promise<{ manifest: BackupManifest; mismatches: string[] }> {
  const manifest = await verifyBackup(dir);
  await recreateDatabase(url);
  await runPgTool(
    await findPgTool('pg_restore', major),
    [
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${decodeURIComponent(new URL(url).pathname.slice(1))}`,
      path.join(dir, DUMP),
    ],
    url,
  );
  for (const blob of manifest.blobs) {
    const bytes = await fs.readFile(blobFile(dir, blob));
    await store.delete(blob.sha256, blob.variant);
    await store.put(blob.sha256, bytes, blob.variant);
  }
  const database = reopen();
  try {
    const counts = await tableCounts(database.pool);
    const names = new Set([...Object.keys(counts), ...Object.keys(manifest.tables)]);
    const mismatches = [...names].filter((name) => counts[name] !== manifest.tables[name]);
    return { manifest, mismatches };
  } finally {
    await database.close();
  }
}
