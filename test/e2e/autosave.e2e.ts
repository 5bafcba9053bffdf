import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { startE2e, waitForRun, type E2eEnv } from './harness.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** A page in its own browser context (its own IndexedDB), collecting uncaught page errors. */
async function freshPage(init?: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

/** Waits for the autosave that follows the latest edit (a save is due 500 ms after it). */
async function waitForSave(page: Page): Promise<void> {
  await page.waitForTimeout(700);
  await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]');
}

describe('autosave in Chromium', () => {
  it('brings an edit back after a reload, with the same spikes', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(env.url);
    const base = await waitForRun(page);
    await page.fill('[data-testid="lif1-threshold"]', '0.8');
    await page.press('[data-testid="lif1-threshold"]', 'Enter');
    const edited = await waitForRun(page, base);
    await waitForSave(page);
    const t0 = Date.now();
    await page.reload();
    expect(await waitForRun(page)).toBe(edited);
    console.log(`reload restored the autosaved workspace and re-ran it in ${Date.now() - t0} ms`);
    expect(await page.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    // A link in the URL wins over the autosave, and is itself autosaved once opened. (Only the
    // fragment differs, so this navigation is a hashchange in the same document.)
    await page.goto(`${env.url}#${encodeWorkspaceLink(preset).fragment}`);
    expect(await waitForRun(page, edited)).toBe(base);
    expect(await page.inputValue('[data-testid="lif1-threshold"]')).toBe('1');
    await waitForSave(page);
    await page.reload();
    expect(await waitForRun(page)).toBe(base);
    // A link opened at boot (a fresh document) also wins over the autosave.
    await page.fill('[data-testid="lif1-threshold"]', '0.8');
    await page.press('[data-testid="lif1-threshold"]', 'Enter');
    await waitForRun(page, base);
    await waitForSave(page);
    await page.goto('about:blank');
    await page.goto(`${env.url}#${encodeWorkspaceLink(preset).fragment}`);
    expect(await waitForRun(page)).toBe(base);
    expect(await page.inputValue('[data-testid="lif1-threshold"]')).toBe('1');
    expect(errors).toEqual([]);
    await close();
  });

  it('says autosave is off when IndexedDB is unavailable, and the page still works', async () => {
    const { page, errors, close } = await freshPage('Object.defineProperty(window, "indexedDB", { value: undefined })');
    await page.goto(env.url);
    expect(await waitForRun(page)).toBeGreaterThan(0);
    const status = page.locator('[data-testid="autosave-status"]');
    expect(await status.getAttribute('data-state')).toBe('error');
    expect(await status.textContent()).toMatch(/^autosave is off \(this browser offers no IndexedDB\)/);
    expect(errors).toEqual([]);
    await close();
  });
});
