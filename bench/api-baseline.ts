// The baseline of the API load benchmark: a bare Fastify + node-postgres server, started as its own process, that
// answers each benchmark request with exactly the statements Loa's service ran for it (captured, see
// api-capture.ts; rows as arrays, as drizzle asks for them) — no session, no validation, no policy, no helmet, no rate limit — and sends the rows as JSON.
// Environment: DATABASE_URL, PORT, LOA_BENCH_STATEMENTS (a JSON file: { "<key>": [{ text, params }] }),
// LOA_BENCH_KEY_HEADER.
import fs from 'node:fs/promises';
import Fastify from 'fastify';
import pg from 'pg';
import type { Statement } from './api-capture.js';

/** The header naming the captured request a benchmark request stands for (Loa ignores it). */
const KEY_HEADER = process.env.LOA_BENCH_KEY_HEADER ?? 'x-bench-key';

async function main(): Promise<void> {
  const statements = JSON.parse(await fs.readFile(process.env.LOA_BENCH_STATEMENTS!, 'utf8')) as Record<
    string,
    Statement[]
  >;
  // The same pool size as Loa's (openDatabase's default) and the same session time zone.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c timezone=UTC' });
  const app = Fastify({ logger: false });
  app.get('/ready', async () => ({ ready: true }));
  app.get('/*', async (request, reply) => {
    const found = statements[String(request.headers[KEY_HEADER])];
    if (!found) return reply.code(404).send({ error: 'unknown request' });
    const results: unknown[][] = [];
    for (const { text, params } of found)
      results.push((await pool.query({ text, values: params, rowMode: 'array' })).rows);
    return { results };
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  console.log('baseline ready');
  process.on('SIGTERM', () => void app.close().then(() => pool.end().then(() => process.exit(0))));
}

void main();
