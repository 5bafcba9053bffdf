import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { pngSize, pngTextEntries } from '../support/pngChunks.ts';
import { inspectNode, openApp, setThreshold, setTrainFields, startE2e, trainToConfusion, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const STAMP_NS = 'urn:spikelab:figure-stamp:1';

/** Opens a plot's export menu, picks one format and returns the downloaded bytes. */
async function exportPlot(page: Page, plot: string, format: 'png' | 'svg' | 'csv'): Promise<Buffer> {
  const toggle = page.locator(`[data-testid="export-${plot}"]`);
  await toggle.scrollIntoViewIfNeeded();
  await toggle.click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="export-${plot}-${format}"]`)]);
  return readFileSync(await download.path());
}

/** The link the Share button gives for the workspace as it is now. */
async function shareLink(page: Page): Promise<string> {
  await page.click('[data-testid="share-button"]');
  await page.waitForSelector('[data-testid="share-url"]');
  const url = await page.inputValue('[data-testid="share-url"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="share-dialog"]', { state: 'detached' });
  return url;
}

interface Stamp {
  workspace: string;
  seed: string;
  engine: string;
  spikelab: string;
}

/** What Chromium's SVG parser finds of the stamp: <metadata> attributes, <desc> lines, footer lines, size. */
async function svgStamp(page: Page, svg: string): Promise<{ errors: number; meta: Stamp; desc: string[]; footer: string[]; width: number; height: number }> {
  return page.evaluate(
    ([text, ns]) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const el = doc.getElementsByTagNameNS(ns, 'stamp')[0];
      const attr = (k: string) => el?.getAttribute(k) ?? '';
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        meta: { workspace: attr('workspace'), seed: attr('seed'), engine: attr('engine'), spikelab: attr('spikelab') },
        desc: (doc.querySelector('desc')?.textContent ?? '').split('\n'),
        footer: Array.from(doc.querySelectorAll('text.stamp')).map((t) => t.textContent ?? ''),
        width: Number(doc.documentElement.getAttribute('width')),
        height: Number(doc.documentElement.getAttribute('height')),
      };
    },
    [svg, STAMP_NS] as const,
  );
}

/**
 * Exports `plot` as SVG, PNG and CSV and checks the stamp in each: the SVG's metadata, <desc> and
 * footer hold the workspace link (or its hash), seed, engine and version; the PNG has the SVG's
 * size at the page's pixel ratio and the same stamp in its text chunks; the CSV starts with the
 * stamp as `# key: value` lines, then `header`, then `rows` rows when given. Returns the stamp and the CSV's data lines.
 */
async function checkExports(page: Page, plot: string, csvHeader: string | RegExp, rows?: number): Promise<{ stamp: Stamp; data: string[] }> {
  const svg = await svgStamp(page, (await exportPlot(page, plot, 'svg')).toString('utf8'));
  expect(svg.errors, plot).toBe(0);
  const s = svg.meta;
  expect(s.spikelab, plot).toBe(VERSION);
  expect(s.seed, plot).toMatch(/^\d+$/);
  expect(s.engine.length, plot).toBeGreaterThan(3);
  const lines = [`workspace: ${s.workspace}`, `seed: ${s.seed}`, `engine: ${s.engine}`, `spikelab: ${VERSION}`];
  expect(svg.desc, plot).toEqual(lines);
  // The footer is the caption wrapped (a link is cut into line-long pieces): without spaces, the same characters.
  expect(svg.footer.join('').replaceAll(' ', ''), plot).toBe(`workspace ${s.workspace} · seed ${s.seed} · engine ${s.engine} · Spikelab ${VERSION}`.replaceAll(' ', ''));

  const png = await exportPlot(page, plot, 'png');
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  expect(pngSize(png), plot).toEqual({ width: Math.round(svg.width * dpr), height: Math.round(svg.height * dpr) });
  const text = pngTextEntries(png);
  expect(text['Description'], plot).toBe(lines.join('\n'));
  expect(text['Software'], plot).toBe(`Spikelab ${VERSION}`);
  expect(text['Title']?.length, plot).toBeGreaterThan(0);

  const csv = (await exportPlot(page, plot, 'csv')).toString('utf8').trimEnd().split('\n');
  expect(csv.slice(0, 4), plot).toEqual(lines.map((l) => `# ${l}`));
  if (typeof csvHeader === 'string') expect(csv[4], plot).toBe(csvHeader);
  else expect(csv[4], plot).toMatch(csvHeader);
  if (rows !== undefined) expect(csv.length - 5, plot).toBe(rows);
  return { stamp: s, data: csv.slice(5) };
}

/** The engine the header shows for the last run, e.g. 'tfjs' of 'tfjs · webgl: …'. */
const runEngine = async (page: Page) => ((await page.textContent('[data-testid="backend-label"]')) ?? '').split(' · ')[0] ?? '';

describe('every plot exports PNG, SVG and CSV stamped with what made it', () => {
  it('the default workspace: raster, signal, read-out and membrane carry its link, seed 42, the run engine and the version', async () => {
    const { page, errors } = await openApp(env);
    const total = await waitForRun(page);
    const link = await shareLink(page);
    expect(link.length).toBeLessThanOrEqual(2000);
    const engine = await runEngine(page);

    const raster = await checkExports(page, 'raster', 'layer,neuron,step,time_ms', total);
    expect(raster.stamp.workspace).toBe(link);
    expect(raster.stamp.seed).toBe(String(decodeWorkspaceLink(link).workspace.seed));
    expect(raster.stamp.seed).toBe('42');
    expect(raster.stamp.engine.startsWith(`${engine} (`)).toBe(true);

    const signal = await checkExports(page, 'signal', /^sample,time_ms,[^,]+ \([^,]+\)$/);
    expect(signal.stamp).toEqual(raster.stamp);
    expect(signal.data.length).toBeGreaterThan(100);

    const classes = await page.$$eval('[data-testid="readout-legend"] li', (li) => li.length);
    const readout = await checkExports(page, 'readout', `step,time_ms,${(await page.$$eval('[data-testid="readout-legend"] li', (li) => li.map((l) => (l.textContent ?? '').trim().split(' ')[0]))).join(',')}`);
    expect(readout.stamp).toEqual(raster.stamp);
    expect(readout.data[0]?.split(',').length).toBe(2 + classes);

    // A spiking neuron's membrane: click the last band (lif2), as a user would.
    const box = await page.locator('[data-testid="raster-hit"]').boundingBox();
    if (!box) throw new Error('raster not laid out');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 5);
    await expect.poll(() => page.textContent('[data-testid="membrane-title"]'), { timeout: 30_000 }).toMatch(/lif2 neuron \d+/);
    const neuron = ((await page.textContent('[data-testid="membrane-title"]')) ?? '').match(/neuron (\d+)/)?.[1];
    const membrane = await checkExports(page, 'membrane', `step,time_ms,lif2[${neuron}]`);
    expect(membrane.data.length).toBeGreaterThan(10);
    // The membrane is the workspace's probe: the link changed with it, and the stamp with the link.
    expect(membrane.stamp.workspace).toBe(await shareLink(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the stamped link, opened, gives the same workspace and the same spikes (a figure reproduces itself)', async () => {
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    // Not the default: a changed threshold, so the link must carry it (and the run after it has other spikes).
    await setThreshold(page, '0.7');
    const total = await waitForRun(page, before);
    const { stamp } = await checkExports(page, 'raster', 'layer,neuron,step,time_ms', total);
    expect(stamp.workspace).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#w=v1\./);
    const opened = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await opened.goto(stamp.workspace);
    expect(await waitForRun(opened)).toBe(total);
    if (!(await opened.$('[data-testid="lif1-threshold"]'))) await inspectNode(opened, 'lif1');
    expect(await opened.inputValue('[data-testid="lif1-threshold"]')).toBe('0.7');
    // The page it opened stamps its own figures with the same link: the same workspace, to the byte.
    const again = await checkExports(opened, 'raster', 'layer,neuron,step,time_ms', total);
    expect(again.stamp).toEqual(stamp);
    expect(errors).toEqual([]);
    await opened.close();
    await page.close();
  });

  it('after 2 epochs: curves and confusion carry the trained weights’ link hash and the training engine; a picked test sample exports too', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.selectOption('[data-testid="preset-select"]', 'ecg-synthetic');
    await page.waitForSelector('[data-testid="train-button"]');
    await setTrainFields(page, { epochs: '2', beats: '400' });
    await trainToConfusion(page);
    // The weights make the link longer than a caption: the stamp is its hash.
    const link = await shareLink(page);
    expect(link.length).toBeGreaterThan(2000);
    const hash = `sha256:${createHash('sha256').update(link.slice(link.indexOf('#') + 1)).digest('hex').slice(0, 16)}`;
    const info = (await page.textContent('[data-testid="train-info"]')) ?? '';

    const curves = await checkExports(page, 'training-curves', 'epoch,loss,val_loss,train_acc_pct,val_acc_pct,ms_per_batch,spikes_per_sample_lif1', 2);
    expect(curves.stamp.workspace).toBe(hash);
    expect(curves.stamp.seed).toBe('7');
    expect(info).toContain(curves.stamp.engine);
    expect(curves.data.map((r) => r.split(',')[0])).toEqual(['1', '2']);

    const shown = await page.$$eval('[data-testid^="cell-"]', (c) => c.map((td) => Number(td.textContent)));
    const confusion = await checkExports(page, 'confusion', 'true,predicted,count', shown.length);
    expect(confusion.stamp).toEqual(curves.stamp);
    expect(confusion.data.reduce((a, r) => a + Number(r.split(',')[2]), 0)).toBe(shown.reduce((a, v) => a + v, 0));

    // A test beat picked in the matrix: the input view shows the sample the network was fed.
    const cell = await page.$$eval('[data-testid^="cell-"]', (tds) => tds.find((td) => Number(td.textContent) > 0)?.getAttribute('data-testid') ?? '');
    await page.click(`[data-testid="${cell}"]`);
    await page.waitForSelector('[data-testid="sample-caption"]', { timeout: 30_000 });
    const neurons = Number(((await page.textContent('section[aria-label="Input sample"] .hint')) ?? '').match(/(\d+) input neurons/)?.[1] ?? 0);
    const sample = await checkExports(page, 'sample', /^step,time_ms,n0,n1,/);
    // The sample was run by the simulation engine: its stamp names the run's engine, not training's.
    expect(sample.stamp.engine.startsWith(`${await runEngine(page)} (`)).toBe(true);
    if (neurons > 0) expect(sample.data[0]?.split(',').length).toBe(2 + neurons);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the chip view: costs, ANN comparison, annealer curve and mesh carry the chip model as their engine', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.click('[data-testid="tab-chip"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="mapping-status"]')?.textContent === 'done' && document.querySelector('.chip-mesh-panel')?.getAttribute('data-chip') === 'loihi', null, { timeout: 120_000 });
    const link = await shareLink(page);
    const costs = await checkExports(page, 'chip-costs', 'quantity,cause,value,unit', 14);
    expect(costs.stamp.workspace).toBe(link);
    expect(costs.stamp.engine).toMatch(/^events \(typed-arrays\) spike counts, .*Loihi.* cost model$/);
    const ann = await checkExports(page, 'chip-ann', 'system,energy_j,pj_per_mac,ann_over_snn,status,source');
    expect(ann.data.length).toBe(1 + (await page.$$eval('.ann-table tr', (r) => r.length)));
    const points = Number(await page.getAttribute('[data-testid="anneal-curve"]', 'data-points'));
    await checkExports(page, 'chip-anneal', 'seed,step,cost', points);
    const cores = Number(((await page.textContent('[data-testid="cores-used"]')) ?? '').split(' / ')[0]);
    const mesh = await checkExports(page, 'chip-mesh', /^core,chip,x,y,layers,neurons,.*,binding,util_/, cores);
    expect(mesh.stamp).toEqual(costs.stamp);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the input views: camera events, ECG beats and a cue sample export with their stamps', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    // A preset's own input view appears with its run's reply; then that run is done.
    const open = async (preset: string, view: string) => {
      await page.selectOption('[data-testid="preset-select"]', preset);
      await page.waitForSelector(`[data-testid="${view}"]`, { timeout: 60_000 });
      await waitForRun(page);
    };
    await open('dvs-shapes', 'event-view');
    const events = Number(await page.getAttribute('[data-testid="event-view"]', 'data-events'));
    const ev = await checkExports(page, 'events', 't_us,x,y,polarity', events);
    expect(ev.stamp.seed).toBe('11');

    await open('ecg-mitbih', 'beats-view');
    const beats = ((await page.textContent('[data-testid="beat-codes"]')) ?? '').replace('beats:', '').trim().split(' ');
    const b = await checkExports(page, 'beats', /^beat,sample,symbol,v0,v1,/, beats.length);
    expect(b.data.map((r) => r.split(',')[2])).toEqual(beats);
    expect(b.stamp.seed).toBe('7');

    await open('cue-memory-rsnn', 'sample-view');
    const cue = await checkExports(page, 'sample', /^step,time_ms,n0,/);
    expect(cue.stamp.workspace).toBe(await shareLink(page));
    expect(errors).toEqual([]);
    await page.close();
  });
});
