import { describe, expect, it } from 'vitest';
import { formatEngineering } from '../../src/core/format/engineering.ts';
import { POWER_COLUMN, stagesSummary } from '../../src/ui/panels/study/studyColumns.ts';
import { rowKey } from '../../src/ui/studyController.ts';
import { e2eForFile, freshPage, studyWorkerResult } from './studyPage.ts';


const e2e = e2eForFile();

const workerResult = studyWorkerResult;

describe('a split system in the page', () => {
  it("shows the hybrid's stages under its row with their totals, and the power column in mW", async () => {
    const { page, errors } = await freshPage(e2e(), 1280, 900);
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
