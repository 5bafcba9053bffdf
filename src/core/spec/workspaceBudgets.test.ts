import { describe, expect, it } from 'vitest';
import { BudgetError } from '../errors.ts';
import { parseWorkspace } from './parseWorkspace.ts';
import { checkWorkspaceBudgets, estimateWorkspace, WORKSPACE_BUDGETS, type BudgetName } from './workspaceBudgets.ts';
import { presetWorkspaces } from '../../../test/support/presets.ts';
import { HUGE_CLASS_SET, LONG_ECG, MICROSECOND_DVS, ONE_PER_BUDGET, TERA_WEIGHTS, WIDE_NIR, type HostileWorkspace } from '../../../test/support/hostileWorkspaces.ts';

/** Runs `fn`, returning what it threw, how long it took and how many array-buffer bytes it left allocated. */
function refusal(fn: () => void): { error: unknown; ms: number; bytes: number } {
  const before = process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  try {
    fn();
  } catch (error) {
    return { error, ms: performance.now() - t0, bytes: process.memoryUsage().arrayBuffers - before };
  }
  return { error: undefined, ms: performance.now() - t0, bytes: process.memoryUsage().arrayBuffers - before };
}

function expectRefused(h: HostileWorkspace): BudgetError {
  const ws = parseWorkspace(h.workspace);
  const { error, ms, bytes } = refusal(() => checkWorkspaceBudgets(ws));
  expect(error).toBeInstanceOf(BudgetError);
  const e = error as BudgetError;
  const limit = WORKSPACE_BUDGETS[h.budget as BudgetName].limit.toExponential(1).replace('e+', 'e');
  const issue = e.issues.find((i) => i.path === h.path && i.message.includes(` ${h.estimate} `));
  expect(issue?.message, e.message).toMatch(new RegExp(`; the budget is ${limit.replace('.', '\\.')}$`));
  // From the spec alone: well under a second and no array allocated (the weights alone would be terabytes).
  expect(ms).toBeLessThan(250);
  expect(bytes).toBeLessThan(1 << 20);
  return e;
}

describe('workspace budgets', () => {
  it.each(ONE_PER_BUDGET.map((h) => [h.budget, h] as const))('checkWorkspaceBudgets refuses a workspace over the %s budget with its path, estimate and budget, at once', (_, h) => {
    const e = expectRefused(h);
    expect(e.code).toBe('over_budget');
  });

  it('every budget costed from the spec has a crafted workspace that goes over it', () => {
    // The runEvents budget is counted while the run works: engine/eventBudget.test.ts crafts its cases.
    const fromSpec = Object.entries(WORKSPACE_BUDGETS).filter(([, b]) => b.checked === 'spec').map(([name]) => name);
    expect(new Set(ONE_PER_BUDGET.map((h) => h.budget))).toEqual(new Set(fromSpec));
  });

  it('names the layer of a 10^12-weight network in the words of issue 18', () => {
    const e = expectRefused(TERA_WEIGHTS);
    expect(e.message).toBe('network.layers[3].units: the network would hold 1.0e12 weights; the budget is 5.0e7');
    expect(e.estimate).toBe(1e6 + 1e12); // 1 × 10^6 into the first layer, 10^6 × 10^6 into the second
    expect(e.limit).toBe(5e7);
  });

  it('refuses the 10^5 × 10^5 network of export --nir, the 600 s 2 kHz 1,024-level ECG and the 1 µs camera', () => {
    expectRefused(WIDE_NIR);
    expect(expectRefused(LONG_ECG).message).toContain('1200000 steps × 2048 input neurons');
    const dvs = expectRefused(MICROSECOND_DVS);
    expect(dvs.issues.map((i) => i.path)).toContain('data.stepUs');
  });

  it('passes every preset with at least 100× headroom on every run budget and 5× on the training sets', () => {
    for (const [file, ws] of presetWorkspaces()) {
      const context = { trainingClasses: 10 };
      expect(() => checkWorkspaceBudgets(ws, context), file).not.toThrow();
      // ecg-mitbih caps its beats at 200,000 (5.1e7 values); MIT-BIH holds about 110,000.
      for (const e of estimateWorkspace(ws, context)) expect(e.value * (e.budget === 'trainingValues' ? 5 : 100), `${file} ${e.budget}`).toBeLessThan(WORKSPACE_BUDGETS[e.budget].limit);
    }
  });

  it('costs the built-in samples of a source-classes training once their classes are known', () => {
    const ws = parseWorkspace(HUGE_CLASS_SET);
    expect(() => checkWorkspaceBudgets(ws)).not.toThrow();
    // 6 scenes × 20,000 samples × 20 steps × 2,048 inputs = 4.9e9.
    expect(() => checkWorkspaceBudgets(ws, { trainingClasses: 6 })).toThrow('training.dataset.perClass: the training sets would hold 4.9e9 input values (120000 samples × 20 steps × 2048 input neurons); the budget is 5.0e8');
  });
});
