// Starts the database server of a db-test run (embedded, or TEST_DATABASE_URL) and builds a migrated,
// seeded template database that every test file clones in milliseconds.
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { bootstrap } from '../src/bootstrap.js';
import { compose } from '../src/composition-root.js';
import { openDatabase } from '../src/platform/db/client.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/platform/db/embedded.js';
import { migrate } from '../src/platform/db/migrate.js';
import { ADMIN_PASSWORD } from './constants.js';
import pg from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    dbServerUrl: string;
    templateName: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const external = process.env.LOA_TEST_DB === 'external';
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let serverUrl: string;
  if (external) {
    if (!process.env.TEST_DATABASE_URL) throw new Error('LOA_TEST_DB=external needs TEST_DATABASE_URL');
    serverUrl = process.env.TEST_DATABASE_URL;
  } else {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
    serverUrl = embedded.url;
  }
  const templateName = `loa_template_${external ? 'ext' : 'emb'}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
  await admin.query(`CREATE DATABASE ${templateName}`);
  const database = openDatabase(withDatabase(serverUrl, templateName), 2);
  try {
    await migrate(database.pool);
    const services = compose(database.db, { sessionHours: 12 });
    await bootstrap(services, { orgPreset: '63-provinces', demo: false, adminPassword: ADMIN_PASSWORD });
  } finally {
    await database.close();
  }
  project.provide('dbServerUrl', serverUrl);
  project.provide('templateName', templateName);
  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'loa_t_%' OR datname = $1`,
      [templateName],
    );
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}
