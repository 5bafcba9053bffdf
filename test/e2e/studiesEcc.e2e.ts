import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LinkModel } from '../../src/core/hardware/linkModel.ts';
import { offloadPoint } from '../../src/core/study/offload.ts';
import type { StudyOffloadData } from '../../src/core/study/studyTypes.ts';
import { INCREMENTAL_COLUMNS } from '../../src/ui/panels/study/incrementalColumns.ts';
import { OFFLOAD_FIGURES } from '../../src/ui/viz/study/offloadSeries.ts';
import { e2eForFile, freshPage, studyWorkerResult } from './studyPage.ts';


const e2e = e2eForFile();

const workerResult = studyWorkerResult;

/** The offload panel's figures as { key: [text, raw value] }, and its marker's threshold. */
async function shownFigures(page: Page) {
  const figures = await page.$$eval('[data-testid="offload-figure"]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-key') ?? '', [e.querySelector('dd')?.textContent ?? '', Number(e.getAttribute('data-value'))]])));
  const marker = Number(await page.getAttribute('[data-testid="offload-marker"]', 'data-threshold'));
  return { figures, marker };
}

/** The figures the panel must show at a threshold and link: offloadPoint on the worker's own data. */
function expected(data: StudyOffloadData, link: LinkModel, threshold: number) {
  const p = offloadPoint(data, link, threshold);
  return Object.fromEntries(OFFLOAD_FIGURES.map((f) => [f.key, [f.format(p[f.key]), p[f.key]]]));
}

/** Waits until the slider's label reads this threshold (React has drawn it). */
const atThreshold = (page: Page, t: number) => page.waitForSelector(`[data-testid="offload-threshold-value"]:text-is("${t.toFixed(2)}")`);

describe('the ECC-SNN study in the page', () => {
  it('runs ECC-SNN, and its offload panel follows the slider and the link with the worker\'s figures', async () => {
    const { page, errors } = await freshPage(e2e(), 1440, 900);
    await page.click('[data-testid="studies-menu"]');
    await page.click('[data-testid="study-item-ecc-snn"]');
    await page.waitForSelector('[data-testid="study-view"][data-study="ecc-snn"]');

    // The distillation knobs: one student per task; a change is kept for the run and said so.
    const students = await page.$$eval('[data-testid="study-student"]', (s) => s.map((e) => e.getAttribute('data-key')));
    expect(students.length).toBeGreaterThan(0);
    const firstTask = (students[0] ?? '').split('/')[0] ?? '';
    await page.fill(`[data-testid="distillation-temperature-${firstTask}"]`, '0.5');
    expect(await page.textContent(`[data-testid="distillation-temperature-${firstTask}-error"]`)).toContain('temperature must be at least 1, not 0.5');
    expect(await page.$('[data-testid="study-student-changed"]')).toBeNull();
    await page.fill(`[data-testid="distillation-temperature-${firstTask}"]`, '6');
    await page.waitForSelector('[data-testid="study-student-changed"]');
    expect(await page.textContent('[data-testid="study-status"]')).toContain('1 changed workspace will be used');

    // Run at the quick size (the page's budget: about a minute).
    const started = Date.now();
    await page.click('[data-testid="study-run"]');
    await page.waitForSelector('[data-testid="study-view"][data-status="done"]', { timeout: 150_000 });
    console.log(`studiesEcc.e2e: the quick ECC-SNN study ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const result = await workerResult(page);
    const data = result?.offload?.[0];
    if (!result || !data) throw new Error('the worker returned no offload data');
    expect(await page.getAttribute('[data-testid="offload-panel"]', 'data-task')).toBe(data.task);

    // At the operating threshold: offloadPoint on the worker's data, at the study's link.
    await atThreshold(page, data.operating_threshold);
    expect(await shownFigures(page)).toEqual({ figures: expected(data, data.link, data.operating_threshold), marker: data.operating_threshold });
    // One step down with the keyboard.
    await page.focus('[data-testid="offload-threshold"]');
    await page.keyboard.press('ArrowLeft');
    const down = Math.round(100 * data.operating_threshold - 1) / 100;
    await atThreshold(page, down);
    expect((await shownFigures(page)).figures).toEqual(expected(data, data.link, down));

    // Home: nothing offloaded, the edge SNN alone (its row's accuracy); End: everything, the cloud ANN's.
    const rowAccuracy = (system: string) => result.rows.find((r) => r.task === data.task && r.system === system)?.accuracy;
    await page.keyboard.press('Home');
    await atThreshold(page, 0);
    const edgeOnly = await shownFigures(page);
    expect(edgeOnly).toEqual({ figures: expected(data, data.link, 0), marker: 0 });
    expect(edgeOnly.figures['offloaded']?.[1]).toBe(0);
    expect(edgeOnly.figures['accuracy']?.[1]).toBe(rowAccuracy(data.edge));
    await page.keyboard.press('End');
    await atThreshold(page, 1);
    const cloudOnly = await shownFigures(page);
    expect(cloudOnly).toEqual({ figures: expected(data, data.link, 1), marker: 1 });
    expect(cloudOnly.figures['offloaded']?.[1]).toBe(1);
    expect(cloudOnly.figures['accuracy']?.[1]).toBe(rowAccuracy(data.cloud));

    // A slower link: every sample is sent at threshold 1, so the latency grows by the upload time.
    const bandwidth = '[data-testid="offload-link-bandwidthBitsPerS"]';
    await page.fill(bandwidth, '1');
    const slow = { ...data.link, bandwidthBitsPerS: 1e6 };
    await page.waitForSelector(`[data-testid="offload-figure"][data-key="latency_s"][data-value="${offloadPoint(data, slow, 1).latency_s}"]`);
    expect((await shownFigures(page)).figures).toEqual(expected(data, slow, 1));
    expect(offloadPoint(data, slow, 1).latency_s).toBeGreaterThan(offloadPoint(data, data.link, 1).latency_s);

    // A bad bandwidth: a specific error; the figures and the curves keep the last good link.
    const curve = await page.getAttribute('[data-testid="offload-curve-latency_s"]', 'd');
    await page.fill(bandwidth, '0');
    expect(await page.textContent('[data-testid="offload-link-bandwidthBitsPerS-error"]')).toContain('bandwidth must be more than 0 Mbit/s, not 0 Mbit/s');
    await page.fill(bandwidth, 'fast');
    expect(await page.textContent('[data-testid="offload-link-bandwidthBitsPerS-error"]')).toContain("bandwidth: 'fast' is not a number of Mbit/s");
    expect(await page.getAttribute('[data-testid="offload-curve-latency_s"]', 'd')).toBe(curve);
    expect((await shownFigures(page)).figures).toEqual(expected(data, slow, 1));

    // The slider and the link live in the store: they survive leaving the Study tab.
    await page.click('[data-testid="tab-spikes"]');
    await page.click('[data-testid="tab-study"]');
    await atThreshold(page, 1);
    expect((await shownFigures(page)).figures).toEqual(expected(data, slow, 1));
    // Reset: the study's link again.
    await page.click('[data-testid="offload-link-reset"]');
    await expect.poll(() => page.inputValue(bandwidth)).toBe(String(data.link.bandwidthBitsPerS / 1e6));
    expect((await shownFigures(page)).figures).toEqual(expected(data, data.link, 1));

    // Learning a new class on the device: a row per method and task, in the table's words.
    const incremental = result.incremental ?? [];
    const rows = await page.$$eval('[data-testid="study-incremental-row"]', (rs) => rs.map((r) => ({ task: r.getAttribute('data-task'), method: r.getAttribute('data-method'), cells: Array.from(r.querySelectorAll('td'), (c) => c.textContent) })));
    const byTask = result.tasks.flatMap((t) => incremental.filter((r) => r.task === t.id));
    expect(rows).toEqual(byTask.map((r) => ({ task: r.task, method: r.method, cells: INCREMENTAL_COLUMNS.map((c) => c.format(r)) })));
    expect(errors).toEqual([]);
    await page.close();
  }, 200_000);
});
