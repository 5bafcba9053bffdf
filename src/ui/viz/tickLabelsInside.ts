/**
 * Keeps the tick labels of a bottom axis drawn by d3-axis inside the axis' own width: d3 centres
 * each label on its tick, so the label at the right end (“4,000” ms) stuck out half its width
 * past the edge of the SVG and was cut to “4,00”. A label that would cross `width` (the room from
 * the axis origin to the SVG's right edge) is right-aligned on its tick instead.
 */
export function keepTickLabelsInside(axis: SVGGElement, width: number): void {
  for (const tick of axis.querySelectorAll<SVGGElement>('.tick')) {
    const text = tick.querySelector('text');
    if (!text) continue;
    text.removeAttribute('text-anchor');
    const x = tick.transform.baseVal.consolidate()?.matrix.e ?? 0;
    const half = text.getComputedTextLength() / 2;
    if (x + half > width) text.setAttribute('text-anchor', 'end');
  }
}
