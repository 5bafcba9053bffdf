import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('spikelab bench', () => {
  it('--list names the wasm engine for W1 and W3', () => {
    const r = cli('bench', '--list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^W1: .*\bwasm\b/m);
    expect(r.out).toMatch(/^W3: .*\bwasm\b/m);
    expect(r.out).toMatch(/^W2: wasm, /m);
  });

  it('--workload W2 --engine wasm trains on the BPTT kernel from the reference first loss', () => {
    const r = cli('bench', '--workload', 'W2', '--engine', 'wasm', '--reps', '2', '--json');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
    expect(line).toMatchObject({ workload: 'W2', engine: 'wasm', threads: 1, reps: 2 });
    expect(line['loss_first']).toBeCloseTo(44.15788, 4);
    // The warm-up step and two timed steps: the third loss of WORKLOADS.md (torch 29.78623).
    expect(line['loss_last']).toBeCloseTo(29.78623, 4);
  });

  it('--workload W1 --engine wasm prints one JSON line with the exact W1 counts', () => {
    const r = cli('bench', '--workload', 'W1', '--engine', 'wasm', '--reps', '1', '--json');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ workload: 'W1', engine: 'wasm', hidden_spikes: 107_713, output_spikes: 29_477, reps: 1 });
    expect(line['samples_per_s']).toBeGreaterThan(0);
  });

  it('--precision float32 runs W1 on float32 sums and reports the spikes that flip; other values are refused', () => {
    const r = cli('bench', '--workload', 'W1', '--engine', 'wasm', '--reps', '1', '--precision', 'float32', '--json');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    // W1's sums are short (≈35 inputs a step): float32 gives the same spikes on it.
    expect(line).toMatchObject({ workload: 'W1', engine: 'wasm', precision: 'float32', flips_per_million: 0, hidden_spikes: 107_713, output_spikes: 29_477 });
    const bad = cli('bench', '--workload', 'W1', '--precision', 'float16');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("--precision must be float64 or float32, got 'float16'");
  });
});
