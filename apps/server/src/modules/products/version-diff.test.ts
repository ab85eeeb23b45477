import type { TDiffSegment, TProductSnapshot } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { diffList, diffSnapshots, diffText, diffTokens } from './version-diff.js';

const side = (segments: TDiffSegment[], keep: 'delete' | 'insert') =>
  segments
    .filter((s) => s.op === 'equal' || s.op === keep)
    .map((s) => s.text)
    .join('');

const snapshot = (overrides: Partial<TProductSnapshot> = {}): TProductSnapshot => ({
  guidanceYear: 2020,
  typeCode: 'article',
  title: 'Lợi ích của BHXH tự nguyện',
  summary: 'Bài viết về lương hưu.',
  body: 'Đoạn một.\nĐoạn hai.\n',
  themeCodes: ['I.1', 'I.2'],
  audienceCodes: [],
  channelCodes: ['facebook'],
  ownerUnitId: '00000000-0000-4000-8000-000000000001',
  ownerUnitName: 'BHXH thành phố Hà Nội',
  authors: ['Nguyễn Văn A'],
  partnerOutlet: null,
  language: 'vi',
  calendarItemId: null,
  calendarItemTitle: null,
  ...overrides,
});

describe('diffTokens', () => {
  it('keeps the longest common subsequence and marks the rest', () => {
    const ops = diffTokens(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'e']);
    expect(ops).toEqual([
      { op: 'equal', token: 'a' },
      { op: 'delete', token: 'b' },
      { op: 'equal', token: 'c' },
      { op: 'equal', token: 'd' },
      { op: 'insert', token: 'e' },
    ]);
  });

  it('turns an empty side into pure insertions or deletions', () => {
    expect(diffTokens([], ['x'])).toEqual([{ op: 'insert', token: 'x' }]);
    expect(diffTokens(['x'], [])).toEqual([{ op: 'delete', token: 'x' }]);
  });
});

describe('diffText', () => {
  it('shows a changed word inside an unchanged paragraph', () => {
    const segments = diffText('Mức đóng BHXH tự nguyện thấp.\nHỗ trợ.\n', 'Mức đóng BHXH tự nguyện hợp lý.\nHỗ trợ.\n');
    expect(segments).toEqual([
      { op: 'equal', text: 'Mức đóng BHXH tự nguyện ' },
      { op: 'delete', text: 'thấp.' },
      { op: 'insert', text: 'hợp lý.' },
      { op: 'equal', text: '\nHỗ trợ.\n' },
    ]);
  });

  it('rebuilds both texts from its segments', () => {
    const from = 'Dòng 1\nDòng 2 cũ\nDòng 3\nDòng 4\n';
    const to = 'Dòng 0\nDòng 1\nDòng 2 mới hơn\nDòng 4\nDòng 5';
    const segments = diffText(from, to);
    expect(side(segments, 'delete')).toBe(from);
    expect(side(segments, 'insert')).toBe(to);
  });

  it('is one equal segment for the same text and nothing for two empty ones', () => {
    expect(diffText('Không đổi', 'Không đổi')).toEqual([{ op: 'equal', text: 'Không đổi' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('still answers, as whole blocks, for texts too long to compare word by word', () => {
    const from = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const to = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const segments = diffText(from, to);
    expect(segments).toEqual([
      { op: 'delete', text: from },
      { op: 'insert', text: to },
    ]);
  });
});

describe('diffList', () => {
  it('names added, removed and kept items in order', () => {
    expect(diffList(['I.1', 'I.2', 'I.3'], ['I.3', 'I.4', 'I.1'])).toEqual({
      added: ['I.4'],
      removed: ['I.2'],
      kept: ['I.3', 'I.1'],
    });
  });
});

describe('diffSnapshots', () => {
  it('reports every field, changed or not, by its kind', () => {
    const fields = diffSnapshots(
      snapshot(),
      snapshot({ title: 'Lợi ích của BHXH tự nguyện năm 2026', themeCodes: ['I.1', 'I.3'], language: 'km' }),
    );
    const byField = new Map(fields.map((f) => [f.field, f]));
    expect(fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['title', 'themeCodes', 'language']);
    expect(byField.get('title')).toMatchObject({
      kind: 'text',
      segments: [
        { op: 'equal', text: 'Lợi ích của BHXH tự nguyện' },
        { op: 'insert', text: ' năm 2026' },
      ],
    });
    expect(byField.get('themeCodes')).toMatchObject({ kind: 'list', added: ['I.3'], removed: ['I.2'] });
    expect(byField.get('language')).toMatchObject({ kind: 'value', from: 'vi', to: 'km' });
    expect(byField.get('body')).toMatchObject({ kind: 'text', changed: false });
  });

  it('counts a new order of the same items as a change', () => {
    const [authors] = diffSnapshots(snapshot({ authors: ['A', 'B'] }), snapshot({ authors: ['B', 'A'] })).filter(
      (f) => f.field === 'authors',
    );
    expect(authors).toMatchObject({ changed: true, added: [], removed: [] });
  });
});
