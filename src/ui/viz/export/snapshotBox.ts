import type { Composition, ImagePart, SvgPart, TextPart } from './composeSvg.ts';

/**
 * Computed styles copied onto an exported SVG: the page styles axes and labels with CSS (app.css),
 * which a standalone SVG file or an SVG drawn as an image does not see. `color` carries d3-axis's
 * `currentColor`.
 */
const STYLE_PROPS = ['color', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'] as const;

/** Marks what stays out of an export (hover guides, hit areas): the class `no-export`. */
export const NO_EXPORT = 'no-export';

/** An SVG element serialised with its computed styles inlined and without its `no-export` parts. */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const copy = target[i];
    if (!(copy instanceof SVGElement)) return;
    const cs = getComputedStyle(el);
    copy.setAttribute('style', STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
    copy.removeAttribute('tabindex');
  });
  for (const el of clone.querySelectorAll(`.${NO_EXPORT}`)) el.remove();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(clone);
}

/** Whether an element is drawn (not display:none, not zero-sized). */
function shown(el: Element): DOMRect | null {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).display !== 'none' ? r : null;
}

/**
 * Everything drawn inside `box` as one figure: each canvas as a PNG image and each outermost SVG
 * serialised, at their places, cropped to what they cover (a panel's heading above its plots is
 * left out; headings between plots are kept as text), under `title` (and `extra` text, e.g. a legend) in a 16 px band per line at the top.
 */
export function snapshotBox(box: HTMLElement, title: string, extra: readonly Omit<TextPart, 'y' | 'kind'>[] = []): Composition {
  const drawn: { el: HTMLCanvasElement | SVGSVGElement; r: DOMRect }[] = [];
  for (const el of box.querySelectorAll('canvas, svg')) {
    if (el instanceof SVGSVGElement && el.parentElement?.closest('svg')) continue;
    if (el.closest(`.${NO_EXPORT}`)) continue;
    const r = shown(el);
    if (r && (el instanceof HTMLCanvasElement || el instanceof SVGSVGElement)) drawn.push({ el, r });
  }
  const left = Math.min(...drawn.map((d) => d.r.left));
  const top = Math.min(...drawn.map((d) => d.r.top));
  const right = Math.max(...drawn.map((d) => d.r.right));
  const bottom = Math.max(...drawn.map((d) => d.r.bottom));
  const head = 16 * (1 + (extra.length > 0 ? 1 : 0));
  const parts: (SvgPart | ImagePart | TextPart)[] = [{ kind: 'text', x: 4, y: 12, text: title, bold: true }, ...extra.map((t) => ({ ...t, kind: 'text' as const, y: 28 }))];
  // Headings between the plots (the cost panel's "Latency" between its two charts) come along as text.
  for (const h of box.querySelectorAll('h2, h3')) {
    const r = h.getBoundingClientRect();
    if (r.top >= top && r.bottom <= bottom && r.height > 0) parts.push({ kind: 'text', x: r.left - left, y: r.top - top + head + 12, text: h.textContent ?? '', bold: true });
  }
  for (const { el, r } of drawn) {
    const x = r.left - left;
    const y = r.top - top + head;
    if (el instanceof HTMLCanvasElement) parts.push({ kind: 'image', x, y, width: r.width, height: r.height, href: el.toDataURL('image/png') });
    else parts.push({ kind: 'svg', x, y, markup: serializeSvg(el) });
  }
  const width = drawn.length > 0 ? Math.ceil(right - left) : 200;
  const height = head + (drawn.length > 0 ? Math.ceil(bottom - top) : 0);
  return { width, height, title, parts };
}
