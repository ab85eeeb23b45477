// The report's bar chart as geometry: bars, gridlines and labels in a box, drawn as SVG for the DOCX (rendered to a
// PNG image) and with the same numbers as vectors in the PDF.
import { viNumber } from './report-format.js';
import type { ChartSpec } from './report-document.js';

export interface ChartBox {
  width: number;
  height: number;
}

export interface ChartGeometry {
  plot: { x: number; y: number; width: number; height: number };
  /** The value of each horizontal gridline and its y, from 0 up. */
  grid: { value: number; y: number; label: string }[];
  bars: { x: number; y: number; width: number; height: number; color: string; value: number }[];
  categories: { x: number; label: string }[];
  legend: { x: number; y: number; color: string; name: string }[];
}

/** A round top for the value axis: 1, 2 or 5 times a power of ten, at least `max` and at least 5. */
export function niceMax(max: number): number {
  if (max <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * power >= max)!;
  return step * power;
}

/** Where everything of the chart goes in a box of `box` units. */
export function chartGeometry(spec: ChartSpec, box: ChartBox): ChartGeometry {
  const plot = { x: box.width * 0.1, y: box.height * 0.06, width: box.width * 0.87, height: box.height * 0.7 };
  const top = niceMax(Math.max(0, ...spec.series.flatMap((s) => s.values)));
  const bottom = plot.y + plot.height;
  // Whole steps: 20, 200 … in four, 5, 10, 50, 100 … in five.
  const steps = String(top).startsWith('2') ? 4 : 5;
  const grid = Array.from({ length: steps + 1 }, (_, i) => ({
    value: (top * i) / steps,
    y: bottom - (plot.height * i) / steps,
    label: viNumber((top * i) / steps),
  }));
  const slot = plot.width / Math.max(1, spec.categories.length);
  const barWidth = (slot * 0.7) / Math.max(1, spec.series.length);
  const bars = spec.categories.flatMap((_, c) =>
    spec.series.map((series, s) => {
      const value = series.values[c] ?? 0;
      const height = (plot.height * Math.max(0, value)) / top;
      return {
        x: plot.x + slot * c + slot * 0.15 + barWidth * s,
        y: bottom - height,
        width: barWidth,
        height,
        color: series.color,
        value,
      };
    }),
  );
  const categories = spec.categories.map((label, c) => ({ x: plot.x + slot * c + slot / 2, label }));
  const legend = spec.series.map((series, s) => ({
    x: plot.x + s * box.width * 0.35,
    y: box.height * 0.93,
    color: series.color,
    name: series.name,
  }));
  return { plot, grid, bars, categories, legend };
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart as an SVG document (serif text, white background). */
export function chartSvg(spec: ChartSpec, box: ChartBox): string {
  const g = chartGeometry(spec, box);
  const font = `font-family="Liberation Serif, Times New Roman, serif"`;
  const size = Math.round(box.height / 26);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}">`,
    `<rect width="${box.width}" height="${box.height}" fill="#FFFFFF"/>`,
    ...g.grid.map(
      (line) =>
        `<line x1="${g.plot.x}" y1="${line.y}" x2="${g.plot.x + g.plot.width}" y2="${line.y}" stroke="#BFBFBF" stroke-width="1"/>` +
        `<text x="${g.plot.x - 6}" y="${line.y + size / 3}" ${font} font-size="${size}" text-anchor="end">${escape(line.label)}</text>`,
    ),
    ...g.bars.map(
      (bar) =>
        `<rect x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height}" fill="${bar.color}"/>` +
        `<text x="${bar.x + bar.width / 2}" y="${bar.y - 4}" ${font} font-size="${size * 0.85}" text-anchor="middle">${escape(viNumber(bar.value))}</text>`,
    ),
    ...g.categories.map(
      (c) =>
        `<text x="${c.x}" y="${g.plot.y + g.plot.height + size * 1.4}" ${font} font-size="${size}" text-anchor="middle">${escape(c.label)}</text>`,
    ),
    ...g.legend.map(
      (item) =>
        `<rect x="${item.x}" y="${item.y - size * 0.8}" width="${size}" height="${size}" fill="${item.color}"/>` +
        `<text x="${item.x + size * 1.4}" y="${item.y}" ${font} font-size="${size}">${escape(item.name)}</text>`,
    ),
    '</svg>',
  ];
  return parts.join('');
}
