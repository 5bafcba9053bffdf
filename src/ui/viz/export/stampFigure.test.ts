import { describe, expect, it } from 'vitest';
import { allElements, parseXml } from '../../../../test/support/xmlTree.ts';
import { figureStamp, stampCaption } from '../../../core/share/figureStamp.ts';
import { composeSvg, STAMP_NS } from './composeSvg.ts';
import { MIN_STAMPED_WIDTH, stampFigure, wrapCaption } from './stampFigure.ts';

const LINK = `http://127.0.0.1:5330/#w=v1.${'AbC-_9'.repeat(150)}`;
const stamp = figureStamp({ link: LINK, seed: 42, engine: 'events (typed-arrays)', version: '0.1.0' });
const plain = { width: 300, height: 100, title: 'Spike raster: <demo>', parts: [{ kind: 'text' as const, x: 4, y: 12, text: 'Spike raster', bold: true }] };

describe('wrapCaption', () => {
  it('breaks at spaces, cuts a word longer than a line into line-long pieces, and drops no character', () => {
    expect(wrapCaption('seed 1 · engine events', 12)).toEqual(['seed 1 ·', 'engine', 'events']);
    const lines = wrapCaption(stampCaption(stamp), 60);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(lines.join('').replaceAll(' ', '')).toBe(stampCaption(stamp).replaceAll(' ', ''));
    // The link's pieces are whole lines: it reads back by joining them.
    expect(lines.filter((l) => !l.includes(' ')).join('')).toContain(LINK.slice(30, 400));
  });
});

describe('stampFigure', () => {
  it('adds a footer of grey monospace lines under the figure, widened to a readable width, and the stamp itself', () => {
    const f = stampFigure(plain, stamp);
    expect(f.width).toBe(MIN_STAMPED_WIDTH);
    const footer = f.parts.filter((p) => p.kind === 'text' && p.role === 'stamp');
    expect(footer.length).toBeGreaterThan(5);
    // Every line sits below the figure and inside the new height.
    for (const p of footer) expect(p.y > plain.height && p.y < f.height).toBe(true);
    expect(f.stamp).toEqual(stamp);
    // A wide figure keeps its width.
    expect(stampFigure({ ...plain, width: 1200 }, stamp).width).toBe(1200);
  });

  it('composeSvg writes the stamp as footer text, <desc> lines and a namespaced <metadata> element, all well formed', () => {
    const root = parseXml(composeSvg(stampFigure(plain, stamp)));
    const els = allElements(root);
    const desc = els.find((e) => e.name === 'desc')?.text ?? '';
    expect(desc.split('\n')).toEqual([`workspace: ${LINK}`, 'seed: 42', 'engine: events (typed-arrays)', 'spikelab: 0.1.0']);
    const meta = els.find((e) => e.name === 's:stamp');
    expect(meta?.attrs).toMatchObject({ 'xmlns:s': STAMP_NS, workspace: LINK, seed: '42', engine: 'events (typed-arrays)', spikelab: '0.1.0' });
    const footer = els.filter((e) => e.attrs['class'] === 'stamp');
    expect(footer.every((e) => e.attrs['font-family'] === 'monospace' && e.attrs['fill'] === '#777777')).toBe(true);
    // Not cut with an ellipsis, as titles are: the whole link is in the footer.
    expect(footer.map((e) => e.text).join('').replaceAll(' ', '')).toBe(stampCaption(stamp).replaceAll(' ', ''));
    // Unstamped figures have neither.
    expect(allElements(parseXml(composeSvg(plain))).some((e) => e.name === 'desc' || e.name === 'metadata')).toBe(false);
  });
});
