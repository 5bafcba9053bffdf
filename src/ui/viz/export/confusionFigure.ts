import type { ClassMetrics } from '../../../core/train/metrics.ts';
import { xmlEscape, type Composition } from './composeSvg.ts';

const CELL_W = 36;
const CELL_H = 20;
const LABEL_W = 58;
const HEAD_H = 34;
const TITLE_H = 18;

/** `hex` mixed with white: share 0 is white, 1 is the colour itself. */
function tint(hex: string, share: number): string {
  const v = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 + (c - 255) * share);
  return `rgb(${mix((v >> 16) & 0xff)},${mix((v >> 8) & 0xff)},${mix(v & 0xff)})`;
}

const pct = (v: number | undefined, any: number | undefined) => (any ? `${(100 * (v ?? 0)).toFixed(0)} %` : '–');

function cell(x: number, y: number, text: string, fill: string, bold = false, dark = false): string {
  return (
    `<rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${fill}" stroke="#ffffff"/>` +
    `<text x="${x + CELL_W - 4}" y="${y + CELL_H - 6}" text-anchor="end"${bold ? ' font-weight="bold"' : ''} fill="${dark ? '#ffffff' : '#222222'}">${xmlEscape(text)}</text>`
  );
}

/**
 * The test confusion matrix as a figure: counts (rows: true class, columns: predicted) shaded by
 * their share of the row — correct in green, confusions in orange (Okabe–Ito), so ten classes read
 * at a glance — with recall per row and precision per column, in percent.
 */
export function confusionFigure(metrics: ClassMetrics, classes: readonly string[], title: string): Composition {
  const n = classes.length;
  const predicted = classes.map((_, j) => metrics.confusion.reduce((a, row) => a + (row[j] ?? 0), 0));
  const width = LABEL_W + (n + 1) * CELL_W + 8;
  const height = HEAD_H + (n + 1) * CELL_H + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<text x="${LABEL_W + (n * CELL_W) / 2}" y="11" text-anchor="middle" fill="#555555">predicted →</text>`,
    `<text x="4" y="${HEAD_H - 6}" fill="#555555">true ↓</text>`,
  ];
  classes.forEach((c, j) => out.push(`<text x="${LABEL_W + j * CELL_W + CELL_W - 4}" y="${HEAD_H - 6}" text-anchor="end" font-weight="bold">${xmlEscape(c)}</text>`));
  out.push(`<text x="${LABEL_W + n * CELL_W + CELL_W - 4}" y="${HEAD_H - 6}" text-anchor="end" fill="#555555">recall</text>`);
  metrics.confusion.forEach((row, i) => {
    const y = HEAD_H + i * CELL_H;
    const total = row.reduce((a, v) => a + v, 0);
    out.push(`<text x="${LABEL_W - 6}" y="${y + CELL_H - 6}" text-anchor="end" font-weight="bold">${xmlEscape(classes[i] ?? String(i))}</text>`);
    row.forEach((v, j) => {
      const share = total > 0 ? v / total : 0;
      out.push(`<g class="cell" data-row="${i}" data-col="${j}">${cell(LABEL_W + j * CELL_W, y, String(v), tint(i === j ? '#009E73' : '#D55E00', share), i === j, share > 0.6)}</g>`);
    });
    out.push(cell(LABEL_W + n * CELL_W, y, pct(metrics.perClass[i]?.recall, metrics.perClass[i]?.support), '#f4f6f8'));
  });
  const yp = HEAD_H + n * CELL_H;
  out.push(`<text x="${LABEL_W - 6}" y="${yp + CELL_H - 6}" text-anchor="end" fill="#555555">precision</text>`);
  classes.forEach((_, j) => out.push(cell(LABEL_W + j * CELL_W, yp, pct(metrics.perClass[j]?.precision, predicted[j]), '#f4f6f8')));
  out.push('</svg>');
  return { width, height: height + TITLE_H, title, parts: [{ kind: 'text', x: 4, y: 12, text: title, bold: true }, { kind: 'svg', x: 0, y: TITLE_H, markup: out.join('') }] };
}
