import { describe, expect, it } from 'vitest';
import { fileSizeParts } from './file-size';

describe('fileSizeParts', () => {
  it('uses bytes, then KB, then MB, one decimal at most', () => {
    expect(fileSizeParts(512, 'en')).toEqual({ unit: 'bytes', value: '512' });
    expect(fileSizeParts(1536, 'en')).toEqual({ unit: 'kb', value: '1.5' });
    expect(fileSizeParts(5 * 1024 * 1024 + 300_000, 'en')).toEqual({ unit: 'mb', value: '5.3' });
  });

  it('writes the decimal comma in Vietnamese', () => {
    expect(fileSizeParts(1536, 'vi')).toEqual({ unit: 'kb', value: '1,5' });
  });
});
