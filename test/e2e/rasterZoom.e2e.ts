import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, waitForRun, type E2eEnv } from './harness.ts';

// A tablet: touch only. page.touchscreen can only tap, so pinches and drags go through CDP's
// Input.dispatchTouchEvent, which delivers real TouchEvents (several fingers, moving) to the page.
let env: E2eEnv;
let context: BrowserContext;
beforeAll(async () => {
  env = await startE2e();
  context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false });
});
afterAll(async () => {
  await context?.close();
  await env?.close();
});

interface Finger {
  readonly x: number;
  readonly y: number;
}

/** Moves fingers from `from` to `to` in `steps` touchmove events, as a hand does. */
async function gesture(cdp: CDPSession, from: readonly Finger[], to: readonly Finger[], steps = 8): Promise<void> {
  const at = (k: number) => from.map((f, id) => ({ x: f.x + ((to[id]?.x ?? f.x) - f.x) * k, y: f.y + ((to[id]?.y ?? f.y) - f.y) * k, id }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** The time range (ms) the raster shows, as it says on its box. */
async function visibleMs(page: Page): Promise<[number, number]> {
  const [from, to] = await page.$eval('[data-testid="raster"]', (e) => [Number(e.getAttribute('data-from-ms')), Number(e.getAttribute('data-to-ms'))]);
  return [from ?? NaN, to ?? NaN];
}

async function openTouchPage(): Promise<{ page: Page; cdp: CDPSession; box: { x: number; y: number; width: number; height: number } }> {
  const page = await context.newPage();
  await page.goto(env.url + '?test');
  await waitForRun(page);
  const box = await page.locator('[data-testid="raster-hit"]').boundingBox();
  if (!box) throw new Error('raster not laid out');
  return { page, cdp: await context.newCDPSession(page), box };
}

describe('the raster on a touch screen', () => {
  it('zooms in on a two-finger pinch out and pans on a one-finger drag; the page itself neither zooms nor scrolls', async () => {
    const { page, cdp, box } = await openTouchPage();
    const [full0, full1] = await visibleMs(page);
    expect(full0).toBe(0);
    expect(full1).toBeGreaterThan(1000);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Fingers 60 px apart spread to 240 px: a 4× zoom about the centre.
    await gesture(cdp, [{ x: cx - 30, y: cy }, { x: cx + 30, y: cy }], [{ x: cx - 120, y: cy }, { x: cx + 120, y: cy }]);
    await expect.poll(async () => (await visibleMs(page))[1] - (await visibleMs(page))[0]).toBeLessThan((full1 - full0) / 2);
    const [z0, z1] = await visibleMs(page);
    console.log(`pinch: ${full0}–${full1} ms → ${z0.toFixed(0)}–${z1.toFixed(0)} ms`);
    expect(z1 - z0).toBeGreaterThan((full1 - full0) / 6);
    // The zoom is about the fingers' midpoint: the time under it stays under it (it was the time
    // 56 px to its right, the width of the y axis, so a pinch drifted off what the user held).
    const share = (cx - box.x) / box.width;
    const held = full0 + share * (full1 - full0);
    expect(Math.abs(z0 + share * (z1 - z0) - held)).toBeLessThan((full1 - full0) / 100);
    // Dragging one finger to the right by a quarter of the plot shows earlier times.
    await gesture(cdp, [{ x: cx, y: cy }], [{ x: cx + box.width / 4, y: cy }]);
    await expect.poll(async () => (await visibleMs(page))[0]).toBeLessThan(z0 - 1);
    const [d0, d1] = await visibleMs(page);
    console.log(`drag right by ${(box.width / 4).toFixed(0)} px: ${z0.toFixed(0)}–${z1.toFixed(0)} ms → ${d0.toFixed(0)}–${d1.toFixed(0)} ms`);
    // A pan keeps the span (same zoom), shifted by about a quarter of it.
    expect(d1 - d0).toBeCloseTo(z1 - z0, 0);
    expect(z0 - d0).toBeGreaterThan((z1 - z0) / 8);
    // The browser's own pinch-zoom and scroll did not take the gesture. Chromium already leaves it
    // to d3-zoom, which cancels the touchmoves; the plot also says touch-action: none for the others.
    expect(await page.$eval('[data-testid="raster"] svg', (s) => getComputedStyle(s).touchAction)).toBe('none');
    expect(await page.evaluate(() => [window.visualViewport?.scale ?? 1, document.scrollingElement?.scrollLeft ?? 0, document.scrollingElement?.scrollTop ?? 0])).toEqual([1, 0, 0]);
    await page.close();
  });

  it('pinching in zooms back out to the whole run', async () => {
    const { page, cdp, box } = await openTouchPage();
    const [full0, full1] = await visibleMs(page);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await gesture(cdp, [{ x: cx - 30, y: cy }, { x: cx + 30, y: cy }], [{ x: cx - 150, y: cy }, { x: cx + 150, y: cy }]);
    await expect.poll(async () => (await visibleMs(page))[1] - (await visibleMs(page))[0]).toBeLessThan((full1 - full0) / 2);
    await gesture(cdp, [{ x: cx - 150, y: cy }, { x: cx + 150, y: cy }], [{ x: cx - 20, y: cy }, { x: cx + 20, y: cy }]);
    await expect.poll(() => visibleMs(page)).toEqual([full0, full1]);
    await page.close();
  });
});

describe('the raster under a mouse wheel', () => {
  it('zooms about the time under the pointer', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(env.url + '?test');
    await waitForRun(page);
    const box = await page.locator('[data-testid="raster-hit"]').boundingBox();
    if (!box) throw new Error('raster not laid out');
    const [full0, full1] = await visibleMs(page);
    // A point a fifth of the way in: zooming there must keep that time under the pointer.
    const share = 0.2;
    await page.mouse.move(box.x + share * box.width, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await visibleMs(page))[1] - (await visibleMs(page))[0]).toBeLessThan((full1 - full0) * 0.9);
    const [z0, z1] = await visibleMs(page);
    console.log(`wheel at ${share * 100} %: ${full0}–${full1} ms → ${z0.toFixed(0)}–${z1.toFixed(0)} ms`);
    expect(Math.abs(z0 + share * (z1 - z0) - (full0 + share * (full1 - full0)))).toBeLessThan((full1 - full0) / 100);
    await page.close();
  });
});
