import { stampCaption, type FigureStamp } from '../../../core/share/figureStamp.ts';
import type { Composition, TextPart } from './composeSvg.ts';

/** Footer type: 7 px monospace, whose characters are 0.6 em wide, so lines are wrapped by count, not measured. */
export const FOOTER_FONT_PX = 7;
const MONO_CHAR_PX = 0.6 * FOOTER_FONT_PX;
const FOOTER_LINE_PX = 9;
const FOOTER_PAD_PX = 4;
/** A stamped figure is at least this wide, so a ~1,000-character link takes about ten lines, not thirty. */
export const MIN_STAMPED_WIDTH = 480;
/** Grey enough to read as small print under the figure, dark enough to print. */
export const FOOTER_FILL = '#777777';

/**
 * `text` in lines of at most `chars` characters: broken at spaces where it can, and a word longer
 * than a line (a link) cut into line-long pieces. Nothing is dropped: the lines rejoin to the text.
 */
export function wrapCaption(text: string, chars: number): string[] {
  const room = Math.max(8, Math.floor(chars));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (joined.length <= room) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (line.length > room) {
      lines.push(line.slice(0, room));
      line = line.slice(room);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The figure with its stamp: a footer of small grey lines under it (the workspace link or its hash,
 * seed, engine, version) and the stamp itself, which composeSvg also writes into the SVG's <desc>
 * and <metadata> so that it survives an editor that drops or restyles the footer.
 */
export function stampFigure(c: Composition, stamp: FigureStamp): Composition {
  const width = Math.max(c.width, MIN_STAMPED_WIDTH);
  const lines = wrapCaption(stampCaption(stamp), (width - 2 * FOOTER_PAD_PX) / MONO_CHAR_PX);
  const footer: TextPart[] = lines.map((text, i) => ({ kind: 'text', x: FOOTER_PAD_PX, y: c.height + FOOTER_PAD_PX + (i + 1) * FOOTER_LINE_PX - 2, text, fill: FOOTER_FILL, size: FOOTER_FONT_PX, mono: true, role: 'stamp' }));
  return { ...c, width, height: c.height + FOOTER_PAD_PX * 2 + lines.length * FOOTER_LINE_PX, parts: [...c.parts, ...footer], stamp };
}
