import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

describe('the site offline, once loaded (service worker over the static build)', () => {
  it('reloads with the network cut: the app mounts cross-origin isolated, simulates the default workspace to the same spike count (event engine and wasm kernel), opens the Neuron tab and loads the lessons', async () => {
    // The one context of the e2e suite that allows service workers (the harness blocks them by default).
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(env.url + '?test');
      const online = await waitForRun(page);
      // The badge says "Works offline" only when the worker controls the page and its cache holds every file of the build.
      await page.waitForSelector('[data-testid="offline-status"][data-state="ready"]', { timeout: 120_000 });
      const stored = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find((n) => n.startsWith('spikelab-offline-')) ?? '');
        return { controlled: navigator.serviceWorker.controller !== null, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
      });
      expect(stored.controlled).toBe(true);
      // Every kind of file the app needs while running: the page, workers, wasm (engine kernel and tfjs), presets.
      expect(stored.urls).toContain('/index.html');
      expect(stored.urls).toContain('/presets/default.workspace.json');
      expect(stored.urls.some((u) => /\/assets\/sim\.worker-.*\.js$/.test(u))).toBe(true);
      expect(stored.urls.some((u) => /\/assets\/spikeKernels-.*\.wasm$/.test(u))).toBe(true);
      expect(stored.urls.some((u) => /\/assets\/tfjs-backend-wasm-threaded-simd-.*\.wasm$/.test(u))).toBe(true);
      expect(stored.urls).not.toContain('/sw.js');

      await context.setOffline(true);
      await page.reload();
      // The network really is cut: a file the cache does not hold fails to load.
      const missing = await page.evaluate(() =>
        fetch('/not-in-the-build.json').then(
          (r) => `HTTP ${r.status}`,
          (e: unknown) => `failed: ${String(e)}`,
        ),
      );
      expect(missing).toMatch(/^failed/);
      const offline = await waitForRun(page);
      expect(offline).toBe(online);
      // The cached answers keep COOP/COEP, so SharedArrayBuffer (the threaded engines) is still there.
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      // The WebAssembly kernel, its worker threads and its .wasm all come from the cache: same spikes.
      await page.selectOption('[data-testid="engine-select"]', 'wasm');
      await page.waitForFunction(() => /^wasm · /.test(document.querySelector('[data-testid="backend-label"]')?.textContent ?? '') && document.querySelector('[data-testid="run-status"]')?.textContent === 'done', null, { timeout: 60_000 });
      console.log(`offline, wasm engine: ${await page.textContent('[data-testid="backend-label"]')}`);
      expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(online);
      await page.click('[data-testid="tab-neuron"]');
      await page.waitForSelector('#panel-neuron', { timeout: 10_000 });
      // The lessons load from the cache: the list and every lesson it names.
      const lessons = await page.evaluate(async () => {
        const index = (await (await fetch('lessons/index.json')).json()) as { lessons: string[] };
        const titles = await Promise.all(index.lessons.map(async (id) => ((await (await fetch(`lessons/${id}.lesson.json`)).json()) as { title?: unknown }).title));
        return { ids: index.lessons, titles };
      });
      expect(lessons.ids.length).toBeGreaterThanOrEqual(7);
      for (const t of lessons.titles) expect(typeof t).toBe('string');
      // And the Learn menu lists them all, offline.
      await page.click('[data-testid="learn-menu"]');
      await page.waitForSelector(`[data-testid="lesson-item-${lessons.ids.at(-1) ?? ''}"]`, { timeout: 30_000 });
      expect(await page.locator('[data-testid^="lesson-item-"]').count()).toBe(lessons.ids.length);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers a new build when one is deployed, and once it takes over only the new version’s cache is left', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'allow' });
    const sw = readFileSync('dist/sw.js', 'utf8');
    try {
      const page = await context.newPage();
      await page.goto(env.url);
      await page.waitForSelector('[data-testid="offline-status"][data-state="ready"]', { timeout: 120_000 });
      const cachesOf = () => page.evaluate(() => caches.keys());
      const [first] = await cachesOf();
      const version = /version:\s*[`"']([0-9a-f]{16})[`"']/.exec(sw)?.[1];
      expect(first).toBe(`spikelab-offline-${version}`);
      // A "new build": the worker script with another version (the browser compares sw.js byte for byte).
      writeFileSync('dist/sw.js', sw.replaceAll(version ?? '', 'feedfacefeedface'));
      await page.reload();
      await page.waitForSelector('[data-testid="offline-status"][data-state="update"]', { timeout: 120_000 });
      // Installed beside the running version, which keeps its cache until the new one takes over.
      expect((await cachesOf()).sort()).toEqual([first, 'spikelab-offline-feedfacefeedface'].sort());
      await Promise.all([page.waitForEvent('load'), page.click('[data-testid="offline-status"]')]);
      await page.waitForSelector('[data-testid="offline-status"][data-state="ready"]', { timeout: 120_000 });
      expect(await cachesOf()).toEqual(['spikelab-offline-feedfacefeedface']);
    } finally {
      writeFileSync('dist/sw.js', sw);
      await context.close();
    }
  });
});
