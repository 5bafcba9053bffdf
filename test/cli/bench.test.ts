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
});
