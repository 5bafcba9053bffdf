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

/** Waits for a finished mapping newer than `afterId` and returns its id. */
async function waitForMapping(page: Page, afterId = ''): Promise<string> {
  await page.waitForFunction(
    (prev) => {
      const panel = document.querySelector('.chip-mesh-panel');
      return document.querySelector('[data-testid="mapping-status"]')?.textContent === 'done' && panel?.getAttribute('data-mapping-id') !== prev;
    },
    afterId,
    { timeout: 120_000 },
  );
  return (await page.getAttribute('.chip-mesh-panel', 'data-mapping-id')) ?? '';
}

/** Each stage's latency and the total the strip shows, s (the exact figures it formats). */
async function stripLatencies(page: Page): Promise<{ stages: number[]; total: number; names: string[] }> {
  const stages = (await page.locator('[data-testid="pipeline-stage"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-latency-s')))));
  const names = await page.locator('[data-testid="pipeline-stage"] strong').allTextContents();
  const total = Number(await page.getAttribute('[data-testid="pipeline-latency"]', 'data-latency-s'));
  return { stages, total, names };
}

describe('the hybrid pipeline in the chip view', () => {
  it('maps the SNN → accumulator → ANN template and shows its three stages; a slower link lengthens the transfer only', async () => {
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    await page.selectOption('[data-testid="graph-template"]', 'hybrid');
    await waitForRun(page, before);
    await page.click('[data-testid="tab-chip"]');
    const id = await waitForMapping(page);
    await page.waitForSelector('[data-testid="pipeline-strip"]');
    const first = await stripLatencies(page);
    expect(first.names).toEqual(['SNN on Intel Loihi', 'transfer', 'ANN on NVIDIA Jetson Nano (FP16, 10 W mode)']);
    expect(first.stages.every((s) => s > 0)).toBe(true);
    expect(first.total).toBeCloseTo(first.stages.reduce((a, s) => a + s, 0), 12);
    // The shown text is the same figure, formatted.
    expect(await page.textContent('[data-testid="pipeline-latency"]')).toMatch(/^[\d.]+ [mµn]?s$/);
    expect(await page.textContent('[data-testid="pipeline-power"]')).toMatch(/^[\d.]+ [mµn]?W$/);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: 'test-results/hybrid-pipeline-1440.png' });

    // 400 Mbit/s → 0.01 Mbit/s: the counts now take milliseconds to cross.
    await page.fill('[data-testid="head-bandwidth"]', '0.01');
    await page.press('[data-testid="head-bandwidth"]', 'Enter');
    await waitForMapping(page, id);
    const slow = await stripLatencies(page);
    expect(slow.stages[1]).toBeGreaterThan((first.stages[1] ?? 0) + 1e-3);
    expect(slow.stages[0]).toBeCloseTo(first.stages[0] ?? 0, 12);
    expect(slow.stages[2]).toBeCloseTo(first.stages[2] ?? 0, 15);
    expect(slow.total).toBeCloseTo(slow.stages.reduce((a, s) => a + s, 0), 12);
    console.log(`hybrid template: stages ${first.stages.map((s) => s.toExponential(3)).join(' + ')} s; at 0.01 Mbit/s the transfer takes ${slow.stages[1]?.toExponential(3)} s`);
    await page.setViewportSize({ width: 800, height: 900 });
    await page.locator('[data-testid="pipeline-strip"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/hybrid-pipeline-800.png' });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
