// `npm run bench:editor`: how the network editor holds up with 30 nodes in headless Chromium on the
// production build: frames per second while a node is dragged (requestAnimationFrame timestamps),
// and the longest task on the page's thread while the 30-node network simulates. Figures, not a
// pass/fail: speed targets live in benchmarks (STYLE.md), and a loaded CI machine is not a laptop.
import { startE2e } from '../e2e/harness.ts';

const env = await startE2e();
try {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${env.url}?test`);
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', null, { timeout: 60_000 });
  // 30 nodes: the input, 14 × (dense, spiking), a read-out; each added after the selected one.
  await page.selectOption('[data-testid="graph-template"]', 'empty');
  for (let i = 0; i < 14; i++) for (const kind of ['dense', 'spiking']) await page.click(`[data-testid="palette-${kind}"]`);
  await page.click('[data-testid="palette-readout"]');
  const nodes = await page.locator('.react-flow__node').count();
  await page.waitForSelector('[data-testid="graph-unfinished"]', { state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', null, { timeout: 120_000 });

  // Drag one node for about two seconds, sampling frames meanwhile.
  const box = await page.locator('.react-flow__node[data-id="lif7"]').boundingBox();
  if (!box) throw new Error('node lif7 is not on screen');
  // The page's frame rate at rest, the ceiling a drag is measured against (headless Chromium paints in software).
  const idleFps = (await page.evaluate(`new Promise((done) => { const f = []; const tick = (t) => { f.push(t); if (f.length < 61) requestAnimationFrame(tick); else done(60000 / (f[60] - f[0])); }; requestAnimationFrame(tick); })`)) as number;
  // A string, not a function: the TypeScript runner would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__sampling = true;
    const tick = (t) => { if (!window.__sampling) return; window.__frames.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const x = box.x + box.width / 2;
  const y = box.y + 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 120; k++) {
    await page.mouse.move(x + 80 * Math.sin(k / 10), y + 40 * Math.cos(k / 13));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__sampling = false;
    return w.__frames;
  });
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t)).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? NaN;
  const p95 = gaps[Math.floor(gaps.length * 0.95)] ?? NaN;
  const seconds = ((frames.at(-1) ?? 0) - (frames[0] ?? 0)) / 1000;

  // Long tasks while the 30-node network simulates.
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await page.click('[data-testid="run-button"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', null, { timeout: 120_000 });
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  console.log(`editor with ${nodes} nodes: drag ${frames.length} frames in ${seconds.toFixed(2)} s = ${(frames.length / Math.max(seconds, 1e-9)).toFixed(1)} fps (${idleFps.toFixed(1)} fps at rest); frame interval median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  console.log(`simulating it: ${long.length} long tasks on the page thread, longest ${long.length ? Math.max(...long).toFixed(0) : 0} ms`);
} finally {
  await env.close();
}
