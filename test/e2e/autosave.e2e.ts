import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { setThreshold, startE2e, waitForRun, type E2eEnv } from './harness.ts';

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
    await setThreshold(page, '0.8');
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
    await setThreshold(page, '0.8');
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

  it('keeps several named workspaces: new, rename, switch back and forth, delete with undo', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(env.url);
    const base = await waitForRun(page);
    await setThreshold(page, '0.8');
    const edited = await waitForRun(page, base);
    await waitForSave(page);
    await page.click('[data-testid="workspaces-button"]');
    await page.fill('[data-testid="workspace-name"]', 'threshold 0.8');
    await page.press('[data-testid="workspace-name"]', 'Enter');
    await page.click('[data-testid="workspace-new"]');
    expect(await waitForRun(page, edited)).toBe(base);
    await waitForSave(page);
    await page.click('[data-testid="workspaces-button"]');
    const rows = page.locator('[data-testid="workspace-row"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-row"]').length === 2);
    expect(await rows.allTextContents()).toEqual([expect.stringMatching(/^ECG level-crossing demo/), expect.stringMatching(/^threshold 0\.8/)]);
    // Keyboard: Tab to the other row's Open button and press Enter.
    await page.locator('[data-testid="workspace-row"][data-current="false"] [data-testid="workspace-open"]').focus();
    await page.keyboard.press('Enter');
    expect(await waitForRun(page, base)).toBe(edited);
    expect(await page.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    // A reload comes back to the workspace this tab showed, not the newest.
    await page.reload();
    expect(await waitForRun(page)).toBe(edited);
    await page.click('[data-testid="workspaces-button"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-row"]').length === 2);
    await page.click('[data-testid="workspace-row"][data-current="false"] [data-testid="workspace-delete"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-row"]').length === 1);
    await page.click('[data-testid="workspace-undo-delete"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-row"]').length === 2);
    expect(errors).toEqual([]);
    await close();
  });

  it('two tabs on one workspace: the second is told, its edits are held, and it keeps them as a copy', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const a = await context.newPage();
    const errors: string[] = [];
    a.on('pageerror', (e) => errors.push(e.message));
    await a.goto(env.url);
    const base = await waitForRun(a);
    await waitForSave(a);
    const b = await context.newPage();
    b.on('pageerror', (e) => errors.push(e.message));
    await b.goto(env.url);
    expect(await waitForRun(b)).toBe(base);
    // Tab A edits and saves: tab B, showing the same saved workspace, is told at once.
    await setThreshold(a, '0.8');
    const edited = await waitForRun(a, base);
    await waitForSave(a);
    await b.waitForSelector('[data-testid="conflict-banner"]');
    // B's own edit is held, not written over A's.
    await setThreshold(b, '1.2');
    await waitForRun(b, base);
    await b.waitForTimeout(700);
    expect(await b.textContent('[data-testid="autosave-status"]')).toMatch(/^not saved: another tab changed this workspace/);
    await a.reload();
    expect(await waitForRun(a)).toBe(edited);
    expect(await a.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    // B keeps its version as a copy: both versions are in the list.
    await b.click('[data-testid="conflict-copy"]');
    await waitForSave(b);
    expect(await b.locator('[data-testid="conflict-banner"]').count()).toBe(0);
    await b.click('[data-testid="workspaces-button"]');
    await b.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-row"]').length === 2);
    expect(await b.locator('[data-testid="workspace-row"][data-current="true"]').textContent()).toMatch(/\(this tab\)/);
    expect(await b.inputValue('[data-testid="lif1-threshold"]')).toBe('1.2');
    expect(errors).toEqual([]);
    await context.close();
  });
});
