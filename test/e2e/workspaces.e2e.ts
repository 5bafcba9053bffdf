import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setThreshold, startE2e, waitForRun, type E2eEnv } from './harness.ts';

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

/** Waits for the autosave that follows the latest change (a save is due 500 ms after it). */
async function waitForSave(page: Page): Promise<void> {
  await page.waitForTimeout(700);
  await page.waitForSelector('[data-testid="autosave-status"][data-state="saved"]');
}

/** The names in the Workspaces dialog, in the order shown (opens the dialog if it is closed). */
async function listedNames(page: Page): Promise<string[]> {
  if ((await page.locator('[data-testid="workspaces-dialog"][open]').count()) === 0) await page.click('[data-testid="workspaces-button"]');
  await page.waitForSelector('[data-testid="workspace-row"]');
  return page.locator('[data-testid="workspace-row"] [data-testid="workspace-row-name"]').allTextContents();
}

const renameInDialog = async (page: Page, name: string) => {
  await page.fill('[data-testid="workspace-name"]', name);
  await page.press('[data-testid="workspace-name"]', 'Enter');
  await waitForSave(page);
};

describe('saved workspaces in Chromium', () => {
  it('switching presets 10 times keeps the edited workspace and one more entry, not a pile of copies; undo returns', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(env.url);
    const base = await waitForRun(page);
    await setThreshold(page, '0.8');
    await waitForRun(page, base);
    await waitForSave(page);
    const cycle = ['eeg', 'ecg-synthetic', 'default'];
    for (let i = 0; i < 10; i++) {
      const id = cycle[i % cycle.length] ?? 'default';
      await page.selectOption('[data-testid="preset-select"]', id);
      await page.waitForFunction((want) => (document.querySelector('[data-testid="preset-select"]') as HTMLSelectElement | null)?.value === want, id);
      await waitForSave(page);
    }
    const names = await listedNames(page);
    expect(await page.locator('[data-testid="workspace-row"]').count()).toBe(2);
    // The edited default is kept as its own entry; the presets picked over an unedited one replaced it.
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    expect(names.map((n) => n.slice(0, 23)).sort()).toEqual(['ECG level-crossing demo', 'EEG classes (synthetic ']);
    await page.click('[data-testid="workspaces-dialog"] [data-testid="workspaces-close"]');
    // Undo goes back to the preset before (eeg was the 10th pick, the default the 9th).
    await page.click('.history button[title^="Undo"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="preset-select"]') as HTMLSelectElement | null)?.value === 'default');
    await waitForSave(page);
    // The default came back into the second entry, named apart from the edited one.
    expect((await listedNames(page)).sort()).toEqual(['ECG level-crossing demo', 'ECG level-crossing demo (2)']);
    expect(errors).toEqual([]);
    await close();
  });

  it('the Workspaces dialog searches by name, sorts by name, last change and creation, and deletes several with one undo', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(env.url);
    await waitForRun(page);
    await waitForSave(page);
    await page.click('[data-testid="workspaces-button"]');
    await renameInDialog(page, 'gamma');
    for (const name of ['alpha', 'beta']) {
      await page.click('[data-testid="workspace-duplicate"]');
      await waitForSave(page);
      await renameInDialog(page, name);
    }
    // A touch of 'gamma' makes it the last modified, while it stays the first created.
    await page.click('[data-testid="workspace-row"]:has-text("gamma") [data-testid="workspace-open"]');
    // The dialog closes once 'gamma' is the workspace shown; an edit before that would go to the old one.
    await page.waitForSelector('[data-testid="workspace-list"]', { state: 'hidden' });
    await waitForRun(page);
    await setThreshold(page, '0.9');
    await waitForSave(page);
    await page.click('[data-testid="workspaces-button"]');
    await page.fill('[data-testid="workspace-search"]', 'ALP');
    expect(await listedNames(page)).toEqual(['alpha']);
    await page.fill('[data-testid="workspace-search"]', '');
    await page.selectOption('[data-testid="workspace-sort"]', 'name');
    expect(await listedNames(page)).toEqual(['alpha', 'beta', 'gamma']);
    await page.selectOption('[data-testid="workspace-sort"]', 'created');
    expect(await listedNames(page)).toEqual(['beta', 'alpha', 'gamma']);
    await page.selectOption('[data-testid="workspace-sort"]', 'modified');
    expect(await listedNames(page)).toEqual(['gamma', 'beta', 'alpha']);
    // Select the two not shown here (from the keyboard: Space on a checkbox) and delete them at once.
    await page.locator('[data-testid="workspace-row"]:has-text("alpha") [data-testid="workspace-select"]').focus();
    await page.keyboard.press('Space');
    await page.locator('[data-testid="workspace-row"]:has-text("beta") [data-testid="workspace-select"]').check();
    await page.click('[data-testid="workspace-delete-selected"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-row"]').length === 1);
    expect(await page.textContent('[data-testid="workspaces-message"]')).toMatch(/deleted 2 workspaces/);
    await page.click('[data-testid="workspace-undo-delete"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-row"]').length === 3);
    expect(await listedNames(page)).toEqual(['gamma', 'beta', 'alpha']);
    expect(errors).toEqual([]);
    await close();
  });

  it('the header shows the name of the workspace shown and renames it from the keyboard', async () => {
    const { page, errors, close } = await freshPage();
    await page.goto(env.url);
    await waitForRun(page);
    const name = page.locator('[data-testid="header-workspace-name"]');
    expect(await name.textContent()).toBe('ECG level-crossing demo');
    await name.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('my heart net');
    await page.keyboard.press('Escape');
    expect(await name.textContent()).toBe('ECG level-crossing demo');
    await name.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('my heart net');
    await page.keyboard.press('Enter');
    expect(await name.textContent()).toBe('my heart net');
    await waitForSave(page);
    expect(await listedNames(page)).toEqual(['my heart net']);
    await page.reload();
    await waitForRun(page);
    expect(await page.textContent('[data-testid="header-workspace-name"]')).toBe('my heart net');
    expect(errors).toEqual([]);
    await close();
  });
});
