// The seeded queries on fixtures of our own: each parses and finds its topic, and none fires on the false friends of
// folded matching (commercial insurance, "số" for "sổ", unrelated uses of the same words).
import { describe, expect, it } from 'vitest';
import { matchQuery, parseQuery, prepareQueryArticle, type MonitoredText } from '../monitoring/index.js';
import { SEED_QUERIES } from './seed-queries.data.js';

const FIXTURES: Record<string, MonitoredText> = {
  evasion: {
    title: 'Hơn 2.000 doanh nghiệp nợ đóng BHXH kéo dài',
    body: 'Nhiều doanh nghiệp chậm đóng bảo hiểm xã hội cho người lao động, số nợ đọng lên tới hàng trăm tỷ đồng.',
  },
  contributions: {
    title: 'Tăng mức đóng bảo hiểm xã hội tự nguyện từ tháng 7',
    body: 'Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ một phần mức đóng.',
  },
  payment: {
    title: 'Bệnh viện từ chối thanh toán BHYT cho bệnh nhân vượt tuyến',
    body: 'Người bệnh có thẻ bảo hiểm y tế phản ánh phải tự chi trả tiền thuốc.',
  },
  pensions: {
    title: 'Điều chỉnh lương hưu từ ngày 1/7',
    body: 'Người hưởng lương hưu được tăng 15%; tuổi nghỉ hưu tiếp tục lộ trình tăng.',
  },
  lumpSum: {
    title: 'Hàng nghìn công nhân xếp hàng rút BHXH một lần',
    body: 'Cơ quan bảo hiểm khuyến cáo người lao động cân nhắc trước khi hưởng BHXH một lần.',
  },
  unemployment: {
    title: 'Gần 1 triệu người hưởng trợ cấp thất nghiệp',
    body: 'Quỹ bảo hiểm thất nghiệp chi hỗ trợ người lao động mất việc.',
  },
  shortTerm: {
    title: 'Lao động nam được hưởng chế độ thai sản khi vợ sinh con',
    body: 'Theo Luật BHXH, lao động nam được nghỉ 5 ngày làm việc.',
  },
  books: {
    title: 'Hướng dẫn cài đặt VssID và tra cứu thẻ BHYT trên điện thoại',
    body: 'Người dân có thể dùng thẻ BHYT điện tử khi đi khám bệnh.',
  },
  bookTrading: {
    title: 'Cảnh báo dịch vụ thu mua sổ bảo hiểm xã hội, cầm sổ BHXH lãi cao',
    body: 'Nhiều tờ rơi quảng cáo mua sổ BHXH, cầm đồ nhận cả sổ bảo hiểm xã hội của công nhân.',
  },
  fraud: {
    title: 'Khởi tố vụ trục lợi quỹ BHYT tại phòng khám tư',
    body: 'Phòng khám lập khống hồ sơ khám chữa bệnh bảo hiểm y tế để chiếm đoạt tiền của quỹ.',
  },
  scam: {
    title: 'Giả mạo cán bộ BHXH gọi điện lừa đảo người cao tuổi',
    body: 'Đối tượng tự xưng nhân viên cơ quan bảo hiểm xã hội yêu cầu cài ứng dụng giả để cập nhật VssID.',
  },
  misinformation: {
    title: 'BHXH Việt Nam bác bỏ thông tin sai sự thật về việc tạm dừng chi trả lương hưu',
    body: 'Thông tin lan truyền trên mạng xã hội là tin giả.',
  },
  agency: {
    title: 'BHXH tỉnh Bình Dương đối thoại với doanh nghiệp',
    body: 'Lãnh đạo BHXH tỉnh trả lời kiến nghị của người lao động.',
  },
  covid: {
    title: 'Tạm dừng đóng vào quỹ hưu trí và tử tuất cho doanh nghiệp gặp khó khăn do Covid-19',
    body: 'Theo Nghị quyết 68/NQ-CP, doanh nghiệp được giảm mức đóng bảo hiểm tai nạn lao động và được hỗ trợ từ quỹ BHTN.',
  },
};

/** Articles no seeded query should match. */
const FALSE_FRIENDS: MonitoredText[] = [
  {
    title: 'Gian lận bảo hiểm xe ô tô: lập hồ sơ khống để nhận tiền bồi thường',
    body: 'Công ty bảo hiểm thân vỏ phát hiện.',
  },
  { title: 'Cấm sở hữu vũ khí trái phép', body: 'Người dân không được cầm số tiền lớn khi đi đường.' },
  { title: 'Mua bán số đẹp sim điện thoại', body: 'Thị trường sim số đẹp sôi động cuối năm.' },
  { title: 'Giá vàng hôm nay tăng mạnh', body: 'Người dân xếp hàng mua vàng tại các cửa hàng.' },
  { title: 'Bảo hiểm nhân thọ tăng trưởng chậm', body: 'Doanh thu phí bảo hiểm nhân thọ giảm so với cùng kỳ.' },
];

const parsed = SEED_QUERIES.map((q) => ({ seed: q, query: parseQuery(q.text) }));
const matches = (article: MonitoredText) =>
  parsed.filter(({ query }) => matchQuery(query, prepareQueryArticle(article))).map(({ seed }) => seed.key);

describe('seeded monitoring queries', () => {
  it('have unique keys and every topic of the issue, owned by the unit that must act', () => {
    expect(new Set(SEED_QUERIES.map((q) => q.key)).size).toBe(SEED_QUERIES.length);
    expect(new Set(SEED_QUERIES.map((q) => q.unitCode))).toEqual(new Set(['THU', 'CSYT', 'CSXH', 'ST', 'TTKT', 'TT']));
    const immediate = SEED_QUERIES.filter((q) => q.alert === 'immediate').map((q) => `${q.key}@${q.unitCode}`);
    expect(immediate.sort()).toEqual(['st.book-trading@ST', 'tt.scams@TT']);
  });

  it.each(Object.entries(FIXTURES))('each fixture article is found by its topic (%s)', (_, article) => {
    expect(matches(article).length).toBeGreaterThan(0);
  });

  it('each seeded query finds at least one fixture article', () => {
    for (const { seed, query } of parsed) {
      const found = Object.values(FIXTURES).filter((a) => matchQuery(query, prepareQueryArticle(a)));
      expect({ key: seed.key, found: found.length > 0 }).toEqual({ key: seed.key, found: true });
    }
  });

  it('routes the sharp topics to their own queries', () => {
    expect(matches(FIXTURES.bookTrading!)).toContain('st.book-trading');
    expect(matches(FIXTURES.scam!)).toContain('tt.scams');
    expect(matches(FIXTURES.fraud!)).toContain('ttkt.fraud');
    expect(matches(FIXTURES.evasion!)).toContain('thu.evasion-debt');
    expect(matches(FIXTURES.covid!)).toContain('tt.covid-support');
    expect(matches(FIXTURES.lumpSum!)).toContain('csxh.lump-sum');
    // Alerts at once only where they belong: a lump-sum story is not book trading, a pension story not a scam.
    expect(matches(FIXTURES.lumpSum!)).not.toContain('st.book-trading');
    expect(matches(FIXTURES.pensions!)).not.toContain('tt.scams');
    expect(matches(FIXTURES.misinformation!)).not.toContain('tt.scams');
  });

  it('stay silent on the false friends of folded matching', () => {
    for (const article of FALSE_FRIENDS)
      expect({ title: article.title, matched: matches(article) }).toEqual({ title: article.title, matched: [] });
  });
});
