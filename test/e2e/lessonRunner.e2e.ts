import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { startE2e, waitForRun, type E2eEnv } from './harness.ts';

/**
 * The lesson runner in the page: a lesson file opened with the file input and walked by doing its
 * tasks, a classroom link opened in a fresh browser, presenter mode, progress over a reload, and a
 * broken file's problems. The walk's lesson is served as a built-in lesson too (the routes below),
 * so the link and the reload find it as a class would.
 */
const HAND_WRITTEN = new URL('../fixtures/lessons/hand-written.lesson.json', import.meta.url).pathname;
const BUILT_IN = new URL('../../public/lessons/', import.meta.url);
const FIXTURES = new URL('../fixtures/lessonRunner/', import.meta.url);
const WALK = new URL('runner-walk.lesson.json', FIXTURES).pathname;
const BROKEN = new URL('broken.lesson.json', FIXTURES).pathname;

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** A fresh browser context (nothing kept from another) whose server lists the walk lesson as its one built-in lesson. */
async function freshContext(): Promise<BrowserContext> {
  const ctx = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  await ctx.route('**/lessons/index.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ lessons: ['runner-walk'] }) }));
  await ctx.route('**/lessons/runner-walk.lesson.json', (r) => r.fulfill({ contentType: 'application/json', body: readFileSync(WALK, 'utf8') }));
  return ctx;
}

/** Opens the page in a context, collecting page errors. */
async function open(ctx: BrowserContext, suffix = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.url}?test${suffix}`);
  return { page, errors };
}

const text = (page: Page, id: string) => page.textContent(`[data-testid="${id}"]`);
const nextEnabled = (page: Page) => page.isEnabled('[data-testid="lesson-next"]');
/** Waits for the step's live check to say done. */
const waitDone = (page: Page) => page.waitForSelector('[data-testid="lesson-success"]', { timeout: 60_000 });

/** Types a value into a field and commits it (Enter), as a user would. */
async function commit(page: Page, testId: string, value: string): Promise<void> {
  await page.fill(`[data-testid="${testId}"]`, value);
  await page.press(`[data-testid="${testId}"]`, 'Enter');
}

/** Waits for the live feedback to match. */
const waitFeedback = (page: Page, re: RegExp) =>
  page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="lesson-feedback"]')?.textContent ?? ''), re.source, { timeout: 60_000 });

describe('lesson runner', () => {
  it('walks the lesson written by hand from the format doc, opened with the file input, by doing its tasks', async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await open(ctx);
    await waitForRun(page);
    expect(await page.inputValue('[data-testid="preset-select"]')).toBe('default');
    await page.click('[data-testid="learn-menu"]');
    await page.setInputFiles('[data-testid="lesson-file-input"]', HAND_WRITTEN);
    await page.waitForSelector('[data-testid="lesson-panel"]');

    // Step 1 (no task): the playground with the step's ramp, the f–I curve highlighted.
    expect(await text(page, 'lesson-step-of')).toBe('Step 1 of 3');
    await page.waitForSelector('[data-testid="tab-neuron"][aria-selected="true"]');
    await page.waitForSelector('[data-lesson-control="pg-fi"].lesson-highlight');
    expect(await page.getAttribute('[data-testid="pg-input-ramp"]', 'aria-pressed')).toBe('true');
    await page.click('[data-testid="lesson-next"]');

    // Step 2: noise around 0.02 gives no spike; two tries that miss bring the hint, then 0.05 does it.
    await page.waitForSelector('[data-lesson-control="pg-input"].lesson-highlight');
    expect(await nextEnabled(page)).toBe(false);
    await waitFeedback(page, /^0 spikes/);
    await commit(page, 'pg-input-mean', '0.03');
    await waitFeedback(page, /^2 spikes .* make it fire more/);
    expect(await page.$('[data-testid="lesson-hint"]')).toBeNull();
    await commit(page, 'pg-input-mean', '0.07');
    await waitFeedback(page, /^10 spikes .* make it fire fewer/);
    await page.waitForSelector('[data-testid="lesson-hint"]');
    expect(await text(page, 'lesson-hint')).toBe('Hint: Raise the mean a little.');
    await commit(page, 'pg-input-mean', '0.05');
    await waitDone(page);
    expect(await text(page, 'lesson-feedback')).toMatch(/^5 spikes in 200 ms/);
    expect(await text(page, 'pg-spike-count')).toMatch(/\b5\b/);
    expect(await text(page, 'lesson-success')).toContain('Noise alone can make a neuron fire');
    await page.click('[data-testid="lesson-next"]');

    // Step 3 loads its preset (the preset menu's way: undoable) and asks for the chip view.
    await page.waitForFunction(() => (document.querySelector('[data-testid="preset-select"]') as HTMLSelectElement | null)?.value === 'ecg-synthetic', null, { timeout: 60_000 });
    await page.click('[data-testid="tab-chip"]');
    await waitDone(page);
    expect(await text(page, 'lesson-step-of')).toBe('Step 3 of 3 · lesson done ✓');
    await page.click('[data-testid="lesson-next"]');
    await page.waitForSelector('[data-testid="lesson-panel"]', { state: 'detached' });
    await page.click('[data-testid="learn-menu"]');
    expect(await text(page, 'lesson-progress-noisy-input')).toBe('✓');
    await page.keyboard.press('Escape');
    // Undo takes the workspace back to the one before the lesson's preset.
    await page.click('.history button:has-text("Undo")');
    await page.waitForFunction(() => (document.querySelector('[data-testid="preset-select"]') as HTMLSelectElement | null)?.value === 'default');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 240_000);

  it('a built-in lesson’s link to step 3, opened in a fresh browser, lands on step 3 with its view', async () => {
    const ids = (JSON.parse(readFileSync(new URL('index.json', BUILT_IN), 'utf8')) as { lessons: string[] }).lessons;
    const lessons = ids.map((id) => JSON.parse(readFileSync(new URL(`${id}.lesson.json`, BUILT_IN), 'utf8')) as { id: string; steps: { title: string; view?: string }[] });
    const lesson = lessons.find((l) => l.steps.length >= 3);
    if (!lesson) throw new Error('no built-in lesson has 3 steps');
    const ctx = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await open(ctx, `#lesson=${lesson.id}&step=3`);
    await page.waitForSelector('[data-testid="lesson-panel"]', { timeout: 60_000 });
    expect(await text(page, 'lesson-step-of')).toMatch(new RegExp(`^Step 3 of ${lesson.steps.length}`));
    expect(await text(page, 'lesson-step-title')).toBe(lesson.steps[2]?.title);
    await page.waitForSelector(`[data-testid="tab-${lesson.steps[2]?.view ?? 'spikes'}"][aria-selected="true"]`);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('walks a lesson opened from a file by doing its tasks, with highlight, hint, success and the link to a step', async () => {
    const ctx = await freshContext();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, errors } = await open(ctx);
    await waitForRun(page);
    await page.click('[data-testid="learn-menu"]');
    await page.setInputFiles('[data-testid="lesson-file-input"]', WALK);
    await page.waitForSelector('[data-testid="lesson-panel"]');

    // The spike view's regions and the side controls carry the names lessons use (contract23.md; the
    // default preset has no training, so no Train button to look for).
    const panels = await page.$$eval('[data-lesson-panel]', (e) => e.map((x) => x.getAttribute('data-lesson-panel')));
    expect(panels.sort()).toEqual(['data', 'graph', 'inspector', 'lesson', 'metrics', 'spikes', 'train']);
    for (const c of ['encoder', 'graph', 'inspector']) expect(await page.$(`[data-lesson-control="${c}"]`)).not.toBeNull();

    // Step 1: text only; Next is open at once. The text's markup is rendered, not injected.
    expect(await text(page, 'lesson-step-of')).toBe('Step 1 of 4');
    expect(await page.textContent('[data-testid="lesson-text"] strong')).toBe('raster');
    expect(await page.textContent('[data-testid="lesson-text"] code')).toBe('Next');
    expect(await nextEnabled(page)).toBe(true);
    await page.click('[data-testid="lesson-next"]');

    // Step 2: open the chip view. The graph is highlighted and described by the task.
    expect(await text(page, 'lesson-step-title')).toBe('The chip');
    expect(await nextEnabled(page)).toBe(false);
    const graph = page.locator('[data-lesson-control="graph"]');
    await page.waitForSelector('[data-lesson-control="graph"].lesson-highlight');
    const describedBy = await graph.getAttribute('aria-describedby');
    expect(await page.textContent(`#${CSS_ESCAPE(describedBy ?? '')}`)).toContain('Open the Chip view.');
    expect(await text(page, 'lesson-feedback')).toMatch(/spikes view is open/);
    // Two tries that miss (the neuron view, then back): the hint shows.
    expect(await page.$('[data-testid="lesson-hint"]')).toBeNull();
    await page.click('[data-testid="tab-neuron"]');
    await page.waitForFunction(() => /neuron view is open/.test(document.querySelector('[data-testid="lesson-feedback"]')?.textContent ?? ''));
    await page.click('[data-testid="tab-spikes"]');
    await page.waitForSelector('[data-testid="lesson-hint"]');
    expect(await text(page, 'lesson-hint')).toBe('Hint: The Chip tab sits above the graph.');
    await page.click('[data-testid="tab-chip"]');
    await waitDone(page);
    expect(await text(page, 'lesson-success')).toContain('That is the chip mapping.');
    // The chip view's regions and controls carry the names lessons use.
    await page.waitForSelector('[data-lesson-control="chip-energy"]', { timeout: 60_000 });
    expect(await page.$$eval('[data-lesson-control="chip-select"], [data-lesson-panel="chip"]', (e) => e.length)).toBe(2);
    expect(await nextEnabled(page)).toBe(true);
    expect(await page.getAttribute('[data-testid="lesson-dot-2"]', 'data-mark')).toBe('done');
    await page.click('[data-testid="lesson-next"]');

    // Step 3: the step switches the view back to the spikes; pick the rate encoder (highlighted).
    await page.waitForSelector('[data-testid="tab-spikes"][aria-selected="true"]');
    await page.waitForSelector('[data-testid="encoder"].lesson-highlight');
    // The classroom link of this step, as the button copies it.
    await page.click('[data-testid="lesson-copy-link"]');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#lesson=runner-walk&step=3$/);
    await page.selectOption('[data-testid="encoder"]', 'rate');
    await waitDone(page);
    expect(await text(page, 'lesson-feedback')).toMatch(/rate encoder sends .* input spikes/);
    await page.click('[data-testid="lesson-next"]');

    // Step 4: the surrogate figure; moving its slider (by keyboard) is the task.
    await page.waitForSelector('[data-testid="figure-surrogate"]');
    const before = await page.getAttribute('[data-testid="surrogate-curve"]', 'd');
    await page.focus('[data-testid="surrogate-slope-slider"]');
    await page.keyboard.press('ArrowRight');
    await waitDone(page);
    expect(await text(page, 'surrogate-slope')).toBe('11');
    expect(await page.getAttribute('[data-testid="surrogate-curve"]', 'd')).not.toBe(before);
    expect(await page.getAttribute('[data-testid="lesson-dot-4"]', 'data-mark')).toBe('done');
    await page.click('[data-testid="lesson-next"]');
    await page.waitForSelector('[data-testid="lesson-panel"]', { state: 'detached' });

    // The menu shows it done: step 1 by reading it (Next), the others by their tasks.
    await page.click('[data-testid="learn-menu"]');
    expect(await text(page, 'lesson-progress-runner-walk')).toBe('✓');
    expect(errors).toEqual([]);
    await ctx.close();

    // The copied link, in a fresh browser (nothing kept): the same lesson at step 3 with its view.
    const fresh = await freshContext();
    const follower = await fresh.newPage();
    await follower.goto(link.replace(/^http:\/\/[^/]+\//, env.url).replace('#', '?test#'));
    await follower.waitForSelector('[data-testid="lesson-panel"]', { timeout: 60_000 });
    expect(await text(follower, 'lesson-step-of')).toBe('Step 3 of 4');
    expect(await text(follower, 'lesson-step-title')).toBe('An encoder');
    await follower.waitForSelector('[data-testid="tab-spikes"][aria-selected="true"]');
    await follower.waitForSelector('[data-testid="encoder"].lesson-highlight');
    // The link leaves the address once read.
    expect(new URL(follower.url()).hash).toBe('');
    await fresh.close();
  }, 240_000);

  it('a link with a workspace and a lesson opens both: the linked workspace stays, the step’s preset is not loaded over it', async () => {
    const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../public/presets/ecg-synthetic.workspace.json', import.meta.url), 'utf8')));
    const fragment = encodeWorkspaceLink({ ...preset, name: 'Class workspace' }).fragment;
    const ctx = await freshContext();
    // Step 1 of the walk loads the 'default' preset; the link's workspace wins.
    const { page, errors } = await open(ctx, `#${fragment}&lesson=runner-walk&step=1`);
    await page.waitForSelector('[data-testid="lesson-panel"]', { timeout: 60_000 });
    expect(await text(page, 'lesson-step-title')).toBe('The raster');
    await waitForRun(page);
    expect(await text(page, 'header-workspace-name')).toContain('Class workspace');
    expect(new URL(page.url()).hash).toBe('');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('presenter mode from a link shows only the panels the step lists, in large type, and Esc leaves it', async () => {
    const ctx = await freshContext();
    const { page, errors } = await open(ctx, '#lesson=runner-walk&step=3&present=1');
    await page.waitForSelector('[data-testid="lesson-panel"]', { timeout: 60_000 });
    await page.waitForSelector('.app[data-presenting]');
    // Step 3 lists lesson, data and spikes.
    expect(await page.isVisible('[data-testid="lesson-panel"]')).toBe(true);
    expect(await page.isVisible('[data-lesson-panel="data"] .panel')).toBe(true);
    expect(await page.isVisible('[data-lesson-panel="spikes"]')).toBe(true);
    expect(await page.isVisible('[data-testid="graph-editor"]')).toBe(false);
    expect(await page.isVisible('[data-testid="inspector"]')).toBe(false);
    expect(await page.isVisible('[data-testid="train-button"]')).toBe(false);
    const large = await page.$eval('[data-testid="lesson-text"]', (e) => parseFloat(getComputedStyle(e).fontSize));
    expect(large).toBeGreaterThanOrEqual(19);
    // Step 4 lists the lesson alone: the centre goes too, and the lesson takes the room.
    await page.click('[data-testid="lesson-dot-4"]');
    await page.waitForSelector('[data-testid="figure-surrogate"]');
    expect(await page.isVisible('[data-lesson-panel="spikes"]')).toBe(false);
    expect(await page.isVisible('[data-lesson-panel="data"] .panel')).toBe(false);
    const width = await page.$eval('[data-testid="lesson-panel"]', (e) => e.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(900);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.app:not([data-presenting])');
    expect(await page.isVisible('[data-testid="graph-editor"]')).toBe(true);
    expect(await page.isVisible('[data-testid="inspector"]')).toBe(true);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('keeps progress over a reload: the menu shows it and the lesson comes back on its step', async () => {
    const ctx = await freshContext();
    const { page } = await open(ctx, '#lesson=runner-walk&step=2');
    await page.waitForSelector('[data-testid="lesson-panel"]', { timeout: 60_000 });
    await page.click('[data-testid="tab-chip"]');
    await waitDone(page);
    await page.click('[data-testid="lesson-next"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-step-of"]')?.textContent === 'Step 3 of 4');
    // Skip marks step 3 skipped, not done.
    await page.click('[data-testid="lesson-skip"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-step-of"]')?.textContent === 'Step 4 of 4');
    await page.reload();
    await page.waitForSelector('[data-testid="lesson-panel"]', { timeout: 60_000 });
    expect(await text(page, 'lesson-step-of')).toBe('Step 4 of 4');
    expect(await page.getAttribute('[data-testid="lesson-dot-2"]', 'data-mark')).toBe('done');
    expect(await page.getAttribute('[data-testid="lesson-dot-3"]', 'data-mark')).toBe('skipped');
    await page.click('[data-testid="lesson-exit"]');
    await page.click('[data-testid="learn-menu"]');
    await page.waitForSelector('[data-testid="lesson-progress-runner-walk"]');
    // Step 2 done by its task; step 1 was never shown (the link opened on 2), step 3 skipped.
    expect(await text(page, 'lesson-progress-runner-walk')).toBe('1/4');
    // Opened from the menu, the lesson resumes where the student left it.
    await page.click('[data-testid="lesson-item-runner-walk"]');
    expect(await text(page, 'lesson-step-of')).toBe('Step 4 of 4');
    await ctx.close();
  }, 120_000);

  it('shows a broken lesson file’s problems by path, and a link to a missing lesson or step says so', async () => {
    const ctx = await freshContext();
    const { page, errors } = await open(ctx);
    await waitForRun(page);
    await page.click('[data-testid="learn-menu"]');
    await page.setInputFiles('[data-testid="lesson-file-input"]', BROKEN);
    await page.waitForSelector('[data-testid="lesson-notice"]');
    const problems = await page.$$eval('[data-testid="lesson-notice"] [data-testid="lesson-problems"] li', (li) => li.map((l) => l.textContent ?? ''));
    const paths = problems.map((p) => p.split(':')[0]);
    expect(paths).toEqual(['steps[0].view', 'steps[0].task.kind']);
    // Each says what is allowed.
    expect(problems[0]).toMatch(/unknown view 'neurons'.*neuron/);
    expect(problems[1]).toMatch(/unknown task kind 'spike-count'/);
    expect(await page.$('[data-testid="lesson-panel"]')).toBeNull();
    // The menu lists the file with its problems; the page works on.
    await page.click('[data-testid="learn-menu"]');
    await page.waitForSelector('[data-testid="lesson-broken-broken.lesson.json"] [data-testid="lesson-problems"]');
    await page.keyboard.press('Escape');
    await page.click('[data-testid="lesson-notice"] button');
    // A link pasted into the open page's address bar (a hash change).
    await page.goto(`${env.url}?test#lesson=no-such-lesson&step=1`);
    await page.waitForSelector('[data-testid="lesson-notice"]', { timeout: 60_000 });
    expect(await text(page, 'lesson-notice')).toMatch(/‘no-such-lesson’.*The lessons are: runner-walk/);
    // A link opened in a new page, asking for a step the lesson does not have.
    const second = await ctx.newPage();
    second.on('pageerror', (e) => errors.push(e.message));
    await second.goto(`${env.url}?test#lesson=runner-walk&step=9`);
    await second.waitForSelector('[data-testid="lesson-notice"]', { timeout: 60_000 });
    expect(await text(second, 'lesson-notice')).toMatch(/step 9 of ‘A walk through the page’, which has 4 steps/);
    expect(await second.$('[data-testid="lesson-panel"]')).toBeNull();
    // The page otherwise as usual.
    await waitForRun(second);
    // A .lesson.json dropped on the page (here on the raster, not the data drop zone) opens as a lesson.
    const body = readFileSync(WALK, 'utf8');
    await second.evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'runner-walk.lesson.json', { type: 'application/json' }));
      document.querySelector('[data-lesson-panel="spikes"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, body);
    await second.waitForSelector('[data-testid="lesson-panel"]');
    expect(await text(second, 'lesson-step-title')).toBe('The raster');
    // Not taken for data.
    expect(await second.$('[data-testid="file-status"]')).toBeNull();
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);
});

/** CSS.escape for an id made by React's useId (":r1:"), in Node. */
function CSS_ESCAPE(id: string): string {
  return id.replace(/([^a-zA-Z0-9_-])/g, '\\$1');
}
