import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

describe('the sum precision in Chromium', () => {
  it('runs on float32 sums when chosen, says so, measures the spikes that differ from float64, and undoes', async () => {
    const { page, errors } = await openApp(env);
    const float64 = await waitForRun(page);
    expect(await page.locator('[data-testid="precision-badge"]').count()).toBe(0);
    await page.selectOption('[data-testid="precision-select"]', 'float32');
    await page.waitForSelector('[data-testid="precision-badge"]');
    const float32 = await waitForRun(page);
    await page.click('[data-testid="precision-compare"]');
    const text = (await page.locator('[data-testid="precision-flips"]').textContent({ timeout: 60_000 })) ?? '';
    const m = /· ([\d,]+) of ([\d,]+) spikes differ from float64$/.exec(text);
    expect(await page.getAttribute('[data-testid="precision-flips"]', 'title')).toMatch(/^[\d.]+ per million spikes of the float64 run$/);
    expect(m, text).not.toBeNull();
    const flipped = Number(m?.[1]?.replace(/,/g, ''));
    // The float64 run compared is the one shown before; the totals differ by at most the flips.
    expect(Number(m?.[2]?.replace(/,/g, ''))).toBeLessThanOrEqual(float64);
    expect(Math.abs(float32 - float64)).toBeLessThanOrEqual(flipped);
    // Undo brings back float64 sums: no badge, the first run's total.
    await page.click('button[title="Undo (Ctrl+Z)"]');
    await page.waitForSelector('[data-testid="precision-badge"]', { state: 'detached' });
    expect(await page.inputValue('[data-testid="precision-select"]')).toBe('float64');
    expect(await waitForRun(page)).toBe(float64);
    expect(errors).toEqual([]);
  });
});
