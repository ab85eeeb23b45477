import { describe, expect, it } from 'vitest';
import { compileLexicon, compileTerm, countTerms, DEFAULT_LEXICON, hasAnyTerm } from './classifier-lexicon.js';
import { passesGate, prepareArticle } from './classifier-features.js';
import { ruleFires } from './classifier.js';

const lexicon = compileLexicon(DEFAULT_LEXICON);
const firedRules = (title: string, lead: string, body = '') => {
  const prepared = prepareArticle({ title, lead, body });
  return lexicon.rules.filter((rule) => ruleFires(rule, prepared)).map((rule) => rule.name);
};

describe('compileTerm', () => {
  it('folds accents and expands abbreviations, padded to whole tokens', () => {
    expect(compileTerm('Sổ BHXH')).toBe(' so bao hiem xa hoi ');
    expect(compileTerm('  ')).toBe('  ');
  });
});

describe('countTerms', () => {
  it('counts whole-token occurrences only', () => {
    const text = ` ${'no dong bao hiem xa hoi va no dong thue khong phai nodong'} `;
    expect(countTerms(text, [compileTerm('nợ đọng')])).toBe(2);
    expect(hasAnyTerm(text, [compileTerm('đọng bảo')])).toBe(true);
    expect(hasAnyTerm(text, [compileTerm('hiem xa hoi va no dong t')])).toBe(false);
  });
});

describe('compileLexicon', () => {
  it('drops empty terms, which would match every article', () => {
    const compiled = compileLexicon({ schemeGate: ['', 'lương hưu', '!!'], groups: { g: [' '] }, rules: [] });
    expect(compiled.gate).toEqual([' luong huu ']);
    expect(compiled.groups).toEqual([['g', []]]);
  });
});

describe('the default lexicon', () => {
  it('lets through only articles that mention the schemes', () => {
    const gate = (title: string, body: string) => passesGate(prepareArticle({ title, lead: '', body }), lexicon);
    expect(gate('Giá vàng hôm nay', 'Vàng SJC tăng nhẹ phiên sáng.')).toBe(false);
    expect(gate('Tin buổi sáng', 'Người dân được chi trả lương hưu từ ngày 2.')).toBe(true);
    expect(gate('Tin buổi sáng', 'Hơn 80% dân số có thẻ BHYT.')).toBe(true);
  });

  it('flags advertisements for buying and pawning books, whatever the accents and abbreviations', () => {
    expect(firedRules('Thu mua sổ BHXH giá cao, nhận tiền ngay', '')).toContain('book-trading');
    expect(firedRules('Nhận cầm sổ bảo hiểm xã hội lãi thấp', '')).toContain('book-trading');
    expect(firedRules('Dich vu rut BHXH mot lan tron goi', 'Ho tro rut bhxh chi trong 7 ngay')).toContain(
      'book-trading',
    );
  });

  it('does not take "cấm sở hữu" or "cầm sổ tay" for book trading', () => {
    expect(firedRules('Nhật Bản cấm sở hữu tàu sân bay', '')).toEqual([]);
    expect(firedRules('Vì sao ai cũng cầm sổ tay?', 'Các quan chức cầm sổ ghi chép.')).toEqual([]);
  });

  it('flags scams that use the agency’s name, not every fraud story', () => {
    expect(
      firedRules('Cảnh giác cuộc gọi giả danh cán bộ BHXH', 'Đối tượng yêu cầu cài ứng dụng để cập nhật VssID.'),
    ).toContain('scam-impersonation');
    expect(firedRules('Giả mạo website của cơ quan bảo hiểm xã hội', '')).toContain('scam-impersonation');
    expect(firedRules('Hoa hậu hầu tòa vụ lừa đảo chiếm đoạt tài sản', 'Phiên tòa xét xử lần hai.')).toEqual([]);
  });

  it('reads evasion anywhere in the text, fraud and rule changes only in the headline', () => {
    expect(
      firedRules('Hội nghị tổng kết năm', 'Tổng thu đạt kế hoạch.', 'Một số doanh nghiệp vẫn chây ì, nợ đọng.'),
    ).toEqual(['evasion-in-text']);
    expect(firedRules('Khởi tố vụ trục lợi quỹ BHYT', '')).toContain('fraud-in-headline');
    expect(firedRules('Hội nghị tổng kết năm', '', 'Cần phòng chống trục lợi quỹ.')).toEqual([]);
    expect(firedRules('Dự thảo Luật BHXH sửa đổi: bỏ hưởng một lần?', '')).toContain('policy-in-headline');
  });

  it('flags false information about the schemes and its correction', () => {
    expect(firedRules('BHXH Việt Nam bác bỏ tin giả về việc dừng chi trả lương hưu', '')).toContain('misinformation');
    expect(firedRules('Tin giả về vắc xin lan truyền trên mạng', 'Bộ Y tế khuyến cáo người dân.')).toEqual([]);
  });
});
