import { describe, expect, it } from 'vitest';
import { matchEveryQuery, matchQuery, prepareArticle, type MonitoredText } from './query-matcher.js';
import { parseQuery } from './query-parser.js';

const bookTrading = prepareArticle({
  title: 'Rao bán sổ BHXH trên mạng xã hội',
  lead: 'Nhiều tài khoản mua bán sổ bảo hiểm xã hội, cam kết rút một lần trong 7 ngày.',
  body: 'Cơ quan BHXH khuyến cáo người lao động không mua bán sổ. Việc thuỷ chung với hệ thống an sinh giúp hưởng lương hưu.',
  source: 'Báo Lao Động laodong.vn',
});

const matches = (query: string, article = bookTrading) => matchQuery(parseQuery(query), article);

describe('prepareArticle', () => {
  it('lays title, lead, body and source on one line with gaps between them', () => {
    const { ranges, textRange, tokenAt, positions } = bookTrading;
    expect(tokenAt.slice(ranges.title[0], ranges.title[1]).join(' ')).toBe(
      'rao ban so bao hiem xa hoi tren mang xa hoi',
    );
    expect(ranges.lead[0]).toBeGreaterThan(ranges.title[1] + 100);
    expect(textRange).toEqual([ranges.title[0], ranges.body[1]]);
    expect(ranges.source[0]).toBeGreaterThan(ranges.body[1]);
    expect(positions.get('so')![0]).toBe(2);
  });
});

describe('matchQuery', () => {
  it('matches accent-insensitively and through the abbreviations, both ways', () => {
    expect(matches('so bhxh')).toBe(true);
    expect(matches('"sổ bảo hiểm xã hội"')).toBe(true);
    expect(matches('"so BHXH"')).toBe(true);
    expect(matches('thủy chung')).toBe(true); // written "thuỷ" in the article
    expect(matches('BHYT')).toBe(false);
    expect(matches('NLĐ')).toBe(true); // the body says "người lao động"
    expect(matches('"NLĐ khuyến cáo"')).toBe(false);
  });

  it('needs phrases in order and contiguous, and inside one field', () => {
    expect(matches('"rút một lần"')).toBe(true);
    expect(matches('"một rút lần"')).toBe(false);
    expect(matches('"rút lần"')).toBe(false);
    // "hội" ends the title and "nhiều" opens the lead: not a phrase across the gap.
    expect(matches('"xã hội nhiều"')).toBe(false);
    expect(matches('"hội nhiều"')).toBe(false);
  });

  it('scopes terms to fields; an unscoped term ignores the source', () => {
    expect(matches('title:rao')).toBe(true);
    expect(matches('lead:rao')).toBe(false);
    expect(matches('body:"lương hưu"')).toBe(true);
    expect(matches('title:"lương hưu"')).toBe(false);
    expect(matches('source:laodong.vn')).toBe(true);
    expect(matches('laodong')).toBe(false);
    expect(matches('source:(vnexpress OR "lao động")')).toBe(true);
  });

  it('matches prefixes, alone and at the end of a phrase', () => {
    expect(matches('khuyến*')).toBe(true);
    expect(matches('khuyenc*')).toBe(false);
    expect(matches('"sổ bảo hiể*"')).toBe(true);
    expect(matches('"sổ bảo hội*"')).toBe(false);
    expect(matches('title:tài*')).toBe(false);
    expect(matches('lead:tài*')).toBe(true);
  });

  it('matches NEAR within n tokens in either order, in the same field', () => {
    // body: "... không mua bán sổ ..." — "không" and "sổ" have two tokens between them.
    expect(matches('không NEAR/3 sổ')).toBe(true);
    expect(matches('sổ NEAR/3 không')).toBe(true);
    expect(matches('không NEAR/2 sổ')).toBe(false);
    expect(matches('"cơ quan" NEAR/1 BHXH')).toBe(true);
    expect(matches('BHXH NEAR/1 "cơ quan"')).toBe(true);
    // "mạng xã hội" ends the title, "nhiều" opens the lead.
    expect(matches('mạng NEAR/5 nhiều')).toBe(false);
    expect(matches('title:rao NEAR/1 bán')).toBe(true);
    expect(matches('lead:rao NEAR/1 bán')).toBe(false);
  });

  it('combines with AND, OR, NOT and -term', () => {
    expect(matches('sổ AND (vnexpress OR "rút một lần")')).toBe(true);
    expect(matches('sổ AND (vnexpress OR "rút hai lần")')).toBe(false);
    expect(matches('sổ NOT thẻ')).toBe(true);
    expect(matches('sổ -"mua bán"')).toBe(false);
    expect(matches('NOT covid')).toBe(true);
    expect(matches('-(covid OR sổ)')).toBe(false);
    expect(matches('thẻ OR hưu')).toBe(true);
  });

  it('treats lower-case and/or as words to find', () => {
    const article: MonitoredText = { title: 'Thu and chi', body: 'mua bán' };
    expect(matches('thu and chi', prepareArticle(article))).toBe(true);
    expect(matches('mua and bán', prepareArticle(article))).toBe(true);
    expect(matches('mua or bán', prepareArticle(article))).toBe(false);
    expect(matches('mua OR bán', prepareArticle(article))).toBe(true);
  });
});

describe('matchEveryQuery', () => {
  it('returns the ids of the matching queries in the order given', () => {
    const queries = ['sổ', 'BHYT', 'NOT BHYT', 'title:sổ'].map((text, i) => ({ id: `q${i}`, query: parseQuery(text) }));
    expect(matchEveryQuery(queries, bookTrading)).toEqual(['q0', 'q2', 'q3']);
  });
});
