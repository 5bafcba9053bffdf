import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

describe('raw JavaScript errors never reach the page as they are (Chromium)', () => {
  it('a workspace file nested 10,000 deep is refused in words; the engine’s text is only in the details fold', async () => {
    const { page, errors } = await openApp(env);
    const spikes = await waitForRun(page);
    const threshold = await page.inputValue('[data-testid="lif1-threshold"]');
    // Valid JSON; parsing it with the file reader's key check overflows the call stack.
    const deep = `{"format":"spikelab-workspace","version":1,"workspace":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    await page.setInputFiles('[data-testid="workspace-input"]', { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
    const message = page.locator('[data-testid="workspace-file-message"]');
    await message.waitFor();
    const text = (await message.textContent()) ?? '';
    expect(text).toMatch(/^reading deep\.json failed: the input is nested or chained too deeply for this browser to follow\. make it smaller/);
    expect(text).not.toMatch(/RangeError|Maximum call stack|Invalid array length/);
    // The raw text is one click away, folded, for a bug report.
    await message.click();
    const details = page.locator('[data-testid="notice-list"] [data-testid="error-details"]');
    await details.locator('summary').click();
    expect(await details.locator('code').textContent()).toMatch(/Maximum call stack size exceeded/);
    // Nothing changed.
    expect(await page.inputValue('[data-testid="lif1-threshold"]')).toBe(threshold);
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(spikes);
    expect(errors).toEqual([]);
    await page.close();
  });
});
