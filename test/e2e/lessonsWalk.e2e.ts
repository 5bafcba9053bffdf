import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2eEnv } from './harness.ts';

/**
 * Every built-in lesson walked to its end in Chromium by doing its tasks through the page, as a
 * student would: open it from the Learn menu, touch the controls the step names, wait for the
 * page's own check to say done, press Next. The values typed are the ones the unit tests prove
 * solve each task on the real core (test/support/lessonSolutions.ts); here the page must agree.
 */
const INDEX = JSON.parse(readFileSync(new URL('../../public/lessons/index.json', import.meta.url), 'utf8')) as { lessons: string[] };

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** What the student does on one step (nothing for a step without a task). */
type StepAction = (page: Page) => Promise<void>;

/** Types a value into a field and commits it with Enter. */
async function commit(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

/** Moves the spike views' cursor, with the scrubber, to the first step where `layer` spikes (found by stepping through the recording as the bar's counts do). */
async function cursorToFirstSpike(page: Page, layer: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === 'done', null, { timeout: 60_000 });
  const max = Number(await page.getAttribute('[data-testid="playback-scrubber"]', 'max'));
  const first = await page.evaluate(
    ([name, last]) => {
      const hooks = (window as unknown as { __spikelab: { layerSpikesAt(step: number): Record<string, number> } }).__spikelab;
      for (let t = 0; t <= last; t++) if ((hooks.layerSpikesAt(t)[name] ?? 0) > 0) return t;
      return -1;
    },
    [layer, max] as const,
  );
  expect(first, `${layer} never spikes`).toBeGreaterThanOrEqual(0);
  await page.fill('[data-testid="playback-scrubber"]', String(first));
}

const ACTIONS: Readonly<Record<string, readonly (StepAction | null)[]>> = {
  'spikes-and-membranes': [
    null,
    (page) => commit(page, '[data-testid="pg-input-amplitude"]', '0.12'),
    (page) => commit(page, '[data-testid="pg-pair-weight"]', '1.2'),
  ],
  'neuron-models': [
    (page) => commit(page, '[data-testid="pg-param-tauMemMs-value"]', '50'),
    (page) => commit(page, '[data-testid="pg-input-amplitude"]', '0.3'),
    (page) => page.click('[data-testid="pg-pattern-izh-chattering"]'),
  ],
  'encoding-signals': [
    (page) => page.selectOption('[data-testid="encoder"]', 'rate').then(() => undefined),
    (page) => page.selectOption('[data-testid="encoder"]', 'latency').then(() => undefined),
    async (page) => {
      await page.selectOption('[data-testid="encoder"]', 'levelCrossing');
      const levels = page.locator('.left').getByLabel('levels', { exact: true });
      await levels.fill('4');
      await levels.press('Enter');
    },
  ],
  'reading-a-raster': [null, (page) => cursorToFirstSpike(page, 'lif1'), (page) => cursorToFirstSpike(page, 'lif')],
  'surrogate-training': [
    async (page) => {
      await page.focus('[data-testid="surrogate-slope-slider"]');
      await page.keyboard.press('ArrowLeft');
    },
    (page) => page.click('[data-testid="train-button"]')],
  'chip-costs': [null, (page) => page.selectOption('[data-testid="chip-select"]', 'asic').then(() => undefined)],
  'ssf-weight-reads': [(page) => page.selectOption('[data-testid="chip-select"]', 'asic').then(() => undefined),     // The step reloads the preset (so a link to it lands right): lif1 to ssf, and the asic again.
    async (page) => {
      await page.selectOption('[data-testid="lif1-model"]', 'ssf');
      await page.selectOption('[data-testid="chip-select"]', 'asic');
    },
    null,
  ],
};

describe('every built-in lesson, walked in Chromium', () => {
  it('has an action for every step of every lesson in the index', () => {
    for (const id of INDEX.lessons) {
      const lesson = JSON.parse(readFileSync(new URL(`../../public/lessons/${id}.lesson.json`, import.meta.url), 'utf8')) as { steps: { task?: unknown }[] };
      const actions = ACTIONS[id];
      expect(actions, `no walk for lesson ${id}`).toBeDefined();
      expect(actions?.length, id).toBe(lesson.steps.length);
      // A step with a task needs something done; a step without one must not pretend to.
      lesson.steps.forEach((s, i) => expect(actions?.[i] !== null, `${id} step ${i + 1}`).toBe(s.task !== undefined));
    }
  });

  for (const id of INDEX.lessons) {
    it(`${id}: every task done through the page, then Finish marks the lesson done`, async () => {
      const ctx = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${env.url}?test`);
      await page.waitForSelector('[data-testid="learn-menu"]', { timeout: 60_000 });
      await page.click('[data-testid="learn-menu"]');
      await page.click(`[data-testid="lesson-item-${id}"]`);
      await page.waitForSelector('[data-testid="lesson-panel"]');
      const steps = ACTIONS[id] ?? [];
      const took: string[] = [];
      for (const [i, action] of steps.entries()) {
        await page.waitForFunction((n) => (document.querySelector('[data-testid="lesson-step-of"]')?.textContent ?? '').includes(`Step ${n} `), i + 1, { timeout: 30_000 });
        const t0 = Date.now();
        if (action) {
          // Not done before the student acts: the step's own start, once its run (and mapping, in
          // the chip view) has finished, must fail its check. Before that a run or mapping task
          // would fail for want of one, which proves nothing.
          await page.waitForSelector('[data-testid="lesson-feedback"]', { timeout: 60_000 });
          await page.waitForFunction(
            () => {
              const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent;
              return text('run-status') === 'done' && (document.querySelector('[data-testid="mapping-status"]') === null || text('mapping-status') === 'done');
            },
            null,
            { timeout: 60_000 },
          );
          // The live check judges at most every 200 ms: give it time to judge the settled page.
          await page.waitForTimeout(1000);
          expect(await page.isVisible('[data-testid="lesson-success"]'), `${id} step ${i + 1} done before anything was done`).toBe(false);
          await action(page);
          // On a timeout, the page's own feedback is the failure: it says what the check saw.
          await page.waitForSelector('[data-testid="lesson-success"]', { timeout: 120_000 }).catch(async () => {
            throw new Error(`${id} step ${i + 1} not done; the page says: ${await page.textContent('[data-testid="lesson-feedback"]')}`);
          });
        }
        took.push(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
        await page.click('[data-testid="lesson-next"]');
      }
      await page.click('[data-testid="learn-menu"]');
      expect(await page.textContent(`[data-testid="lesson-progress-${id}"]`)).toBe('✓');
      expect(errors).toEqual([]);
      console.log(`lesson ${id}: ${steps.length} steps walked (${took.join(', ')})`);
      await ctx.close();
    }, 300_000);
  }
});
