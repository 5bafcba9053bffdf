import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';
import { openApp, paintedPixels, setTrainFields, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv | undefined;
beforeAll(async () => {
  if (HAVE_DATA) env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** Drops real files on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: p.split('/').pop() ?? p, b64: readFileSync(join(DATA_DIR, p)).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    const zone = document.querySelector('[data-testid="drop-zone"]');
    zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

describe.skipIf(!HAVE_DATA)('dropping real recordings on the page', () => {
  it('shows an MIT-BIH record (WFDB triple) as a waveform with its beats, and N-MNIST as an event view', async () => {
    if (!env) throw new Error('no browser');
    const { page, errors } = await openApp(env);
    const first = await waitForRun(page);
    await dropFiles(page, ['mitdb/100.hea', 'mitdb/100.dat', 'mitdb/100.atr', 'dvs/nmnist/slayerPytorch-NMNISTsmall/1.bs2']);
    await expect.poll(() => page.textContent('[data-testid="file-status"]'), { timeout: 30_000 }).toMatch(/loaded 100\.hea, 1\.bs2/);
    const options = await page.$$eval('[data-testid="source-select"] option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ''] as const));
    const wfdb = options.find(([, t]) => t.startsWith('100.hea'));
    const dvs = options.find(([, t]) => t.startsWith('1.bs2'));
    expect(wfdb?.[1]).toMatch(/2 ch, 1805\.6 s/);
    expect(dvs?.[1]).toMatch(/4681 events/);
    await expect.poll(() => page.textContent('[data-testid="class-counts"]')).toMatch(/AAMI: N 2239 · S 33 · V 1/);

    // The drop shows its first record at once (issue 18, item 5): no trip to the source menu.
    await expect.poll(() => page.inputValue('[data-testid="source-select"]')).toBe(wfdb?.[0]);
    const afterEcg = await waitForRun(page, first);
    expect(afterEcg).toBeGreaterThan(0);
    await expect.poll(() => page.textContent('[aria-label="Input signal"] h2')).toMatch(/MLII \(360 Hz, \d annotations: \+ N/);
    expect(await paintedPixels(page, '[data-testid="signal-view"] canvas')).toBeGreaterThan(100);
    await page.selectOption('[data-testid="channel-select"]', '1');
    await expect.poll(() => page.textContent('[aria-label="Input signal"] h2')).toMatch(/V5/);

    await page.selectOption('[data-testid="source-select"]', dvs?.[0] ?? '');
    await page.waitForSelector('[data-testid="event-view"]', { timeout: 60_000 });
    await waitForRun(page, afterEcg);
    expect(await page.getAttribute('[data-testid="event-view"]', 'data-events')).toBe('4681');
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="event-canvas"]')?.dataset['eventsInFrame'] ?? 0) > 0);
    // The default network's input layer ('ecg') now carries the 4681 events, one spike each.
    expect(Number(await page.textContent('[data-testid="spikes-ecg"]'))).toBe(4681);
    await page.screenshot({ path: 'test-results/data-events.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('previews the images of a dropped MNIST IDX file', async () => {
    if (!env) throw new Error('no browser');
    const { page } = await openApp(env);
    await waitForRun(page);
    await dropFiles(page, ['mnist/t10k-images-idx3-ubyte.gz']);
    await page.waitForSelector('[data-testid="image-thumbnails"]');
    expect(await page.textContent('[data-testid="record-list"]')).toMatch(/10000 × 28×28/);
    expect(await paintedPixels(page, '[data-testid="image-thumbnails"]')).toBe(16 * 28 * 28);
    // Digits are bright strokes on black: a fair share of the 16 thumbnails' pixels are lit.
    const lit = await page.$eval('[data-testid="image-thumbnails"]', (c) => {
      const d = (c as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data ?? new Uint8ClampedArray();
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if ((d[i] ?? 0) > 128) n++;
      return n;
    });
    expect(lit).toBeGreaterThan(1000);
    // The drop made the file the source: image 0 (a 7) rate-coded into 784 inputs for 50 steps.
    const value = await page.$$eval('[data-testid="source-select"] option', (os) => (os.find((o) => o.textContent?.includes('10000 images')) as HTMLOptionElement | undefined)?.value ?? '');
    expect(await page.inputValue('[data-testid="source-select"]')).toBe(value);
    await page.waitForSelector('[data-testid="image-view"]', { timeout: 60_000 });
    await waitForRun(page);
    expect(await page.textContent('[aria-label="Input image"] h2')).toMatch(/image 0 \(28×28, held for 50 steps\)/);
    expect(Number(await page.textContent('[data-testid="spikes-ecg"]'))).toBeGreaterThan(500);
    await page.close();
  });

  it('explains a file it cannot read and keeps the workspace', async () => {
    if (!env) throw new Error('no browser');
    const { page } = await openApp(env);
    const before = await waitForRun(page);
    await dropFiles(page, ['mitdb/100.dat']);
    await expect.poll(() => page.textContent('[data-testid="file-status"]')).toMatch(/needs its header: drop 100\.hea/);
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(before);
    await page.close();
  });

  it('trains the ecg-mitbih preset on dropped MIT-BIH records in the page', { timeout: 240_000 }, async () => {
    if (!env) throw new Error('no browser');
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    await page.selectOption('[data-testid="preset-select"]', 'ecg-mitbih');
    await waitForRun(page, before);
    await dropFiles(page, ['100', '106', '119'].flatMap((r) => ['hea', 'dat', 'atr'].map((e) => `mitdb/${r}.${e}`)));
    await expect.poll(() => page.textContent('[data-testid="file-status"]'), { timeout: 60_000 }).toMatch(/loaded 100\.hea, 106\.hea, 119\.hea/);
    await page.waitForSelector('[data-testid="train-on-dropped"]');
    expect(await page.isChecked('[data-testid="train-on-dropped"]')).toBe(true);
    await setTrainFields(page, { epochs: '1', beats: '3000' });
    await page.click('[data-testid="train-button"]');
    await page.waitForSelector('[data-testid="confusion"]', { timeout: 200_000 });
    const info = (await page.textContent('[data-testid="confusion"] .hint')) ?? '';
    console.log(`page training on dropped MIT-BIH: ${info}; ${await page.textContent('[data-testid="test-accuracy"]')}`);
    expect(info).toMatch(/^3 records, intra-patient split: 3000 training beats, \d+ test beats/);
    const acc = Number((await page.textContent('[data-testid="test-accuracy"]'))?.match(/([\d.]+) %/)?.[1]);
    // 106 and 119 are rich in PVCs: the majority guess (N) is about 75 %.
    expect(acc).toBeGreaterThan(90);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('built-in data sets', () => {
  let local: E2eEnv | undefined;
  beforeAll(async () => {
    local = env ?? (await startE2e());
  });
  afterAll(async () => {
    if (local !== env) await local?.close();
  });

  it('switches to synthetic EEG, spoken digit and event-camera sources, each simulated and shown', async () => {
    if (!local) throw new Error('no browser');
    const { page, errors } = await openApp(local);
    let total = await waitForRun(page);
    await page.selectOption('[data-testid="source-select"]', 'synthetic-eeg');
    total = await waitForRun(page, total);
    await expect.poll(() => page.textContent('[aria-label="Input signal"] h2')).toMatch(/Fz, C3, Cz, C4, Pz, O1, Oz, O2 \(160 Hz/);
    // Polled: the strip paints on the next animation frame after the run, not with it.
    await expect.poll(() => paintedPixels(page, '[data-testid="signal-view"] canvas')).toBeGreaterThan(100);
    await page.selectOption('[data-testid="source-select"]', 'synthetic-audio');
    total = await waitForRun(page, total);
    await expect.poll(() => paintedPixels(page, '[data-testid="signal-view"]')).toBeGreaterThan(1000);
    await expect.poll(() => paintedPixels(page, '[data-testid="waveform-canvas"] canvas')).toBeGreaterThan(100);
    await page.selectOption('[data-testid="source-select"]', 'synthetic-dvs');
    await page.waitForSelector('[data-testid="event-view"]');
    expect(await waitForRun(page, total)).toBeGreaterThan(0);
    expect(Number(await page.textContent('[data-testid="spikes-ecg"]'))).toBe(Number(await page.getAttribute('[data-testid="event-view"]', 'data-events')));
    await page.screenshot({ path: 'test-results/builtin-dvs.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

