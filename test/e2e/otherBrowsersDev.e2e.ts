import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { expectedEcgAccuracyLine } from '../support/browsers/expectedAccuracy.ts';
import { missingBinaries, OTHER_BROWSERS } from '../support/browsers/otherBrowsers.ts';
import { act, text } from '../support/browsers/pageActions.ts';
import { waitInPage, type PageDriver } from '../support/browsers/pageDriver.ts';

// Firefox and WebKitGTK on the page as `npm start` serves it: the vite dev server, every module its
// own request. In WebKitGTK the simulation worker used to die here at the first run ("uncaught
// error": a 304 among a module worker's requests; vite.config.ts answers those in full now).
const present = OTHER_BROWSERS.filter((b) => missingBinaries(b).length === 0);
let server: ViteDevServer | undefined;
let url = '';
let accuracy = '';
beforeAll(async () => {
  if (present.length === 0) return;
  // Its own dependency cache, outside node_modules (which worktrees may share), kept between runs.
  server = await createServer({ server: { port: 0, host: '127.0.0.1', strictPort: false }, cacheDir: join(tmpdir(), 'spikelab-e2e-vite-dev-cache'), logLevel: 'warn' });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  url = `http://127.0.0.1:${address.port}/?test`;
  accuracy = await expectedEcgAccuracyLine();
}, 300_000);
afterAll(async () => {
  await server?.close();
});

for (const b of OTHER_BROWSERS) {
  describe.skipIf(missingBinaries(b).length > 0)(`${b.name} on the dev server (npm start)`, () => {
    let page: PageDriver;
    beforeAll(async () => {
      page = await b.launch();
    });
    afterAll(async () => {
      await page?.close();
    });

    it('simulates the default workspace and trains the synthetic ECG preset to the accuracy Node gives', async () => {
      await page.goto(url);
      // The first run in dev mode waits for every module of the worker: up to a minute on a loaded 2-core box.
      const spikes = await waitInPage(page, 'the first run', () => {
        const status = document.querySelector('[data-testid="run-status"]')?.textContent;
        return status === 'done' ? document.querySelector('[data-testid="total-spikes"]')?.textContent : status === 'error' ? `error: ${document.querySelector('[role="alert"]')?.textContent ?? ''}` : '';
      }, undefined, 90_000);
      expect(spikes).toMatch(/^\d+$/);
      expect(Number(spikes)).toBeGreaterThan(0);
      await act(page, 'select', 'preset-select', 'ecg-synthetic');
      await waitInPage(page, 'the train button', () => !(document.querySelector('[data-testid="train-button"]') as HTMLButtonElement | null)?.disabled);
      // A reload (Vite re-optimising a dependency found late) would wipe this marker and the click with it.
      await page.evaluate(() => void ((window as unknown as { __trainMarker: number }).__trainMarker = 1));
      const t0 = Date.now();
      await act(page, 'click', 'train-button');
      const shown = await waitInPage(
        page,
        'the trained accuracy',
        () =>
          (window as unknown as { __trainMarker?: number }).__trainMarker !== 1
            ? 'the page reloaded under the Train click'
            : (document.querySelector('[data-testid="test-accuracy"]')?.textContent ?? document.querySelector('[role="alert"]')?.textContent ?? ''),
        undefined,
        120_000,
      ).catch(async (e: unknown) => {
        // Say what the page showed, and what it logged, rather than only that it took too long.
        const state = await page.evaluate(() => ({ train: document.querySelector('[data-testid="train-status"]')?.textContent ?? null, info: document.querySelector('[data-testid="train-info"]')?.textContent ?? null, run: document.querySelector('[data-testid="run-status"]')?.textContent ?? null, progress: document.querySelector('[data-testid="train-progress-line"]')?.textContent ?? null, epochs: document.querySelector('[data-testid="epoch-line"]')?.textContent ?? null }));
        throw new Error(`${String(e)}; page: ${JSON.stringify(state)}; page errors: ${JSON.stringify(page.errors ?? [])}`);
      });
      console.log(`${b.name} (dev server) trained in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${shown}; ${await text(page, 'train-info')}`);
      expect(shown).toBe(accuracy);
    });
  });
}
