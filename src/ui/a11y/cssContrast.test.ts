import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.ts';

const UI = new URL('..', import.meta.url).pathname;

/** Every stylesheet of the page (src/ui and below). */
const cssFiles = (readdirSync(UI, { recursive: true, encoding: 'utf8' }) as string[]).filter((p) => p.endsWith('.css')).map((p) => join(UI, p));

/** A rule's text colour and background, where it states both as hex (the pairs a stylesheet fixes itself). */
function statedPairs(css: string): { selector: string; color: string; background: string }[] {
  const out: { selector: string; color: string; background: string }[] = [];
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const body = m[2] ?? '';
    const color = /(?:^|;)\s*color:\s*(#[0-9a-f]{3,6})\b/i.exec(body)?.[1];
    const background = /(?:^|;)\s*background(?:-color)?:\s*(#[0-9a-f]{3,6})\b/i.exec(body)?.[1];
    // A rule that also fades itself (opacity) is left to axe-core, which measures the blended colours.
    if (color && background && !/opacity:/.test(body)) out.push({ selector: (m[1] ?? '').trim(), color, background });
  }
  return out;
}

describe('text contrast stated in the stylesheets', () => {
  it('finds the page’s stylesheets', () => {
    expect(cssFiles.length).toBeGreaterThan(5);
  });

  it('gives every rule that sets both a text colour and its background at least 4.5:1 (WCAG AA)', () => {
    const pairs = cssFiles.flatMap((f) => statedPairs(readFileSync(f, 'utf8')).map((p) => ({ ...p, file: relative(UI, f) })));
    expect(pairs.length).toBeGreaterThan(10);
    const low = pairs.filter((p) => contrastRatio(p.color, p.background) < 4.5).map((p) => `${p.file} ${p.selector}: ${p.color} on ${p.background} is ${contrastRatio(p.color, p.background).toFixed(2)}:1`);
    expect(low).toEqual([]);
  });
});
