import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './platform/config.js';
import { ensureDatabase, openDatabase, type Database } from './platform/db/client.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './platform/db/embedded.js';
import { migrate } from './platform/db/migrate.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Runtime {
  url: string;
  database: Database;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL in LOA_DATA_DIR; then migrates. */
export async function openRuntime(config: Config, log: (message: string) => void): Promise<Runtime> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log,
      verbose: config.logLevel === 'debug' || config.logLevel === 'trace',
    });
    url = await ensureDatabase(embedded.url, 'loa').catch(async (error: unknown) => {
      await embedded?.stop();
      throw error;
    });
  }
  const database = openDatabase(url);
  try {
    const { applied } = await migrate(database.pool, log);
    if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    database,
    embedded,
    async close() {
      await database.close().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
