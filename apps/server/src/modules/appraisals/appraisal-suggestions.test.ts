import { describe, expect, it } from 'vitest';
import { GUIDANCE_2020 } from '../guidance/guidance-2020.data.js';
import { suggestAppraisers, THEME_APPRAISERS } from './appraisal-suggestions.js';

const ALL = new Set(['TT', 'THU', 'ST', 'CSYT', 'CSXH', 'TCKT', 'PC', 'TTKT', 'CNTT', 'TDKT', 'HTQT', 'VP']);

describe('suggestAppraisers', () => {
  it('suggests the units that own each theme, each once, in theme order', () => {
    expect(suggestAppraisers(['II.2.a'], ALL)).toEqual(['THU', 'CSXH']);
    expect(suggestAppraisers(['II.1.a', 'II.1.đ'], ALL)).toEqual(['PC', 'TTKT']);
    expect(suggestAppraisers(['II.1.d', 'II.2.c'], ALL)).toEqual(['THU', 'CSXH', 'CSYT', 'ST']);
    expect(suggestAppraisers(['II.1.e', 'II.1.g'], ALL)).toEqual(['CNTT', 'TDKT']);
  });

  it('takes the entry of the nearest parent theme, and nothing for themes without one', () => {
    expect(suggestAppraisers(['II.1.d.2'], ALL)).toEqual(['THU', 'CSXH', 'CSYT', 'ST']);
    expect(suggestAppraisers(['III.1'], ALL)).toEqual([]);
  });

  it('suggests only units of the org tree, and not those already asked', () => {
    expect(suggestAppraisers(['II.1.đ'], new Set(['PC']))).toEqual(['PC']);
    expect(suggestAppraisers(['II.1.d'], ALL, new Set(['THU', 'ST']))).toEqual(['CSXH', 'CSYT']);
  });

  it('maps only themes of the guidance', () => {
    const themes = new Set(GUIDANCE_2020.items.filter((i) => i.kind === 'theme').map((i) => i.code));
    expect(Object.keys(THEME_APPRAISERS).filter((code) => !themes.has(code))).toEqual([]);
  });
});
