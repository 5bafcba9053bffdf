import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { openApp, setTrainFields, startE2e, trainToConfusion, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** Opens a plot's export menu, picks one format and returns the download with its bytes. */
async function exportPlot(page: Page, plot: string, format: 'png' | 'svg' | 'csv'): Promise<{ download: Download; bytes: Buffer }> {
  await page.click(`[data-testid="export-${plot}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="export-${plot}-${format}"]`)]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** What Chromium's own SVG parser finds in an exported SVG: parse errors, axis ticks, embedded images. */
async function readSvg(page: Page, text: string): Promise<{ errors: number; xTicks: string[]; images: string[]; xAxes: number; guides: number }> {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      xTicks: Array.from(doc.querySelectorAll('.x-axis .tick text')).map((e) => e.textContent ?? ''),
      images: Array.from(doc.querySelectorAll('image')).map((e) => (e.getAttribute('href') ?? '').slice(0, 22)),
      xAxes: doc.querySelectorAll('.x-axis').length,
      guides: doc.querySelectorAll('.curve-guide, .hit').length,
    };
  }, text);
}

describe('exporting plots and spikes', () => {
  it('exports the raster as a CSV with one row per spike, a PNG of its size with the spikes in it, and an SVG with axes and the drawn spikes', async () => {
    const { page, errors } = await openApp(env);
    const total = await waitForRun(page);
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="raster-canvas"]')?.dataset['spikeCount'] ?? 0) > 0);

    const csv = await exportPlot(page, 'raster', 'csv');
    expect(csv.download.suggestedFilename()).toMatch(/^raster-.+-spikes-\d{8}-\d{4}\.csv$/);
    // Four stamp lines (# workspace, seed, engine, spikelab: figureStamp.e2e.ts reads them), then the table.
    const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
    expect(lines.slice(0, 4).every((l) => l.startsWith('# '))).toBe(true);
    expect(lines[4]).toBe('layer,neuron,step,time_ms');
    expect(lines.length - 5).toBe(total);

    const png = await exportPlot(page, 'raster', 'png');
    expect(png.download.suggestedFilename()).toMatch(/^raster-.+-\d{8}-\d{4}\.png$/);
    // The figure is the raster box (axes and spikes) under a title line and a legend line, 16 px each, over the stamp's footer.
    const box = await page.$eval('[data-testid="raster"]', (el) => ({ w: Math.ceil(el.getBoundingClientRect().width), h: Math.ceil(el.getBoundingClientRect().height) }));
    const decoded = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d');
      ctx?.drawImage(bitmap, 0, 0);
      const d = ctx?.getImageData(0, 0, bitmap.width, bitmap.height).data ?? new Uint8ClampedArray();
      // Pixels of the lif1 layer's vermillion (#D55E00, layerPalette.ts) and of black axis text.
      let orange = 0;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) {
        const [r = 0, g = 0, bl = 0] = [d[i], d[i + 1], d[i + 2]];
        if (r > 190 && g > 70 && g < 120 && bl < 40) orange++;
        if (r < 60 && g < 60 && bl < 60) dark++;
      }
      return { width: bitmap.width, height: bitmap.height, orange, dark };
    }, png.bytes.toString('base64'));
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    expect(decoded.width).toBe(Math.round(box.w * dpr));
    expect(decoded.height).toBeGreaterThan(Math.round((box.h + 32 + 9) * dpr));
    expect(decoded.orange).toBeGreaterThan(100);
    expect(decoded.dark).toBeGreaterThan(100);

    const svg = await exportPlot(page, 'raster', 'svg');
    const read = await readSvg(page, svg.bytes.toString('utf8'));
    expect(read.errors).toBe(0);
    expect(read.xTicks.length).toBeGreaterThan(2);
    expect(read.xTicks[0]).toBe('0');
    expect(read.images).toEqual(['data:image/png;base64,']);
    expect(read.guides).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains the synthetic ECG preset for 2 epochs: the curves have epoch ticks 1 and 2, hover and ←/→ show every value, and they export', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.selectOption('[data-testid="preset-select"]', 'ecg-synthetic');
    await page.waitForSelector('[data-testid="train-button"]');
    await setTrainFields(page, { epochs: '2', beats: '400' });
    await trainToConfusion(page);
    expect(await page.getAttribute('[data-testid="train-curves"]', 'data-epochs')).toBe('2');
    for (const chart of ['loss', 'accuracy', 'spikes', 'ms']) {
      expect(await page.$$eval(`[data-testid="curve-${chart}"] .x-axis .tick text`, (t) => t.map((e) => e.textContent))).toEqual(['1', '2']);
      expect(await page.$$eval(`[data-testid="curve-${chart}"] .y-axis .tick`, (t) => t.length)).toBeGreaterThanOrEqual(3);
    }
    expect(await page.textContent('[data-testid="curve-accuracy"]')).toContain('accuracy (%)');

    // Hover near the second epoch of the loss chart: a guide and the values of both series.
    const hit = await page.$('[data-testid="curve-loss"] .curve-hit');
    // The right column scrolls: bring the chart into view as a user would.
    await hit?.scrollIntoViewIfNeeded();
    const r = await hit?.boundingBox();
    if (!r) throw new Error('the loss chart has no hover area');
    await page.mouse.move(r.x + r.width - 10, r.y + r.height / 2);
    await page.waitForSelector('[data-testid="curve-tooltip"]');
    const tip = (await page.textContent('[data-testid="curve-tooltip"]')) ?? '';
    expect(tip).toMatch(/^epoch 2train: \d+\.\d{3}validation: \d+\.\d{3}$/);
    // The same train loss as the epoch line under the curves.
    const lastLoss = (await page.textContent('[data-testid="epoch-line"]'))?.match(/loss (\d+\.\d{3})/)?.[1];
    expect(tip).toContain(`train: ${lastLoss}`);
    expect(await page.$$eval('[data-testid="curve-guide"]', (g) => g.length)).toBe(4);

    // Keyboard: the chart takes focus, ← moves the guide to epoch 1.
    await page.mouse.move(0, 0);
    await page.focus('[data-testid="curve-accuracy"] svg');
    await page.keyboard.press('ArrowLeft');
    expect(await page.textContent('[data-testid="curve-tooltip"]')).toMatch(/^epoch 1train: \d+\.\d %validation: \d+\.\d %$/);
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('[data-testid="curve-tooltip"]')).toMatch(/^epoch 2/);

    // The curves export as one SVG with an x axis per chart, without the hover guide.
    const svg = await exportPlot(page, 'training-curves', 'svg');
    const read = await readSvg(page, svg.bytes.toString('utf8'));
    expect(read.errors).toBe(0);
    expect(read.xAxes).toBe(4);
    expect(read.xTicks.slice(0, 2)).toEqual(['1', '2']);
    expect(read.guides).toBe(0);

    // The confusion matrix exports as a figure: 5 × 5 counts that add up to the test samples in the table.
    const matrix = await exportPlot(page, 'confusion', 'svg');
    const cells = await page.evaluate((t) => Array.from(new DOMParser().parseFromString(t, 'image/svg+xml').querySelectorAll('.cell text')).map((e) => Number(e.textContent)), matrix.bytes.toString('utf8'));
    expect(cells.length).toBe(25);
    const shown = await page.$$eval('[data-testid^="cell-"]', (c) => c.reduce((a, td) => a + Number(td.textContent), 0));
    expect(cells.reduce((a, v) => a + v, 0)).toBe(shown);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/plot-export.png' });
    await page.close();
  });
});
