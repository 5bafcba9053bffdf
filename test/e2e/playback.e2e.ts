import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** The three renderers that draw the cursor on the default workspace: the ECG trace, the raster, the read-out strip. */
const CANVASES = {
  signal: '[data-testid="signal-view"] canvas',
  raster: '[data-testid="raster-canvas"]',
  trace: '[data-testid="readout-trace"] canvas',
} as const;

/** The cursor colour (drawCursor.ts CURSOR_COLOUR, #1d2b3a). */
const CURSOR_RGB = [0x1d, 0x2b, 0x3a];

/** The step the bar shows ('t = … ms, step N'), or null before there is a cursor. */
async function shownStep(page: Page): Promise<number | null> {
  const m = /step (\d+)$/.exec((await page.textContent('[data-testid="playback-time"]')) ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Where a renderer drew the cursor: the step and CSS x it wrote on its canvas, that x on screen,
 * the canvas's CSS width, and the colour of its pixels in that column at a quarter, half and three
 * quarters of the height (read back from the canvas, so the line is really there).
 */
async function drawnCursor(page: Page, selector: string) {
  return page.$eval(selector, (el) => {
    const c = el as HTMLCanvasElement;
    const r = c.getBoundingClientRect();
    const x = Number(c.dataset['cursorX']);
    const px = Math.floor((x * c.width) / r.width);
    const ctx = c.getContext('2d');
    const colours = Number.isFinite(px) ? [0.25, 0.5, 0.75].map((f) => Array.from(ctx?.getImageData(px, Math.floor(f * c.height), 1, 1).data ?? []).slice(0, 3)) : [];
    return { step: c.dataset['cursorStep'] === undefined ? null : Number(c.dataset['cursorStep']), x, screenX: r.left + x, width: r.width, colours };
  });
}

/** Sets the scrubber as a user dragging it does: the input's value and an input event (React reads both). */
async function scrubTo(page: Page, step: number): Promise<void> {
  await page.$eval(
    '[data-testid="playback-scrubber"]',
    (el, v) => {
      const input = el as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, String(v));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    step,
  );
  await expect.poll(() => shownStep(page)).toBe(step);
}

/** Waits until every cursor renderer has drawn the cursor at `step`. */
async function cursorsAt(page: Page, step: number) {
  await expect.poll(() => Promise.all(Object.values(CANVASES).map((s) => page.$eval(s, (c) => (c as HTMLCanvasElement).dataset['cursorStep'])))).toEqual(Object.values(CANVASES).map(() => String(step)));
  return Promise.all(Object.values(CANVASES).map((s) => drawnCursor(page, s)));
}

/** The per-layer counts the bar shows, by layer. */
async function shownCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-testid="playback-spikes"] li', (lis) => Object.fromEntries(lis.map((li) => [li.getAttribute('data-layer'), Number(li.getAttribute('data-count'))])));
}

describe('playback through the spike views', () => {
  it('steps one step at a time and draws one cursor line through the signal, raster and read-out at the same x', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="raster-canvas"]')?.dataset['spikeCount'] ?? 0) > 0);
    const steps = Number(await page.getAttribute('[data-testid="playback-scrubber"]', 'max')) + 1;
    const dtMs = Number(await page.getAttribute('[data-testid="raster"]', 'data-to-ms')) / steps;
    expect(steps).toBeGreaterThan(100);
    // The raster's panel and the bar carry the lesson controls' names.
    expect(await page.$eval('[data-testid="raster"]', (b) => b.closest('section')?.getAttribute('data-lesson-control'))).toBe('raster');
    expect(await page.getAttribute('[data-testid="playback"]', 'data-lesson-control')).toBe('playback');

    // No cursor yet: nothing is drawn. Step forward places it on step 0, then moves it by one step.
    expect(await shownStep(page)).toBeNull();
    expect((await drawnCursor(page, CANVASES.raster)).step).toBeNull();
    await page.click('[data-testid="playback-forward"]');
    await expect.poll(() => shownStep(page)).toBe(0);
    await page.click('[data-testid="playback-forward"]');
    await expect.poll(() => shownStep(page)).toBe(1);
    expect(await page.textContent('[data-testid="playback-time"]')).toBe(`t = ${Number(dtMs.toFixed(1))} ms, step 1`);
    await page.click('[data-testid="playback-back"]');
    await expect.poll(() => shownStep(page)).toBe(0);

    // Far into the run: each renderer draws the line at its own scale's x for the middle of the
    // step (unzoomed: (step + ½)/steps of the plot), in the cursor colour, and all at one screen x.
    const at = Math.floor(steps * 0.6);
    await scrubTo(page, at);
    const drawn = await cursorsAt(page, at);
    console.log(`step ${at} of ${steps}: cursor at screen x ${drawn.map((d) => d.screenX.toFixed(2)).join(', ')} (signal, raster, read-out)`);
    for (const d of drawn) {
      expect(d.x).toBeCloseTo((d.width * (at + 0.5)) / steps, 1);
      expect(Math.abs(d.screenX - (drawn[1]?.screenX ?? NaN))).toBeLessThan(0.5);
      for (const rgb of d.colours) expect(rgb).toEqual(CURSOR_RGB);
    }
    // Its neighbours a few pixels away are not the line: it is a line, not a painted plot.
    const beside = await page.$eval(CANVASES.raster, (el) => {
      const c = el as HTMLCanvasElement;
      const px = Math.floor((Number(c.dataset['cursorX']) * c.width) / c.getBoundingClientRect().width) + 6;
      return Array.from(c.getContext('2d')?.getImageData(px, Math.floor(c.height / 2), 1, 1).data ?? []).slice(0, 3);
    });
    expect(beside).not.toEqual(CURSOR_RGB);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each layer’s spikes at the cursor as the recording has them', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    const steps = Number(await page.getAttribute('[data-testid="playback-scrubber"]', 'max')) + 1;
    // Steps where lif1 fires, found by the test hook's full scan of the recording.
    const busy = await page.evaluate((n) => {
      const hooks = (window as unknown as { __spikelab: { layerSpikesAt(step: number): Record<string, number> } }).__spikelab;
      const found: number[] = [];
      // From a third of the way in, so the scrubber is exercised away from the start.
      for (let t = Math.floor(n / 3); t < n && found.length < 3; t++) if ((hooks.layerSpikesAt(t)['lif1'] ?? 0) > 1) found.push(t);
      return found;
    }, steps);
    expect(busy.length).toBe(3);
    for (const step of [...busy, 0, steps - 1]) {
      await scrubTo(page, step);
      const expected = await page.evaluate((t) => (window as unknown as { __spikelab: { layerSpikesAt(step: number): Record<string, number> } }).__spikelab.layerSpikesAt(t), step);
      await expect.poll(() => shownCounts(page)).toEqual(expected);
    }
    const shown = await page.$eval('[data-testid="playback-spikes"] li[data-layer="lif1"]', (li) => li.getAttribute('aria-label'));
    expect(shown).toMatch(/^lif1: \d+ spikes?$/);
    console.log(`spikes at step ${steps - 1}: ${JSON.stringify(await shownCounts(page))}; lif1 busy at steps ${busy.join(', ')}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays and pauses, stops at the end, and answers ← → Space Home End while the bar has focus', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    const steps = Number(await page.getAttribute('[data-testid="playback-scrubber"]', 'max')) + 1;
    await scrubTo(page, 10);
    await page.selectOption('[data-testid="playback-speed"]', '100');
    await page.click('[data-testid="playback-play"]');
    expect(await page.getAttribute('[data-testid="playback-play"]', 'aria-label')).toBe('pause');
    await expect.poll(async () => (await shownStep(page)) ?? 0).toBeGreaterThan(20);
    await page.click('[data-testid="playback-play"]');
    const paused = await shownStep(page);
    await page.waitForTimeout(400);
    expect(await shownStep(page)).toBe(paused);
    // The renderers follow the moving cursor.
    await cursorsAt(page, paused ?? -1);

    // Keyboard, with focus on a control in the bar.
    await page.focus('[data-testid="playback-forward"]');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shownStep(page)).toBe((paused ?? 0) + 1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownStep(page)).toBe((paused ?? 0) - 1);
    await page.keyboard.press('End');
    await expect.poll(() => shownStep(page)).toBe(steps - 1);
    await page.keyboard.press('Home');
    await expect.poll(() => shownStep(page)).toBe(0);
    // Space plays (once, not also as a click of the focused button) and pauses.
    await page.keyboard.press('Space');
    await expect.poll(() => page.getAttribute('[data-testid="playback"]', 'data-playing')).toBe('true');
    await expect.poll(async () => (await shownStep(page)) ?? 0).toBeGreaterThan(3);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getAttribute('[data-testid="playback"]', 'data-playing')).toBe('false');

    // Playing stops at the last step.
    await scrubTo(page, steps - 30);
    await page.selectOption('[data-testid="playback-speed"]', '1000');
    await page.click('[data-testid="playback-play"]');
    await expect.poll(() => page.getAttribute('[data-testid="playback"]', 'data-playing'), { timeout: 10_000 }).toBe('false');
    expect(await shownStep(page)).toBe(steps - 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves a zoomed view to the cursor: sliding along with motion, a page at a time with reduced motion', async () => {
    const visibleMs = (page: Page): Promise<[number, number]> => page.$eval('[data-testid="raster"]', (b) => [Number(b.getAttribute('data-from-ms')), Number(b.getAttribute('data-to-ms'))]);
    const starts: Record<string, number> = {};
    for (const motion of ['no-preference', 'reduce'] as const) {
      const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: motion });
      const page = await context.newPage();
      await page.goto(env.url + '?test');
      await waitForRun(page);
      expect(await page.getAttribute('[data-testid="playback"]', 'data-reduced-motion')).toBe(String(motion === 'reduce'));
      const [, fullMs] = await visibleMs(page);
      // Zoom the raster in about its middle with the keyboard: + four times is 1.5⁴ ≈ 5×.
      await page.focus('[data-testid="raster"] svg');
      for (let i = 0; i < 4; i++) await page.keyboard.press('+');
      await expect.poll(async () => (await visibleMs(page))[1] - (await visibleMs(page))[0]).toBeLessThan(fullMs / 4);
      const [a, b] = await visibleMs(page);
      await page.focus('[data-testid="playback-forward"]');
      await page.keyboard.press('Home');
      // Home is left of the zoomed view: the view moves to show the run's start.
      await expect.poll(async () => (await visibleMs(page))[0]).toBe(0);
      const width = b - a;
      expect((await visibleMs(page))[1]).toBeCloseTo(width, 3);
      // One step past the right edge.
      const dt = fullMs / (Number(await page.getAttribute('[data-testid="playback-scrubber"]', 'max')) + 1);
      const past = Math.ceil(width / dt);
      await scrubTo(page, past);
      await expect.poll(async () => (await visibleMs(page))[0]).toBeGreaterThan(0);
      const [from, to] = await visibleMs(page);
      starts[motion] = from;
      expect(to - from).toBeCloseTo(width, 3);
      // The cursor is drawn inside the moved view, in all three renderers, at one x.
      const drawn = await cursorsAt(page, past);
      for (const d of drawn) expect(Math.abs(d.screenX - (drawn[1]?.screenX ?? NaN))).toBeLessThan(0.5);
      // A later wheel zoom starts from the view shown, not from where d3-zoom last was.
      const box = await page.locator('[data-testid="raster-hit"]').boundingBox();
      if (!box) throw new Error('raster not laid out');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 100);
      await expect.poll(async () => (await visibleMs(page))[1] - (await visibleMs(page))[0]).toBeGreaterThan(width * 1.01);
      const [wa, wb] = await visibleMs(page);
      expect(wa).toBeLessThan(from + (to - from) / 2);
      expect(wb).toBeGreaterThan(from + (to - from) / 2);
      // Playing still works with reduced motion.
      await page.click('[data-testid="playback-play"]');
      await expect.poll(async () => (await shownStep(page)) ?? 0).toBeGreaterThan(past + 3);
      await page.click('[data-testid="playback-play"]');
      await context.close();
    }
    console.log(`one step past a zoomed view: it starts at ${starts['no-preference']?.toFixed(0)} ms sliding, ${starts['reduce']?.toFixed(0)} ms with reduced motion`);
    // Sliding moves the view by a step or two; a page turn puts the cursor near the view's start.
    expect(starts['no-preference']).toBeLessThan(starts['reduce'] ?? 0);
  });

  it('puts a cursor beyond a new, shorter run back to its start', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    const steps = Number(await page.getAttribute('[data-testid="playback-scrubber"]', 'max')) + 1;
    await scrubTo(page, steps - 5);
    // A run of half the length (the test hook shows a synthetic recording as a finished run).
    await page.evaluate((n) => (window as unknown as { __spikelab: { loadSyntheticRaster(spikes: number, steps: number): void } }).__spikelab.loadSyntheticRaster(3000, n), Math.floor(steps / 2));
    await expect.poll(() => page.getAttribute('[data-testid="playback-scrubber"]', 'max')).toBe(String(Math.floor(steps / 2) - 1));
    await expect.poll(() => shownStep(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
