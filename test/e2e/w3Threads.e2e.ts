import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS } from './harness.ts';

// W3 on two Web Workers of headless Chromium, one network with a barrier per step: the bench
// page's worker (test/bench/browser) runs the checks, served by vite with the COOP/COEP headers.
let server: ViteDevServer;
let browser: Browser;
let port = 0;
beforeAll(async () => {
  server = await createServer({ logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  port = (server.httpServer?.address() as { port: number }).port;
  browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Counts {
  inputSpikes: number;
  synEvents: number;
  outputSpikes: number;
}
interface Checks {
  isolated: boolean;
  reason?: string;
  threads: number;
  one: { counts: Counts; perStep: number[] }[];
  two: { counts: Counts; perStep: number[] }[];
  crash: string;
  afterCrash: Counts;
}

describe('W3 on two Web Workers (SharedArrayBuffer, Atomics barrier)', () => {
  it('gives one thread’s counts and spikes per step, and a worker dying mid-run fails that run only', async () => {
    const page = await browser.newPage();
    let checks: Checks | undefined;
    let error: string | undefined;
    try {
      await page.goto(`http://127.0.0.1:${port}/test/bench/browser/bench.html?only=W3THREADS`);
      await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 150_000, polling: 500 });
      ({ checks, error } = await page.evaluate(() => {
        const b = (window as unknown as { __bench: { lines: unknown[]; error?: string } }).__bench;
        return b.error !== undefined ? { checks: undefined, error: b.error } : { checks: b.lines[0] as Checks, error: undefined };
      }));
    } finally {
      await page.close();
    }
    expect(error).toBeUndefined();
    const c = checks as Checks;
    expect(c.reason).toBeUndefined();
    expect(c.isolated).toBe(true);
    expect(c.threads).toBe(2);
    expect(c.one[0]?.counts.outputSpikes).toBeGreaterThan(100);
    expect(c.two).toEqual(c.one);
    expect(c.crash).toMatch(/a W3 thread failed \(.*\); the run was lost, start it again/);
    expect(c.afterCrash).toEqual(c.one[0]?.counts);
  }, 180_000);
});
