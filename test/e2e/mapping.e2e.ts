import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, paintedPixels, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** Text of an element, with the thin spaces that group digits removed. */
const text = async (page: Page, id: string) => (await page.textContent(`[data-testid="${id}"]`))?.replace(/\u2009/g, '').trim() ?? '';

/**
 * Waits for a finished mapping on `chip` that is newer than `afterId` (and, when given, maps
 * `neurons` neurons, so a mapping of an intermediate edit does not count), and returns its id.
 */
async function waitForMapping(page: Page, chip: string, afterId = '', neurons?: number): Promise<string> {
  await page.waitForFunction(
    ([c, prev, n]) => {
      const panel = document.querySelector('.chip-mesh-panel');
      const status = document.querySelector('[data-testid="mapping-status"]')?.textContent;
      const mapped = Number(document.querySelector('[data-testid="mapped-neurons"]')?.textContent?.replace(/\D/g, ''));
      return status === 'done' && panel?.getAttribute('data-chip') === c && panel.getAttribute('data-mapping-id') !== prev && (n < 0 || mapped === n);
    },
    [chip, afterId, neurons ?? -1] as const,
    { timeout: 120_000 },
  );
  return (await page.getAttribute('.chip-mesh-panel', 'data-mapping-id')) ?? '';
}

/** Sets the units of a dense layer in the inspector, the node picked by name (the graph is not on the chip tab). */
async function setUnits(page: Page, layer: string, units: number): Promise<void> {
  await page.selectOption('[data-testid="inspector-pick"]', layer);
  await page.fill(`[data-testid="${layer}-units"]`, String(units));
  await page.press(`[data-testid="${layer}-units"]`, 'Enter');
}

async function openChipTab(page: Page): Promise<string> {
  await waitForRun(page);
  await page.click('[data-testid="tab-chip"]');
  return waitForMapping(page, 'loihi');
}

describe('the chip mapping view in Chromium', () => {
  it('maps the default network on Loihi, and switching chips changes the mesh and the figures', async () => {
    const { page, errors } = await openApp(env);
    let id = await openChipTab(page);
    expect(await page.getAttribute('[data-testid="tab-chip"]', 'aria-selected')).toBe('true');
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="mesh-canvas"]')?.dataset['coresDrawn'] ?? 0) > 0);
    expect(await page.getAttribute('[data-testid="mesh-canvas"]', 'data-cores-drawn')).toBe('128');
    expect(await paintedPixels(page, '[data-testid="mesh-canvas"]')).toBeGreaterThan(5000);
    const loihi = { cores: await text(page, 'cores-used'), util: await text(page, 'utilisation-mean'), energy: await text(page, 'energy-per-inference') };
    expect(loihi.cores).toMatch(/^\d+ \/ 128$/);
    expect(loihi.energy).toMatch(/[\d.]+ [mµn]?J$/);
    expect(await page.locator('[data-testid="energy-chart"] rect').count()).toBeGreaterThan(2);
    expect(await text(page, 'mapping-fits')).toBe('fits');

    await page.selectOption('[data-testid="chip-select"]', 'truenorth');
    id = await waitForMapping(page, 'truenorth', id);
    await page.waitForFunction(() => document.querySelector('[data-testid="mesh-canvas"]')?.getAttribute('data-cores-drawn') === '4096');
    const tn = { cores: await text(page, 'cores-used'), util: await text(page, 'utilisation-mean'), energy: await text(page, 'energy-per-inference') };
    expect(tn.cores).toMatch(/ \/ 4096$/);
    expect(tn.util).not.toBe(loihi.util);
    expect(tn.energy).not.toBe(loihi.energy);
    console.log(`default network: Loihi ${JSON.stringify(loihi)}; TrueNorth ${JSON.stringify(tn)}`);

    await page.selectOption('[data-testid="chip-select"]', 'speck');
    id = await waitForMapping(page, 'speck', id);
    expect(await text(page, 'cores-used')).toMatch(/ \/ 9$/);
    await page.waitForFunction(() => document.querySelector('[data-testid="mesh-canvas"]')?.getAttribute('data-cores-drawn') === '9');
    expect(await text(page, 'anneal-none')).toMatch(/fixed/);
    console.log(`Speck: cores ${await text(page, 'cores-used')}, energy ${await text(page, 'energy-per-inference')}`);

    // Xylo has 16 input channels; the default network has 32: it does not fit, and says why.
    await page.selectOption('[data-testid="chip-select"]', 'xylo-audio2');
    await waitForMapping(page, 'xylo-audio2', id);
    expect(await text(page, 'cores-used')).toBe('1 / 1');
    await page.waitForFunction(() => document.querySelector('[data-testid="mesh-canvas"]')?.getAttribute('data-cores-drawn') === '1');
    expect(await paintedPixels(page, '[data-testid="mesh-canvas"]')).toBeGreaterThan(1000);
    expect(await text(page, 'violations')).toMatch(/input_channels · needs 32, limit 16/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('re-runs placement with a new seed and draws the annealer curves; hovering a core shows its details', async () => {
    const { page, errors } = await openApp(env);
    let id = await openChipTab(page);
    // Five Loihi cores on two tiles: enough for the annealer to move something.
    await setUnits(page, 'fc1', 400);
    await setUnits(page, 'fc2', 1500);
    id = await waitForMapping(page, 'loihi', id, 400 + 1500 + 5);
    await page.waitForSelector('[data-testid="anneal-curve"]');
    const seed = Number(await page.inputValue('[data-testid="chip-seed"]'));
    await page.click('[data-testid="rerun-placement"]');
    await waitForMapping(page, 'loihi', id);
    expect(Number(await page.inputValue('[data-testid="chip-seed"]'))).toBe(seed + 1);
    await expect.poll(() => text(page, 'anneal-summary')).toMatch(new RegExp(`^seed ${seed + 1}:`));
    const points = Number(await page.getAttribute('[data-testid="anneal-curve"]', 'data-points'));
    expect(points).toBeGreaterThan(2);
    expect((await page.getAttribute('[data-testid="anneal-curve"]', 'd'))?.length ?? 0).toBeGreaterThan(20);
    await page.waitForSelector('[data-testid="anneal-curve-previous"]');
    console.log(`annealer: ${points} steps; ${await text(page, 'anneal-summary')}; traffic × hops ${await text(page, 'traffic-hops')}`);

    const sample = (await page.getAttribute('[data-testid="mesh-canvas"]', 'data-sample-core')) ?? '';
    const [, core, x, y] = /^(\d+):([\d.]+),([\d.]+)$/.exec(sample) ?? [];
    const box = await page.locator('[data-testid="mesh-canvas"]').boundingBox();
    if (!box || !core) throw new Error(`mesh not laid out (${sample})`);
    await page.mouse.move(box.x + Number(x), box.y + Number(y));
    await page.waitForSelector('[data-testid="core-tooltip"]');
    const tip = await text(page, 'core-tooltip');
    expect(tip).toContain(`core ${core}`);
    expect(tip).toMatch(/synaptic ops/);
    expect(Number((await text(page, 'tooltip-neurons')).replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await text(page, 'tooltip-binding')).toMatch(/%/);
    // The keyboard reaches the same details: focus the mesh and step through the used cores.
    await page.mouse.move(box.x - 50, box.y - 50);
    await page.focus('[data-testid="mesh-canvas"]');
    await page.keyboard.press('ArrowRight');
    expect(await text(page, 'core-tooltip')).toMatch(/^core \d+/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the violations of a network that does not fit, and the page keeps working', async () => {
    const { page, errors } = await openApp(env);
    let id = await openChipTab(page);
    // 1000 lif1 neurons on one core each reach the many lif2 cores: more (neuron, core) pairs than Loihi's 4096 output axons.
    await setUnits(page, 'fc1', 1000);
    await setUnits(page, 'fc2', 600);
    id = await waitForMapping(page, 'loihi', id, 1000 + 600 + 5);
    expect(await text(page, 'mapping-fits')).toBe('does not fit');
    await page.waitForSelector('[data-testid="violations"]');
    const v = await text(page, 'violations');
    expect(v).toMatch(/output_axons/);
    expect(v).toMatch(/needs \d+, limit 4096/);
    expect(v).toMatch(/try: /);
    expect(await paintedPixels(page, '[data-testid="mesh-canvas"]')).toBeGreaterThan(1000);
    // Back to a network that fits: the list goes, the spike views still run.
    await setUnits(page, 'fc1', 64);
    await waitForMapping(page, 'loihi', id, 64 + 600 + 5);
    expect(await page.locator('[data-testid="violations"]').count()).toBe(0);
    await page.click('[data-testid="tab-spikes"]');
    expect(await waitForRun(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits a profile figure as a user override with its status, refuses an invalid one beside the field, and resets it', async () => {
    const { page, errors } = await openApp(env);
    let id = await openChipTab(page);
    const before = await text(page, 'energy-per-inference');
    const row = '[data-testid="profile-row-energy.synOpPJ"]';
    expect(await page.getAttribute(row, 'data-status')).toBe('S');
    // A per-op energy says per what; NeuEdge's GOp/s/W is not set against it (no published op).
    expect(await text(page, 'profile-op-energy.synOpPJ')).toMatch(/^per synaptic event: one spike reaching one synapse/);
    expect(await text(page, 'neuedge-note')).toMatch(/847 GOp\/s\/W: no published operation definition/);
    await page.fill('[data-testid="profile-input-energy.synOpPJ"]', '-5');
    await page.press('[data-testid="profile-input-energy.synOpPJ"]', 'Enter');
    expect(await text(page, 'profile-error-energy.synOpPJ')).not.toBe('');
    await page.fill('[data-testid="profile-input-energy.synOpPJ"]', '2000');
    await page.press('[data-testid="profile-input-energy.synOpPJ"]', 'Enter');
    id = await waitForMapping(page, 'loihi', id);
    expect(await page.getAttribute(row, 'data-status')).toBe('user');
    expect(await text(page, 'energy-per-inference')).not.toBe(before);
    await page.click('[data-testid="profile-reset-energy.synOpPJ"]');
    await waitForMapping(page, 'loihi', id);
    expect(await page.getAttribute(row, 'data-status')).toBe('S');
    expect(await text(page, 'energy-per-inference')).toBe(before);
    // The tabs work from the keyboard.
    await page.focus('[data-testid="tab-chip"]');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('[data-testid="tab-spikes"]', 'aria-selected')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays fluid on TrueNorth’s 4096 cores: no long task while hovering and redrawing', async () => {
    const { page, errors } = await openApp(env);
    const id = await openChipTab(page);
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: { at: number; ms: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push({ at: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: false });
    });
    const now = () => page.evaluate(() => performance.now());
    // The switch itself (worker job, then one render of the 4096-core result) is reported, not asserted.
    const phases: Record<string, number> = { 'switch to TrueNorth': await now() };
    await page.selectOption('[data-testid="chip-select"]', 'truenorth');
    await waitForMapping(page, 'truenorth', id);
    await page.waitForFunction(() => document.querySelector('[data-testid="mesh-canvas"]')?.getAttribute('data-cores-drawn') === '4096');
    await page.waitForTimeout(200);
    phases['hover'] = await now();
    const box = await page.locator('[data-testid="mesh-canvas"]').boundingBox();
    if (!box) throw new Error('mesh not laid out');
    // A zig-zag over the whole mesh: 400 pointer moves, each over another core.
    const t0 = Date.now();
    let tooltips = 0;
    for (let i = 0; i < 400; i++) {
      const row = Math.floor(i / 20);
      const col = row % 2 === 0 ? i % 20 : 19 - (i % 20);
      await page.mouse.move(box.x + box.width * (0.2 + 0.6 * (col / 19)), box.y + box.height * (0.05 + 0.9 * (row / 19)));
      if (i % 50 === 0 && (await page.locator('[data-testid="core-tooltip"]').count()) > 0) tooltips++;
    }
    const hoverMs = Date.now() - t0;
    phases['in-page hover'] = await now();
    // The same moves dispatched inside the page, yielding a task between them so React commits each:
    // the cost per move without the test driver's round trip.
    const inPageMs = await page.evaluate(async () => {
      const c = document.querySelector('[data-testid="mesh-canvas"]');
      if (!c) return NaN;
      const r = c.getBoundingClientRect();
      const channel = new MessageChannel();
      const yieldTask = () => new Promise<void>((resolve) => ((channel.port1.onmessage = () => resolve()), channel.port2.postMessage(0)));
      const start = performance.now();
      for (let i = 0; i < 400; i++) {
        c.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: r.left + ((i * 37) % r.width), clientY: r.top + ((i * 53) % r.height) }));
        await yieldTask();
      }
      return (performance.now() - start) / 400;
    });
    // Redraws: colour by layer and back, traffic off and on.
    phases['redraw'] = await now();
    const draws: number[] = [];
    for (const sel of ['colour-layer', 'colour-utilisation', 'show-traffic', 'show-traffic']) {
      await page.click(`[data-testid="${sel}"]`);
      await page.waitForTimeout(50);
      draws.push(Number(await page.getAttribute('[data-testid="mesh-canvas"]', 'data-draw-ms')));
    }
    await page.waitForTimeout(200);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { at: number; ms: number }[] }).__longTasks);
    const phaseOf = (at: number) => Object.entries(phases).filter(([, t]) => t <= at).pop()?.[0] ?? 'before';
    const longTasks = tasks.filter((t) => phaseOf(t.at) !== 'switch to TrueNorth').map((t) => t.ms);
    if (tasks.length) console.log(`long tasks: ${tasks.map((t) => `${t.ms.toFixed(0)} ms during ${phaseOf(t.at)}`).join('; ')}`);
    console.log(`TrueNorth: 400 hover moves in ${hoverMs} ms (${(hoverMs / 400).toFixed(1)} ms each incl. the driver; ${inPageMs.toFixed(2)} ms each in the page); redraw ${draws.map((d) => d.toFixed(1)).join(', ')} ms; long tasks: ${longTasks.length ? longTasks.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`);
    expect(tooltips).toBeGreaterThan(0);
    // Wall-clock long tasks follow the machine's load (a CI run beside other work measured 387 ms
    // during hover while a move cost 2.3 ms in the page): they are printed above, not asserted.
    // What the page does per move and per redraw is asserted, far from what a regression costs
    // (a hover that redrew the 4096-core mesh took a frame or more per move).
    expect(inPageMs).toBeLessThan(16);
    expect(Math.max(...draws)).toBeLessThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });
});
