import { describe, expect, it } from 'vitest';
import { buildEdition, editionEntries, vietnamTime, vietnameseDateLine } from './document.js';
import { anEntry, aReview, FIXTURE_PROVINCES } from './review.fixtures.js';

const headlines = (edition: ReturnType<typeof buildEdition>) => editionEntries(edition).map((e) => e.headline);

describe('buildEdition', () => {
  it('drops the entries the editor left out and prints the sections in their fixed order', () => {
    const edition = buildEdition(aReview());
    expect(edition.sections.map((s) => s.section)).toEqual(['risk', 'agency', 'theme', 'provincial']);
    expect(headlines(edition)).not.toContain('Tin đã bị biên tập viên bỏ ra');
    expect(edition.sections.map((s) => s.heading)).toEqual([
      'Tin tiêu cực, rủi ro cần lưu ý',
      'Tin về ngành BHXH và chính sách',
      'Tin theo chủ đề',
      'Tin địa phương',
    ]);
  });

  it('orders entries by position inside a section and numbers them from 1 in each section', () => {
    const review = aReview({
      entries: [
        anEntry({ section: 'agency', position: 2, headline: 'Thứ hai' }),
        anEntry({ section: 'agency', position: 1, headline: 'Thứ nhất' }),
        anEntry({ section: 'risk', position: 1, headline: 'Rủi ro', sentiment: 'negative' }),
      ],
    });
    const edition = buildEdition(review);
    expect(headlines(edition)).toEqual(['Rủi ro', 'Thứ nhất', 'Thứ hai']);
    expect(editionEntries(edition).map((e) => e.number)).toEqual([1, 1, 2]);
  });

  it('groups the theme section by owning unit, units in the order of their first entry, numbering on', () => {
    const review = aReview({
      entries: [
        anEntry({ section: 'theme', position: 1, theme: 'thu', headline: 'Nợ đóng BHXH' }),
        anEntry({ section: 'theme', position: 2, theme: 'cshyt', headline: 'Thông tuyến BHYT' }),
        anEntry({ section: 'theme', position: 3, theme: 'thu', headline: 'Thu BHXH tự nguyện' }),
        anEntry({ section: 'theme', position: 4, theme: 'none', headline: 'Tin khác' }),
      ],
    });
    const [theme] = buildEdition(review).sections;
    expect(theme!.groups.map((g) => [g.heading, g.entries.map((e) => `${e.number}. ${e.headline}`)])).toEqual([
      ['Ban Thu', ['1. Nợ đóng BHXH', '2. Thu BHXH tự nguyện']],
      ['Ban Thực hiện chính sách BHYT', ['3. Thông tuyến BHYT']],
      ['Chủ đề khác', ['4. Tin khác']],
    ]);
  });

  it("keeps only the recipient's sections", () => {
    const edition = buildEdition(aReview(), { sections: ['risk', 'provincial'], provinceIds: [] });
    expect(edition.sections.map((s) => s.section)).toEqual(['risk', 'provincial']);
  });

  it("keeps provincial news of the recipient's provinces only, and says so on the copy", () => {
    const { HANOI } = FIXTURE_PROVINCES;
    const edition = buildEdition(
      aReview(),
      { sections: [], provinceIds: [HANOI.id] },
      new Map([[HANOI.id, HANOI.name]]),
    );
    const provincial = edition.sections.find((s) => s.section === 'provincial')!;
    expect(provincial.groups[0]!.entries.map((e) => e.headline)).toEqual([
      'Hà Nội: hơn 90% dân số tham gia bảo hiểm y tế',
    ]);
    // Other sections are not filtered by province.
    expect(edition.sections.map((s) => s.section)).toEqual(['risk', 'agency', 'theme', 'provincial']);
    expect(edition.copyNote).toBe('Bản theo đăng ký nhận: tin địa phương của BHXH thành phố Hà Nội.');
    expect(buildEdition(aReview()).copyNote).toBeNull();
  });

  it('says so when nothing is left for the recipient', () => {
    const edition = buildEdition(aReview({ entries: [] }));
    expect(edition.sections).toEqual([]);
    expect(edition.emptyNote).toBe('Không có tin bài nào trong bản này.');
    expect(buildEdition(aReview()).emptyNote).toBeNull();
  });

  it('prints the review with the agency letterhead, its date line and no closing note', () => {
    const edition = buildEdition(aReview());
    expect([edition.agency, edition.issuer, edition.heading]).toEqual([
      'BẢO HIỂM XÃ HỘI VIỆT NAM',
      'TRUNG TÂM TRUYỀN THÔNG',
      'ĐIỂM BÁO',
    ]);
    expect(edition.dateLine).toBe('Ngày 25 tháng 11 năm 2026');
    expect(edition.window).toBe('Tin bài từ 06:30 ngày 24/11/2026 đến 06:30 ngày 25/11/2026');
    expect([edition.motto, edition.addressee, edition.closing]).toEqual([null, null, null]);
    expect(edition.fileBase).toBe('diem-bao-2026-11-25');
    expect(edition.path).toBe('/reviews/9d9a3c1e-0a51-4c8e-9f0a-2f1b6c7d8e90');
  });

  it('prints the bulletin as a dispatch to the provinces, with the national motto and the closing request', () => {
    const edition = buildEdition(aReview({ kind: 'bulletin', title: 'Thông tin báo chí – Bản tin 24 giờ' }));
    expect(edition.heading).toBe('THÔNG TIN BÁO CHÍ – BẢN TIN 24 GIỜ');
    expect(edition.motto).toEqual({
      country: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
    });
    expect(edition.addressee).toBe('Kính gửi: Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương');
    expect(edition.closing).toMatch(/^Đề nghị BHXH các tỉnh, thành phố theo dõi/);
    expect(edition.fileBase).toBe('ban-tin-24h-2026-11-25');
    expect(edition.path).toMatch(/^\/bulletins\//);
  });

  it("addresses a province's own bulletin to its units", () => {
    const hanoi = { id: FIXTURE_PROVINCES.HANOI.id, code: 'P01', name: 'BHXH thành phố Hà Nội' };
    const edition = buildEdition(aReview({ kind: 'bulletin', orgUnit: hanoi }));
    expect(edition.issuer).toBe('BHXH THÀNH PHỐ HÀ NỘI');
    expect(edition.addressee).toBe('Kính gửi: Các đơn vị trực thuộc BHXH thành phố Hà Nội');
    expect(edition.closing).toMatch(/báo cáo về BHXH thành phố Hà Nội/);
  });

  it('words the risk flags, outlets, Vietnam time and province of an entry, and describes each link', () => {
    const [risk] = editionEntries(buildEdition(aReview()));
    expect(risk!.warning).toBe('Lừa đảo, giả mạo cơ quan BHXH');
    expect(risk!.meta).toBe('VnExpress, Tuổi Trẻ · 08:15 24/11/2026');
    expect(risk!.comment).toBe('Đề nghị Ban Thu và BHXH các tỉnh thông tin kịp thời tới người dân.');
    expect(risk!.links[0]!.text).toBe('Đọc bài “Tăng lương hưu từ tháng 7” trên VnExpress');
    const hanoi = editionEntries(buildEdition(aReview())).find((e) => e.headline.startsWith('Hà Nội'))!;
    expect(hanoi.meta).toBe('Hà Nội Mới · 08:15 24/11/2026 · BHXH thành phố Hà Nội');
  });
});

describe('vietnamTime', () => {
  it('prints the wall clock of Vietnam (UTC+7), across midnight', () => {
    expect(vietnamTime('2026-11-24T18:05:00Z')).toBe('01:05 25/11/2026');
    expect(vietnamTime('2026-12-31T16:59:00Z')).toBe('23:59 31/12/2026');
  });
});

describe('vietnameseDateLine', () => {
  it('dates a document the Vietnamese way', () => {
    expect(vietnameseDateLine('2026-03-05')).toBe('Ngày 05 tháng 03 năm 2026');
  });
});
