import { describe, expect, it } from 'vitest';
import { allElements, parseXml } from '../../../../test/support/xmlTree.ts';
import { composeSvg, fitText, xmlEscape } from './composeSvg.ts';

/** An overlay like the raster's: a bottom axis in ms with two ticks and a left axis with a layer label. */
const AXES =
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120">' +
  '<g class="x-axis" transform="translate(56,92)" fill="none" font-size="10" font-family="sans-serif" text-anchor="middle">' +
  '<path class="domain" stroke="currentColor" d="M0.5,6V0.5H236.5V6"/>' +
  '<g class="tick" transform="translate(0.5,0)"><line stroke="currentColor" y2="6"/><text fill="currentColor" y="9" dy="0.71em">0</text></g>' +
  '<g class="tick" transform="translate(118.5,0)"><line stroke="currentColor" y2="6"/><text fill="currentColor" y="9" dy="0.71em">500</text></g>' +
  '</g>' +
  '<g class="y-axis" transform="translate(56,8)"><g class="tick"><text>lif1</text></g></g>' +
  '</svg>';

const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('composeSvg', () => {
  it('makes one SVG document that parses and holds the axes, the canvas image and the title', () => {
    const svg = composeSvg({
      width: 300,
      height: 140,
      title: 'Spike raster — default <demo> & co',
      parts: [
        { kind: 'text', x: 4, y: 12, text: 'Spike raster: in, lif1 & out', bold: true },
        { kind: 'svg', x: 0, y: 20, markup: AXES },
        { kind: 'image', x: 56, y: 28, width: 236, height: 84, href: PNG_1PX },
      ],
    });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attrs).toMatchObject({ width: '300', height: '140', viewBox: '0 0 300 140', xmlns: 'http://www.w3.org/2000/svg' });
    const els = allElements(root);
    expect(els.find((e) => e.name === 'title')?.text).toBe('Spike raster — default &lt;demo&gt; &amp; co');
    // The axes come through whole: both axis groups and the two x ticks with their labels.
    const xAxis = els.find((e) => e.attrs['class'] === 'x-axis');
    expect(allElements(xAxis ?? root).filter((e) => e.attrs['class'] === 'tick').map((t) => t.children[1]?.text)).toEqual(['0', '500']);
    expect(els.some((e) => e.attrs['class'] === 'y-axis')).toBe(true);
    // The overlay is shifted under the title; the image sits on the plot area.
    expect(els.find((e) => e.name === 'g' && e.attrs['transform'] === 'translate(0,20)')?.children[0]?.name).toBe('svg');
    const image = els.find((e) => e.name === 'image');
    expect(image?.attrs).toMatchObject({ x: '56', y: '28', width: '236', height: '84', href: PNG_1PX });
    // A white background first, so a PNG of it is not transparent.
    expect(root.children[1]?.attrs).toMatchObject({ fill: '#ffffff', width: '300' });
  });

  it('escapes text and attribute values so any layer or workspace name stays well formed', () => {
    expect(xmlEscape('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
    const svg = composeSvg({ width: 10, height: 10, title: '"x"', parts: [{ kind: 'text', x: 0, y: 0, text: '<&>', fill: '#"0' }] });
    expect(() => parseXml(svg)).not.toThrow();
  });

  it('fitText cuts a title that would run past the figure with an ellipsis, and composeSvg applies it', () => {
    expect(fitText('short', 100)).toBe('short');
    // 64 px hold 10 characters at 6.4 px: nine and the ellipsis.
    expect(fitText('Training curves: ECG beats', 64)).toBe('Training…');
    const svg = composeSvg({ width: 68, height: 20, title: 't', parts: [{ kind: 'text', x: 0, y: 12, text: 'Training curves: ECG beats' }] });
    expect(allElements(parseXml(svg)).find((e) => e.name === 'text')?.text).toBe('Training…');
  });

  it('the test reader refuses what is not well formed, so passing it means something', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow(/closes/);
    expect(() => parseXml('<svg a=1/>')).toThrow(/unquoted/);
    expect(() => parseXml('<svg>a & b</svg>')).toThrow(/bare &/);
  });
});
