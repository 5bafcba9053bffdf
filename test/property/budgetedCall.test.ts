import { describe, expect, it } from 'vitest';
import { budgetedCall, budgetProblems, cpuMs, MEMORY_BUDGET_BYTES, TIME_BUDGET_MS } from '../support/property/budgetedCall.ts';

describe('the budget every property input is held to', () => {
  it('is 2 s and 200 MB, as issue 26 asks', () => {
    expect([TIME_BUDGET_MS, MEMORY_BUDGET_BYTES]).toEqual([2000, 200 * 2 ** 20]);
  });
  it('counts what a call keeps (its result included) against the memory budget', () => {
    const o = budgetedCall(() => new Uint8Array(64 * 2 ** 20).fill(1));
    expect(o.ok).toBe(true);
    expect(o.bytes).toBeGreaterThanOrEqual(64 * 2 ** 20);
    expect(budgetProblems(o, { ms: 60_000, bytes: 32 * 2 ** 20 })).toEqual([expect.stringMatching(/^kept \d+ MB, over the 32 MB budget$/)]);
    expect(budgetProblems(o, { ms: 60_000, bytes: 128 * 2 ** 20 })).toEqual([]);
  });
  it('times a call that runs long, and keeps what it threw', () => {
    const o = budgetedCall(() => {
      // Busy, so that it is CPU time (what the budget counts) and not a wait.
      const end = cpuMs() + 60;
      while (cpuMs() < end);
      throw new RangeError('late');
    });
    expect(o.ok ? undefined : o.error).toBeInstanceOf(RangeError);
    expect(budgetProblems(o, { ms: 50, bytes: MEMORY_BUDGET_BYTES })).toEqual([expect.stringMatching(/^took \d+ ms of CPU, over the 50 ms budget$/)]);
  });
});
