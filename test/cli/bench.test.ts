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

  it('--workload W3 --engine wasm --threads 2 runs one network on two threads with one thread’s exact counts', () => {
    const lineOf = (threads: string) => {
      const r = cli('bench', '--workload', 'W3', '--engine', 'wasm', '--threads', threads, '--reps', '1', '--json');
      expect(r.code).toBe(0);
      return JSON.parse(r.out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    };
    const one = lineOf('1');
    const two = lineOf('2');
    // Seed 1's run of W3 (WORKLOADS.md's connectivity: 10,006,748 synapses).
    expect(one).toMatchObject({ workload: 'W3', engine: 'wasm', threads: 1, input_spikes: 199_844, output_spikes: 209_066 });
    expect(two).toMatchObject({ workload: 'W3', engine: 'wasm', threads: 2, input_spikes: 199_844, output_spikes: 209_066, synapses: 10_006_748, size: '10k' });
    expect(two['build_s']).toBeGreaterThan(0);
  }, 60_000);

  it('refuses W3 threads and sizes it cannot run, saying why', () => {
    const events = cli('bench', '--workload', 'W3', '--engine', 'events', '--threads', '2');
    expect(events.code).not.toBe(0);
    expect(events.err).toMatch(/--threads applies to --engine wasm only/);
    const big = cli('bench', '--workload', 'W3', '--engine', 'events', '--size', '100k');
    expect(big.err).toMatch(/--size 100k runs W3 on the wasm kernel only/);
    const odd = cli('bench', '--workload', 'W3', '--engine', 'wasm', '--size', '1M');
    expect(odd.err).toMatch(/unknown W3 size '1M'; choose 10k or 100k/);
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
