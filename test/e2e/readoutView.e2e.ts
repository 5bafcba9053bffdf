import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { openApp, paintedPixels, setTrainFields, startE2e, trainToConfusion, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

const AAMI = ['N', 'S', 'V', 'F', 'Q'];

describe('what the network decides, under the raster', () => {
  it('shows the default workspace’s read-out per class and its predicted class, with the CLI’s final values', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.waitForSelector('[data-testid="readout-view"] [data-testid="readout-trace"] canvas');
    // Five classes (the preset names none: they are numbered), each in the legend.
    expect(await page.$$eval('[data-testid="readout-legend"] li', (li) => li.length)).toBe(5);
    const predicted = await page.textContent('[data-testid="predicted-class"]');
    expect(['0', '1', '2', '3', '4']).toContain(predicted);
    await expect.poll(() => paintedPixels(page, '[data-testid="readout-trace"] canvas')).toBeGreaterThan(500);
    // The page's final values are the engine's: the CLI runs the same workspace on the event engine.
    const shown = JSON.parse((await page.getAttribute('[data-testid="readout-view"]', 'data-final')) ?? '[]') as number[];
    const sim = cli('simulate', '--preset', 'default', '--json');
    expect(sim.code, sim.err).toBe(0);
    const reported = (JSON.parse(sim.out) as { readouts: { values: number[] }[] }).readouts[0]?.values ?? [];
    expect(shown.length).toBe(5);
    shown.forEach((v, k) => expect(Math.abs(v - (reported[k] ?? NaN))).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v))));
    // No training section: the class is the read-out's largest reported value.
    const best = reported.indexOf(Math.max(...reported));
    expect(await page.getAttribute('[data-testid="readout-view"]', 'data-predicted')).toBe(String(best));
    expect(predicted).toBe(String(best));
    // Zooming the raster zooms the read-out with it: the two share the time axis.
    const ticks = (id: string) => page.$eval(`[data-testid="${id}"] .x-axis`, (g) => g.textContent);
    const before = await ticks('readout-trace');
    await page.focus('[data-testid="raster"] svg');
    await page.keyboard.press('+');
    await expect.poll(() => ticks('readout-trace')).not.toBe(before);
    expect(await ticks('readout-trace')).toBe(await ticks('raster'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a quick training of the synthetic ECG preset, names the beat classes and decides a test beat as training did', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.selectOption('[data-testid="preset-select"]', 'ecg-synthetic');
    await page.waitForSelector('[data-testid="train-button"]');
    // The default workspace before it also had five (numbered) classes: wait for the preset's own run.
    const legend = () => page.$$eval('[data-testid="readout-legend"] li', (li) => li.map((l) => l.textContent?.trim().split(' ')[0]));
    await expect.poll(legend, { timeout: 60_000 }).toEqual(AAMI);
    await setTrainFields(page, { epochs: '1', beats: '400' });
    await trainToConfusion(page);
    // The trained weights re-run the shown strip: its predicted class is one of the beat classes.
    await waitForRun(page);
    expect(AAMI).toContain(await page.textContent('[data-testid="predicted-class"]'));
    // A confusion-matrix cell shows one of its test beats: its true class, and the class the read-out
    // decides is the cell's column (training scored the beat the same way).
    const cells = await page.$$eval('[data-testid^="cell-"]', (tds) => tds.filter((td) => Number(td.textContent) > 0).map((td) => td.getAttribute('data-testid') ?? ''));
    // A right one (a non-empty diagonal cell) and a wrong one, of those that one quick epoch gives.
    const right = (c: string) => c.split('-')[1] === c.split('-')[2];
    const picked = [cells.find(right), cells.find((c) => !right(c))].filter((c) => c !== undefined);
    expect(picked.length).toBeGreaterThan(0);
    for (const cell of picked) {
      const [, t, p] = cell.split('-').map(Number);
      await page.click(`[data-testid="${cell}"]`);
      await page.waitForFunction((want) => document.querySelector('[data-testid="sample-caption"]')?.textContent?.includes(want), `true ${AAMI[t ?? -1]}, predicted ${AAMI[p ?? -1]}`, { timeout: 30_000 });
      await page.waitForSelector('[data-testid="true-class"]');
      console.log(`${cell}: ${await page.textContent('[data-testid="sample-caption"]')}; read-out: ${await page.textContent('[data-testid="readout-view"] h2')}`);
      expect(await page.textContent('[data-testid="true-class"]')).toBe(AAMI[t ?? -1]);
      expect(await page.textContent('[data-testid="predicted-class"]')).toBe(AAMI[p ?? -1]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
