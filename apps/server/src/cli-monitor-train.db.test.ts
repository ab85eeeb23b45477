import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';

const run = promisify(execFile);
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

let db: TestDatabase;
let workDir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-cli-train-'));
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

const places = ['Hà Nội', 'Nghệ An', 'Đà Nẵng', 'Cần Thơ', 'Bình Định', 'Thái Bình'];
const articles = places.flatMap((place, i) => [
  {
    id: `debt-${i}`,
    title: `${place}: doanh nghiệp nợ đọng BHXH hơn ${10 + i} tỷ đồng`,
    body: `Nhiều doanh nghiệp tại ${place} chậm đóng bảo hiểm xã hội cho người lao động.`,
  },
  { id: `car-${i}`, title: `Giá bảo hiểm xe ô tô tại ${place} tăng`, body: 'Các công ty bảo hiểm tăng phí.' },
]);
const labels = articles.map((a) =>
  a.id.startsWith('debt')
    ? { id: a.id, relevance: 2, sentiment: 'negative', flags: ['evasion_debt'], unit: 'thu' }
    : { id: a.id, relevance: 0, sentiment: 'na', flags: [], unit: 'none' },
);

describe('npm run loa -- monitor train ARTICLES LABELS --import', () => {
  it('stores the labelled articles once and trains a model row each time', async () => {
    const articlesFile = path.join(workDir, 'articles.jsonl');
    const labelsFile = path.join(workDir, 'labels.jsonl');
    await fs.writeFile(articlesFile, articles.map((a) => JSON.stringify(a)).join('\n'));
    // Two labels are left out: their articles are not stored as examples.
    await fs.writeFile(
      labelsFile,
      labels
        .slice(2)
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );

    const first = await loa('monitor', 'train', articlesFile, labelsFile, '--import');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('10 labelled articles stored, 0 updated');
    const second = await loa('monitor', 'train', articlesFile, labelsFile, '--import');
    expect(second.stderr).toContain('0 labelled articles stored, 10 updated');

    const examples = await db.pool.query<{ external_id: string }>(
      'SELECT external_id FROM monitoring_training_examples ORDER BY external_id',
    );
    expect(examples.rows.map((r) => r.external_id)).toEqual(
      labels
        .slice(2)
        .map((l) => l.id)
        .sort(),
    );
    const models = await db.pool.query<{ examples: number }>('SELECT examples FROM monitoring_models ORDER BY id');
    expect(models.rows).toEqual([{ examples: 10 }, { examples: 10 }]);
  });
});
