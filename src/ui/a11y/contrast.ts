/**
 * WCAG 2 contrast between two sRGB colours: (L1 + 0.05) / (L2 + 0.05), L the relative luminance of
 * the lighter and the darker colour. Text needs 4.5:1 at AA (3:1 when large: 24 px, or 18.66 px bold).
 */

/** '#rgb' or '#rrggbb' to 0–255 channels; anything else is refused with the colour named. */
export function parseHex(colour: string): readonly [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m?.[1]) throw new Error(`'${colour}' is not a hex colour (#rgb or #rrggbb)`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as readonly [number, number, number];
}

/** Relative luminance (0 black … 1 white) of a hex colour. */
export function luminance(colour: string): number {
  const [r, g, b] = parseHex(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio, from 1 (same colour) to 21 (black on white), either order. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
