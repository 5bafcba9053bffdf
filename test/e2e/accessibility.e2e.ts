import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

/** Runs axe-core (every rule it runs by default: WCAG 2.x A/AA and best practices) on the page as it stands. */
async function runAxe(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } };
    const r = await w.axe.run(document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })) }));
  });
}

/** Prints the counts per impact, and fails on any serious or critical violation (listing each with its elements). */
async function expectNoSeriousViolation(page: Page, where: string): Promise<void> {
  const found = await runAxe(page);
  const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of found) counts[v.impact ?? 'minor'] = (counts[v.impact ?? 'minor'] ?? 0) + v.nodes.length;
  console.log(`axe on ${where}: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}${found.length ? ` (${found.map((v) => `${v.impact}:${v.id}`).join(' ')})` : ''}`);
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.summary}`).join(' | ')}`)).toEqual([]);
}

/** What marks keyboard focus on the focused element: its outline, or the mark the app draws instead. */
async function focusMark(page: Page): Promise<{ what: string; mark: string | null } | null> {
  return page.evaluate(async () => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const what = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const outline = (e: Element) => {
      const s = getComputedStyle(e);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `outline ${s.outlineStyle} ${s.outlineWidth}` : null;
    };
    const mark = (): string | null => {
      const own = outline(el);
      if (own) return own;
      // A graph node outlines its card; a graph edge turns focus blue; a splitter colours its bar.
      const card = el.querySelector('.net-node');
      const cardOutline = card && outline(card);
      if (cardOutline) return `card ${cardOutline}`;
      const path = el.querySelector('.react-flow__edge-path');
      if (path && getComputedStyle(path).stroke === 'rgb(0, 114, 178)') return 'edge stroke in focus blue';
      const bar = getComputedStyle(el, '::after').backgroundColor;
      return bar !== 'rgba(0, 0, 0, 0)' && bar !== 'transparent' ? `bar ${bar}` : null;
    };
    // A mark drawn by a style change may still be in its (reduced, near-zero) transition: read it for up to half a second.
    for (let i = 0; i < 25; i++) {
      const m = mark();
      if (m) return { what, mark: m };
      await new Promise((r) => setTimeout(r, 20));
    }
    return { what, mark: null };
  });
}

/** Presses Tab from the current focus until focus leaves the page's last stop; lists the stops without a visible mark. */
async function tabThrough(page: Page): Promise<{ stops: number; unmarked: string[] }> {
  const unmarked: string[] = [];
  let stops = 0;
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const f = await focusMark(page);
    if (!f) break; // past the last stop
    stops++;
    if (f.mark === null) unmarked.push(f.what);
  }
  return { stops, unmarked };
}

describe('accessibility (axe-core) in Chromium', () => {
  it('finds no serious or critical violation on the start page, the Neuron tab and the Chip view', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await expectNoSeriousViolation(page, 'the start page');

    await page.click('[data-testid="tab-neuron"]');
    await page.waitForSelector('#panel-neuron');
    await expectNoSeriousViolation(page, 'the Neuron tab (playground)');

    await page.click('[data-testid="tab-chip"]');
    // The mapping has finished when the mesh panel names its chip and a mapping.
    await page.waitForFunction(() => document.querySelector('.chip-mesh-panel')?.getAttribute('data-mapping-id'), null, { timeout: 60_000 });
    await expectNoSeriousViolation(page, 'the Chip view');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds no serious or critical violation in the Learn menu, with a lesson open (its text and a highlighted control), on a figure step and in presenter mode', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.click('[data-testid="learn-menu"]');
    await page.waitForSelector('[data-testid="lesson-item-spikes-and-membranes"]');
    await expectNoSeriousViolation(page, 'the Learn menu');
    await page.click('[data-testid="lesson-item-spikes-and-membranes"]');
    await page.waitForSelector('[data-testid="lesson-panel"]');
    await page.waitForSelector('.lesson-highlight');
    await expectNoSeriousViolation(page, 'a lesson (spikes and membranes, step 1)');
    await page.click('[data-testid="lesson-present"]');
    await page.waitForSelector('[data-testid="presenter-style"]', { state: 'attached' });
    await expectNoSeriousViolation(page, 'the lesson in presenter mode');
    expect(errors).toEqual([]);
    await page.close();
    // A lesson link to the surrogate-gradient step: its figure (Heaviside against a surrogate, a slope slider).
    const linked = await openApp(env, '?test#lesson=surrogate-training&step=1');
    await linked.page.waitForSelector('[data-testid="figure-surrogate"]', { timeout: 60_000 });
    await expectNoSeriousViolation(linked.page, 'a lesson step with the surrogate figure');
    expect(linked.errors).toEqual([]);
    await linked.page.close();
  });

  it('shows where keyboard focus is on every stop of the start page and of the Neuron tab, with motion reduced', async () => {
    const { page } = await openApp(env);
    // Reduced motion also makes the transitions of focus marks instant (app.css), so each is read settled.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await waitForRun(page);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    const start = await tabThrough(page);
    expect(start.stops).toBeGreaterThan(40);
    expect(start.unmarked).toEqual([]);
    // No CSS animation or transition runs for longer than a frame (the graph's nodes have a 0.3 s one otherwise).
    const slow = await page.evaluate(() =>
      Array.from(document.querySelectorAll('*'))
        .filter((e) => {
          const s = getComputedStyle(e);
          return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0.02) || s.animationDuration.split(',').some((d) => parseFloat(d) > 0.02);
        })
        .map((e) => e.className.toString()),
    );
    expect(slow).toEqual([]);
    // From the Neuron tab to the end of the page: the playground's controls.
    await page.click('[data-testid="tab-neuron"]');
    await page.waitForSelector('#panel-neuron');
    const neuron = await tabThrough(page);
    expect(neuron.stops).toBeGreaterThan(10);
    expect(neuron.unmarked).toEqual([]);
    await page.close();
  });
});
