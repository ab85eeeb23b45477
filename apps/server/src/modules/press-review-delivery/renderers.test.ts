import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildEdition } from './document.js';
import { escapeHtml, renderHtml, renderHtmlContent } from './html.js';
import { anEntry, aReview } from './review.fixtures.js';
import { renderText } from './text.js';

const URL = 'https://loa.example/reviews/9d9a3c1e-0a51-4c8e-9f0a-2f1b6c7d8e90';

function dom(html: string) {
  return parseHTML(html).document;
}

describe('renderHtml', () => {
  const html = renderHtml(buildEdition(aReview()), { editionUrl: URL });
  const document = dom(html);

  it('is a Vietnamese document with one h1 and an h2 per section', () => {
    expect(document.documentElement.getAttribute('lang')).toBe('vi');
    expect(document.querySelector('title')!.textContent).toBe('Điểm báo ngày 25/11/2026');
    expect([...document.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['ĐIỂM BÁO']);
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Tin tiêu cực, rủi ro cần lưu ý',
      'Tin về ngành BHXH và chính sách',
      'Tin theo chủ đề',
      'Tin địa phương',
    ]);
    expect([...document.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Ban Thực hiện chính sách BHYT']);
  });

  it('lists the entries as ordered lists, the comment in <em>', () => {
    const items = [...document.querySelectorAll('ol > li')];
    expect(items).toHaveLength(5);
    expect(items[0]!.textContent).toContain('Cảnh báo giả danh cán bộ BHXH gọi điện lừa đảo người cao tuổi');
    expect(items[0]!.querySelector('em')!.textContent).toBe(
      'Ý kiến của biên tập: Đề nghị Ban Thu và BHXH các tỉnh thông tin kịp thời tới người dân.',
    );
    // The provincial section's second entry keeps counting within its list.
    expect(document.querySelector('section[aria-labelledby="muc-provincial"] ol')!.getAttribute('start')).toBeNull();
  });

  it('gives every link text that says where it goes, and links back to Loa', () => {
    const links = [...document.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toContain('Đọc bài “Tăng lương hưu từ tháng 7” trên VnExpress');
    expect(links.at(-1)!.getAttribute('href')).toBe(URL);
    expect(links.at(-1)!.textContent).toBe('Mở Điểm báo ngày 25/11/2026 trên Loa');
    expect(links.every((a) => (a.textContent ?? '').length > 10)).toBe(true);
  });

  it('uses inline styles only and no layout tables', () => {
    expect(html).not.toMatch(/<table|<style|<link|<script/i);
    expect(document.querySelectorAll('[style]').length).toBeGreaterThan(10);
  });

  it('escapes what editors and outlets wrote, and never links a non-web address', () => {
    const review = aReview({
      title: 'A <b>&</b>',
      entries: [
        anEntry({
          headline: '<script>alert(1)</script> & "quotes"',
          comment: '<img src=x onerror=alert(1)>',
          links: [
            {
              articleId: '00000000-0000-4000-8000-000000000999',
              sourceName: 'Trang lạ',
              url: 'javascript:alert(1)',
              title: 'Bài lạ',
            },
          ],
        }),
      ],
    });
    const unsafe = renderHtml(buildEdition(review));
    const parsed = dom(unsafe);
    expect(parsed.querySelector('script')).toBeNull();
    expect(parsed.querySelector('img')).toBeNull();
    expect(parsed.querySelector('title')!.textContent).toBe('A <b>&</b>');
    expect(parsed.querySelector('li p')!.textContent).toBe('<script>alert(1)</script> & "quotes"');
    expect(unsafe).not.toContain('javascript:');
    expect(parsed.querySelectorAll('a')).toHaveLength(0);
  });

  it('renders the content alone for feeds, without the page around it', () => {
    const content = renderHtmlContent(buildEdition(aReview()));
    expect(content).not.toMatch(/<html|<body|<h1/);
    expect(content).toContain('<h2 id="muc-risk"');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderText', () => {
  const text = renderText(buildEdition(aReview({ kind: 'bulletin' })), { editionUrl: URL });

  it('prints the letterhead, the heading underlined and every section in capitals', () => {
    expect(text.startsWith('BẢO HIỂM XÃ HỘI VIỆT NAM\nTRUNG TÂM TRUYỀN THÔNG\n')).toBe(true);
    expect(text).toContain('THÔNG TIN BÁO CHÍ – BẢN TIN 24 GIỜ\n==================================');
    expect(text).toContain('TIN TIÊU CỰC, RỦI RO CẦN LƯU Ý\n------------------------------');
    expect(text).toContain('Kính gửi: Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương');
  });

  it('numbers the entries, writes each link with its address and ends with the way back to Loa', () => {
    expect(text).toContain('1. Cảnh báo giả danh cán bộ BHXH gọi điện lừa đảo người cao tuổi\n');
    expect(text).toContain('   Ý kiến của biên tập: Đề nghị Ban Thu');
    expect(text).toMatch(/ {3}- Đọc bài “Tăng lương hưu từ tháng 7” trên VnExpress: https:\/\/vnexpress\.net\/\S+/);
    expect(text).toContain('2. Đà Nẵng đối thoại chính sách BHXH với doanh nghiệp');
    expect(text.trimEnd().endsWith(`trên Loa: ${URL}`)).toBe(true);
    expect(text).not.toMatch(/<[a-z]/i);
  });
});
