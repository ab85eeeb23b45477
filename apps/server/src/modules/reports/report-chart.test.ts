import { describe, expect, it } from 'vitest';
import { chartGeometry, chartSvg, niceMax } from './report-chart.js';
import { DOCX_PAGE, FONT_PT, mmToPoints, mmToTwips, PDF_PAGE } from './report-layout.js';

const spec = {
  title: 'Biểu đồ',
  categories: ['Sản phẩm', 'Tin bài'],
  series: [
    { name: 'Kỳ này', color: '#1F4E79', values: [40, 10] },
    { name: 'Cùng kỳ năm trước', color: '#9DB7D5', values: [20, 0] },
  ],
};

describe('niceMax', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(40)).toBe(50);
    expect(niceMax(101)).toBe(200);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(1000)).toBe(1000);
    expect(niceMax(150)).toBe(200);
    expect(niceMax(0)).toBe(5);
    expect(niceMax(1)).toBe(5);
  });
});

describe('chartGeometry', () => {
  it('draws bars in proportion to their values, from the axis up', () => {
    const g = chartGeometry(spec, { width: 600, height: 300 });
    const [thisProducts, lastProducts, thisPress, lastPress] = g.bars;
    expect(g.bars).toHaveLength(4);
    expect(thisProducts!.height / g.plot.height).toBeCloseTo(40 / 50);
    expect(lastProducts!.height).toBeCloseTo(thisProducts!.height / 2);
    expect(thisPress!.height).toBeCloseTo(thisProducts!.height / 4);
    expect(lastPress!.height).toBe(0);
    for (const bar of g.bars) expect(bar.y + bar.height).toBeCloseTo(g.plot.y + g.plot.height);
    expect(g.grid.map((line) => line.label)).toEqual(['0', '10', '20', '30', '40', '50']);
    const wide = chartGeometry(
      { ...spec, series: [{ ...spec.series[0]!, values: [1500, 0] }] },
      { width: 600, height: 300 },
    );
    expect(wide.grid.map((line) => line.label)).toEqual(['0', '500', '1.000', '1.500', '2.000']);
  });

  it('keeps an empty chart drawable', () => {
    const g = chartGeometry(
      { ...spec, series: spec.series.map((s) => ({ ...s, values: [0, 0] })) },
      { width: 600, height: 300 },
    );
    expect(g.bars.every((bar) => bar.height === 0)).toBe(true);
    expect(g.grid.at(-1)!.value).toBe(5);
  });

  it('escapes text in the SVG', () => {
    const svg = chartSvg({ ...spec, categories: ['A & B', '<C>'] }, { width: 600, height: 300 });
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('&lt;C&gt;');
    expect(svg.startsWith('<svg')).toBe(true);
  });
});

describe('page layout', () => {
  it('is A4 with the margins of Nghị định 30/2020', () => {
    expect(DOCX_PAGE.width).toBe(11906);
    expect(DOCX_PAGE.height).toBe(16838);
    expect(DOCX_PAGE.margin.left).toBe(mmToTwips(30));
    expect(DOCX_PAGE.margin.left).toBeGreaterThanOrEqual(1701 - 1);
    expect(DOCX_PAGE.margin.right).toBe(850);
    expect(PDF_PAGE.width).toBeCloseTo(595.28, 1);
    expect(PDF_PAGE.height).toBeCloseTo(841.89, 1);
    expect(PDF_PAGE.margins.top).toBeCloseTo(mmToPoints(20));
  });

  it('keeps the body in 13–14 pt and the recipients smaller', () => {
    expect(FONT_PT.body).toBeGreaterThanOrEqual(13);
    expect(FONT_PT.body).toBeLessThanOrEqual(14);
    expect(FONT_PT.recipients).toBe(11);
    expect(FONT_PT.recipientsLabel).toBe(12);
  });
});
