// Property: on random queries built from the fixture vocabulary with every operator, the query index returns exactly
// what the naive every-query evaluator returns, article by article, also after queries are removed and replaced.
import { describe, expect, it } from 'vitest';
import { buildVocabulary, generateQuery, seededRandom } from '../../../test/query-generator.js';
import { QueryIndex } from './query-index.js';
import { matchEveryQuery, prepareArticle, type MonitoredText } from './query-matcher.js';
import { parseQuery, type QueryNode } from './query-parser.js';

const ARTICLES: MonitoredText[] = [
  {
    title: 'Rao bán sổ BHXH trên mạng xã hội',
    lead: 'Nhiều tài khoản mua bán sổ bảo hiểm xã hội, cam kết rút BHXH một lần trong 7 ngày.',
    body: 'Cơ quan BHXH khuyến cáo người lao động không mua bán sổ, không giao sổ cho người lạ. Hành vi này có thể bị xử lý hình sự.',
    source: 'laodong.vn',
  },
  {
    title: 'Doanh nghiệp nợ đọng, trốn đóng BHXH bị xử phạt',
    lead: 'Thanh tra liên ngành phát hiện 12 doanh nghiệp chậm đóng bảo hiểm xã hội, BHYT, BHTN cho NLĐ.',
    body: 'Tổng số tiền nợ đọng hơn 3 tỷ đồng. Các doanh nghiệp trốn đóng bị phạt và phải nộp đủ tiền lãi chậm đóng.',
    source: 'vnexpress.net',
  },
  {
    title: 'Chi trả lương hưu qua tài khoản ngân hàng',
    lead: 'Từ tháng 7, người hưởng lương hưu tại Hà Nội nhận tiền qua tài khoản cá nhân.',
    body: 'BHXH thành phố cho biết việc chi trả không dùng tiền mặt giúp người hưởng nhận đúng, đủ, kịp thời. Người cao tuổi vẫn có thể nhận tại điểm chi trả.',
    source: 'tuoitre.vn',
  },
  {
    title: 'Mạo danh cơ quan BHXH gọi điện lừa đảo',
    lead: 'Đối tượng tự xưng cán bộ bảo hiểm, yêu cầu cài ứng dụng giả để cập nhật thông tin.',
    body: 'BHXH Việt Nam khẳng định không gọi điện yêu cầu người dân chuyển tiền. Người dân chỉ dùng ứng dụng VssID chính thức.',
    source: 'baohiemxahoi.gov.vn',
  },
  {
    title: 'Thẻ BHYT điện tử trên VssID được dùng khi khám chữa bệnh',
    lead: 'Người bệnh xuất trình thẻ BHYT trên ứng dụng thay cho thẻ giấy khi đi KCB.',
    body: 'Cơ sở khám chữa bệnh tra cứu thông tin thẻ qua cổng giám định. Thủ tục nhanh hơn, người bệnh hài lòng hơn.',
    source: 'suckhoedoisong.vn',
  },
  {
    title: 'Hỗ trợ người lao động bị ảnh hưởng bởi đại dịch COVID-19',
    lead: 'Quỹ bảo hiểm thất nghiệp hỗ trợ bằng tiền cho người lao động và giảm mức đóng cho doanh nghiệp.',
    body: 'Theo Nghị quyết 116, hơn 12 triệu lượt người lao động được hỗ trợ. Doanh nghiệp được giảm đóng vào quỹ BHTN trong 12 tháng.',
    source: 'chinhphu.vn',
  },
  {
    title: 'Trục lợi quỹ BHYT: khởi tố nguyên giám đốc bệnh viện',
    lead: 'Cơ quan điều tra khởi tố vụ án lập hồ sơ khống để thanh toán chi phí khám chữa bệnh BHYT.',
    body: 'Thiệt hại cho quỹ bảo hiểm y tế ước tính hàng tỷ đồng. Cơ quan BHXH phối hợp cung cấp hồ sơ giám định.',
    source: 'vnexpress.net',
  },
  {
    title: 'Giá vàng hôm nay tăng mạnh',
    lead: 'Giá vàng miếng trong nước tăng theo giá thế giới.',
    body: 'Các doanh nghiệp kinh doanh vàng điều chỉnh giá mua bán. Người dân xếp hàng mua vàng từ sáng sớm.',
    source: 'tuoitre.vn',
  },
  {
    title: 'Đội tuyển bóng đá thắng trận mở màn',
    lead: 'Hàng nghìn cổ động viên cổ vũ đội tuyển trên sân.',
    body: 'Huấn luyện viên hài lòng với tinh thần thi đấu. Trận tiếp theo diễn ra vào tối thứ bảy.',
    source: 'thanhnien.vn',
  },
  {
    title: 'Hoà giải tranh chấp về chế độ thai sản',
    lead: 'Lao động nữ được hưởng chế độ thai sản sáu tháng, công ty chậm giải quyết hồ sơ.',
    body: 'Sau khi BHXH huyện vào cuộc, công ty đã nộp hồ sơ. Chị Thuỷ nhận trợ cấp thai sản trong tuần.',
    source: 'laodong.vn',
  },
  {
    title: 'Rút BHXH một lần: thiệt thòi lâu dài',
    lead: 'Nhiều người lao động rút bảo hiểm xã hội một lần khi nghỉ việc, mất quyền hưởng lương hưu.',
    body: 'Chuyên gia khuyến nghị bảo lưu thời gian đóng để được hưởng lương hưu và thẻ BHYT miễn phí khi về già.',
    source: 'thanhnien.vn',
  },
  {
    title: 'Phát triển người tham gia BHXH tự nguyện',
    lead: 'Đại lý thu vận động người dân tham gia bảo hiểm xã hội tự nguyện, được Nhà nước hỗ trợ mức đóng.',
    body: 'Người tham gia được hỗ trợ từ 10% đến 30% mức đóng tùy đối tượng. Số người tham gia tăng nhanh.',
    source: 'baohiemxahoi.gov.vn',
  },
];

const PREPARED = ARTICLES.map(prepareArticle);
const VOCABULARY = buildVocabulary(ARTICLES, { phrases: 150, seed: 7 });

function randomQueries(seed: number, count: number): { id: string; text: string; query: QueryNode }[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const text = generateQuery(random, VOCABULARY, { maxTerms: 4, nesting: 0.15, pureNot: true });
    return { id: `q${i}`, text, query: parseQuery(text) };
  });
}

describe('query index against the naive evaluator', () => {
  it('gives identical results on 500 random queries × 12 articles, with every operator in play', () => {
    const queries = randomQueries(20261125, 500);
    const index = new QueryIndex();
    for (const { id, query } of queries) index.add(id, query);

    // Every construct of the language was generated.
    const all = queries.map((q) => q.text).join('\n');
    for (const construct of [
      ' OR ',
      ' AND ',
      'NOT ',
      ' -',
      'NEAR/',
      '*',
      '"',
      '((',
      'title:',
      'lead:',
      'body:',
      'source:',
    ]) {
      expect(all).toContain(construct);
    }

    let matches = 0;
    let candidates = 0;
    for (const article of PREPARED) {
      const expected = matchEveryQuery(queries, article);
      const got = index.match(article);
      expect(got.matched.sort()).toEqual([...expected].sort());
      matches += expected.length;
      candidates += got.candidates;
    }
    const checks = queries.length * PREPARED.length;
    // Not a vacuous agreement: a fair share of pairs match and the index verifies far fewer than all.
    expect(matches).toBeGreaterThan(checks * 0.05);
    expect(matches).toBeLessThan(checks * 0.95);
    expect(candidates).toBeLessThan(checks * 0.6);
    expect(index.stats().alwaysCandidates).toBeGreaterThan(0);
  });

  it('stays identical while queries are removed and replaced', () => {
    const queries = randomQueries(77, 400);
    const replacements = randomQueries(78, 400);
    const index = new QueryIndex();
    for (const { id, query } of queries) index.add(id, query);
    const live = new Map(queries.map((q) => [q.id, q]));
    const random = seededRandom(79);
    for (let round = 0; round < 3; round++) {
      for (const { id } of queries) {
        const roll = random();
        if (roll < 0.2) {
          index.remove(id);
          live.delete(id);
        } else if (roll < 0.4) {
          const replacement = { ...replacements[Number(id.slice(1))]!, id };
          index.add(id, replacement.query);
          live.set(id, replacement);
        }
      }
      expect(index.size).toBe(live.size);
      for (const article of PREPARED) {
        expect(index.match(article).matched.sort()).toEqual(matchEveryQuery([...live.values()], article).sort());
      }
    }
  });
});
