import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, paintedPixels, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

describe('the delayed-cue presets in Chromium', () => {
  it('opens the recurrent SNN from the preset menu, simulates it and draws the raster and the cue trial', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.selectOption('[data-testid="preset-select"]', 'cue-memory-rsnn');
    await expect.poll(() => page.textContent('[data-testid="lif-inputs"]'), { timeout: 60_000 }).toBe('← fc, rec (t−1)');
    const total = await waitForRun(page);
    expect(total).toBeGreaterThan(0);
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="raster-canvas"]')?.dataset['spikeCount'] ?? 0) > 0);
    expect(await paintedPixels(page, '[data-testid="raster-canvas"]')).toBeGreaterThan(100);
    // The generated trial is shown as the spikes fed to the network, with its class.
    expect(await page.textContent('[data-testid="sample-caption"]')).toContain('cue A');
    expect(await paintedPixels(page, '[data-testid="sample-view"]')).toBeGreaterThan(0);
    expect(await page.inputValue('[data-testid="preset-select"]')).toBe('cue-memory-rsnn');
    expect(await page.inputValue('[data-testid="source-select"]')).toBe('synthetic-cue');

    // The other class is one edit away and gives another input (so other spikes).
    await page.selectOption('[data-testid="cue-class"]', 'B');
    await expect.poll(() => page.textContent('[data-testid="sample-caption"]'), { timeout: 60_000 }).toContain('cue B');

    // The feed-forward twin opens from the same menu: no loop into its LIF layer.
    await page.selectOption('[data-testid="preset-select"]', 'cue-memory-feedforward');
    await expect.poll(() => page.inputValue('[data-testid="preset-select"]'), { timeout: 60_000 }).toBe('cue-memory-feedforward');
    expect(await waitForRun(page)).toBeGreaterThan(0);
    expect(await page.$('[data-testid="node-rec"]')).toBeNull();
    console.log(`delayed-cue RSNN preset opened from the menu and simulated: ${total} spikes`);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
