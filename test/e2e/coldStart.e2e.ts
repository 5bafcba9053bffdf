import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startAppCold, type StartedApp } from '../support/startCommand.ts';
import { CHROMIUM_ARGS, setTrainFields } from './harness.ts';

// A newcomer's first `npm start`: Vite's dependency cache is empty, so the first page load waits
// for the optimiser. The page must say so at once, and the first Train click must train rather
// than have Vite discover a new dependency and reload the page under it.
let app: StartedApp;
let browser: Browser;
let page: Page;
const navigations: string[] = [];
beforeAll(async () => {
  app = await startAppCold(120_000);
  browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('npm start on a cold Vite cache', () => {
  it('shows a loading screen that says what is happening before any script has run', async () => {
    const t0 = Date.now();
    await page.goto(app.url, { waitUntil: 'commit' });
    const shownMs = await page.waitForSelector('[data-testid="boot-screen"]', { state: 'visible', timeout: 10_000 }).then(
      () => Date.now() - t0,
      () => null,
    );
    const bootText = shownMs === null ? null : await page.textContent('[data-testid="boot-screen"]');
    await page.waitForSelector('.header', { timeout: 150_000 });
    const mountedMs = Date.now() - t0;
    console.log(`cold npm start: server listening after ${app.listeningAfterMs} ms; loading screen after ${shownMs ?? 'never'} ms; workbench mounted after ${mountedMs} ms`);
    expect(shownMs, 'no loading screen within 10 s of opening the page').not.toBeNull();
    expect(bootText).toMatch(/first start/i);
    // What the page is, in one line, before any script has run.
    expect(bootText).toMatch(/workbench for spiking neural networks/i);
    // React replaced the loading screen with the workbench.
    expect(await page.$('[data-testid="boot-screen"]')).toBeNull();
  }, 200_000);

  it('trains the synthetic ECG preset on the first Train click without the page reloading', async () => {
    await page.waitForSelector('[data-testid="preset-select"]', { timeout: 150_000 });
    await page.selectOption('[data-testid="preset-select"]', 'ecg-synthetic');
    await page.waitForSelector('[data-testid="train-button"]', { timeout: 60_000 });
    await setTrainFields(page, { epochs: '2', beats: '300' });
    // A reload would wipe this marker; training that really started leaves it in place.
    await page.evaluate(() => void ((window as unknown as { __coldStartMarker: number }).__coldStartMarker = 1));
    const before = navigations.length;
    const t0 = Date.now();
    await page.click('[data-testid="train-button"]');
    // Either the first epoch finishes, or the page reloaded (the marker is gone): whichever comes first.
    await page.waitForFunction(
      () => (window as unknown as { __coldStartMarker?: number }).__coldStartMarker !== 1 || document.querySelector('[data-testid="epoch-line"]') !== null,
      null,
      { timeout: 150_000, polling: 250 },
    );
    const firstEpochMs = Date.now() - t0;
    console.log(`cold npm start: first Train click to the first finished epoch or a reload: ${firstEpochMs} ms`);
    const marker = await page.evaluate(() => (window as unknown as { __coldStartMarker?: number }).__coldStartMarker ?? null);
    expect(marker, `the page reloaded after Train; server log:\n${app.log()}`).toBe(1);
    expect(navigations.length).toBe(before);
    expect(await page.textContent('[data-testid="epoch-line"]')).toMatch(/^epoch \d: loss \d/);
  }, 200_000);

  it('prints no dependency re-optimisation, opens no browser (none here) and has no /false path', () => {
    const log = app.log();
    // `vite --open=false` took "false" for a path and asked xdg-open for http://…/false.
    expect(app.browserOpened()).toBe('');
    expect(log).toContain('VITE');
    expect(log).not.toMatch(/optimized dependencies changed|reloading/i);
    expect(log).not.toMatch(/xdg-open|spawn|ENOENT|\/false/);
  });
});
