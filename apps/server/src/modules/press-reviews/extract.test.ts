import { describe, expect, it } from 'vitest';
import { cutExtract, EXTRACT_MAX, sentences } from './extract.js';

describe('sentences', () => {
  it('splits on sentence ends followed by a capital, a digit or an opening quote', () => {
    expect(
      sentences('BHXH tỉnh đã thu hồi nợ. Đến nay đạt 95%! “Chúng tôi tiếp tục” – ông nói. 2025 là năm bản lề.'),
    ).toEqual([
      'BHXH tỉnh đã thu hồi nợ.',
      'Đến nay đạt 95%!',
      '“Chúng tôi tiếp tục” – ông nói.',
      '2025 là năm bản lề.',
    ]);
  });

  it('keeps abbreviations, initials and numbers inside their sentence', () => {
    expect(
      sentences(
        'Tại TP. Hồ Chí Minh, PGS.TS. Nguyễn Văn A cho biết ông Trần V. Hùng đã nhận 1.500.000 đồng. Sau đó cơ quan vào cuộc.',
      ),
    ).toEqual([
      'Tại TP. Hồ Chí Minh, PGS.TS. Nguyễn Văn A cho biết ông Trần V. Hùng đã nhận 1.500.000 đồng.',
      'Sau đó cơ quan vào cuộc.',
    ]);
  });

  it('ends a sentence at a paragraph break and collapses spaces', () => {
    expect(sentences('Dòng đầu không có dấu chấm\n\n  Dòng   thứ hai.  ')).toEqual([
      'Dòng đầu không có dấu chấm',
      'Dòng thứ hai.',
    ]);
  });

  it('does not split before a lower-case word', () => {
    expect(sentences('Mức đóng tăng v.v. và còn nữa.')).toEqual(['Mức đóng tăng v.v. và còn nữa.']);
  });
});

describe('cutExtract', () => {
  const body =
    'Ngày 24/11, BHXH tỉnh Nghệ An tổ chức hội nghị đối thoại với doanh nghiệp. Hội nghị có hơn 200 đại biểu tham dự. ' +
    'Nhiều ý kiến đề nghị đơn giản hóa thủ tục.';

  it('takes the lead when there is one', () => {
    expect(cutExtract('Doanh nghiệp nợ đóng BHXH bị xử lý nghiêm.', body)).toBe(
      'Doanh nghiệp nợ đóng BHXH bị xử lý nghiêm.',
    );
  });

  it("takes the body's first two sentences when the lead is empty", () => {
    expect(cutExtract('  ', body)).toBe(
      'Ngày 24/11, BHXH tỉnh Nghệ An tổ chức hội nghị đối thoại với doanh nghiệp. Hội nghị có hơn 200 đại biểu tham dự.',
    );
  });

  it('drops the second sentence when both do not fit', () => {
    const first = `Người lao động ${'được hưởng chế độ '.repeat(20)}theo quy định.`;
    expect(first.length).toBeLessThan(EXTRACT_MAX);
    const second = `Cơ quan BHXH ${'hướng dẫn thủ tục '.repeat(10)}nhanh chóng.`;
    expect(first.length + second.length + 1).toBeGreaterThan(EXTRACT_MAX);
    expect(cutExtract('', `${first} ${second}`)).toBe(first);
  });

  it('cuts a sentence too long at a word boundary, with an ellipsis, within the limit', () => {
    const long = `Quỹ bảo hiểm y tế ${'được sử dụng đúng mục đích, '.repeat(30)}hiệu quả.`;
    const extract = cutExtract(long, '');
    expect(extract.length).toBeLessThanOrEqual(EXTRACT_MAX);
    expect(extract.endsWith('…')).toBe(true);
    const withoutEllipsis = extract.slice(0, -1);
    expect(long.startsWith(withoutEllipsis)).toBe(true);
    // The cut falls between words, and no comma is left hanging before the ellipsis.
    expect(long[withoutEllipsis.length]).toMatch(/[\s,]/);
    expect(withoutEllipsis.endsWith(',')).toBe(false);
  });

  it('keeps Vietnamese composed (NFC) whatever the input form', () => {
    const decomposed = 'Bảo hiểm xã hội tăng lương hưu.'.normalize('NFD');
    expect(cutExtract(decomposed, '')).toBe('Bảo hiểm xã hội tăng lương hưu.');
  });

  it('is empty for an article without text', () => {
    expect(cutExtract('', '')).toBe('');
  });
});
