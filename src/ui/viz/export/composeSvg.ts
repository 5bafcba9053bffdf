import { STAMP_KEYS, stampLines, type FigureStamp } from '../../../core/share/figureStamp.ts';

/**
 * One exported figure: pieces of the page (SVG overlays, canvas images, text) placed on one
 * SVG canvas. Pure string work, so it is tested in Node; the page fills it from the DOM
 * (snapshotBox.ts) and turns it into PNG by drawing the SVG on a canvas (rasterizeSvg.ts).
 */

/** A serialised `<svg>` element (axes, labels, curves), placed with its top-left at x, y. */
export interface SvgPart {
  readonly kind: 'svg';
  readonly x: number;
  readonly y: number;
  readonly markup: string;
}

/** A bitmap (a canvas as a PNG data URL), placed and scaled to width × height CSS px. */
export interface ImagePart {
  readonly kind: 'image';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly href: string;
}

/** A line of text with its baseline at x, y (a title, a legend entry). */
export interface TextPart {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly fill?: string;
  readonly bold?: boolean;
  /** Font size in px (default 11). */
  readonly size?: number;
  /** Monospace (the stamp's footer: its width per character is known, so it wraps by count). */
  readonly mono?: boolean;
  /** 'stamp': a line of the figure's stamp footer (class `stamp` in the SVG). */
  readonly role?: 'stamp';
}

/** A figure of width × height CSS px made of parts, drawn in order over a white background. */
export interface Composition {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly parts: readonly (SvgPart | ImagePart | TextPart)[];
  /** What the figure was made from (stampFigure.ts): written into <desc> and <metadata> too. */
  readonly stamp?: FigureStamp;
}

/** Namespace of the stamp element in an SVG's <metadata>. */
export const STAMP_NS = 'urn:spikelab:figure-stamp:1';

/** Escapes text for XML content and double-quoted attributes. */
export function xmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Average width of a character of 11 px sans-serif, bold, px (an estimate: no DOM to measure in Node). */
const CHAR_PX = 6.4;

/** `text` cut with an ellipsis to about `widthPx` at `charPx` per character, so a long title stays inside the figure. */
export function fitText(text: string, widthPx: number, charPx = CHAR_PX): string {
  const room = Math.max(1, Math.floor(widthPx / charPx));
  return text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`;
}

const num = (v: number): string => String(Math.round(v * 100) / 100);

function partMarkup(p: SvgPart | ImagePart | TextPart, width: number): string {
  if (p.kind === 'svg') return `<g transform="translate(${num(p.x)},${num(p.y)})">${p.markup}</g>`;
  if (p.kind === 'image') {
    // Both href forms: SVG 2 readers take `href`, older ones (and some editors) `xlink:href`.
    const href = xmlEscape(p.href);
    return `<image x="${num(p.x)}" y="${num(p.y)}" width="${num(p.width)}" height="${num(p.height)}" preserveAspectRatio="none" style="image-rendering:pixelated" href="${href}" xlink:href="${href}"/>`;
  }
  // Stamp lines are wrapped to fit by stampFigure: never cut (the link must stay whole).
  const text = p.role === 'stamp' ? p.text : fitText(p.text, width - p.x - 4);
  const font = p.mono ? 'monospace' : 'sans-serif';
  return `<text${p.role ? ` class="${p.role}"` : ''} x="${num(p.x)}" y="${num(p.y)}" font-family="${font}" font-size="${p.size ?? 11}"${p.bold ? ' font-weight="bold"' : ''} fill="${xmlEscape(p.fill ?? '#222')}">${xmlEscape(text)}</text>`;
}

/** The stamp as <desc> text (one `key: value` a line) and as attributes of a namespaced <metadata> element. */
function stampMarkup(stamp: FigureStamp | undefined): string {
  if (!stamp) return '';
  const attrs = STAMP_KEYS.map((k) => ` ${k}="${xmlEscape(stamp[k])}"`).join('');
  return `<desc>${xmlEscape(stampLines(stamp).join('\n'))}</desc><metadata><s:stamp xmlns:s="${STAMP_NS}"${attrs}/></metadata>`;
}

/** The composition as a standalone SVG document (with its XML declaration and a <title>). */
export function composeSvg(c: Composition): string {
  const w = num(c.width);
  const h = num(c.height);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<title>${xmlEscape(c.title)}</title>`,
    stampMarkup(c.stamp),
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    ...c.parts.map((p) => partMarkup(p, c.width)),
    '</svg>\n',
  ].join('');
}
