import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTrainFields, startE2e, trainToConfusion, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

const rowSeeds = (page: Page) => page.$$eval('[data-testid="run-row"]', (rows) => rows.map((r) => Number(r.getAttribute('data-seed'))));

/** Waits until the runs table has `n` runs (a run appears once its energy on the chip is costed). */
async function waitForRuns(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="run-row"]').length === k, n, { timeout: 240_000 });
}

async function setSeed(page: Page, seed: number): Promise<void> {
  await page.fill('[data-testid="seed"]', String(seed));
  await page.press('[data-testid="seed"]', 'Enter');
}

describe('the runs table', () => {
  it('keeps every training as a run with its seed and energy, overlays runs, repeats over seeds with mean ± sd, survives a reload, and deletes undoably', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.url}?test`);
    await waitForRun(page);
    await page.selectOption('[data-testid="preset-select"]', 'ecg-synthetic');
    await page.waitForSelector('[data-testid="train-button"]');
    await setTrainFields(page, { epochs: '1', beats: '120' });

    // Two trainings with different seeds: two rows, newest first, each with its seed and an energy in joules.
    await setSeed(page, 11);
    await trainToConfusion(page);
    await waitForRuns(page, 1);
    await setSeed(page, 12);
    await trainToConfusion(page);
    await waitForRuns(page, 2);
    expect(await rowSeeds(page)).toEqual([12, 11]);
    const energies = await page.$$eval('[data-testid="run-row"] td:nth-child(6)', (cells) => cells.map((c) => c.textContent ?? ''));
    for (const e of energies) expect(e).toMatch(/^[\d.]+ [pnµm]?J$/);
    for (const a of await page.$$eval('[data-testid="run-accuracy"]', (cells) => cells.map((c) => c.textContent ?? ''))) expect(a).toMatch(/^\d+\.\d %$/);
    // Same settings, two seeds: a mean ± sd row over both.
    expect(await page.textContent('[data-testid="run-summary-accuracy"]')).toMatch(/ ± .* \(n = 2, /);

    // Overlaying both runs draws one validation-loss line per run, beside the current run's.
    for (const box of await page.$$('[data-testid="run-overlay"]')) await box.check();
    await page.waitForSelector('[data-testid="train-curves"][data-overlaid="2"]');
    expect(await page.$$eval('[data-testid^="run-loss-curve-"]', (paths) => paths.length)).toBe(2);
    expect(await page.$$eval('[data-testid^="run-accuracy-curve-"]', (paths) => paths.map((p) => p.getAttribute('d') ?? '').filter((d) => d.length > 0).length)).toBe(2);
    expect(await page.textContent('[data-testid="curve-loss"]')).toContain('seed 12 val');

    // Repeat over 2 seeds: "run 1 of 2", then two more runs (seeds 12 and 13) and the mean ± sd over all four.
    await page.fill('[data-testid="repeat-count"]', '2');
    await page.click('[data-testid="repeat-button"]');
    await page.waitForSelector('[data-testid="repeat-progress"]');
    expect(await page.textContent('[data-testid="repeat-progress"]')).toMatch(/^run [12] of 2$/);
    await waitForRuns(page, 4);
    await page.waitForSelector('[data-testid="repeat-progress"]', { state: 'detached', timeout: 60_000 });
    expect(await rowSeeds(page)).toEqual([13, 12, 12, 11]);
    expect(await page.textContent('[data-testid="run-summary-accuracy"]')).toMatch(/ ± .* \(n = 4, /);

    // A reload brings the runs back from the autosave.
    await page.waitForTimeout(700);
    await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]');
    await page.reload();
    await waitForRuns(page, 4);
    expect(await rowSeeds(page)).toEqual([13, 12, 12, 11]);

    // Deleting a run, then Ctrl+Z, brings it back.
    await page.click('[data-testid="run-delete"]');
    await waitForRuns(page, 3);
    expect(await rowSeeds(page)).toEqual([12, 12, 11]);
    await page.click('[data-testid="runs-table"] thead');
    await page.keyboard.press('Control+z');
    await waitForRuns(page, 4);
    expect(await rowSeeds(page)).toEqual([13, 12, 12, 11]);

    expect(await page.isEnabled('[data-testid="train-button"]')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
