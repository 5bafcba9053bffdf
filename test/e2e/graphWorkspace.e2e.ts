import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectNode, openApp, paintedPixels, startE2e, waitForRun, type E2eEnv } from './harness.ts';

/** The version-2 fixture: an RSNN (lif1 reads itself a step late through 'rec') with biases, exact weights. */
const link = readFileSync(new URL('../fixtures/workspaces/v2/eeg-rsnn.link.txt', import.meta.url), 'utf8').trim();

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

describe('a graph workspace in Chromium', () => {
  it('opens an RSNN from a link, lists its nodes with their inputs, simulates it and draws the raster', async () => {
    const { page, errors } = await openApp(env, `?test#${link}`);
    await page.waitForSelector('[data-testid="link-notice"][data-stage="opened"]');
    const total = await waitForRun(page);
    expect(total).toBeGreaterThan(0);
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="raster-canvas"]')?.dataset['spikeCount'] ?? 0) > 0);
    expect(await paintedPixels(page, '[data-testid="raster-canvas"]')).toBeGreaterThan(100);
    // The inspector shows the first spiking population until a node is clicked.
    expect(await page.textContent('[data-testid="lif1-inputs"]')).toBe('← fc1, rec');
    await inspectNode(page, 'fc1');
    expect(await page.textContent('[data-testid="fc1-computes"]')).toContain('+ bias');
    await inspectNode(page, 'rec');
    expect(await page.textContent('[data-testid="rec-inputs"]')).toBe('← lif1 (t−1)');
    console.log(`RSNN link (${link.length} characters) opened and simulated: ${total} spikes`);

    // tfjs steps the graph itself (loop and biases included) and gives the event engine's spikes.
    await page.selectOption('[data-testid="engine-select"]', 'tfjs');
    await expect.poll(() => page.textContent('[data-testid="backend-label"]'), { timeout: 90_000 }).toMatch(/^tfjs/);
    expect(await waitForRun(page)).toBe(total);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
