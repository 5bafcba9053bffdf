import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectNode, openApp, paintedPixels, setThreshold, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

describe('the workbench in Chromium', () => {
  it('opens on the default workspace with no console errors and draws spikes computed in a worker', async () => {
    const { page, errors } = await openApp(env);
    const total = await waitForRun(page);
    expect(total).toBeGreaterThan(0);
    expect(Number(await page.getAttribute('[data-testid="raster"]', 'data-spike-count'))).toBe(total);
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="raster-canvas"]')?.dataset['spikeCount'] ?? 0) > 0);
    expect(await paintedPixels(page, '[data-testid="raster-canvas"]')).toBeGreaterThan(500);
    // The simulation ran off the UI thread: the worker is the only place the engine exists.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('sim.worker')))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the backend, and switching to tfjs names webgl, wasm or cpu with its reason', async () => {
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    await expect.poll(() => page.textContent('[data-testid="backend-label"]')).toMatch(/^events/);
    await page.selectOption('[data-testid="engine-select"]', 'tfjs');
    await page.waitForFunction(() => /^tfjs-(webgl|wasm|cpu)/.test(document.querySelector('[data-testid="backend-label"]')?.textContent ?? ''), null, { timeout: 90_000 });
    const label = await page.textContent('[data-testid="backend-label"]');
    expect(label).toMatch(/tfjs-(webgl|wasm|cpu) · (webgl|wasm|cpu): /);
    console.log(`tfjs in the worker: ${label}; run took ${await page.textContent('.right p:last-of-type')}`);
    // Same workspace and seed: the tfjs engine gives the same spikes as the event engine.
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs on the WebAssembly SIMD kernel in the worker with the same spikes', async () => {
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    await page.selectOption('[data-testid="engine-select"]', 'wasm');
    await page.waitForFunction(() => /^wasm · /.test(document.querySelector('[data-testid="backend-label"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await waitForRun(page);
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(before);
    console.log(`wasm in the worker: ${await page.textContent('[data-testid="backend-label"]')}; run took ${await page.textContent('.right p:last-of-type')}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('re-simulates when a threshold changes, and undo brings the old count back', async () => {
    const { page } = await openApp(env);
    const before = await waitForRun(page);
    await setThreshold(page, '2');
    const after = await waitForRun(page, before);
    expect(after).not.toBe(before);
    expect(after).toBeLessThan(before);
    await page.click('text=Undo');
    expect(await waitForRun(page, after)).toBe(before);
    await page.close();
  });

  it('refuses an invalid value with its JSON path and keeps the workspace', async () => {
    const { page } = await openApp(env);
    const before = await waitForRun(page);
    await inspectNode(page, 'fc1');
    await page.fill('[data-testid="fc1-units"]', '-4');
    await page.press('[data-testid="fc1-units"]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid="error-banner"]')).toContain('network.layers[1].units');
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(before);
    await page.close();
  });

  it('shows the membrane trace of a clicked neuron and the hover read-out', async () => {
    const { page } = await openApp(env);
    await waitForRun(page);
    const box = await page.locator('[data-testid="raster-hit"]').boundingBox();
    if (!box) throw new Error('raster not laid out');
    // lif2 is the last band: a point near the bottom of the raster is one of its neurons.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 5);
    await expect.poll(() => page.textContent('[data-testid="hover-readout"]')).toMatch(/lif2 · neuron \d+ · \d+ ms/);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 5);
    await expect.poll(() => page.textContent('[data-testid="membrane-title"]'), { timeout: 30_000 }).toMatch(/lif2 neuron \d+/);
    await page.close();
  });

  it('keeps working after the simulation worker dies: the next edit runs on a fresh worker', async () => {
    const { page } = await openApp(env);
    const before = await waitForRun(page);
    await page.evaluate(() => (window as unknown as { __spikelab: { crashWorker(): void } }).__spikelab.crashWorker());
    await page.fill('[data-testid="seed"]', '7');
    await page.press('[data-testid="seed"]', 'Enter');
    const after = await waitForRun(page, before);
    expect(after).toBeGreaterThan(0);
    await page.close();
  });

  it('draws a 1,000,000-spike raster and reports the redraw time after a zoom', async () => {
    const { page } = await openApp(env);
    await waitForRun(page);
    await page.evaluate(() => (window as unknown as { __spikelab: { loadSyntheticRaster(n: number): void } }).__spikelab.loadSyntheticRaster(1_000_000));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="raster"]')?.getAttribute('data-spike-count')) > 990_000);
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="raster-canvas"]')?.dataset['spikeCount'] ?? 0) > 990_000);
    const full = await page.$eval('[data-testid="raster-canvas"]', (c) => Number((c as HTMLCanvasElement).dataset['drawMs']));
    await page.focus('[data-testid="raster"] svg');
    await page.keyboard.press('+');
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="raster-canvas"]')?.dataset['spikeCount'] ?? 0) < 900_000);
    const zoomed = await page.$eval('[data-testid="raster-canvas"]', (c) => Number((c as HTMLCanvasElement).dataset['drawMs']));
    console.log(`raster draw: 1,000,000 spikes in ${full} ms; after zoom ×1.5 in ${zoomed} ms`);
    expect(await paintedPixels(page, '[data-testid="raster-canvas"]')).toBeGreaterThan(10_000);
    await page.close();
  });
});
