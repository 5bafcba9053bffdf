import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';
import { openApp, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv | undefined;
beforeAll(async () => {
  if (HAVE_DATA) env = await startE2e();
  else console.log(`SKIPPED: MIT-BIH training in the page needs the shared data (${DATA_DIR}); set SPIKELAB_DATA`);
}, 300_000);
afterAll(async () => {
  await env?.close();
});

/** Six MIT-BIH records (about 12,000 beats): the intra-patient split has training, validation and test beats of every record. */
const RECORDS = ['100', '101', '103', '105', '106', '108'];

/** The MIT-BIH preset with the records chosen in the file input (as dropping them does). */
async function openMitbih(page: Page): Promise<void> {
  await waitForRun(page);
  await page.selectOption('[data-testid="preset-select"]', 'ecg-mitbih');
  await page.waitForSelector('[data-testid="train-button"]');
  await page.setInputFiles('[data-testid="file-input"]', RECORDS.flatMap((r) => ['hea', 'dat', 'atr'].map((e) => join(DATA_DIR, 'mitdb', `${r}.${e}`))));
  await page.waitForFunction(() => /loaded/.test(document.querySelector('[data-testid="file-status"]')?.textContent ?? ''), null, { timeout: 60_000 });
  await page.waitForSelector('[data-testid="train-on-dropped"]');
  // A drop shows the first record at once (a run of its own): wait until that run has settled.
  await settledRun(page);
}

/** The spike count once runs have settled: status done and the count unchanged for 1.5 s. */
async function settledRun(page: Page): Promise<string | null> {
  for (;;) {
    await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', null, { timeout: 60_000 });
    const total = await page.textContent('[data-testid="total-spikes"]');
    await page.waitForTimeout(1500);
    const status = await page.textContent('[data-testid="run-status"]');
    if (status === 'done' && (await page.textContent('[data-testid="total-spikes"]')) === total) return total;
  }
}

/** Starts recording, every 50 ms, the progress line's text and when it changed. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __progress: { t: number; text: string }[] };
    w.__progress = [];
    setInterval(() => {
      const text = document.querySelector('[data-testid="train-progress-line"]')?.textContent ?? '';
      if (text !== w.__progress.at(-1)?.text) w.__progress.push({ t: performance.now(), text });
    }, 50);
  });
}

/** Clicks Stop and returns the seconds until the job ended (the status leaves 'training'). */
async function stopAndTime(page: Page): Promise<number> {
  const t0 = Date.now();
  await page.click('[data-testid="train-stop"]');
  await page.waitForFunction(() => !['training', 'paused'].includes(document.querySelector('[data-testid="train-status"]')?.textContent ?? ''), null, { timeout: 60_000 });
  return (Date.now() - t0) / 1000;
}

describe.skipIf(!HAVE_DATA)('MIT-BIH training in the page: progress, Stop and the best epoch', () => {
  it('trains at the quick page size by default, the full set one click away, each with its estimated time', async () => {
    if (!env) throw new Error('no browser');
    const { page, errors } = await openApp(env);
    await openMitbih(page);
    expect(await page.isChecked('[data-testid="train-size-quick"]')).toBe(true);
    const quick = (await page.textContent('[data-testid="train-size"] label:first-of-type')) ?? '';
    const full = (await page.textContent('[data-testid="train-size"] label:last-of-type')) ?? '';
    expect(quick).toMatch(/quick: up to 10,000 beats × 5 epochs, ≈ [\d.]+ (s|min) of training/);
    expect(full).toMatch(/the full set: up to 200,000 beats × 30 epochs, ≈ [\d.]+ min of training/);
    console.log(`estimates shown: ${quick.trim()} | ${full.trim()}`);
    await page.check('[data-testid="train-size-full"]');
    expect(await page.isChecked('[data-testid="train-size-full"]')).toBe(true);
    // The workspace itself keeps the CLI's figures.
    expect(await page.inputValue('[data-testid="train-beats"]')).toMatch(/^200,?000$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports batches and an ETA inside the first epoch; Stop there ends at once and keeps the previous weights', async () => {
    if (!env) throw new Error('no browser');
    const { page, errors } = await openApp(env);
    await openMitbih(page);
    const spikesBefore = await page.textContent('[data-testid="total-spikes"]');
    await watchProgress(page);
    const t0 = Date.now();
    await page.click('[data-testid="train-button"]');
    await page.waitForFunction(() => /epoch 1 of 5: batch (\d+) of \d+, about/.test(document.querySelector('[data-testid="train-progress-line"]')?.textContent ?? ''), null, { timeout: 120_000 });
    console.log(`first batch progress ${((Date.now() - t0) / 1000).toFixed(1)} s after Train`);
    // Half a second of batches, then Stop: still inside the first epoch.
    await page.waitForTimeout(500);
    expect(await page.$('[data-testid="epoch-line"]')).toBeNull();
    const seconds = await stopAndTime(page);
    console.log(`Stop inside epoch 1 ended the job in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(2);
    expect(await page.textContent('[data-testid="train-status"]')).toBe('stopped');
    expect(await page.textContent('[data-testid="train-stopped"]')).toMatch(/Stopped before the first epoch finished: no new weights, the previous ones stay/);
    // No epoch is reported, no test metrics, and the raster keeps running the weights it had.
    expect(await page.$('[data-testid="epoch-line"]')).toBeNull();
    expect(await page.$('[data-testid="confusion"]')).toBeNull();
    expect(await page.textContent('[data-testid="total-spikes"]')).toBe(spikesBefore);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after Stop in the second epoch the first is the best, and the test set is scored within a second or two: all of it, or a random subset the page names', async () => {
    if (!env) throw new Error('no browser');
    const { page, errors } = await openApp(env);
    await openMitbih(page);
    await watchProgress(page);
    await page.click('[data-testid="train-button"]');
    await page.waitForSelector('[data-testid="epoch-line"]', { timeout: 180_000 });
    await page.waitForFunction(() => /epoch 2 of 5: batch \d+ of \d+/.test(document.querySelector('[data-testid="train-progress-line"]')?.textContent ?? ''), null, { timeout: 60_000 });
    const seconds = await stopAndTime(page);
    console.log(`Stop inside epoch 2 ended the job, test set scored, in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(3);
    expect(await page.textContent('[data-testid="train-status"]')).toBe('done');
    expect(await page.textContent('[data-testid="epoch-line"]')).toMatch(/^epoch 1: loss \d/);
    expect(await page.textContent('[data-testid="train-info"]')).toMatch(/\(stopped; the best finished epoch, 1, kept\)$/);
    // Within the second after Stop the kernel scores every test beat of six records, or else a
    // random subset, and the page says which.
    const info = (await page.textContent('[data-testid="train-info"]')) ?? '';
    const testBeats = Number(info.match(/, (\d+) test beats/)?.[1]);
    const counted = await page.$$eval('[data-testid^="cell-"]', (c) => c.reduce((a, td) => a + Number(td.textContent), 0));
    const coverage = await page.$('[data-testid="test-coverage"]');
    if (coverage) expect(await coverage.textContent()).toMatch(new RegExp(`random ${counted.toLocaleString('en')} of the ${testBeats.toLocaleString('en')} test samples`));
    else expect(counted).toBe(testBeats);
    console.log(`after Stop: ${counted} of ${testBeats} test beats scored`);
    // One epoch of a few thousand beats: far above the 5-class chance, whatever the subset.
    expect(Number((await page.textContent('[data-testid="test-accuracy"]'))?.match(/([\d.]+) %/)?.[1])).toBeGreaterThan(80);
    // Inside the first epoch the batch count moved at least once a second.
    const seen = await page.evaluate(() => (window as unknown as { __progress: { t: number; text: string }[] }).__progress);
    const epoch1 = seen.filter((p) => /^.*epoch 1 of 5: batch/.test(p.text));
    const gaps = epoch1.slice(1).map((p, i) => p.t - (epoch1[i]?.t ?? p.t));
    console.log(`epoch 1: ${epoch1.length} progress reports, longest gap ${Math.max(0, ...gaps).toFixed(0)} ms; ${epoch1.at(-1)?.text}`);
    expect(epoch1.length).toBeGreaterThan(3);
    expect(Math.max(...gaps)).toBeLessThan(1000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
