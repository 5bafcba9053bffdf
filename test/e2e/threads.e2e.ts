import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBenchPage } from './harness.ts';

// The browser's engine threads, in real Web Workers of headless Chromium: the bench page's
// worker (test/bench/browser) runs the checks, served by vite with the COOP/COEP headers.
let pages: Awaited<ReturnType<typeof startBenchPage>>;
beforeAll(async () => {
  pages = await startBenchPage();
});
afterAll(async () => {
  await pages?.close();
});

interface Checks {
  isolated: boolean;
  plan: { threads: number; reason: string };
  w1: number[];
  crash: string;
  afterCrash: number[];
  fullMs: number;
  cancel: string;
  cancelMs: number;
  afterCancel: number[];
  w2: number[];
}

async function checksOn(url: string): Promise<{ checks?: Checks; error?: string }> {
  const page = await pages.browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 170_000, polling: 500 });
    return await page.evaluate(() => {
      const b = (window as unknown as { __bench: { lines: unknown[]; error?: string } }).__bench;
      return b.error !== undefined ? { error: b.error } : { checks: b.lines[0] as Checks };
    });
  } finally {
    await page.close();
  }
}

describe('engine threads in the browser (Web Workers, SharedArrayBuffer)', () => {
  it('W1 on two workers is exact, a crashed worker fails its run only, a cancel ends a run early, W2 trains data-parallel', async () => {
    const { checks, error } = await checksOn(pages.benchUrl('THREADS'));
    expect(error).toBeUndefined();
    const c = checks as Checks;
    expect(c.isolated).toBe(true);
    expect(c.w1).toEqual([223_653, 107_713, 29_477]);
    expect(c.crash).toMatch(/a wasm engine thread failed \(.*\); the run was lost, start it again/);
    expect(c.afterCrash).toEqual([223_653, 107_713, 29_477]);
    expect(c.cancel).toBe('cancelled');
    expect(c.cancelMs).toBeLessThan(c.fullMs / 2);
    expect(c.afterCancel).toEqual([223_653, 107_713, 29_477]);
    // PyTorch's W2 losses (44.15788, then 29.78623 on the third step), from two workers' gradients.
    expect(c.w2[0]).toBeCloseTo(44.15788, 4);
    expect(c.w2[2]).toBeCloseTo(29.78623, 3);
    console.log(`browser threads: plan ${c.plan.threads} (${c.plan.reason}); cancel after ${c.cancelMs.toFixed(0)} ms of a ${c.fullMs.toFixed(0)} ms run; crash: ${c.crash}`);
  }, 180_000);
});
