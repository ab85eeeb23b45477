import type { TClassification } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { bodyParagraphs, correctionInitialValues, correctionRequest, correctionValueText } from './article-values';

const current: TClassification = {
  relevance: { level: 'core', score: 0.93 },
  sentiment: 'negative',
  flags: ['book_trading', 'scam_impersonation'],
  unit: 'thu',
};

describe('correctionRequest', () => {
  it('sends nothing when nothing changed (flags in another order are the same)', () => {
    const values = correctionInitialValues(current);
    expect(
      correctionRequest(current, { ...values, flags: ['scam_impersonation', 'book_trading'], note: 'xem lại' }),
    ).toBeNull();
  });

  it('sends only the changed fields, with the trimmed note', () => {
    const request = correctionRequest(current, {
      ...correctionInitialValues(current),
      unit: 'sothe',
      note: '  Sổ BHXH là việc của Ban Sổ - Thẻ ',
    });
    expect(request).toEqual({ unit: 'sothe', note: 'Sổ BHXH là việc của Ban Sổ - Thẻ' });
  });

  it('sends the whole new flag list in the vocabulary order when flags change', () => {
    const request = correctionRequest(current, {
      ...correctionInitialValues(current),
      relevance: 'peripheral',
      flags: ['scam_impersonation', 'fraud'],
    });
    expect(request).toEqual({ relevance: 'peripheral', flags: ['fraud', 'scam_impersonation'] });
  });

  it('sends an emptied flag list', () => {
    expect(correctionRequest(current, { ...correctionInitialValues(current), flags: [] })).toEqual({ flags: [] });
  });
});

describe('correctionValueText', () => {
  it('names the vocabulary in the chosen language', () => {
    expect(correctionValueText('unit', 'sothe', 'vi')).toBe('Ban Sổ - Thẻ');
    expect(correctionValueText('sentiment', 'negative', 'en')).toBe('Negative');
    expect(correctionValueText('relevance', 'core', 'vi')).toBe('Trọng tâm');
    expect(correctionValueText('relevance', { level: 'unrelated', score: 0 }, 'en')).toBe('Unrelated');
    expect(correctionValueText('flags', ['fraud', 'lump_sum'], 'vi')).toBe(
      'Gian lận, trục lợi quỹ, Hưởng BHXH một lần',
    );
  });

  it('shows nothing as a dash and unknown values as they are', () => {
    expect(correctionValueText('flags', [], 'vi')).toBe('—');
    expect(correctionValueText('unit', null, 'vi')).toBe('—');
    expect(correctionValueText('unit', 'ban_moi', 'vi')).toBe('ban_moi');
  });
});

describe('bodyParagraphs', () => {
  it('splits at line breaks and drops blank paragraphs', () => {
    expect(bodyParagraphs('Đoạn một.\r\n\r\n  Đoạn hai. \n\n\nĐoạn ba.')).toEqual([
      'Đoạn một.',
      'Đoạn hai.',
      'Đoạn ba.',
    ]);
    expect(bodyParagraphs('  \n ')).toEqual([]);
  });
});
