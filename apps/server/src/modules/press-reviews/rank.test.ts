import { describe, expect, it } from 'vitest';
import { rankEntries, storyScore, type ScoredStory } from './rank.js';

const story = (over: Partial<ScoredStory> = {}): ScoredStory => ({
  relevance: 'core',
  relevanceScore: 0.8,
  sentiment: 'neutral',
  flags: [],
  outletTiers: ['national'],
  ...over,
});

describe('storyScore', () => {
  it('adds relevance (level + score), severity and reach (log2 of 1 + outlet weights)', () => {
    // core 2 + 0.8; no severity; one national outlet: log2(2) = 1.
    expect(storyScore(story())).toBe(3.8);
    // peripheral 1 + 0.5; negative 2 + fraud 2.5; national 1 + provincial 0.5 + social 0.25: log2(2.75).
    expect(
      storyScore(
        story({
          relevance: 'peripheral',
          relevanceScore: 0.5,
          sentiment: 'negative',
          flags: ['fraud'],
          outletTiers: ['national', 'provincial', 'social'],
        }),
      ),
    ).toBe(Math.round((1.5 + 4.5 + Math.log2(2.75)) * 1000) / 1000);
  });

  it('weighs misinformation and scams above every other flag', () => {
    const scam = storyScore(story({ flags: ['scam_impersonation'] }));
    const misinformation = storyScore(story({ flags: ['misinformation'] }));
    expect(misinformation).toBe(scam);
    for (const flag of ['fraud', 'book_trading', 'evasion_debt', 'service_complaint', 'lump_sum'] as const) {
      expect(storyScore(story({ flags: [flag] })), flag).toBeLessThan(scam);
    }
  });

  it('ranks a serious story carried once above harmless news syndicated widely', () => {
    const syndicated = storyScore(story({ outletTiers: Array(30).fill('national') }));
    const scam = storyScore(story({ relevance: 'peripheral', sentiment: 'negative', flags: ['scam_impersonation'] }));
    expect(scam).toBeGreaterThan(syndicated);
  });

  it('gives a national outlet more reach than a provincial one, and that more than a social page', () => {
    const national = storyScore(story({ outletTiers: ['national'] }));
    const provincial = storyScore(story({ outletTiers: ['provincial'] }));
    const social = storyScore(story({ outletTiers: ['social'] }));
    expect(national).toBeGreaterThan(provincial);
    expect(provincial).toBeGreaterThan(social);
    expect(storyScore(story({ outletTiers: [null] }))).toBe(social);
  });

  it('counts a flag once however many articles carry it', () => {
    expect(storyScore(story({ flags: ['fraud', 'fraud'] }))).toBe(storyScore(story({ flags: ['fraud'] })));
  });
});

describe('rankEntries', () => {
  it('numbers each section from 1 by score, ties by the earliest publication', () => {
    const ranked = rankEntries([
      { clusterId: 'a', section: 'agency' as const, score: 3, publishedAt: '2026-11-24T03:00:00.000Z' },
      { clusterId: 'b', section: 'risk' as const, score: 5, publishedAt: '2026-11-24T05:00:00.000Z' },
      { clusterId: 'c', section: 'agency' as const, score: 4, publishedAt: '2026-11-24T04:00:00.000Z' },
      { clusterId: 'd', section: 'agency' as const, score: 3, publishedAt: '2026-11-24T01:00:00.000Z' },
      { clusterId: 'e', section: 'risk' as const, score: 6, publishedAt: '2026-11-24T06:00:00.000Z' },
    ]);
    const positions = Object.fromEntries(ranked.map((e) => [e.clusterId, `${e.section}${e.position}`]));
    expect(positions).toEqual({ e: 'risk1', b: 'risk2', c: 'agency1', d: 'agency2', a: 'agency3' });
  });
});
