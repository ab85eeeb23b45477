import { formatMessage } from '@loa/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageKey, Translate } from '../../app/i18n/i18n';
import { en } from '../../app/i18n/en';
import { setNumberLocale } from '../../app/i18n/numbers';
import { vi } from '../../app/i18n/vi';
import { tablePagination } from './table-pagination';

const translate =
  (dictionary: Record<MessageKey, string>): Translate =>
  (key, params) =>
    formatMessage(dictionary[key], params);

const shown = (t: Translate, total: number, totalCapped: boolean, range: [number, number]) =>
  tablePagination(t, { page: 1, pageSize: 20, total, totalCapped }, () => undefined).showTotal!(total, range);

describe('tablePagination', () => {
  afterEach(() => setNumberLocale('vi'));

  it('groups the digits of the range and the total as the UI language does', () => {
    setNumberLocale('vi');
    expect(shown(translate(vi), 12_345, false, [1_001, 1_020])).toBe('1.001–1.020 trên tổng số 12.345');
    expect(shown(translate(vi), 10_000, true, [1, 20])).toBe('1–20 trên hơn 10.000');
    setNumberLocale('en');
    expect(shown(translate(en), 12_345, false, [1_001, 1_020])).toBe('1,001–1,020 of 12,345');
    expect(shown(translate(en), 1_000, true, [21, 40])).toBe('21–40 of more than 1,000');
  });
});
