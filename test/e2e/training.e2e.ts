import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

describe('training in the page', () => {
  it('trains the synthetic ECG preset in a worker: curves move, the confusion matrix shows, the UI stays responsive', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    // Long tasks on the UI thread (> 50 ms) are recorded for the whole training run.
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
    });
    await page.selectOption('[data-testid="preset-select"]', 'ecg-synthetic');
    await page.waitForSelector('[data-testid="train-button"]');
    await page.fill('[data-testid="train-epochs"]', '3');
    await page.press('[data-testid="train-epochs"]', 'Enter');
    await page.fill('[data-testid="train-beats"]', '400');
    await page.press('[data-testid="train-beats"]', 'Enter');
    const t0 = Date.now();
    await page.click('[data-testid="train-button"]');
    await page.waitForSelector('[data-testid="loss-curve"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="confusion"]', { timeout: 240_000 });
    const seconds = (Date.now() - t0) / 1000;
    const acc = Number((await page.textContent('[data-testid="test-accuracy"]'))?.match(/([\d.]+) %/)?.[1]);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    console.log(`page training: 3 epochs × 400 beats in ${seconds.toFixed(1)} s, test accuracy ${acc} %; UI long tasks over 50 ms: ${longTasks.length} (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`);
    // Five classes with ~65 % normal beats: a trained network must beat the majority guess.
    expect(acc).toBeGreaterThan(70);
    expect(await page.$$eval('[data-testid="confusion"] tbody tr', (rows) => rows.length)).toBe(5);
    const d = await page.getAttribute('[data-testid="loss-curve"]', 'd');
    expect(d?.split(/[ML]/).filter((s) => s.trim() !== '').length).toBe(3);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/training.png' });
    await page.close();
  });
});
