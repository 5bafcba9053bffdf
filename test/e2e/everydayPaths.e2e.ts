import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileChecksum } from '../../src/core/data/checksum.ts';
import { encodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { inspectNode, startE2e, waitForRun, type E2eEnv } from './harness.ts';

/**
 * Issue 18, "everyday paths in the page": dropped files continue a run and survive a reload, a
 * dropped file is shown at once (undoably), a failed run does not pass off the previous results as
 * its own, and a refused or undone edit leaves every field showing the value in force. The files
 * are made here, so no real data is needed.
 */

/** A 4 s single-column CSV at 250 Hz: a 1.2 Hz "heartbeat" of sharp peaks over a slow wave. */
function heartbeatCsv(): string {
  const rows = ['lead'];
  for (let i = 0; i < 1000; i++) {
    const t = i / 250;
    const phase = (t * 1.2) % 1;
    rows.push((Math.exp(-((phase - 0.3) ** 2) / 0.0008) + 0.2 * Math.sin(2 * Math.PI * 0.3 * t)).toFixed(4));
  }
  return rows.join('\n') + '\n';
}
const CSV = { name: 'beat.csv', text: heartbeatCsv() };
const CSV_CHECKSUM = fileChecksum(new TextEncoder().encode(CSV.text));

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../public/presets/default.workspace.json', import.meta.url), 'utf8')));
/** The default network reading beat.csv (one channel, as wide an input as the synthetic ECG's one lead). */
const onCsv = parseWorkspace({ ...structuredClone(preset), name: 'beat workspace', data: { kind: 'signal-file', file: CSV.name, checksum: CSV_CHECKSUM, startS: 0, durationS: 3 } });

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** A page in its own browser context (its own IndexedDB), collecting uncaught page errors. */
async function freshPage(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

/** Drops text files on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropText(page: Page, files: readonly { name: string; text: string }[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name));
    document.querySelector('[data-testid="drop-zone"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

const status = (page: Page) => page.textContent('[data-testid="run-status"]');

describe('dropped files in Chromium', () => {
  it('continues a run that waits for a file as soon as that file is dropped, without pressing Run', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(`${env.url}?test#${encodeWorkspaceLink(onCsv).fragment}`);
    await expect.poll(() => page.textContent('[data-testid="error-banner"]'), { timeout: 30_000 }).toMatch(/drop that file onto the page/);
    await dropText(page, [CSV]);
    await expect.poll(() => page.textContent('[data-testid="file-status"]'), { timeout: 30_000 }).toMatch(/loaded beat\.csv/);
    expect(await waitForRun(page)).toBeGreaterThan(0);
    expect(await page.$('[data-testid="error-banner"]')).toBeNull();
    // The workspace's own window of the file is kept: dropping its file is no new source choice.
    expect(await page.inputValue('[data-testid="source-select"]')).toBe(CSV_CHECKSUM);
    expect(await page.textContent('[aria-label="Input signal"] h2')).toMatch(/lead \(250 Hz/);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps a dropped file in the browser across a reload, lists it, and forgets it when removed', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(`${env.url}?test#${encodeWorkspaceLink(onCsv).fragment}`);
    await dropText(page, [CSV]);
    const first = await waitForRun(page);
    await expect.poll(() => page.textContent('[data-testid="kept-files"]'), { timeout: 30_000 }).toMatch(/beat\.csv/);
    // Past the autosave of the link's workspace, then a reload: the file comes back from IndexedDB.
    await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]');
    // Whether the reloaded page ever shows a run error (the workspace may boot before its file is back).
    await page.context().addInitScript(() => {
      const w = window as unknown as { __sawRunError: boolean };
      w.__sawRunError = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="run-status"]')?.textContent === 'error') w.__sawRunError = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${env.url}?test`);
    const t0 = Date.now();
    expect(await waitForRun(page)).toBe(first);
    console.log(`after a reload the kept file was read back and the run finished in ${Date.now() - t0} ms`);
    expect(await page.textContent('[data-testid="file-status"]')).toMatch(/beat\.csv/);
    expect(await page.$('[data-testid="error-banner"]')).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __sawRunError: boolean }).__sawRunError)).toBe(false);
    // Removed from the browser: the next visit asks for the file again.
    await page.click('[data-testid="kept-remove-beat.csv"]');
    await expect.poll(() => page.$('[data-testid="kept-remove-beat.csv"]')).toBeNull();
    await page.reload();
    await expect.poll(() => page.textContent('[data-testid="error-banner"]'), { timeout: 30_000 }).toMatch(/drop that file onto the page/);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a dropped file at once: the source switches to it and runs, and Undo brings the synthetic source back', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(`${env.url}?test`);
    const synthetic = await waitForRun(page);
    expect(await page.inputValue('[data-testid="source-select"]')).toBe('synthetic');
    await dropText(page, [CSV]);
    await expect.poll(() => page.inputValue('[data-testid="source-select"]'), { timeout: 30_000 }).toBe(CSV_CHECKSUM);
    const fileTotal = await waitForRun(page, synthetic);
    await expect.poll(() => page.textContent('[aria-label="Input signal"] h2')).toMatch(/lead \(250 Hz/);
    await page.click('text=Undo');
    await expect.poll(() => page.inputValue('[data-testid="source-select"]')).toBe('synthetic');
    // The file's run is 'done' until the undone workspace's run ends: wait for a count other than the file's.
    expect(await waitForRun(page, fileTotal)).toBe(synthetic);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('results and fields after a failure', () => {
  it('marks the previous network’s results as stale when the new network’s run fails', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(`${env.url}?test`);
    await waitForRun(page);
    expect(await page.$('[data-testid="stale-results"]')).toBeNull();
    // N-MNIST needs its files: the run of the new network fails.
    await page.selectOption('[data-testid="preset-select"]', 'dvs-nmnist');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('error');
    await expect.poll(() => page.textContent('[data-testid="stale-results"]')).toMatch(/results of the previous network.*drop that file/s);
    expect(await page.getAttribute('.center-spikes', 'data-stale')).toBe('true');
    expect(await page.getAttribute('[aria-label="Metrics"]', 'data-stale')).toBe('true');
    expect(await page.$eval('.center-spikes', (e) => Number(getComputedStyle(e.querySelector('section') ?? e).opacity))).toBeLessThan(0.7);
    await page.screenshot({ path: 'test-results/stale-results.png' });
    // Undo goes back to the network those results belong to: no longer stale.
    await page.click('text=Undo');
    await waitForRun(page);
    expect(await page.$('[data-testid="stale-results"]')).toBeNull();
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the value in force in a field after a refused edit and after undo', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(`${env.url}?test`);
    const base = await waitForRun(page);
    await page.fill('[data-testid="heart-rate"]', '90');
    await page.press('[data-testid="heart-rate"]', 'Enter');
    const faster = await waitForRun(page, base);
    // A refused value: the field shows the units in force (64) and the error says what was typed.
    await inspectNode(page, 'fc1');
    await page.fill('[data-testid="fc1-units"]', '-4');
    await page.press('[data-testid="fc1-units"]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid="error-banner"]')).toContain('network.layers[1].units');
    expect(await page.inputValue('[data-testid="fc1-units"]')).toBe('64');
    expect(await page.textContent('[data-testid="fc1-units-error"]')).toMatch(/−4|-4/);
    // Undo takes back the heart rate; every field shows what the network now runs with.
    await page.click('text=Undo');
    expect(await waitForRun(page, faster)).toBe(base);
    expect(await page.inputValue('[data-testid="fc1-units"]')).toBe('64');
    expect(await page.inputValue('[data-testid="heart-rate"]')).not.toBe('90');
    expect(await page.$('[data-testid="fc1-units-error"]')).toBeNull();
    expect(errors).toEqual([]);
    await close();
  });
});
