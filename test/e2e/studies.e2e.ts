import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rowKey } from '../../src/ui/studyController.ts';
import { cellValue, columnsFor } from '../../src/ui/panels/study/studyColumns.ts';
import { waitForRun } from './harness.ts';
import { e2eForFile, freshPage, studyWorkerResult } from './studyPage.ts';


const e2e = e2eForFile();

const workerResult = studyWorkerResult;

/** Every row of the table as { key, role, cells: { column: [text, raw value] } }. */
const tableRows = (page: Page) =>
  page.$$eval('[data-testid="study-row"]', (rows) =>
    rows.map((r) => ({
      key: r.getAttribute('data-key') ?? '',
      role: r.querySelector('[data-testid="study-row-role"]')?.textContent ?? '',
      cells: Object.fromEntries(Array.from(r.querySelectorAll('td[data-col]'), (c) => [c.getAttribute('data-col') ?? '', [c.textContent ?? '', c.getAttribute('data-value') ?? '']])),
    })),
  );

describe('studies in the page', () => {
  it('runs a study from the Studies menu, shows the worker\'s figures, opens a system and comes back with its change', async () => {
    const { page, errors } = await freshPage(e2e(), 1440, 900);

    // The menu lists the registry's studies; the first opens in the Study tab.
    await page.click('[data-testid="studies-menu"]');
    const item = await page.waitForSelector('[data-testid^="study-item-"]');
    const id = ((await item.getAttribute('data-testid')) ?? '').replace('study-item-', '');
    await item.click();
    await page.waitForSelector(`[data-testid="study-view"][data-study="${id}"]`);
    expect(await page.getAttribute('[data-testid="tab-study"]', 'aria-selected')).toBe('true');

    // Run at the quick size: progress names the system; Stop ends the run without a result.
    await page.click('[data-testid="study-run"]');
    await page.waitForSelector('[data-testid="study-progress"]:has-text("system 1 of")', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="study-progress"]')).toMatch(/^(training|scoring|costing the energy of) .+, system 1 of \d+$/);
    // Stop reaches the run after the Study tab was left and opened again (the view remounts).
    await page.click('[data-testid="tab-spikes"]');
    await page.click('[data-testid="tab-study"]');
    await page.click('[data-testid="study-stop"]');
    await page.waitForSelector('[data-testid="study-view"][data-status="stopped"]', { timeout: 60_000 });
    expect(await page.$('[data-testid="study-table"]')).toBeNull();
    // Run again to the end: the table holds the worker's numbers.
    await page.click('[data-testid="study-run"]');
    await page.waitForSelector('[data-testid="study-view"][data-status="done"]', { timeout: 150_000 });
    const result = await workerResult(page);
    if (!result) throw new Error('the worker returned no result');
    expect(result.study).toBe(id);
    const shown = await tableRows(page);
    expect(shown.map((r) => r.key).sort()).toEqual(result.rows.map((r) => rowKey(r.task, r.system)).sort());
    for (const row of result.rows) {
      const cells = shown.find((r) => r.key === rowKey(row.task, row.system));
      expect(cells?.role).toBe(row.role);
      // Every column, the power column too when a split system has a mean power.
      for (const c of columnsFor(result.rows)) expect(cells?.cells[c.key]).toEqual([c.format(row), cellValue(row, c)]);
    }
    // A split system's stages, folded under its row: one line per stage, with the worker's figures.
    for (const row of result.rows.filter((r) => (r.stages?.length ?? 0) > 0)) {
      const stages = await page.$$eval(`.study-stages-row[data-key="${rowKey(row.task, row.system)}"] [data-testid="study-stage"]`, (rs) => rs.map((r) => [r.getAttribute('data-energy'), r.getAttribute('data-latency')]));
      expect(stages).toEqual((row.stages ?? []).map((st) => [st.energy_j === null ? '' : String(st.energy_j), st.latency_s === null ? '' : String(st.latency_s)]));
    }
    // The claims are labelled as the paper's; the plots have a point per costed system.
    expect(await page.textContent('[data-testid="study-claims"]')).toContain('paper’s claim');
    const costed = result.rows.filter((r) => r.energy_per_inference_j !== null && r.energy_per_inference_j > 0).length;
    expect(await page.$$eval('[data-testid^="study-plot-"] [data-testid="study-point"]', (p) => p.length)).toBe(costed);
    for (const curve of result.curves) expect(await page.$$eval(`[data-testid="study-curve-${curve.id}"] [data-testid="study-point"]`, (p) => p.length)).toBe(curve.points.filter((p) => p.energy_per_inference_j !== null).length);

    // Open the first system's workspace: the graph and raster show it; change its seed; back to the study.
    const first = shown[0];
    if (!first) throw new Error('the table has rows');
    const before = await page.textContent('[data-testid="header-workspace-name"]');
    await page.click(`[data-testid="study-row"][data-key="${first.key}"] [data-testid="study-open-row"]`);
    await page.waitForSelector('[data-testid="study-back-bar"]');
    expect(await page.getAttribute('[data-testid="tab-spikes"]', 'aria-selected')).toBe('true');
    expect(await page.textContent('[data-testid="header-workspace-name"]')).not.toBe(before);
    await waitForRun(page);
    await page.fill('[data-testid="seed"]', '4321');
    await page.press('[data-testid="seed"]', 'Enter');
    await page.waitForSelector('[data-testid="study-back-bar"]:has-text("changed")');
    await page.click('[data-testid="study-back"]');
    await page.waitForSelector('[data-testid="study-view"]');
    expect(await page.$$eval('[data-testid="study-row-changed"]', (c) => c.length)).toBe(1);
    expect(await page.textContent('[data-testid="study-status"]')).toContain('1 changed workspace will be used');
    // Undo (twice: the seed, then the open) returns to the workspace before the study row.
    await page.click('button[title="Undo (Ctrl+Z)"]');
    await page.click('button[title="Undo (Ctrl+Z)"]');
    expect(await page.textContent('[data-testid="header-workspace-name"]')).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shares the open study in the link; a colleague lands on it, and an unknown or hostile study is refused with nothing lost', async () => {
    const { page, errors } = await freshPage(e2e(), 1280, 800);
    await page.click('[data-testid="studies-menu"]');
    const item = await page.waitForSelector('[data-testid^="study-item-"]');
    const id = ((await item.getAttribute('data-testid')) ?? '').replace('study-item-', '');
    await item.click();
    await page.click('[data-testid="share-button"]');
    await page.waitForSelector('[data-testid="share-study"]');
    const url = await page.inputValue('[data-testid="share-url"]');
    expect(url).toMatch(new RegExp(`#w=v1\\.[^&]+&study=${id}$`));

    // The colleague's page opens on the study view, with the workspace of the link.
    const theirs = await e2e().browser.newPage({ viewport: { width: 1280, height: 800 } });
    theirs.on('pageerror', (e) => errors.push(e.message));
    await theirs.goto(url.replace('/#', '/?test#'));
    await theirs.waitForSelector(`[data-testid="study-view"][data-study="${id}"]`);

    // A study this Spikelab does not have, or a hostile name, pasted into the address bar: refused,
    // and the workspace and the study open stay as they were.
    const name = await theirs.textContent('[data-testid="header-workspace-name"]');
    for (const bad of ['nosuch', '__proto__', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E']) {
      await theirs.goto(`${e2e().url}?test#study=${bad}`);
      await theirs.waitForSelector('[data-testid="link-notice"][data-stage="study"]');
      expect(await theirs.textContent('[data-testid="link-notice"]')).toMatch(/This link was not opened \(study\): .*the studies are .*The workspace is unchanged/);
      expect(await theirs.textContent('[data-testid="header-workspace-name"]')).toBe(name);
      expect(await theirs.getAttribute('[data-testid="study-view"]', 'data-study')).toBe(id);
      expect(await theirs.$('img[src="x"]')).toBeNull();
      await theirs.click('[data-testid="link-notice"] button');
    }
    // In a fresh page, the refused link leaves the page on its own workspace, with no study.
    const fresh = await e2e().browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(`${e2e().url}?test#study=nosuch`);
    await fresh.waitForSelector('[data-testid="link-notice"][data-stage="study"]');
    await waitForRun(fresh);
    expect(await fresh.$('[data-testid="study-view"]')).toBeNull();
    await fresh.close();
    expect(errors).toEqual([]);
    await theirs.close();
    await page.close();
  }, 120_000);
});
