import { describe, expect, it } from 'vitest';
import { datasetShingles, jaccard, loadNeardupDev, loadNewsArticles } from '../../../test/news-corpus.js';
import { articleSignature, createNearDuplicateIndex, NEAR_DUPLICATE_DEFAULTS, signatureJaccard } from './neardup.js';
import { matchTokens, shingles } from './vn-text.js';

const LEAD = 'Bảo hiểm xã hội Việt Nam cho biết số nợ đóng bảo hiểm của các doanh nghiệp vẫn ở mức cao.';
const BODY = [
  'Theo báo cáo, tính đến cuối tháng 6, cả nước có hơn 7.000 doanh nghiệp nợ đóng BHXH, BHYT, BHTN từ ba tháng trở lên',
  'với tổng số tiền gần 10 nghìn tỷ đồng. Nhiều doanh nghiệp thu tiền của người lao động nhưng không nộp vào quỹ,',
  'khiến người lao động không được hưởng chế độ ốm đau, thai sản, chăm sóc sức khỏe khi cần. Cơ quan bảo hiểm đã phối hợp với thanh tra',
  'lao động kiểm tra đột xuất, lập biên bản và chuyển hồ sơ sang cơ quan công an đối với các trường hợp cố tình trốn',
  'đóng. Lãnh đạo ngành cho rằng cần sửa luật để tăng mức xử phạt, đồng thời công khai danh sách doanh nghiệp nợ đọng',
  'trên các phương tiện thông tin đại chúng để người lao động biết và giám sát việc đóng bảo hiểm của đơn vị mình.',
].join(' ');
const OTHER = {
  lead: 'Giá xăng dầu trong nước được điều chỉnh tăng từ chiều nay theo quyết định của liên bộ Công Thương và Tài chính.',
  body: 'Mỗi lít xăng RON 95 tăng thêm 300 đồng, dầu diesel tăng 250 đồng. Quỹ bình ổn giá tiếp tục được sử dụng.',
};

describe('articleSignature', () => {
  it('is the sorted, distinct shingle hashes, the same on every call', () => {
    const signature = articleSignature({ lead: LEAD, body: BODY })!;
    expect(articleSignature({ lead: LEAD, body: BODY })).toEqual(signature);
    const distinctShingles = new Set(shingles(matchTokens(`${LEAD} ${BODY}`), 5)).size;
    expect(signature.length).toBe(distinctShingles);
    for (let i = 1; i < signature.length; i++) expect(signature[i]!).toBeGreaterThan(signature[i - 1]!);
  });

  it('counts only the first maxTokens tokens and nothing for an empty article', () => {
    const long = { lead: LEAD, body: Array.from({ length: 40 }, (_, i) => `${BODY} đoạn ${i}`).join('\n') };
    const cap = NEAR_DUPLICATE_DEFAULTS.maxTokens - NEAR_DUPLICATE_DEFAULTS.shingleSize + 1;
    expect(articleSignature(long)!.length).toBeLessThanOrEqual(cap);
    expect(articleSignature({ lead: ' ', body: '— …' })).toBeNull();
  });

  it('treats the abbreviations and their full forms, and both tone placements, as the same text', () => {
    const spelledOut = BODY.replace('BHXH, BHYT, BHTN', 'bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp');
    const a = articleSignature({ lead: LEAD, body: BODY })!;
    expect(BODY).toContain('sức khỏe');
    expect(signatureJaccard(a, articleSignature({ lead: LEAD, body: spelledOut })!)).toBe(1);
    expect(signatureJaccard(a, articleSignature({ lead: LEAD, body: BODY.replace(/khỏe/g, 'khoẻ') })!)).toBe(1);
  });
});

describe('signatureJaccard', () => {
  it('equals the Jaccard index of the shingle sets', () => {
    const edited = { lead: LEAD, body: BODY.replace('gần 10 nghìn tỷ đồng', 'hơn 9.800 tỷ đồng') };
    const setOf = (text: string) => new Set(shingles(matchTokens(text), 5));
    const expected = jaccard(setOf(`${LEAD} ${BODY}`), setOf(`${edited.lead} ${edited.body}`));
    expect(expected).toBeGreaterThan(0.5);
    expect(expected).toBeLessThan(1);
    const similarity = signatureJaccard(articleSignature({ lead: LEAD, body: BODY })!, articleSignature(edited)!);
    expect(similarity).toBeCloseTo(expected, 10);
  });
});

describe('createNearDuplicateIndex', () => {
  const sig = (article: { lead: string; body: string }) => articleSignature(article);

  it('puts a syndicated copy in the cluster of the first appearance and leaves other stories alone', () => {
    const index = createNearDuplicateIndex();
    expect(index.add({ id: 'first', signature: sig({ lead: LEAD, body: BODY }) })).toEqual({
      duplicateOf: null,
      nearest: null,
      similarity: 0,
    });
    expect(index.add({ id: 'other', signature: sig(OTHER) }).duplicateOf).toBeNull();
    const copy = index.add({
      id: 'copy',
      signature: sig({ lead: LEAD, body: `${BODY} Theo Báo Lao Động.` }),
    });
    expect(copy.duplicateOf).toBe('first');
    expect(copy.nearest).toBe('first');
    expect(copy.similarity).toBeGreaterThanOrEqual(0.5);
    const third = index.add({
      id: 'third',
      signature: sig({ lead: LEAD, body: `${BODY} Theo Báo Lao Động. Ảnh: T.H` }),
    });
    expect(third).toMatchObject({ duplicateOf: 'first', nearest: 'copy' });
    expect(['first', 'other', 'copy', 'third'].map((id) => index.clusterOf(id))).toEqual([
      'first',
      'other',
      'first',
      'first',
    ]);
    expect(index.size).toBe(4);
  });

  it('joins the same page under another address before comparing texts', () => {
    const index = createNearDuplicateIndex();
    index.add({ id: 'a', urlKey: 'https://example.vn/a', signature: sig(OTHER) });
    expect(index.add({ id: 'b', urlKey: 'https://example.vn/a', signature: null })).toEqual({
      duplicateOf: 'a',
      nearest: 'a',
      similarity: 1,
    });
    expect(index.add({ id: 'c', urlKey: 'https://example.vn/c', signature: null }).duplicateOf).toBeNull();
  });

  it('refuses an id filed twice', () => {
    const index = createNearDuplicateIndex();
    index.add({ id: 'a', signature: sig(OTHER) });
    expect(() => index.add({ id: 'a', signature: sig(OTHER) })).toThrow(/already/);
  });

  it('finds the listed pairs of neardup-dev.json, and only pairs the dataset measures as duplicates', async () => {
    const dev = await loadNeardupDev();
    const wanted = new Set(dev.clusters.flat());
    const articles = await loadNewsArticles(wanted);
    expect(articles).toHaveLength(wanted.size);
    const index = createNearDuplicateIndex();
    const links: [string, string][] = [];
    for (const article of articles) {
      const match = index.add({ id: article.id, signature: articleSignature(article) });
      if (match.nearest) links.push([article.id, match.nearest]);
    }
    const found = dev.pairs.filter(({ a, b }) => index.clusterOf(a) === index.clusterOf(b)).length;
    expect(found / dev.pairs.length).toBeGreaterThanOrEqual(0.95);
    const byId = new Map(articles.map((article) => [article.id, article]));
    const measured = links.map(([a, b]) => jaccard(datasetShingles(byId.get(a)!), datasetShingles(byId.get(b)!)));
    expect(measured.filter((similarity) => similarity >= 0.5).length / links.length).toBeGreaterThanOrEqual(0.95);
  }, 20_000);
});
