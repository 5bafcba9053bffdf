import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/cli.ts';
import { parseModel } from '../../src/core/train/modelFile.ts';
import { openApp, setTrainFields, startE2e, trainToConfusion, waitForRun, type E2eEnv } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'spikelab-e2e-model-'));

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
    await setTrainFields(page, { epochs: '3', beats: '400' });
    const t0 = Date.now();
    await page.click('[data-testid="train-button"]');
    await page.waitForSelector('[data-testid="loss-curve"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="confusion"]', { timeout: 240_000 });
    const seconds = (Date.now() - t0) / 1000;
    const acc = Number((await page.textContent('[data-testid="test-accuracy"]'))?.match(/([\d.]+) %/)?.[1]);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    // A dense LIF network: the worker trains it on Spikelab's WebAssembly BPTT kernel, not tfjs.
    // The preview server sends COOP/COEP, so the page is cross-origin isolated; batches are split
    // between Web Workers, one per core but one left to the page (a 2-core machine: one thread).
    const { isolated, cores } = await page.evaluate(() => ({ isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency }));
    expect(isolated).toBe(true);
    const info = await page.textContent('[data-testid="train-info"]');
    expect(info).toMatch(/ on the BPTT kernel \(WebAssembly SIMD BPTT kernel, /);
    expect(info).toContain(cores > 2 ? `${Math.min(4, cores - 1)} threads, each batch split between them` : 'one thread (this device reports');
    console.log(`trained on: ${info}`);
    console.log(`page training: 3 epochs × 400 beats in ${seconds.toFixed(1)} s, test accuracy ${acc} %; UI long tasks over 50 ms: ${longTasks.length} (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`);
    // Five classes with ~65 % normal beats: a trained network must beat the majority guess.
    expect(acc).toBeGreaterThan(70);
    // Five class rows and the precision row.
    expect(await page.$$eval('[data-testid="confusion"] tbody tr', (rows) => rows.length)).toBe(6);
    expect(await page.textContent('[data-testid="confusion"] tbody tr:last-child')).toMatch(/^precision/);
    const d = await page.getAttribute('[data-testid="loss-curve"]', 'd');
    expect(d?.split(/[ML]/).filter((s) => s.trim() !== '').length).toBe(3);
    for (const id of ['val-loss-curve', 'ms-curve']) expect((await page.getAttribute(`[data-testid="${id}"]`, 'd'))?.length).toBeGreaterThan(5);
    expect(await page.$$eval('[data-testid^="spikes-curve-"]', (p) => p.length)).toBeGreaterThan(0);
    // A confusion-matrix cell shows the raster of one of its test samples; clicking again, the next.
    // N predicted N: always many samples.
    const cell = await page.$('[data-testid="cell-0-0"]');
    await cell?.click();
    await page.waitForSelector('[data-testid="sample-caption"]', { timeout: 30_000 });
    const caption = await page.textContent('[data-testid="sample-caption"]');
    expect(caption).toMatch(/test sample \d+ \(1 of \d+\): true [NSVFQ], predicted [NSVFQ]/);
    await cell?.click();
    await page.waitForFunction((c) => document.querySelector('[data-testid="sample-caption"]')?.textContent !== c, caption, { timeout: 30_000 });
    expect(await page.textContent('[data-testid="sample-caption"]')).toMatch(/\(2 of \d+\): true N, predicted N/);
    // The trained model downloads in the CLI's format; `spikelab eval` scores it on the same test beats.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="save-model"]')]);
    const saved = join(dir, 'page.model.json');
    await download.saveAs(saved);
    const model = parseModel(readFileSync(saved, 'utf8'));
    expect(Object.keys(model.weights).length).toBeGreaterThan(0);
    const ev = cli('eval', '--model', saved, '--json');
    expect(ev.code, ev.err).toBe(0);
    // The page trained on webgl or wasm, eval runs on wasm: float rounding may flip a borderline beat.
    expect(100 * (JSON.parse(ev.out) as { accuracy: number }).accuracy).toBeCloseTo(acc, 0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/training.png' });
    await page.close();
  });

  it('opens a model written by `spikelab train` and runs it with exactly the spikes `spikelab simulate --model` counts', async () => {
    const model = join(dir, 'cli.model.json');
    const t = cli('train', '--preset', 'ecg-synthetic', '--epochs', '1', '--out', model);
    expect(t.code, t.err).toBe(0);
    const sim = cli('simulate', '--model', model, '--json');
    expect(sim.code, sim.err).toBe(0);
    const cliTotal = (JSON.parse(sim.out) as { layers: { spikes: number }[] }).layers.reduce((a, l) => a + l.spikes, 0);
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    await page.setInputFiles('[data-testid="model-input"]', model);
    await page.waitForSelector('[data-testid="model-message"]');
    expect(await page.textContent('[data-testid="model-message"]')).toMatch(/^opened cli\.model\.json: \d+ weight arrays, test accuracy/);
    const total = await waitForRun(page, before);
    expect(total).toBe(cliTotal);
    // A file that is not a model is explained and changes nothing.
    const bad = join(dir, 'bad.model.json');
    writeFileSync(bad, '{"format": "spikelab-model", "version": 1}');
    await page.setInputFiles('[data-testid="model-input"]', bad);
    await page.waitForFunction(() => document.querySelector('[data-testid="model-message"]')?.textContent?.startsWith('bad.model.json is not a Spikelab model'));
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(cliTotal);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains a preset on its built-in source (spoken digits): ten classes in the confusion matrix', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.selectOption('[data-testid="preset-select"]', 'audio-digits');
    await page.waitForSelector('[data-testid="train-per-class"]');
    await setTrainFields(page, { epochs: '2', 'per-class': '6' });
    await trainToConfusion(page);
    // A conv network (16 filters across the mel bands): it trains on the kernel too.
    expect(await page.textContent('[data-testid="train-info"]')).toMatch(/ on the BPTT kernel \(WebAssembly SIMD BPTT kernel, .*\(dense and conv layers, /);
    const head = await page.$$eval('[data-testid="confusion"] thead th', (th) => th.map((t) => t.textContent));
    expect(head).toEqual(['true \\ pred', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'recall']);
    // 60 training samples, 80 test samples (8 per digit, the preset's testPerClass).
    const total = await page.$$eval('[data-testid^="cell-"]', (c) => c.reduce((a, td) => a + Number(td.textContent), 0));
    expect(total).toBe(80);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a beat-window workspace (ecg-mitbih) beat by beat: both leads and RR features as heat-map columns', async () => {
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    await page.selectOption('[data-testid="preset-select"]', 'ecg-mitbih');
    await waitForRun(page, before);
    await page.waitForSelector('[data-testid="beats-view"]');
    const codes = (await page.textContent('[data-testid="beat-codes"]')) ?? '';
    // A 4-s synthetic two-lead record at 72 bpm: about five beats with a full window.
    expect(codes.replace('beats:', '').trim().split(/\s+/).length).toBeGreaterThanOrEqual(3);
    const steps = Number((await page.textContent('[aria-label="Metrics"]'))?.match(/\((\d+) steps/)?.[1]);
    expect(steps % 8).toBe(0);
    expect(await page.textContent('[aria-label="Input beats"] h2')).toMatch(/each a 257-value window held for 8 steps/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

