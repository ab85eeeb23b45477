import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from './classifier-lexicon.js';
import { type ArticleLabel, type LabelledArticle, train } from './classifier-model.js';
import { classify } from './classifier.js';

const article = (title: string, body: string) => ({ title, lead: '', body });
const label = (
  relevance: ArticleLabel['relevance'],
  unit: ArticleLabel['unit'],
  sentiment: ArticleLabel['sentiment'] = 'neutral',
  flags: ArticleLabel['flags'] = [],
): ArticleLabel =>
  relevance === 'unrelated'
    ? { relevance, sentiment: 'na', flags: [], unit: 'none' }
    : { relevance, sentiment, flags, unit };

const provinces = ['Hà Nội', 'Nghệ An', 'Đà Nẵng', 'Cần Thơ', 'Bình Định', 'Thái Bình'];
/** A small stream: contribution debts (thu), fraud on BHYT (thanhtra), car insurance and football (unrelated). */
const stream: LabelledArticle[] = provinces.flatMap((place, i) => [
  {
    article: article(
      `${place}: doanh nghiệp nợ đọng BHXH hơn ${10 + i} tỷ đồng`,
      `Nhiều doanh nghiệp tại ${place} chậm đóng, trốn đóng bảo hiểm xã hội cho người lao động.\nCơ quan BHXH đề nghị xử lý nợ đọng.`,
    ),
    label: label('core', 'thu', 'negative', ['evasion_debt']),
  },
  {
    article: article(
      `Phát hiện trục lợi quỹ BHYT tại ${place}`,
      `Thanh tra phát hiện bệnh viện ở ${place} lập khống hồ sơ, gian lận thanh toán bảo hiểm y tế.\nVụ việc được chuyển công an.`,
    ),
    label: label('core', 'thanhtra', 'negative', ['fraud']),
  },
  {
    article: article(
      `Giá bảo hiểm xe ô tô tại ${place} tăng`,
      `Các công ty bảo hiểm tăng phí bảo hiểm vật chất xe ô tô, bảo hiểm nhân thọ cũng tăng.`,
    ),
    label: label('unrelated', 'none'),
  },
  {
    article: article(
      `Đội bóng ${place} thắng trận`,
      `Đội bóng ${place} thắng 2-0 trên sân nhà trước hàng nghìn khán giả.`,
    ),
    label: label('unrelated', 'none'),
  },
]);

const model = train(stream);

describe('classify', () => {
  it('reads articles like the ones it learnt from', () => {
    const debt = classify(
      article('Hải Phòng: nợ đọng BHXH tăng', 'Doanh nghiệp chậm đóng bảo hiểm xã hội, nợ đọng kéo dài.'),
      model,
      DEFAULT_LEXICON,
    );
    expect(debt.relevance.level).toBe('core');
    expect(debt.unit).toBe('thu');
    expect(debt.sentiment).toBe('negative');
    expect(debt.flags).toContain('evasion_debt');

    const car = classify(
      article('Phí bảo hiểm xe máy', 'Công ty bảo hiểm giảm phí bảo hiểm xe.'),
      model,
      DEFAULT_LEXICON,
    );
    expect(car.relevance.level).toBe('unrelated');
    expect(car.relevance.score).toBeLessThan(0.5);
    expect(car).toMatchObject({ sentiment: 'na', flags: [], unit: 'none' });
  });

  it('calls an article that never mentions the schemes unrelated with a score of 0', () => {
    const result = classify(
      article('Giá vàng tăng mạnh', 'Vàng SJC tăng 200 nghìn đồng một lượng.'),
      model,
      DEFAULT_LEXICON,
    );
    expect(result.relevance).toEqual({ level: 'unrelated', score: 0 });
  });

  it('lets the lexicon rules override the model for scams, book trading and false information', () => {
    const scam = classify(
      article('Cảnh giác cuộc gọi giả danh cán bộ BHXH', 'Kẻ gian gọi điện yêu cầu chuyển tiền để "cập nhật" sổ.'),
      model,
      DEFAULT_LEXICON,
    );
    expect(scam).toMatchObject({ sentiment: 'negative', unit: 'truyenthong', rules: ['scam-impersonation'] });
    expect(scam.relevance.level).toBe('core');
    expect(scam.flags).toContain('scam_impersonation');

    const ad = classify(
      article('Thu mua sổ BHXH giá cao', 'Liên hệ ngay, nhận tiền trong ngày.'),
      model,
      DEFAULT_LEXICON,
    );
    expect(ad).toMatchObject({ unit: 'sothe', sentiment: 'negative' });
    expect(ad.flags).toContain('book_trading');
    expect(ad.relevance.score).toBeGreaterThanOrEqual(0.95);
  });

  it('takes flags raised by other detectors with the effects of the rule for the same flag', () => {
    const text = article('Trang web bhxh-vn.com', 'Trang web hướng dẫn tra cứu quá trình đóng bảo hiểm xã hội.');
    const plain = classify(text, model, DEFAULT_LEXICON);
    expect(plain.flags).not.toContain('scam_impersonation');
    const flagged = classify(text, model, DEFAULT_LEXICON, { flags: ['scam_impersonation'] });
    expect(flagged).toMatchObject({ unit: 'truyenthong', sentiment: 'negative' });
    expect(flagged.relevance.level).toBe('core');
    expect(flagged.flags).toContain('scam_impersonation');
  });

  it('learns from officers’ corrections: a new kind of article goes to the unit they chose', () => {
    const maternity = (place: string) =>
      article(
        `Lao động nữ ở ${place} hỏi về chế độ thai sản`,
        `Chị hỏi mức hưởng chế độ thai sản khi sinh con, thời gian nghỉ thai sản và trợ cấp một lần.`,
      );
    const unseen = maternity('Quảng Ninh');
    expect(classify(unseen, model, DEFAULT_LEXICON).unit).not.toBe('csxh');

    const corrections = ['Hà Nam', 'Huế', 'Long An'].map((place) => ({
      article: maternity(place),
      label: { relevance: 'core' as const, unit: 'csxh' as const, sentiment: 'neutral' as const, flags: [] },
    }));
    const corrected = train(stream, { corrections });
    expect(classify(unseen, corrected, DEFAULT_LEXICON)).toMatchObject({
      relevance: { level: 'core' },
      unit: 'csxh',
      sentiment: 'neutral',
    });
  });

  it('is deterministic and its model survives JSON', () => {
    const again = train(stream);
    expect(again).toEqual(model);
    const text = article('Nợ đọng BHXH', 'Doanh nghiệp nợ đọng bảo hiểm xã hội.');
    const roundTripped = JSON.parse(JSON.stringify(model)) as typeof model;
    expect(classify(text, roundTripped, DEFAULT_LEXICON)).toEqual(classify(text, model, DEFAULT_LEXICON));
  });
});
