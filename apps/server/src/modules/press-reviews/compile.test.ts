import { describe, expect, it } from 'vitest';
import { compileEntries, storyOf, type WindowArticle } from './compile.js';

let seq = 0;
const hanoi = { id: 'p01', code: 'P01', name: 'BHXH thành phố Hà Nội' };
const danang = { id: 'p48', code: 'P48', name: 'BHXH thành phố Đà Nẵng' };

function article(over: Partial<WindowArticle> = {}): WindowArticle {
  seq += 1;
  return {
    id: `a${seq}`,
    clusterId: `c${seq}`,
    seq,
    title: `Tin số ${seq}`,
    lead: '',
    body: 'Nội dung bài báo. Câu thứ hai. Câu thứ ba.',
    url: `https://bao.example.vn/${seq}`,
    sourceName: `Báo ${seq}`,
    tier: 'national',
    province: null,
    relevanceLevel: 'core',
    relevanceScore: 0.9,
    sentiment: 'neutral',
    flags: [],
    unit: 'csxh',
    sortAt: `2026-11-24T0${seq % 10}:00:00.000Z`,
    ...over,
  };
}

describe('compileEntries', () => {
  it('makes one entry per story, with every article as a link and the outlets in arrival order', () => {
    const first = article({ sourceName: 'Báo Nghệ An', tier: 'provincial', title: 'Bản tin địa phương' });
    const copy = article({ clusterId: first.clusterId, sourceName: 'Báo Lao Động', title: 'Tiêu đề báo trung ương' });
    const again = article({ clusterId: first.clusterId, sourceName: 'Báo Nghệ An', title: 'Bài đăng lại' });
    const other = article();
    const entries = compileEntries([other, again, copy, first]);
    expect(entries).toHaveLength(2);
    const story = entries.find((e) => e.clusterId === first.clusterId)!;
    expect(story.outlets).toEqual(['Báo Nghệ An', 'Báo Lao Động']);
    expect(story.links.map((l) => l.articleId)).toEqual([first.id, copy.id, again.id]);
    // The national outlet's title, though a provincial one carried the story first.
    expect(story.headline).toBe('Tiêu đề báo trung ương');
    expect(story.extract).toBe('Nội dung bài báo. Câu thứ hai.');
  });

  it("takes the first article's title when no national outlet carried the story", () => {
    const first = article({ tier: 'social', title: 'Trang mạng đăng trước' });
    const second = article({ clusterId: first.clusterId, tier: 'provincial', title: 'Báo tỉnh đăng sau' });
    expect(storyOf([second, first]).headline).toBe('Trang mạng đăng trước');
  });

  it('leaves unrelated articles out and compiles nothing from nothing', () => {
    expect(compileEntries([article({ relevanceLevel: 'unrelated', sentiment: 'na', unit: 'none' })])).toEqual([]);
    expect(compileEntries([])).toEqual([]);
  });

  it('puts negative and risk-flagged stories in the risk section, even from provincial outlets', () => {
    const negative = article({ sentiment: 'negative', tier: 'provincial', province: hanoi });
    const scam = article({ flags: ['scam_impersonation'], sentiment: 'neutral' });
    const debtOnly = article({ flags: ['evasion_debt'], relevanceLevel: 'peripheral' });
    const sections = Object.fromEntries(
      compileEntries([negative, scam, debtOnly]).map((e) => [e.clusterId, e.section]),
    );
    expect(sections).toEqual({ [negative.clusterId]: 'risk', [scam.clusterId]: 'risk', [debtOnly.clusterId]: 'theme' });
  });

  it('makes a story negative when any of its articles is', () => {
    const calm = article({ sentiment: 'positive' });
    const angry = article({ clusterId: calm.clusterId, sentiment: 'negative', flags: ['service_complaint'] });
    const story = storyOf([calm, angry]);
    expect(story).toMatchObject({ sentiment: 'negative', section: 'risk', flags: ['service_complaint'] });
  });

  it('files a story only provincial outlets carried as provincial news of the province the first one covers', () => {
    const local = article({ tier: 'provincial', province: danang, relevanceLevel: 'peripheral' });
    const alsoLocal = article({ clusterId: local.clusterId, tier: 'provincial', province: hanoi });
    const mixed = article({ tier: 'provincial', province: hanoi });
    const mixedNational = article({ clusterId: mixed.clusterId, tier: 'national' });
    const entries = compileEntries([local, alsoLocal, mixed, mixedNational]);
    expect(entries.find((e) => e.clusterId === local.clusterId)).toMatchObject({
      section: 'provincial',
      province: danang,
    });
    expect(entries.find((e) => e.clusterId === mixed.clusterId)).toMatchObject({ section: 'agency', province: null });
  });

  it('puts core stories about the agency in "agency" and peripheral ones in "theme", under their owning unit', () => {
    const core = article({ unit: 'thu' });
    const peripheral = article({ relevanceLevel: 'peripheral', unit: 'none' });
    const peripheralCopy = article({ clusterId: peripheral.clusterId, relevanceLevel: 'peripheral', unit: 'cshyt' });
    const entries = compileEntries([core, peripheral, peripheralCopy]);
    expect(entries.find((e) => e.clusterId === core.clusterId)).toMatchObject({ section: 'agency', theme: 'thu' });
    expect(entries.find((e) => e.clusterId === peripheral.clusterId)).toMatchObject({
      section: 'theme',
      theme: 'cshyt',
      relevance: 'peripheral',
    });
  });

  it('ranks inside each section: the more outlets, the higher; positions from 1', () => {
    const widely = article({ sortAt: '2026-11-24T09:00:00.000Z' });
    const copies = [1, 2, 3].map(() => article({ clusterId: widely.clusterId }));
    const once = article({ sortAt: '2026-11-24T01:00:00.000Z' });
    const entries = compileEntries([once, widely, ...copies]);
    expect(entries.map((e) => [e.clusterId, e.section, e.position])).toEqual([
      [widely.clusterId, 'agency', 1],
      [once.clusterId, 'agency', 2],
    ]);
    // The story is dated by its first publication.
    expect(entries[0]!.publishedAt).toBe([widely, ...copies].map((a) => a.sortAt).sort()[0]);
  });

  it('takes the extract from the first article that has text when the headline article has none', () => {
    const bare = article({ tier: 'national', lead: '', body: '' });
    const full = article({ clusterId: bare.clusterId, tier: 'social', lead: 'Tóm tắt của trang mạng.' });
    expect(storyOf([bare, full])).toMatchObject({ headline: bare.title, extract: 'Tóm tắt của trang mạng.' });
  });
});
