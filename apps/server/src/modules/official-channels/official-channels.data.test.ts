import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseChannelValue } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { CHANNEL_SEEDS } from './official-channels.data.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
type Item = { kind: string; value: string; display?: string };
const shared = JSON.parse(fs.readFileSync(path.resolve(repoRoot, '../shared/data/official-channels.json'), 'utf8')) as {
  official: Item[];
  reported_fakes: Item[];
};

describe('CHANNEL_SEEDS', () => {
  it('holds every official channel of the shared data, as official', () => {
    for (const item of shared.official) {
      const seed = CHANNEL_SEEDS.find((s) => s.kind === item.kind && s.value === item.value);
      expect(seed, item.value).toMatchObject({ status: 'official', display: item.display ?? item.value });
    }
  });

  it('holds every reported fake, the forged letter as a document by its number', () => {
    for (const item of shared.reported_fakes) {
      const seed =
        item.kind === 'note'
          ? CHANNEL_SEEDS.find((s) => s.kind === 'document' && item.value.includes(s.value))
          : CHANNEL_SEEDS.find((s) => s.kind === item.kind && s.value === item.value);
      expect(seed, item.value).toMatchObject({ status: 'reported_fake' });
    }
    expect(CHANNEL_SEEDS).toHaveLength(shared.official.length + shared.reported_fakes.length);
  });

  it('has values that normalise, each once', () => {
    const keys = CHANNEL_SEEDS.map((s) => `${s.kind}:${normaliseChannelValue(s.kind, s.value)}`);
    expect(keys.every((k) => !k.endsWith(':null'))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
