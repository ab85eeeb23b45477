import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runMonitorTrain } from './cli-monitor-train.js';
import { type ClassifierModel, classify, DEFAULT_LEXICON } from './modules/monitoring/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-train-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const places = ['Hà Nội', 'Nghệ An', 'Đà Nẵng', 'Cần Thơ', 'Bình Định', 'Thái Bình'];
const articles = places.flatMap((place, i) => [
  {
    id: `debt-${i}`,
    title: `${place}: doanh nghiệp nợ đọng BHXH hơn ${10 + i} tỷ đồng`,
    lead: '',
    body: `Nhiều doanh nghiệp tại ${place} chậm đóng, trốn đóng bảo hiểm xã hội cho người lao động.`,
  },
  {
    id: `car-${i}`,
    title: `Giá bảo hiểm xe ô tô tại ${place} tăng`,
    body: 'Các công ty bảo hiểm tăng phí bảo hiểm xe.',
  },
]);
const labels = places.map((_, i) => ({
  id: `debt-${i}`,
  relevance: 2,
  sentiment: 'negative',
  flags: ['evasion_debt'],
  unit: 'thu',
}));

function write(name: string, lines: unknown[], gzip = false): string {
  const file = path.join(dir, name);
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  fs.writeFileSync(file, gzip ? zlib.gzipSync(text) : text);
  return file;
}

describe('monitor train --out', () => {
  it('trains on the whole stream (unlabelled = unrelated) and writes the gzipped model', async () => {
    const out = path.join(dir, 'model.json.gz');
    const code = await runMonitorTrain([write('a.jsonl.gz', articles, true), write('l.jsonl', labels), '--out', out]);
    expect(code).toBe(0);
    const model = JSON.parse(zlib.gunzipSync(fs.readFileSync(out)).toString('utf8')) as ClassifierModel;
    expect(model.version).toBe(1);
    const debt = classify(
      { title: 'Hải Phòng: nợ đọng BHXH tăng', lead: '', body: 'Doanh nghiệp chậm đóng bảo hiểm xã hội.' },
      model,
      DEFAULT_LEXICON,
    );
    expect(debt).toMatchObject({ relevance: { level: 'core' }, unit: 'thu' });
    const car = classify(
      { title: 'Bảo hiểm xe ô tô Hải Phòng tăng giá', lead: '', body: 'Phí bảo hiểm xe tăng.' },
      model,
      DEFAULT_LEXICON,
    );
    expect(car.relevance.level).toBe('unrelated');
  });

  it('stops on a malformed label with its line, and asks for --out or --import', async () => {
    const bad = write('bad.jsonl', [labels[0], { id: 'x', relevance: 5 }]);
    await expect(
      runMonitorTrain([write('a2.jsonl', articles), bad, '--out', path.join(dir, 'm2.json.gz')]),
    ).rejects.toThrow('bad.jsonl:2');
    expect(await runMonitorTrain([write('a3.jsonl', articles), write('l3.jsonl', labels)])).toBe(2);
  });
});
