import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firingPattern, neuronTeaching } from '../../src/core/teach/neuronTeaching.ts';
import { withParam } from '../../src/core/teach/playgroundEdits.ts';
import { runPlayground } from '../../src/core/teach/playgroundRun.ts';
import type { PlaygroundSetup } from '../../src/core/teach/playgroundTypes.ts';
import { PLAYGROUND_DEFAULT } from '../../src/ui/store/playgroundSlice.ts';
import { openApp, paintedPixels, startE2e, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** The number the spike-count line starts with ("12 spikes in 100 ms (120 Hz)"). */
async function spikeCount(page: Page): Promise<number> {
  return Number((await page.textContent('[data-testid="pg-spike-count"]'))?.match(/^\d+/)?.[0] ?? Number.NaN);
}

/** Waits until the count line shows `n` spikes of the first neuron. */
async function countIs(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelector('[data-testid="pg-spike-count"]')?.textContent?.startsWith(`${want} spikes`), n, { timeout: 10_000 });
}

/** The cursor's time in ms from the read-out ("t = 12.5 ms · I = …"), NaN without a cursor. */
async function cursorMs(page: Page): Promise<number> {
  return Number((await page.textContent('[data-testid="pg-cursor-readout"]'))?.match(/t = ([\d.]+) ms/)?.[1] ?? Number.NaN);
}

describe('the neuron playground in Chromium', () => {
  it('runs what the sliders, fields, drawing and patterns set (the counts of the core run), pairs two neurons, plays back, and undoes', async () => {
    const { page, errors } = await openApp(env);
    await page.click('[data-testid="tab-neuron"]');
    await page.waitForSelector('[data-testid="pg-membrane"]');
    await countIs(page, runPlayground(PLAYGROUND_DEFAULT).first.spikeCount);

    // The threshold slider and the amplitude field: the page's count is the core's count for the same setup.
    const lowered: PlaygroundSetup = { ...PLAYGROUND_DEFAULT, neuron: withParam(PLAYGROUND_DEFAULT.neuron, 'threshold', 0.5) };
    const afterThreshold = runPlayground(lowered).first.spikeCount;
    expect(afterThreshold).not.toBe(runPlayground(PLAYGROUND_DEFAULT).first.spikeCount);
    await page.locator('[data-testid="pg-param-threshold"]').fill('0.5');
    await countIs(page, afterThreshold);
    expect(await page.textContent('[data-testid="pg-equation-values"]')).toContain('s[t] = 1 if m[t] > 0.5 else 0');
    const stronger: PlaygroundSetup = { ...lowered, input: { kind: 'step', amplitude: 0.15, startMs: 20, endMs: 80 } };
    await page.fill('[data-testid="pg-input-amplitude"]', '0.15');
    await page.press('[data-testid="pg-input-amplitude"]', 'Enter');
    await countIs(page, runPlayground(stronger).first.spikeCount);
    const beforeDrawing = await spikeCount(page);

    // Draw a strong current over the whole run with the mouse: more spikes; undo restores the step.
    const box = await page.locator('[data-testid="pg-input-canvas"]').boundingBox();
    if (!box) throw new Error('the input canvas is not on screen');
    await page.mouse.move(box.x + 2, box.y + box.height * 0.1);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height * 0.1, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction((n) => !document.querySelector('[data-testid="pg-spike-count"]')?.textContent?.startsWith(`${n} spikes`), beforeDrawing);
    expect(await spikeCount(page)).toBeGreaterThan(beforeDrawing);
    expect(await page.textContent('.pg-input-presets')).toMatch(/drawn \(\d+ points\)/);
    await page.click('[data-testid="pg-undo"]');
    await countIs(page, beforeDrawing);
    expect(await page.getAttribute('[data-testid="pg-input-step"]', 'aria-pressed')).toBe('true');

    // A bursting pattern: the Izhikevich chatterer's count, its trace drawn, its signature seen.
    await page.selectOption('[data-testid="pg-model"]', 'izhikevich');
    await page.click('[data-testid="pg-pattern-izh-chattering"]');
    const ch = firingPattern('izh-chattering');
    const chSetup: PlaygroundSetup = { neuron: ch.neuron, input: ch.input, durationMs: ch.durationMs, dtMs: ch.dtMs, pair: null };
    await countIs(page, runPlayground(chSetup).first.spikeCount);
    expect(await page.textContent('[data-testid="pg-pattern-why"]')).toMatch(/Seen: bursting — \d+ short intervals/);
    expect(await paintedPixels(page, '[data-testid="pg-membrane"]')).toBeGreaterThan(500);

    // The pair view: the second neuron (an LIF, weight 1.2 > θ, 2 ms delay) fires after the first.
    await page.click('[data-testid="pg-pair"]');
    await page.waitForSelector('[data-testid="pg-second-membrane"]');
    const pairRun = runPlayground({ ...chSetup, pair: { neuron: neuronTeaching('lif').start, weight: 1.2, delayMs: 2 } });
    const second = pairRun.second?.spikeSteps ?? [];
    expect(second.length).toBeGreaterThan(0);
    expect(second[0] as number).toBeGreaterThan(pairRun.first.spikeSteps[0] as number);
    expect(await page.textContent('[data-testid="pg-spike-count"]')).toContain(`second neuron ${second.length} spikes`);
    expect(await paintedPixels(page, '[data-testid="pg-second-membrane"]')).toBeGreaterThan(200);

    // Playback: three steps forward move the cursor by three steps (Δt = 0.5 ms here); → steps too.
    await page.click('[data-testid="pg-step-forward"]');
    const t0 = await cursorMs(page);
    for (let k = 0; k < 3; k++) await page.click('[data-testid="pg-step-forward"]');
    expect(await cursorMs(page)).toBeCloseTo(t0 + 3 * ch.dtMs, 6);
    await page.keyboard.press('ArrowRight');
    expect(await cursorMs(page)).toBeCloseTo(t0 + 4 * ch.dtMs, 6);
    await page.click('[data-testid="pg-step-back"]');
    expect(await cursorMs(page)).toBeCloseTo(t0 + 3 * ch.dtMs, 6);
    // Play advances, pause stops.
    await page.selectOption('[data-testid="pg-speed"]', '100');
    const beforePlay = await cursorMs(page);
    await page.click('[data-testid="pg-play"]');
    await page.waitForFunction((t) => Number(document.querySelector('[data-testid="pg-cursor-readout"]')?.textContent?.match(/t = ([\d.]+) ms/)?.[1]) > t + 2, beforePlay);
    await page.click('[data-testid="pg-play"]');
    const paused = await cursorMs(page);
    await page.waitForTimeout(400);
    expect(await cursorMs(page)).toBe(paused);

    // Ctrl+Z inside the playground undoes the pair toggle (not the workspace), the Redo button brings it back.
    await page.focus('[data-testid="pg-play"]');
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid="pg-second-membrane"]', { state: 'detached' });
    await page.click('[data-testid="pg-redo"]');
    await page.waitForSelector('[data-testid="pg-second-membrane"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits 1440, 1280 and 800 px wide windows: no sideways scroll, the controls beside or above the plots, never over them', async () => {
    const { page, errors } = await openApp(env);
    await page.click('[data-testid="tab-neuron"]');
    await page.click('[data-testid="pg-pair"]');
    await page.waitForSelector('[data-testid="pg-second-membrane"]');
    for (const width of [1440, 1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(200);
      const m = await page.evaluate(() => {
        const box = (sel: string) => {
          const r = document.querySelector(sel)?.getBoundingClientRect();
          return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width } : null;
        };
        const pg = document.querySelector('.neuron-playground') as HTMLElement;
        return { page: document.documentElement.scrollWidth - window.innerWidth, pg: pg.scrollWidth - pg.clientWidth, controls: box('.pg-controls'), plots: box('.pg-plots'), membrane: box('[data-testid="pg-membrane"]'), fi: box('[data-testid="pg-fi"]') };
      });
      expect(m.page, `page at ${width}`).toBeLessThanOrEqual(0);
      expect(m.pg, `playground at ${width}`).toBeLessThanOrEqual(0);
      const c = m.controls;
      const p = m.plots;
      if (!c || !p) throw new Error('the playground has no controls or plots column');
      expect(c.right <= p.left + 0.5 || c.bottom <= p.top + 0.5, `columns overlap at ${width}`).toBe(true);
      expect(m.membrane?.width ?? 0, `membrane at ${width}`).toBeGreaterThan(300);
      expect(m.fi?.width ?? 0).toBeGreaterThan(300);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
