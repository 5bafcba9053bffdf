import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectNode, openApp, setThreshold, startE2e, waitForRun, type E2eEnv } from './harness.ts';
import { MILLION_GAIN, TERA_WEIGHTS } from '../support/hostileWorkspaces.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

describe('workspace budgets in Chromium', () => {
  it('refuses an over-budget file and edit with the CLI message, and the network shown keeps running', async () => {
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    const file = JSON.stringify({ format: 'spikelab-workspace', version: 1, workspace: TERA_WEIGHTS.workspace });
    await page.setInputFiles('[data-testid="workspace-input"]', { name: 'tera.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const sentence = 'network.layers[3].units: the network would hold 1.0e12 weights; the budget is 5.0e7';
    await expect.poll(() => page.textContent('[data-testid="workspace-file-message"]')).toBe(`tera.json was not opened (${sentence}); the workspace is unchanged`);
    expect(await page.textContent('[data-testid="error-banner"]')).toBe(`Not applied — ${sentence}`);
    // default preset: fc2 = 10^6 units would hold 32·64 + 64·10^6 + 10^6·5 ≈ 6.9e7 weights.
    await inspectNode(page, 'fc2');
    await page.fill('[data-testid="fc2-units"]', '1000000');
    await page.press('[data-testid="fc2-units"]', 'Enter');
    await expect.poll(() => page.textContent('[data-testid="error-banner"]')).toBe('Not applied — network.layers[3].units: the network would hold 6.9e7 weights; the budget is 5.0e7');
    expect(await page.textContent('[data-testid="run-status"]')).toBe('done');
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(before);
    // The workspace before the refusals is still the one that runs: an edit to it runs again.
    await setThreshold(page, '0.8');
    expect(await waitForRun(page, before)).not.toBe(before);
    expect(await page.isVisible('[data-testid="error-banner"]')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a direct encoder of gain 10^6 to the end and says in the header where its recording stopped', async () => {
    const { page, errors } = await openApp(env);
    const before = await waitForRun(page);
    const file = JSON.stringify({ format: 'spikelab-workspace', version: 1, workspace: MILLION_GAIN });
    await page.setInputFiles('[data-testid="workspace-input"]', { name: 'gain.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    // The whole run's counts: about 2.7e8 input spikes (recorded: the first 1.0e7).
    expect(await waitForRun(page, before)).toBeGreaterThan(1e8);
    await expect.poll(() => page.textContent('[data-testid="run-message"]'), { timeout: 60_000 }).toMatch(/^the recording stopped at step \d+ of 1000 \(layer 'ecg'\): it reached the budget of 1\.0e7 events per run/);
    expect(await page.textContent('[data-testid="run-status"]')).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  });
});
