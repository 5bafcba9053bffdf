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
  it('a workspace file nested 10,000 deep is refused in words, never with the engine’s raw text', async () => {
    const { page, errors } = await openApp(env);
    const spikes = await waitForRun(page);
    const threshold = await page.inputValue('[data-testid="lif1-threshold"]');
    // Valid JSON. On 90ba13a the file reader's key check (JSON.parse's recursive reviver) overflowed
    // the call stack and the page showed "Maximum call stack size exceeded"; the check now walks
    // iteratively and the schema refuses the file. How a raw error that does reach the page is
    // worded (and folded) is tested in workers/explainError.test.ts.
    const deep = `{"format":"spikelab-workspace","version":1,"workspace":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    await page.setInputFiles('[data-testid="workspace-input"]', { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
    const message = page.locator('[data-testid="workspace-file-message"]');
    await message.waitFor();
    const text = (await message.textContent()) ?? '';
    expect(text).toMatch(/deep\.json/);
    expect(text).toMatch(/unchanged|nothing was lost|not opened/);
    expect(text).not.toMatch(/RangeError|Maximum call stack|Invalid array length/);
    // Nothing changed.
    expect(await page.inputValue('[data-testid="lif1-threshold"]')).toBe(threshold);
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(spikes);
    expect(errors).toEqual([]);
    await page.close();
  });
});
