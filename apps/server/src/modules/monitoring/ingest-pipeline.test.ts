import { describe, expect, it } from 'vitest';
import type { RegistryEntry } from '../official-channels/index.js';
import { compileLexicon, DEFAULT_LEXICON } from './classifier-lexicon.js';
import { train } from './classifier-model.js';
import { classify } from './classifier.js';
import { SCAM_STORY, SYNDICATED_STORY, TRAINING_FIXTURES } from './ingest.fixtures.js';
import {
  channelLines,
  impersonationEvidence,
  processArticle,
  readPublicationTime,
  tokenise,
} from './ingest-pipeline.js';
import { articleSignature, createNearDuplicateIndex } from './neardup.js';
import { parseQuery } from './query-parser.js';
import { QueryIndex } from './query-index.js';
import { matchTokens } from './vn-text.js';

const fetchedAt = new Date('2025-06-01T03:00:00Z');
const REGISTRY: RegistryEntry[] = [
  { kind: 'domain', value: 'baohiemxahoi.gov.vn', display: 'baohiemxahoi.gov.vn', status: 'official', note: null },
  { kind: 'phone', value: '19009068', display: '1900 9068', status: 'official', note: 'national hotline' },
];

describe('readPublicationTime', () => {
  it.each([
    ['2025-05-31T08:30:00+07:00', '2025-05-31T01:30:00.000Z'],
    ['2025-05-31T08:30:00Z', '2025-05-31T08:30:00.000Z'],
    ['2025-05-31T08:30+0700', '2025-05-31T01:30:00.000Z'],
    // No offset: Hà Nội time.
    ['2025-05-31T08:30:00', '2025-05-31T01:30:00.000Z'],
    ['2025-05-31 08:30', '2025-05-31T01:30:00.000Z'],
    ['2025-05-31', '2025-05-30T17:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    const time = readPublicationTime(raw, fetchedAt);
    expect(time.publishedAt?.toISOString()).toBe(iso);
    expect(time.sortAt).toEqual(time.publishedAt);
  });

  it.each([null, '', 'hôm qua', 'Sat, 31 May 2025 08:30:00 +0700', '2025-02-30', '2025-05-31T25:00:00'])(
    'keeps the article without a date for %s, sorted at its arrival',
    (raw) => {
      expect(readPublicationTime(raw, fetchedAt)).toEqual({ publishedAt: null, sortAt: fetchedAt });
    },
  );

  it('keeps a future date as said but sorts the article at its arrival', () => {
    const time = readPublicationTime('2025-06-02T09:00:00+07:00', fetchedAt);
    expect(time.publishedAt?.toISOString()).toBe('2025-06-02T02:00:00.000Z');
    expect(time.sortAt).toBe(fetchedAt);
  });
});

describe('tokenise', () => {
  it('normalises each field, keeps the paragraphs, and tokenises once for every reader', () => {
    const text = tokenise({
      title: ' Sức khoẻ  NLĐ ',
      lead: 'BHXH\u200b tỉnh',
      body: 'Dòng một.\n\n  Dòng hai  \r\nhoà',
    });
    expect(text.title).toBe('Sức khỏe NLĐ');
    expect(text.body).toBe('Dòng một.\nDòng hai\nhòa');
    expect(text.titleTokens).toEqual(['suc', 'khoe', 'nguoi', 'lao', 'dong']);
    expect(text.bodyLineTokens).toEqual([['dong', 'mot'], ['dong', 'hai'], ['hoa']]);
    expect(text.searchTokens).toBe(matchTokens(`${text.title} ${text.lead} ${text.body}`).join(' '));
  });
});

describe('registry check', () => {
  it('reads only the lines that may hold a channel, with the line before each', () => {
    const text = 'Mở đầu.\nGọi tổng đài BHXH\nsố 0912 345 678 ngay.\nTP.HCM chi 100.000.000 đồng, ngày 12/2023.';
    expect(channelLines(text)).toBe('Gọi tổng đài BHXH\nsố 0912 345 678 ngay.');
    expect(channelLines('Xem baohiemxahoi-gov.vn hôm nay')).toBe('Xem baohiemxahoi-gov.vn hôm nay');
    expect(channelLines('Công văn 2133/BHXH-CSYT')).toBe('Công văn 2133/BHXH-CSYT');
    expect(channelLines('Không có gì. TP.HCM, v.v.')).toBe('');
  });

  it('turns look-alikes into scam_impersonation evidence and leaves official channels alone', () => {
    const evidence = impersonationEvidence(`${SCAM_STORY.lead}\n${SCAM_STORY.body}`, REGISTRY);
    expect(evidence.map((e) => [e.kind, e.value, e.verdict])).toEqual([
      ['domain', 'baohiemxahoi-gov.vn', 'lookalike'],
      ['phone', '0912345678', 'lookalike'],
    ]);
    expect(evidence[0]!.imitates).toBe('baohiemxahoi.gov.vn');
    expect(impersonationEvidence('Tra cứu tại baohiemxahoi.gov.vn hoặc gọi 1900 9068.', REGISTRY)).toEqual([]);
  });
});

describe('processArticle', () => {
  const model = train(TRAINING_FIXTURES);
  const queries = new QueryIndex();
  queries.add('q-no', parseQuery('"nợ đóng" AND source:"Hà Nội Mới"'));
  queries.add('q-other', parseQuery('"nợ đóng" AND source:"Tuổi Trẻ"'));
  const state = { lexicon: compileLexicon(DEFAULT_LEXICON), model, queries, registry: REGISTRY };

  it('gives what the separate libraries give on the same article, from one tokenisation', () => {
    const input = { url: 'https://hanoimoi.example.vn/a.html?utm_medium=x', source: 'Hà Nội Mới', ...SYNDICATED_STORY };
    const out = processArticle(input, { fetchedAt, sourceName: null }, state)!;
    expect(out.urlKey).toBe('https://hanoimoi.example.vn/a.html');
    expect(out.signature).toEqual(articleSignature(SYNDICATED_STORY));
    expect(out.matchedQueryIds).toEqual(['q-no']);
    const { rules, ...expected } = classify(SYNDICATED_STORY, model, DEFAULT_LEXICON);
    expect(out.classification).toMatchObject(expected);
    expect(out.classification.rules).toEqual(rules);
    expect(out.sourceName).toBe('Hà Nội Mới');
    expect(processArticle({ ...input, source: null }, { fetchedAt, sourceName: 'Nguồn A' }, state)!.sourceName).toBe(
      'Nguồn A',
    );
    expect(processArticle({ ...input, source: null }, { fetchedAt, sourceName: null }, state)!.sourceName).toBe(
      'hanoimoi.example.vn',
    );
  });

  it('refuses an address that is not a web address', () => {
    expect(processArticle({ url: 'mailto:a@b.vn', title: 'x' }, { fetchedAt, sourceName: null }, state)).toBeNull();
  });

  it('raises scam_impersonation from the registry with the rule of the lexicon', () => {
    const out = processArticle(
      { url: 'https://x.example.vn/1', ...SCAM_STORY },
      { fetchedAt, sourceName: null },
      state,
    )!;
    expect(out.evidence).toHaveLength(2);
    expect(out.classification).toMatchObject({ relevance: { level: 'core' }, unit: 'truyenthong' });
    expect(out.classification.flags).toContain('scam_impersonation');
  });
});

describe('near-duplicate index restore', () => {
  it('rebuilds from stored clusters without comparing, and later arrivals join them', () => {
    const a = articleSignature(SYNDICATED_STORY);
    const fresh = createNearDuplicateIndex();
    fresh.restore({ id: 'a', urlKey: 'https://a.vn/1', signature: a, clusterId: 'a' });
    // Stored as its own story even though it is a copy (an officer's view, or another threshold): restore keeps it.
    fresh.restore({ id: 'b', urlKey: 'https://b.vn/1', signature: a, clusterId: 'b' });
    fresh.restore({ id: 'c', urlKey: null, signature: null, clusterId: 'a' });
    expect(fresh.clusterOf('b')).toBe('b');
    expect(fresh.clusterOf('c')).toBe('a');
    expect(fresh.add({ id: 'd', signature: a })).toMatchObject({ duplicateOf: 'a', nearest: 'a' });
    expect(fresh.add({ id: 'e', urlKey: 'https://b.vn/1', signature: null })).toMatchObject({ duplicateOf: 'b' });
    expect(() => fresh.restore({ id: 'a', signature: null, clusterId: 'a' })).toThrow(/already/);
  });
});
