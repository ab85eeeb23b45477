import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { train } from './modules/monitoring/classifier-model.js';
import { SYNDICATED_COPY, SYNDICATED_STORY, TRAINING_FIXTURES } from './modules/monitoring/ingest.fixtures.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';

const run = promisify(execFile);
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

let db: TestDatabase;
let workDir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-cli-monitor-'));
  await db.pool.query(`INSERT INTO monitoring_models (model, examples, corrections) VALUES ($1, $2, 0)`, [
    JSON.stringify(train(TRAINING_FIXTURES)),
    TRAINING_FIXTURES.length,
  ]);
});
afterAll(async () => {
  await db?.drop();
  await fs.rm(workDir, { recursive: true, force: true });
});

async function loa(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'info' };
  return run(process.execPath, ['--import', 'tsx', CLI, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ ...error, code: error.code }),
  );
}

describe('npm run loa -- monitor ingest FILE --json', () => {
  it('prints one JSON object per input line, in order, and nothing else on stdout', async () => {
    const file = path.join(workDir, 'articles.jsonl');
    const lines = [
      JSON.stringify({ url: 'https://a.example.vn/no-dong', source: 'Báo A', ...SYNDICATED_STORY }),
      '{"url": "https://b.example.vn/hong", "title": ',
      '',
      JSON.stringify({ url: 'https://b.example.vn/ban-sao', source: 'Báo B', ...SYNDICATED_COPY }),
      JSON.stringify({ url: 'mailto:toa-soan@example.vn', title: 'Thư' }),
    ];
    await fs.writeFile(file, `${lines.join('\n')}\n`);
    const first = await loa('monitor', 'ingest', file, '--json', '--lang', 'en');
    expect(first.code).toBe(0);
    const out = first.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ duplicateOf: null, matchedQueries: expect.any(Array) });
    expect(out[0]!.relevance).toMatchObject({ level: expect.stringMatching(/core|peripheral|unrelated/) });
    expect(out[1]).toEqual({
      line: 2,
      error: { code: 'request.malformed_json', message: 'The request body is not valid JSON' },
    });
    expect(out[2]).toMatchObject({ duplicateOf: out[0]!.id });
    expect(out[3]).toMatchObject({
      line: 5,
      error: { errors: [{ field: 'url', code: 'validation.invalid_url' }] },
    });
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM monitoring_articles');
    expect(rows[0]!.n).toBe(2);

    // Again: the same ids, nothing new.
    const second = await loa('monitor', 'ingest', file, '--json');
    const again = second.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(again[0]!.id).toBe(out[0]!.id);
    expect(again[2]!.id).toBe(out[2]!.id);
    expect(second.stderr).toMatch(/0 new, 2 known/);
  });
});
