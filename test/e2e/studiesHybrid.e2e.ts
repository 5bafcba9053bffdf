import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEngineering } from '../../src/core/format/engineering.ts';
import { STUDIES } from '../../src/core/study/studyRegistry.ts';
import type { StudyResult } from '../../src/core/study/studyTypes.ts';
import { POWER_COLUMN, stagesSummary } from '../../src/ui/panels/study/studyColumns.ts';
import { rowKey } from '../../src/ui/studyController.ts';
import { startE2e, waitForRun, type E2eEnv } from './harness.ts';

/** The hybrid SNN → ANN pipeline is the study with a split system; without it there is nothing to open. */
const NO_HYBRID = !Object.hasOwn(STUDIES, 'hybrid-dvs');
if (NO_HYBRID) console.warn("studiesHybrid.e2e: skipped, the registry has no 'hybrid-dvs' study");

let env: E2eEnv;
beforeAll(async () => {
  if (!NO_HYBRID) env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

const workerResult = (page: Page) => page.evaluate(() => (window as unknown as { __spikelab: { studyResult(): StudyResult | null } }).__spikelab.studyResult());

describe.skipIf(NO_HYBRID)('a split system in the page', () => {
  it("shows the hybrid's stages under its row with their totals, and the power column in mW", async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.url}?test`);
    await waitForRun(page);
    await page.click('[data-testid="studies-menu"]');
    await page.click('[data-testid="study-item-hybrid-dvs"]');
    await page.click('[data-testid="study-run"]');
    await page.waitForSelector('[data-testid="study-view"][data-status="done"]', { timeout: 90_000 });
    const result = await workerResult(page);
    if (!result) throw new Error('the worker returned no result');
    const split = result.rows.filter((r) => (r.stages?.length ?? 0) > 0);
    expect(split.length).toBeGreaterThan(0);
    for (const row of split) {
      const at = `.study-stages-row[data-key="${rowKey(row.task, row.system)}"]`;
      await page.click(`${at} summary`);
      expect(await page.textContent(`${at} summary`)).toBe(stagesSummary(row.stages ?? []));
      const stages = await page.$$eval(`${at} [data-testid="study-stage"]`, (rs) => rs.map((r) => [r.getAttribute('data-energy'), r.getAttribute('data-latency')]));
      expect(stages).toEqual((row.stages ?? []).map((s) => [s.energy_j === null ? '' : String(s.energy_j), s.latency_s === null ? '' : String(s.latency_s)]));
      // The totals are the row's own energy and latency (runStudy sums the stages into them).
      const total = await page.$$eval(`${at} [data-testid="study-stage-total"] td.num`, (c) => c.map((x) => x.textContent));
      expect(total).toEqual([formatEngineering(row.energy_per_inference_j ?? Number.NaN, 'J'), formatEngineering(row.latency_s ?? Number.NaN, 's')]);
    }
    for (const row of result.rows) {
      expect(await page.textContent(`[data-testid="study-row"][data-key="${rowKey(row.task, row.system)}"] td[data-col="power_w"]`)).toBe(POWER_COLUMN.format(row));
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
